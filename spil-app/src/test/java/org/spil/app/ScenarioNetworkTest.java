package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.graph.BrandesBetweenness;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.network.Link;
import org.spil.analysis.network.Network;
import org.spil.store.Store;
import org.spil.synth.GroundTruth;
import org.spil.synth.Synthesizer;

/**
 * On the synthetic scenario, the chat network a case analyst may see gives back what was planted:
 * the leaders' and brokers' handles rank at the top by betweenness, and each planted network's
 * handles fall mostly into one community.
 */
class ScenarioNetworkTest {
  static final String PORTS = "../../shared/data/geo/UpdatedPub150.csv";

  @TempDir Path tmp;

  @Test
  void plantedLeadersAndBrokersAreRecovered() throws Exception {
    try (Store store = Scenario.warehouse(1500, tmp, Path.of(PORTS), "bench")) {
      GroundTruth truth = new GroundTruth(tmp.resolve("scenario"));
      Network net =
          NetworkAnalysis.load(
              store, store.viewer("bench", Scenario.CASE), LinkFilter.of(Set.of("Message")));
      double[] betweenness = BrandesBetweenness.compute(net.graph(), Lengths.HOPS).scores();
      PlantedRoles.Recall recall =
          PlantedRoles.recall(net, betweenness, PlantedRoles.handles(truth));
      System.out.printf(
          "scenario 1,500: leaders and brokers in the top %d by betweenness: %d (recall %.2f)%n",
          recall.k(), recall.found(), recall.value());
      assertThat(recall.k()).isGreaterThanOrEqualTo(6);
      assertThat(recall.value()).isGreaterThanOrEqualTo(0.75);

      int[] community = LouvainCommunities.compute(net.graph()).community();
      Map<String, Map<Integer, Integer>> byNetwork = new HashMap<>();
      Map<String, String> networkOf = new HashMap<>();
      truth.members().forEach(m -> m.handles().forEach(h -> networkOf.put(h, m.network())));
      for (int v = 0; v < net.size(); v++) {
        String n = networkOf.get(net.caption(v).toLowerCase(Locale.ROOT));
        if (n != null) {
          byNetwork.computeIfAbsent(n, k -> new HashMap<>()).merge(community[v], 1, Integer::sum);
        }
      }
      assertThat(byNetwork).isNotEmpty();
      for (Map.Entry<String, Map<Integer, Integer>> e : byNetwork.entrySet()) {
        int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
        int largest = e.getValue().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertThat((double) largest / total)
            .as("share of network %s's handles in its main community", e.getKey())
            .isGreaterThanOrEqualTo(0.6);
      }

      // the contact network of one quarter: exactly the messages sent in it, against the export
      LocalDate since = LocalDate.of(2024, 4, 1);
      LocalDate until = LocalDate.of(2024, 6, 30);
      Network quarter =
          NetworkAnalysis.load(
              store,
              store.viewer("bench", Scenario.CASE),
              new LinkFilter(Set.of("Message"), since, until));
      Set<String> lawyers = Set.copyOf(Synthesizer.LAWYER_HANDLES);
      long expected = 0;
      for (String line : Files.readAllLines(tmp.resolve("scenario/encrochat/messages.jsonl"))) {
        JsonNode m = new ObjectMapper().readTree(line);
        LocalDate day = LocalDate.parse(m.get("timestamp").asText().substring(0, 10));
        List<String> to = List.of(m.get("to").asText().split(";"));
        boolean privileged =
            lawyers.contains(m.get("from").asText()) || to.stream().anyMatch(lawyers::contains);
        if (!day.isBefore(since) && !day.isAfter(until) && !privileged) {
          expected += to.size();
        }
      }
      long counted = 0;
      for (int u = 0; u < quarter.size(); u++) {
        for (int e = quarter.graph().start(u); e < quarter.graph().end(u); e++) {
          int v = quarter.graph().target(e);
          if (u < v) {
            for (Link l : quarter.links(u, v)) {
              counted += l.count();
              assertThat(LocalDate.parse(l.first())).isBetween(since, until);
              assertThat(LocalDate.parse(l.last())).isBetween(since, until);
            }
          }
        }
      }
      assertThat(expected).isPositive();
      assertThat(counted).isEqualTo(expected);
      assertThat(quarter.graph().edges()).isLessThan(net.graph().edges());

      // the whole network as the viewer sees it, for Gephi and NetworkX
      Network all =
          NetworkAnalysis.load(store, store.viewer("bench", Scenario.CASE), LinkFilter.ALL);
      for (NetworkAnalysis.GraphFormat format : NetworkAnalysis.GraphFormat.values()) {
        Path file = tmp.resolve("network." + format.name().toLowerCase(Locale.ROOT));
        NetworkAnalysis.writeGraph(all, format, file, tmp.resolve("data"), false);
        String read = format == NetworkAnalysis.GraphFormat.GEXF ? "read_gexf" : "read_graphml";
        String summary =
            networkx(
                "import networkx as nx, sys\n"
                    + "g = nx."
                    + read
                    + "(sys.argv[1])\n"
                    + "n = next(iter(g.nodes(data=True)))[1]\n"
                    + "print(g.number_of_nodes(), g.number_of_edges(),"
                    + " 'pagerank' in n and 'community' in n and 'schema' in n)\n",
                file);
        assertThat(summary.strip())
            .as("NetworkX reads the %s file", format)
            .isEqualTo(all.graph().nodes() + " " + all.graph().edges() + " True");
      }
    }
  }

  /** Runs a Python script with NetworkX (Debian's python3-networkx) on a file; its output. */
  private static String networkx(String script, Path file) throws Exception {
    String python = Files.exists(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Process check = new ProcessBuilder(python, "-c", "import networkx").start();
    Assumptions.assumeTrue(check.waitFor() == 0, "python3 with networkx is not installed");
    Process p =
        new ProcessBuilder(python, "-c", script, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
