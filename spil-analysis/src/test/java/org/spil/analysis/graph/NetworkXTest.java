package org.spil.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The algorithms JGraphT lacks or defines otherwise, against NetworkX (Debian python3-networkx,
 * which CI installs): closeness with the Wasserman-Faust correction on disconnected graphs,
 * eigenvector centrality, and Louvain modularity within 3% of NetworkX's own Louvain. PageRank,
 * betweenness and core numbers are compared too, so both references agree with us.
 */
class NetworkXTest {
  final ObjectMapper json = new ObjectMapper();

  private static boolean networkx() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import networkx").start();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void scoresEqualNetworkX() throws Exception {
    Assumptions.assumeTrue(networkx(), "python3 with networkx is not installed");
    List<ReferenceTest.Case> cases = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      boolean directed = seed % 3 == 0;
      ReferenceTest.Case c = ReferenceTest.random(seed, directed);
      cases.add(c);
      List<double[]> edges = new ArrayList<>();
      Graph g = c.ours();
      for (int u = 0; u < g.nodes(); u++) {
        for (int e = g.start(u); e < g.end(u); e++) {
          if (directed || u < g.target(e)) {
            edges.add(new double[] {u, g.target(e), g.weight(e)});
          }
        }
      }
      lines.add(
          json.writeValueAsString(
              Map.of(
                  "n",
                  c.n(),
                  "directed",
                  directed,
                  "edges",
                  edges.stream().map(x -> List.of((int) x[0], (int) x[1], x[2])).toList())));
    }
    Path script = Files.createTempFile("networkx", ".py");
    try (var in = getClass().getResourceAsStream("/networkx_reference.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(false).start();
    try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l + "\n");
      }
    }
    List<JsonNode> results = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        results.add(json.readTree(l));
      }
    }
    assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes())).isZero();
    assertThat(results).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      ReferenceTest.Case c = cases.get(i);
      JsonNode ref = results.get(i);
      Graph g = c.ours();
      compare(c, "pagerank", PageRank.compute(g).scores(), ref);
      compare(c, "betweenness", BrandesBetweenness.compute(g, Lengths.HOPS).scores(), ref);
      compare(c, "closeness", Closeness.compute(g, Lengths.INVERSE_WEIGHT), ref);
      if (!g.directed()) {
        if (ref.has("eigenvector") && Components.weak(g).count() == 1) {
          compare(c, "eigenvector", Eigenvector.compute(g), ref);
        }
        int[] core = KCore.coreNumbers(g);
        for (int v = 0; v < c.n(); v++) {
          assertThat(core[v]).isEqualTo(ref.get("core").get(String.valueOf(v)).asInt());
        }
        double ours = LouvainCommunities.compute(g).modularity();
        assertThat(ours)
            .as("Louvain modularity, seed %d", c.seed())
            .isGreaterThanOrEqualTo(ref.get("louvain_modularity").asDouble() - 0.03);
      }
    }
  }

  private static void compare(ReferenceTest.Case c, String measure, double[] ours, JsonNode ref) {
    for (int v = 0; v < c.n(); v++) {
      assertThat(ours[v])
          .as("%s, seed %d, node %d", measure, c.seed(), v)
          .isCloseTo(ref.get(measure).get(String.valueOf(v)).asDouble(), within(1e-6));
    }
  }
}
