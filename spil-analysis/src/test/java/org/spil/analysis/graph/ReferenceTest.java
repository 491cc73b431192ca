package org.spil.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.ClosenessCentrality;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.AsUnweightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

/**
 * Every algorithm against JGraphT on seeded random graphs (sparse, with several components and
 * isolated nodes): scores to 1e-6, components, cores and path lengths exactly. The seed of a
 * failing case is in the assertion message.
 */
class ReferenceTest {
  record Case(long seed, int n, Graph ours, org.jgrapht.Graph<Integer, DefaultWeightedEdge> ref) {}

  /** Random graph with weights in {1, 2, 4} (so inverse lengths add up exactly). */
  static Case random(long seed, boolean directed) {
    Random r = new Random(seed);
    int n = 5 + r.nextInt(60);
    int m = r.nextInt(n * 3);
    GraphBuilder b = new GraphBuilder(n, m);
    org.jgrapht.Graph<Integer, DefaultWeightedEdge> ref =
        directed
            ? new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class)
            : new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < n; v++) {
      ref.addVertex(v);
    }
    for (int i = 0; i < m; i++) {
      int u = r.nextInt(n);
      int v = r.nextInt(n);
      if (u == v || ref.containsEdge(u, v)) {
        continue;
      }
      double w = new double[] {1, 2, 4}[r.nextInt(3)];
      b.add(u, v, w);
      ref.setEdgeWeight(ref.addEdge(u, v), w);
    }
    return new Case(seed, n, b.build(directed), ref);
  }

  @Test
  void pageRankEqualsJGraphT() {
    for (long seed = 1; seed <= 60; seed++) {
      Case c = random(seed, seed % 2 == 0);
      double[] ours = PageRank.compute(c.ours()).scores();
      Map<Integer, Double> ref =
          new org.jgrapht.alg.scoring.PageRank<>(c.ref(), 0.85, 10_000, 1e-12).getScores();
      for (int v = 0; v < c.n(); v++) {
        assertThat(ours[v]).as("seed %d node %d", seed, v).isCloseTo(ref.get(v), within(1e-6));
      }
    }
  }

  @Test
  void betweennessEqualsJGraphT() {
    for (long seed = 1; seed <= 60; seed++) {
      Case c = random(seed, seed % 2 == 0);
      double[] ours = BrandesBetweenness.compute(c.ours(), Lengths.HOPS).scores();
      BetweennessCentrality<Integer, DefaultWeightedEdge> unweighted =
          new BetweennessCentrality<>(new AsUnweightedGraph<>(c.ref()), false);
      double[] weighted = BrandesBetweenness.compute(c.ours(), Lengths.INVERSE_WEIGHT).scores();
      org.jgrapht.Graph<Integer, DefaultWeightedEdge> lengths = inverse(c.ref());
      Map<Integer, Double> refWeighted = new BetweennessCentrality<>(lengths, false).getScores();
      for (int v = 0; v < c.n(); v++) {
        assertThat(ours[v])
            .as("seed %d node %d", seed, v)
            .isCloseTo(unweighted.getVertexScore(v), within(1e-6));
        assertThat(weighted[v])
            .as("weighted, seed %d node %d", seed, v)
            .isCloseTo(refWeighted.get(v), within(1e-6));
      }
    }
  }

  @Test
  void sampledBetweennessSaysSoWithABound() {
    Case c = random(7, false);
    BrandesBetweenness.Result r =
        BrandesBetweenness.compute(c.ours(), Lengths.HOPS, 10, c.n() / 2, 1);
    assertThat(r.exact()).isFalse();
    assertThat(r.sources()).isEqualTo(c.n() / 2);
    assertThat(r.errorBound()).isGreaterThan(0).isLessThan(1);
    assertThat(BrandesBetweenness.compute(c.ours(), Lengths.HOPS).exact()).isTrue();
  }

  /** The same graph with each weight w replaced by the length 1/w. */
  private static org.jgrapht.Graph<Integer, DefaultWeightedEdge> inverse(
      org.jgrapht.Graph<Integer, DefaultWeightedEdge> g) {
    org.jgrapht.Graph<Integer, DefaultWeightedEdge> out =
        g.getType().isDirected()
            ? new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class)
            : new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    g.vertexSet().forEach(out::addVertex);
    for (DefaultWeightedEdge e : g.edgeSet()) {
      out.setEdgeWeight(
          out.addEdge(g.getEdgeSource(e), g.getEdgeTarget(e)), 1.0 / g.getEdgeWeight(e));
    }
    return out;
  }

  @Test
  void closenessEqualsJGraphTOnConnectedGraphs() {
    int tested = 0;
    for (long seed = 1; seed <= 200 && tested < 25; seed++) {
      Case c = random(seed, false);
      if (Components.weak(c.ours()).count() != 1) {
        continue;
      }
      tested++;
      double[] ours = Closeness.compute(c.ours(), Lengths.INVERSE_WEIGHT);
      Map<Integer, Double> ref =
          new ClosenessCentrality<>(inverse(c.ref()), false, true).getScores();
      for (int v = 0; v < c.n(); v++) {
        assertThat(ours[v]).as("seed %d node %d", seed, v).isCloseTo(ref.get(v), within(1e-6));
      }
    }
    assertThat(tested).isGreaterThan(5);
  }

  @Test
  void componentsAndCoresEqualJGraphT() {
    for (long seed = 1; seed <= 80; seed++) {
      Case c = random(seed, true);
      assertThat(partition(Components.weak(c.ours())))
          .as("weak, seed %d", seed)
          .isEqualTo(new HashSet<>(new ConnectivityInspector<>(c.ref()).connectedSets()));
      assertThat(partition(Components.strong(c.ours())))
          .as("strong, seed %d", seed)
          .isEqualTo(
              new HashSet<>(
                  new KosarajuStrongConnectivityInspector<>(c.ref()).stronglyConnectedSets()));
      Case u = random(seed, false);
      int[] cores = KCore.coreNumbers(u.ours());
      Map<Integer, Integer> ref = new Coreness<>(u.ref()).getScores();
      for (int v = 0; v < u.n(); v++) {
        assertThat(cores[v]).as("core, seed %d node %d", seed, v).isEqualTo(ref.get(v));
      }
    }
  }

  private static Set<Set<Integer>> partition(Components.Result r) {
    List<Set<Integer>> sets = new ArrayList<>();
    for (int i = 0; i < r.count(); i++) {
      sets.add(new HashSet<>());
    }
    for (int v = 0; v < r.component().length; v++) {
      sets.get(r.component()[v]).add(v);
    }
    return new HashSet<>(sets);
  }

  @Test
  void pathsEqualJGraphT() {
    for (long seed = 1; seed <= 40; seed++) {
      Case c = random(seed, seed % 2 == 0);
      org.jgrapht.Graph<Integer, DefaultWeightedEdge> lengths = inverse(c.ref());
      DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra =
          new DijkstraShortestPath<>(lengths);
      for (int s = 0; s < Math.min(c.n(), 8); s++) {
        for (int t = 0; t < c.n(); t++) {
          if (s == t) {
            continue;
          }
          Paths.Path ours = Paths.shortest(c.ours(), s, t, Lengths.INVERSE_WEIGHT);
          GraphPath<Integer, DefaultWeightedEdge> ref = dijkstra.getPath(s, t);
          if (ref == null) {
            assertThat(ours).as("seed %d %d->%d", seed, s, t).isNull();
            continue;
          }
          assertThat(ours.length()).as("seed %d %d->%d", seed, s, t).isEqualTo(ref.getWeight());
          List<Paths.Path> k = Paths.kShortest(c.ours(), s, t, 3, Lengths.INVERSE_WEIGHT);
          List<GraphPath<Integer, DefaultWeightedEdge>> yen =
              new YenKShortestPath<>(lengths).getPaths(s, t, 3);
          assertThat(k.stream().map(Paths.Path::length).toList())
              .as("k shortest, seed %d %d->%d", seed, s, t)
              .isEqualTo(yen.stream().map(GraphPath::getWeight).toList());
        }
      }
    }
  }

  /** Found through the API: an empty network (a reader who may see nothing) broke betweenness. */
  @Test
  void everyMeasureAnswersOnAnEmptyGraphAndOnOneNode() {
    for (int n = 0; n <= 1; n++) {
      Graph g = new GraphBuilder(n, 0).build(false);
      for (Centrality c : Centrality.values()) {
        for (Lengths l : Lengths.values()) {
          assertThat(c.compute(g, l).values()).as("%s on %d nodes, %s", c, n, l).hasSize(n);
        }
      }
    }
  }
}
