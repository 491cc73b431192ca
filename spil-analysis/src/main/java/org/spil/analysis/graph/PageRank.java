package org.spil.analysis.graph;

import java.util.stream.IntStream;

/**
 * PageRank by power iteration, as NetworkX and JGraphT define it: a random walker follows an edge
 * with probability {@code damping} (in proportion to edge weight) or jumps to any node; a node
 * without out-edges sends its walker anywhere. Each iteration pulls rank along reversed edges, in
 * parallel over blocks of nodes, until the L1 change falls below {@code tolerance}.
 */
public final class PageRank {
  public static final double DAMPING_DEFAULT = 0.85;
  public static final double TOLERANCE_DEFAULT = 1e-10;
  public static final int ITERATIONS_DEFAULT = 200;

  private PageRank() {}

  /** The scores (summing to 1) and the number of iterations run. */
  public record Result(double[] scores, int iterations) {}

  public static Result compute(Graph g) {
    return compute(g, DAMPING_DEFAULT, TOLERANCE_DEFAULT, ITERATIONS_DEFAULT);
  }

  /** When to stop: the sum of the changes (L1, the default) or the largest change (as JGraphT). */
  public enum Convergence {
    L1,
    MAX
  }

  public static Result compute(Graph g, double damping, double tolerance, int maxIterations) {
    return compute(g, damping, tolerance, maxIterations, Convergence.L1);
  }

  public static Result compute(
      Graph g, double damping, double tolerance, int maxIterations, Convergence convergence) {
    boolean max = convergence == Convergence.MAX;
    int n = g.nodes();
    if (n == 0) {
      return new Result(new double[0], 0);
    }
    double[] outWeight = new double[n];
    for (int v = 0; v < n; v++) {
      outWeight[v] = g.strength(v);
    }
    Graph in = g.reverse();
    // what each node sends along one unit of edge weight: rank / out-weight
    double[] send = new double[n];
    double[] rank = new double[n];
    double[] next = new double[n];
    java.util.Arrays.fill(rank, 1.0 / n);
    int it = 0;
    int blocks = Math.max(1, Math.min(n, 4 * Runtime.getRuntime().availableProcessors() * 16));
    while (it < maxIterations) {
      it++;
      double dangling = 0;
      for (int v = 0; v < n; v++) {
        if (outWeight[v] == 0) {
          dangling += rank[v];
        }
      }
      double base = (1 - damping) / n + damping * dangling / n;
      for (int v = 0; v < n; v++) {
        send[v] = outWeight[v] == 0 ? 0 : rank[v] / outWeight[v];
      }
      double[] r = rank;
      double[] x = next;
      double delta =
          IntStream.range(0, blocks)
              .parallel()
              .mapToDouble(
                  b -> {
                    int from = (int) ((long) n * b / blocks);
                    int to = (int) ((long) n * (b + 1) / blocks);
                    double d = 0;
                    boolean unit = in.unweighted();
                    for (int v = from; v < to; v++) {
                      double sum = 0;
                      if (unit) {
                        for (int e = in.start(v); e < in.end(v); e++) {
                          sum += send[in.target(e)];
                        }
                      } else {
                        for (int e = in.start(v); e < in.end(v); e++) {
                          sum += send[in.target(e)] * in.weight(e);
                        }
                      }
                      double value = base + damping * sum;
                      double change = Math.abs(value - r[v]);
                      d = max ? Math.max(d, change) : d + change;
                      x[v] = value;
                    }
                    return d;
                  })
              .reduce(0, max ? Math::max : Double::sum);
      rank = x;
      next = r;
      if (delta < tolerance) {
        break;
      }
    }
    return new Result(rank, it);
  }
}
