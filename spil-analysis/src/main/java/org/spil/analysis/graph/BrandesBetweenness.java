package org.spil.analysis.graph;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Betweenness centrality by Brandes' algorithm: for each source, shortest paths (hops or lengths)
 * and the back-propagated dependencies. Sources are shared among all cores, each worker with its
 * own scratch arrays and score vector. Exact up to {@link #EXACT_LIMIT_DEFAULT} nodes; beyond, it
 * samples sources uniformly (seeded) and scales, and says so with an error bound: with k sampled
 * sources every normalised score is within sqrt(ln(2n/0.05) / 2k) of the exact one with probability
 * 0.95 (Hoeffding, union bound over the n nodes). Scores are as NetworkX gives them unnormalised:
 * an unordered pair counts once in an undirected graph.
 */
public final class BrandesBetweenness {
  public static final int EXACT_LIMIT_DEFAULT = 50_000;
  public static final int SAMPLES_DEFAULT = 2_000;

  private BrandesBetweenness() {}

  /**
   * Scores, whether they are exact, the sources used and, when sampled, the bound on the error of
   * normalised scores (0 when exact).
   */
  public record Result(double[] scores, boolean exact, int sources, double errorBound) {
    /** Scores divided by the number of pairs a node can lie between, as NetworkX normalises. */
    public double[] normalised(boolean directed) {
      int n = scores.length;
      double[] out = scores.clone();
      if (n <= 2) {
        return out;
      }
      double scale = (directed ? 1.0 : 2.0) / ((double) (n - 1) * (n - 2));
      for (int v = 0; v < n; v++) {
        out[v] *= scale;
      }
      return out;
    }
  }

  public static Result compute(Graph g, Lengths lengths) {
    return compute(g, lengths, EXACT_LIMIT_DEFAULT, SAMPLES_DEFAULT, 42);
  }

  public static Result compute(Graph g, Lengths lengths, int exactLimit, int samples, long seed) {
    int n = g.nodes();
    int[] sources;
    boolean exact = n <= exactLimit || samples >= n;
    if (exact) {
      sources = IntStream.range(0, n).toArray();
    } else {
      sources = new int[samples];
      SplittableRandom r = new SplittableRandom(seed);
      boolean[] taken = new boolean[n];
      for (int i = 0; i < samples; ) {
        int s = r.nextInt(n);
        if (!taken[s]) {
          taken[s] = true;
          sources[i++] = s;
        }
      }
    }
    int threads = Runtime.getRuntime().availableProcessors();
    AtomicInteger next = new AtomicInteger();
    double[] total =
        IntStream.range(0, threads)
            .parallel()
            .mapToObj(
                t -> {
                  ShortestPaths sp = new ShortestPaths(g, lengths);
                  double[] score = new double[n];
                  double[] delta = new double[n];
                  for (int i = next.getAndIncrement();
                      i < sources.length;
                      i = next.getAndIncrement()) {
                    accumulate(sp, sources[i], score, delta);
                  }
                  return score;
                })
            .reduce(
                (a, b) -> {
                  for (int v = 0; v < n; v++) {
                    a[v] += b[v];
                  }
                  return a;
                })
            .orElse(new double[n]);
    double scale = (g.directed() ? 1.0 : 0.5) * ((double) n / sources.length);
    for (int v = 0; v < n; v++) {
      total[v] *= scale;
    }
    double bound =
        exact ? 0 : Math.sqrt(Math.log(2.0 * n / 0.05) / (2.0 * Math.max(1, sources.length)));
    return new Result(total, exact, sources.length, bound);
  }

  private static void accumulate(ShortestPaths sp, int s, double[] score, double[] delta) {
    sp.run(s);
    for (int i = 0; i < sp.reached; i++) {
      delta[sp.order[i]] = 0;
    }
    for (int i = sp.reached - 1; i > 0; i--) {
      int w = sp.order[i];
      double coefficient = (1 + delta[w]) / sp.sigma[w];
      for (int k = 0; k < sp.predCount[w]; k++) {
        int v = sp.pred[sp.predStart[w] + k];
        delta[v] += sp.sigma[v] * coefficient;
      }
      score[w] += delta[w];
    }
  }
}
