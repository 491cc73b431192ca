package org.spil.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.network.Network;
import org.spil.analysis.network.NetworkFile;

/**
 * Real criminal networks from ../shared/data/networks: on CAVIAR (Morselli) the principal
 * trafficker n1 (Daniel Serero) ranks first by degree and by betweenness and his lieutenants n3 and
 * n12 are near the top; the other wire-tap networks load and partition into communities.
 */
class RealNetworksTest {
  static final Path DIR = Path.of("../../shared/data/networks");

  static List<String> ranking(Network net, double[] scores) {
    return IntStream.range(0, net.size())
        .boxed()
        .sorted((a, b) -> Double.compare(scores[b], scores[a]))
        .map(net::id)
        .toList();
  }

  @Test
  void caviarLeaderRanksFirstByDegreeAndBetweenness() throws Exception {
    Network net = NetworkFile.read(DIR.resolve("morselli_caviar.csv"));
    Graph g = net.graph();
    assertThat(net.size()).isEqualTo(110);
    double[] degree = new double[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      degree[v] = g.degree(v);
    }
    List<String> byDegree = ranking(net, degree);
    List<String> byBetweenness = ranking(net, BrandesBetweenness.compute(g, Lengths.HOPS).scores());
    System.out.println("CAVIAR by degree " + byDegree.subList(0, 5));
    System.out.println("CAVIAR by betweenness " + byBetweenness.subList(0, 5));
    assertThat(byDegree.get(0)).isEqualTo("1");
    assertThat(byBetweenness.get(0)).isEqualTo("1");
    assertThat(byDegree.subList(0, 5)).contains("3", "12");
    assertThat(byBetweenness.subList(0, 5)).contains("3", "12");
    List<String> byPageRank = ranking(net, PageRank.compute(g).scores());
    assertThat(byPageRank.get(0)).isEqualTo("1");
    KeyPlayers.Result kp =
        KeyPlayers.find(g, 3, BrandesBetweenness.compute(g, Lengths.HOPS).scores());
    assertThat(net.id(kp.players()[0])).as("removing the leader fragments most").isEqualTo("1");
    assertThat(kp.fragmentation()).isSorted();
  }

  @Test
  void otherWireTapNetworksLoadAndSplitIntoCommunities() throws Exception {
    for (String file :
        List.of("natajaran_cocaine.csv", "natajaran_heroin.csv", "morselli_cielnet.csv")) {
      Network net = NetworkFile.read(DIR.resolve(file));
      LouvainCommunities.Result r = LouvainCommunities.compute(net.graph());
      assertThat(r.count()).as(file).isGreaterThan(1);
      assertThat(r.modularity()).as(file).isGreaterThan(0.1);
    }
  }

  @Test
  void malformedNetworkFilesAreRefusedWithFileAndLine(@TempDir Path tmp) throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "\"\",a,b\na,0,1\nb,x,0\n");
    assertThatThrownBy(() -> NetworkFile.read(bad))
        .hasMessageContaining("bad.csv:3: column 2: 'x' is not a number");
    Files.writeString(bad, "who,whom\na,b\n");
    assertThatThrownBy(() -> NetworkFile.read(bad)).hasMessageContaining("bad.csv:1: neither");
    Files.writeString(bad, "");
    assertThatThrownBy(() -> NetworkFile.read(bad)).hasMessageContaining("empty network file");
    Files.writeString(bad, "source,target,weight\na,b,-2\n");
    assertThatThrownBy(() -> NetworkFile.read(bad))
        .hasMessageContaining("bad.csv:2: weight: must be positive");
  }

  @Test
  void keyPlayersEqualExhaustiveSearchForOnePlayer() {
    for (long seed = 1; seed <= 30; seed++) {
      ReferenceTest.Case c = ReferenceTest.random(seed, false);
      Graph g = c.ours();
      double best = -1;
      for (int v = 0; v < g.nodes(); v++) {
        boolean[] removed = new boolean[g.nodes()];
        removed[v] = true;
        best = Math.max(best, naiveFragmentation(g, removed));
      }
      double[] everyone = new double[g.nodes()];
      Arrays.fill(everyone, 1);
      KeyPlayers.Result r = KeyPlayers.find(g, 1, everyone);
      assertThat(r.fragmentation()[1])
          .as("seed %d", seed)
          .isCloseTo(best, Assertions.within(1e-12));
    }
  }

  /** Fragmentation by breadth-first reachability between every ordered pair. */
  static double naiveFragmentation(Graph g, boolean[] removed) {
    int n = g.nodes();
    long reachable = 0;
    for (int s = 0; s < n; s++) {
      if (removed[s]) {
        continue;
      }
      boolean[] seen = new boolean[n];
      ArrayDeque<Integer> q = new ArrayDeque<>();
      q.add(s);
      seen[s] = true;
      while (!q.isEmpty()) {
        int v = q.poll();
        for (int e = g.start(v); e < g.end(v); e++) {
          int w = g.target(e);
          if (!seen[w] && !removed[w]) {
            seen[w] = true;
            reachable++;
            q.add(w);
          }
        }
      }
    }
    return 1 - (double) reachable / ((double) n * (n - 1));
  }

  @Test
  void louvainFindsPlantedGroups() {
    // four cliques of 8, joined in a ring by single edges
    GraphBuilder b = new GraphBuilder(32, 200);
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < 8; i++) {
        for (int j = i + 1; j < 8; j++) {
          b.add(c * 8 + i, c * 8 + j);
        }
      }
      b.add(c * 8, ((c + 1) % 4) * 8 + 1);
    }
    LouvainCommunities.Result r = LouvainCommunities.compute(b.build(false));
    assertThat(r.count()).isEqualTo(4);
    for (int c = 0; c < 4; c++) {
      for (int i = 1; i < 8; i++) {
        assertThat(r.community()[c * 8 + i]).isEqualTo(r.community()[c * 8]);
      }
    }
    double[] p = Brokers.participation(b.build(false), r.community(), r.count());
    assertThat(p[0]).as("the node with a tie to the next group brokers").isGreaterThan(0);
    assertThat(p[2]).isZero();
  }
}
