package org.spil.analysis.graph;

import java.util.Arrays;

/**
 * Collects edges as primitive arrays and builds a {@link Graph}: edges are bucketed by source
 * (counting sort), each row sorted by target, parallel edges merged by adding their weights, and
 * self-loops dropped (no algorithm here gives them a meaning). Undirected graphs store each edge in
 * both directions.
 */
public final class GraphBuilder {
  private final int n;
  private int[] from;
  private int[] to;
  private double[] w;
  private int m;

  public GraphBuilder(int nodes, int expectedEdges) {
    if (nodes < 0) {
      throw new IllegalArgumentException("a graph cannot have " + nodes + " nodes");
    }
    this.n = nodes;
    int cap = Math.max(16, expectedEdges);
    from = new int[cap];
    to = new int[cap];
    w = new double[cap];
  }

  /** Adds an edge; weights must be positive and finite. */
  public GraphBuilder add(int u, int v, double weight) {
    if (u < 0 || u >= n || v < 0 || v >= n) {
      throw new IllegalArgumentException(
          "edge " + u + "-" + v + " names a node outside 0.." + (n - 1));
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          "edge " + u + "-" + v + ": weight must be positive, not " + weight);
    }
    if (u == v) {
      return this;
    }
    if (m == from.length) {
      int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) m * 2);
      from = Arrays.copyOf(from, cap);
      to = Arrays.copyOf(to, cap);
      w = Arrays.copyOf(w, cap);
    }
    from[m] = u;
    to[m] = v;
    w[m] = weight;
    m++;
    return this;
  }

  public GraphBuilder add(int u, int v) {
    return add(u, v, 1.0);
  }

  public Graph build(boolean directed) {
    long stored = directed ? m : 2L * m;
    if (stored > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many edges for one graph: " + stored);
    }
    int[] count = new int[n + 1];
    for (int i = 0; i < m; i++) {
      count[from[i] + 1]++;
      if (!directed) {
        count[to[i] + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      count[v + 1] += count[v];
    }
    int[] fill = Arrays.copyOf(count, n);
    int[] t = new int[(int) stored];
    double[] ws = new double[(int) stored];
    for (int i = 0; i < m; i++) {
      int a = fill[from[i]]++;
      t[a] = to[i];
      ws[a] = w[i];
      if (!directed) {
        int b = fill[to[i]]++;
        t[b] = from[i];
        ws[b] = w[i];
      }
    }
    // sort each row by target and merge parallel edges, compacting in place
    int[] offsets = new int[n + 1];
    int out = 0;
    long[] keys = new long[0];
    for (int v = 0; v < n; v++) {
      int s = count[v];
      int e = count[v + 1];
      int len = e - s;
      offsets[v] = out;
      if (len == 0) {
        continue;
      }
      if (keys.length < len) {
        keys = new long[Math.max(len, keys.length * 2)];
      }
      for (int k = 0; k < len; k++) {
        keys[k] = ((long) t[s + k] << 32) | k;
      }
      Arrays.sort(keys, 0, len);
      double[] rowWeights = Arrays.copyOfRange(ws, s, e);
      int last = -1;
      for (int k = 0; k < len; k++) {
        int target = (int) (keys[k] >>> 32);
        double weight = rowWeights[(int) keys[k]];
        if (target == last) {
          ws[out - 1] += weight;
        } else {
          t[out] = target;
          ws[out] = weight;
          out++;
          last = target;
        }
      }
    }
    offsets[n] = out;
    boolean unit = true;
    for (int k = 0; k < out && unit; k++) {
      unit = ws[k] == 1.0;
    }
    return new Graph(
        n,
        directed,
        offsets,
        out == t.length ? t : Arrays.copyOf(t, out),
        unit ? null : Arrays.copyOf(ws, out));
  }
}
