package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.goods.Targeting;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;

/**
 * Targeting on the scenario, scored as customs scores it against {@code truth/shipments.csv}: of
 * the top 1% at least half network shipments (at the demo's scale, 3,000), and at least 80% of the
 * network shipments in the top 5%; the same ranking twice; and after the top 5% of the first
 * eighteen months are inspected and their outcomes recorded, the outcomes shown, the weights moved
 * with an explanation, and no fewer network shipments in the top 1% of the later shipments.
 */
class ShipmentTargetingTest {
  @TempDir Path tmp;

  @Test
  void networkShipmentsComeFirst() throws IOException {
    try (Store store = Scenario.warehouse(3000, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      new Resolving(store).resolve(analyst, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
      Map<String, String> network = new HashMap<>();
      List<String> truth = Files.readAllLines(tmp.resolve("scenario/truth/shipments.csv"));
      for (String line : truth.subList(1, truth.size())) {
        String[] f = line.split(",", -1);
        network.put(f[2], f[3]);
      }
      ShipmentTargeting targeting = new ShipmentTargeting(store);
      List<Targeting.Target> ranked =
          targeting.targets(analyst, null, 0, ShipmentTargeting.weights(tmp, null));
      assertThat(ranked).hasSize(network.size());
      long networkShipments = network.values().stream().filter(n -> !n.isEmpty()).count();
      int onePercent = Math.max(1, ranked.size() / 100);
      int fivePercent = ranked.size() / 20;
      long topOne =
          ranked.subList(0, onePercent).stream()
              .filter(t -> !network.get(t.shipment()).isEmpty())
              .count();
      long topFive =
          ranked.subList(0, fivePercent).stream()
              .filter(t -> !network.get(t.shipment()).isEmpty())
              .count();
      System.out.printf(
          "targeting, scale 3,000: %d shipments, %d of networks; top 1%% (%d) %d of networks"
              + " (precision %.2f); top 5%% (%d) holds %d of them (recall %.2f)%n",
          ranked.size(),
          networkShipments,
          onePercent,
          topOne,
          (double) topOne / onePercent,
          fivePercent,
          topFive,
          (double) topFive / networkShipments);
      assertThat(2 * topOne).as("top 1% network shipments").isGreaterThanOrEqualTo(onePercent);
      assertThat(5 * topFive)
          .as("network shipments in the top 5%")
          .isGreaterThanOrEqualTo(4 * networkShipments);
      assertThat(ranked.get(0).indicators()).isNotEmpty();
      assertThat(targeting.targets(analyst, null, 10, ShipmentTargeting.weights(tmp, null)))
          .isEqualTo(ranked.subList(0, 10));

      // customs inspects the top 5% of the first eighteen months and records what it found (the
      // truth): the ranking of the later shipments, which no inspection saw, explains how the
      // outcomes moved the weights and holds no fewer network shipments in its top 1%
      String late = "2024-07-01";
      List<Targeting.Target> lateBefore =
          targeting.targets(analyst, late, 0, ShipmentTargeting.weights(tmp, null));
      Set<String> lateIds =
          lateBefore.stream().map(Targeting.Target::shipment).collect(Collectors.toSet());
      List<Targeting.Target> early =
          ranked.stream().filter(t -> !lateIds.contains(t.shipment())).toList();
      int inspectedEarly = early.size() / 20;
      for (Targeting.Target t : early.subList(0, inspectedEarly)) {
        targeting.inspect(
            analyst, t.shipment(), network.get(t.shipment()).isEmpty() ? "nothing" : "found", null);
      }
      List<Targeting.Target> learned =
          targeting.targets(analyst, null, 0, ShipmentTargeting.weights(tmp, null));
      assertThat(learned.stream().filter(t -> t.inspection() != null).count())
          .isEqualTo(inspectedEarly);
      assertThat(learned)
          .anySatisfy(
              t ->
                  assertThat(t.indicators())
                      .anySatisfy(
                          h -> assertThat(h.explanation()).contains("inspected showing it")));
      List<Targeting.Target> lateAfter =
          targeting.targets(analyst, late, 0, ShipmentTargeting.weights(tmp, null));
      int lateOne = Math.max(1, lateBefore.size() / 100);
      long hitsBefore =
          lateBefore.subList(0, lateOne).stream()
              .filter(t -> !network.get(t.shipment()).isEmpty())
              .count();
      long hitsAfter =
          lateAfter.subList(0, lateOne).stream()
              .filter(t -> !network.get(t.shipment()).isEmpty())
              .count();
      System.out.printf(
          "after inspecting %d early shipments: top 1%% of the %d later ones holds %d of networks"
              + " (before %d)%n",
          inspectedEarly, lateBefore.size(), hitsAfter, hitsBefore);
      assertThat(hitsAfter).isGreaterThanOrEqualTo(hitsBefore);
      // an outcome withdrawn is gone; a shipment the viewer may not see, or a bad outcome, refused
      String first = ranked.get(0).shipment();
      targeting.inspect(analyst, first, "open", "recorded on the wrong container");
      assertThat(
              targeting.targets(analyst, null, 0, ShipmentTargeting.weights(tmp, null)).stream()
                  .filter(t -> t.shipment().equals(first))
                  .findFirst()
                  .orElseThrow()
                  .inspection())
          .isNull();
      assertThatThrownBy(() -> targeting.inspect(analyst, "no-such-shipment", "found", null))
          .hasMessage("no shipment 'no-such-shipment' you may see");
      assertThatThrownBy(() -> targeting.inspect(analyst, first, "seized", null))
          .hasMessageContaining("one of found, nothing, open");
      Viewer border = store.viewer("bench", "wpg-art-8");
      assertThatThrownBy(() -> targeting.inspect(border, first, "found", null))
          .as("customs' shipments are not the border task's to inspect")
          .hasMessage("no shipment '" + first + "' you may see");
    }
  }
}
