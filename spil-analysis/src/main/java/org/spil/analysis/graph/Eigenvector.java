package org.spil.analysis.graph;

import java.util.Arrays;

/**
 * Eigenvector centrality by power iteration on (A + I), as NetworkX computes it: a node matters if
 * its neighbours matter, in proportion to edge weight; scores have unit Euclidean norm. In a
 * directed graph a node's score comes from the nodes pointing to it.
 */
public final class Eigenvector {
  public static final double TOLERANCE_DEFAULT = 1e-12;
  public static final int ITERATIONS_DEFAULT = 1000;

  private Eigenvector() {}

  public static double[] compute(Graph g) {
    int n = g.nodes();
    Graph in = g.reverse();
    double[] x = new double[n];
    Arrays.fill(x, 1.0 / Math.max(1, n));
    double[] next = new double[n];
    for (int it = 0; it < ITERATIONS_DEFAULT && n > 0; it++) {
      double norm = 0;
      for (int v = 0; v < n; v++) {
        double s = x[v];
        for (int e = in.start(v); e < in.end(v); e++) {
          s += x[in.target(e)] * in.weight(e);
        }
        next[v] = s;
        norm += s * s;
      }
      norm = Math.sqrt(norm);
      double change = 0;
      for (int v = 0; v < n; v++) {
        next[v] = norm == 0 ? 0 : next[v] / norm;
        change += Math.abs(next[v] - x[v]);
      }
      double[] t = x;
      x = next;
      next = t;
      if (change < n * TOLERANCE_DEFAULT) {
        break;
      }
    }
    return x;
  }
}
