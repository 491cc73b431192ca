package org.spil.analysis.graph;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * PageRank by power iteration, as NetworkX and JGraphT define it: a random walker follows an edge
 * with probability {@code damping} (in proportion to edge weight) or jumps to any node; a node
 * without out-edges sends its walker anywhere. Each iteration pulls rank along reversed edges, in
 * parallel over blocks of nodes, until the L1 change falls below {@code tolerance}. What a node
 * sends along each edge is kept in single precision: that halves the array the pass reads at random
 * (the one that decides its speed) while sums and ranks stay in double; the error it adds, about
 * 1e-7 of a rank, is far below the 1e-6 the references are checked to.
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
    // per node: 1 / out-weight (0 for a dangling node) and what it sends along one unit of edge
    // weight, rank / out-weight, computed for the next iteration in the same pass
    double[] inverse = new double[n];
    int danglingCount = 0;
    for (int v = 0; v < n; v++) {
      double w = g.strength(v);
      inverse[v] = w == 0 ? 0 : 1 / w;
      if (w == 0) {
        danglingCount++;
      }
    }
    int[] danglingNodes = new int[danglingCount];
    for (int v = 0, k = 0; v < n; v++) {
      if (inverse[v] == 0) {
        danglingNodes[k++] = v;
      }
    }
    Graph in = g.reverse();
    double[] rank = new double[n];
    double[] next = new double[n];
    float[] send = new float[n];
    float[] sendNext = new float[n];
    Arrays.fill(rank, 1.0 / n);
    for (int v = 0; v < n; v++) {
      send[v] = (float) (rank[v] * inverse[v]);
    }
    int it = 0;
    int blocks = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors() * 16));
    boolean unit = in.unweighted();
    while (it < maxIterations) {
      it++;
      double dangling = 0;
      for (int v : danglingNodes) {
        dangling += rank[v];
      }
      double base = (1 - damping) / n + damping * dangling / n;
      double[] r = rank;
      double[] x = next;
      float[] out = send;
      float[] outNext = sendNext;
      double delta =
          IntStream.range(0, blocks)
              .parallel()
              .mapToDouble(
                  b -> {
                    int from = (int) ((long) n * b / blocks);
                    int to = (int) ((long) n * (b + 1) / blocks);
                    double d = 0;
                    for (int v = from; v < to; v++) {
                      double sum = 0;
                      int end = in.end(v);
                      if (unit) {
                        for (int e = in.start(v); e < end; e++) {
                          sum += out[in.target(e)];
                        }
                      } else {
                        for (int e = in.start(v); e < end; e++) {
                          sum += out[in.target(e)] * in.weight(e);
                        }
                      }
                      double value = base + damping * sum;
                      double change = Math.abs(value - r[v]);
                      d = max ? Math.max(d, change) : d + change;
                      x[v] = value;
                      outNext[v] = (float) (value * inverse[v]);
                    }
                    return d;
                  })
              .reduce(0, max ? Math::max : Double::sum);
      rank = x;
      next = r;
      send = outNext;
      sendNext = out;
      if (delta < tolerance) {
        break;
      }
    }
    return new Result(rank, it);
  }
}
