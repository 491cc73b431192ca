package org.spil.analysis.graph;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Closeness centrality as NetworkX defines it with {@code wf_improved}: for a node that reaches r
 * other nodes at total distance d, (r / d) scaled by r / (n - 1), so nodes in small components do
 * not look central. Distances run towards the node (in-distance) in directed graphs. One
 * single-source search per node, shared among the cores.
 */
public final class Closeness {
  private Closeness() {}

  public static double[] compute(Graph g, Lengths lengths) {
    int n = g.nodes();
    Graph towards = g.reverse();
    double[] out = new double[n];
    AtomicInteger next = new AtomicInteger();
    IntStream.range(0, Runtime.getRuntime().availableProcessors())
        .parallel()
        .forEach(
            t -> {
              ShortestPaths sp = new ShortestPaths(towards, lengths);
              for (int v = next.getAndIncrement(); v < n; v = next.getAndIncrement()) {
                sp.run(v);
                double total = 0;
                for (int i = 0; i < sp.reached; i++) {
                  total += sp.dist[sp.order[i]];
                }
                int r = sp.reached - 1;
                out[v] = total > 0 && n > 1 ? (r / total) * ((double) r / (n - 1)) : 0;
              }
            });
    return out;
  }
}
