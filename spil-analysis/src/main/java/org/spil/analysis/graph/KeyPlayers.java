package org.spil.analysis.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Key players (Borgatti's KPP-Neg): the k nodes whose removal fragments the network most, chosen
 * greedily. Fragmentation is the share of ordered node pairs that can no longer reach each other, F
 * = 1 - sum over components of s(s-1) / (n(n-1)), with removed nodes counted as isolated. Each step
 * tries the candidates (the {@link #CANDIDATES_DEFAULT} nodes of highest betweenness and as many of
 * highest degree) and keeps the one that raises F most; the curve of F after each removal shows
 * whether taking out more people still pays.
 */
public final class KeyPlayers {
  public static final int CANDIDATES_DEFAULT = 100;

  private KeyPlayers() {}

  /** The chosen nodes in order and the fragmentation before any removal and after each. */
  public record Result(int[] players, double[] fragmentation) {}

  public static Result find(Graph directedOrNot, int k, double[] betweenness) {
    Graph g = directedOrNot.undirected();
    int n = g.nodes();
    int[] candidates = candidates(g, betweenness, CANDIDATES_DEFAULT);
    boolean[] removed = new boolean[n];
    double[] curve = new double[Math.min(k, candidates.length) + 1];
    curve[0] = fragmentation(g, removed);
    List<Integer> chosen = new ArrayList<>();
    for (int step = 1; step < curve.length; step++) {
      int best = -1;
      double bestF = -1;
      for (int c : candidates) {
        if (removed[c]) {
          continue;
        }
        removed[c] = true;
        double f = fragmentation(g, removed);
        removed[c] = false;
        if (f > bestF + 1e-15) {
          bestF = f;
          best = c;
        }
      }
      if (best < 0) {
        return new Result(
            chosen.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(curve, step));
      }
      removed[best] = true;
      chosen.add(best);
      curve[step] = bestF;
    }
    return new Result(chosen.stream().mapToInt(Integer::intValue).toArray(), curve);
  }

  private static int[] candidates(Graph g, double[] betweenness, int limit) {
    int n = g.nodes();
    Integer[] byB = new Integer[n];
    Integer[] byD = new Integer[n];
    for (int v = 0; v < n; v++) {
      byB[v] = v;
      byD[v] = v;
    }
    Arrays.sort(byB, (a, b) -> Double.compare(betweenness[b], betweenness[a]));
    Arrays.sort(byD, (a, b) -> Integer.compare(g.degree(b), g.degree(a)));
    LinkedHashSet<Integer> out = new LinkedHashSet<>();
    for (int i = 0; i < Math.min(limit, n); i++) {
      out.add(byB[i]);
      out.add(byD[i]);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** F of the graph without the removed nodes. */
  public static double fragmentation(Graph g, boolean[] removed) {
    int n = g.nodes();
    if (n < 2) {
      return 0;
    }
    int[] parent = new int[n];
    int[] size = new int[n];
    for (int v = 0; v < n; v++) {
      parent[v] = v;
      size[v] = removed[v] ? 0 : 1;
    }
    for (int u = 0; u < n; u++) {
      if (removed[u]) {
        continue;
      }
      for (int e = g.start(u); e < g.end(u); e++) {
        int w = g.target(e);
        if (w < u || removed[w]) {
          continue;
        }
        int a = find(parent, u);
        int b = find(parent, w);
        if (a != b) {
          parent[b] = a;
          size[a] += size[b];
        }
      }
    }
    double pairs = 0;
    for (int v = 0; v < n; v++) {
      if (parent[v] == v) {
        pairs += (double) size[v] * (size[v] - 1);
      }
    }
    return 1 - pairs / ((double) n * (n - 1));
  }

  private static int find(int[] parent, int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }
}
