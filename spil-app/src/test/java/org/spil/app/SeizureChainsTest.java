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
import org.spil.analysis.network.Network;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;
import org.spil.synth.GroundTruth;

/**
 * Every seizure of the scenario walked back to its shipment, consignee and the consignee's
 * director, as {@code truth/seizure_chains.csv} says, once the case team has resolved the records;
 * what is no seizure is refused as one the reader may not see.
 */
class SeizureChainsTest {
  @TempDir Path tmp;

  @Test
  void everySeizureLeadsToItsConsigneeAndItsDirector() throws IOException {
    try (Store store = Scenario.warehouse(3000, tmp, Path.of(ScenarioNetworkTest.PORTS), "bench")) {
      Viewer analyst = store.viewer("bench", Scenario.CASE);
      new Resolving(store).resolve(analyst, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
      Map<String, String> canonical = new HashMap<>();
      store
          .resolutions()
          .clusters(analyst)
          .forEach((id, members) -> members.forEach(m -> canonical.put(m, id)));
      GroundTruth truth = new GroundTruth(tmp.resolve("scenario"));
      List<String> lines = Files.readAllLines(tmp.resolve("scenario/truth/seizure_chains.csv"));
      List<String[]> chains =
          lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
      assertThat(chains).isNotEmpty();
      SeizureChains walk = new SeizureChains(store);
      Network net = NetworkAnalysis.load(store, analyst, LinkFilter.ALL);
      int withDirector = 0;
      int ripOns = 0;
      for (String[] c : chains) {
        SeizureChains.Chain chain = walk.of(analyst, net, c[1]);
        Set<String> ids =
            chain.entities().stream().map(SeizureChains.Node::id).collect(Collectors.toSet());
        boolean ripOn = Boolean.parseBoolean(c[10]);
        assertThat(chain.ripOn()).as(c[0] + ": " + chain.verdict()).isEqualTo(ripOn);
        if (ripOn) {
          ripOns++;
          assertThat(chain.verdict()).startsWith("rip-on: the consignee is clean");
          for (String insider : c[11].split(";")) {
            Set<String> records =
                truth.recordsOf(insider).stream()
                    .map(r -> canonical.getOrDefault(r.entityId(), r.entityId()))
                    .collect(Collectors.toSet());
            assertThat(ids).as("insider at the terminal of " + c[0]).containsAnyElementsOf(records);
          }
        }
        assertThat(ids).as("shipment of " + c[0]).contains(c[4]);
        assertThat(ids).as("consignee of " + c[0]).contains(canonical.getOrDefault(c[6], c[6]));
        assertThat(chain.links())
            .anySatisfy(
                l -> {
                  assertThat(l.type()).isEqualTo("found in");
                  assertThat(l.detail()).isEqualTo(c[2]);
                  assertThat(l.datasets()).containsExactly("douane-nl");
                });
        if (!c[7].isEmpty()) {
          Set<String> director =
              truth.recordsOf(c[7]).stream()
                  .map(r -> canonical.getOrDefault(r.entityId(), r.entityId()))
                  .collect(Collectors.toSet());
          assertThat(ids).as("director of " + c[0]).containsAnyElementsOf(director);
          withDirector++;
        }
      }
      assertThat(withDirector).isPositive();
      assertThat(ripOns).as("rip-ons in legal cargo at the demo's scale").isEqualTo(3);
      assertThatThrownBy(() -> walk.of(analyst, net, chains.get(0)[4]))
          .as("a shipment is no seizure")
          .hasMessage("no seizure '" + chains.get(0)[4] + "' you may see");
    }
  }
}
