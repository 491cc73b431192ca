package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.goods.Targeting;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;

/**
 * Targeting on the scenario, scored as customs scores it against {@code truth/shipments.csv}: of
 * the top 1% at least half network shipments (at the demo's scale, 3,000), and at least 80% of the
 * network shipments in the top 5%; the same ranking twice.
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
    }
  }
}
