package org.spil.analysis.graph;

/**
 * A graph in compressed sparse row form, the one representation every algorithm here works on:
 * nodes are 0..n-1, the out-neighbours of {@code v} are {@code targets[offsets[v] .. offsets[v+1])}
 * in ascending order, each with its weight. An undirected graph stores every edge in both
 * directions. About 12 bytes per stored edge and 4 per node, so 10M undirected edges take about 240
 * MB.
 */
public final class Graph {
  private final int n;
  private final boolean directed;
  private final int[] offsets;
  private final int[] targets;
  private final double[] weights;
  private Graph reverse;

  Graph(int n, boolean directed, int[] offsets, int[] targets, double[] weights) {
    this.n = n;
    this.directed = directed;
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
  }

  public int nodes() {
    return n;
  }

  /** Edges as the caller added them: each undirected edge once. */
  public long edges() {
    return directed ? targets.length : targets.length / 2;
  }

  public boolean directed() {
    return directed;
  }

  public int degree(int v) {
    return offsets[v + 1] - offsets[v];
  }

  public int start(int v) {
    return offsets[v];
  }

  public int end(int v) {
    return offsets[v + 1];
  }

  public int target(int e) {
    return targets[e];
  }

  public double weight(int e) {
    return weights == null ? 1.0 : weights[e];
  }

  /** Whether every edge has weight 1 (then no weights are stored at all). */
  public boolean unweighted() {
    return weights == null;
  }

  /** The edge from {@code u} to {@code v}, or -1 (binary search in the sorted row). */
  public int edge(int u, int v) {
    int lo = offsets[u];
    int hi = offsets[u + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int t = targets[mid];
      if (t < v) {
        lo = mid + 1;
      } else if (t > v) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The graph with every edge reversed (the in-neighbours); an undirected graph is its own. */
  public synchronized Graph reverse() {
    if (!directed) {
      return this;
    }
    if (reverse == null) {
      GraphBuilder b = new GraphBuilder(n, targets.length);
      for (int u = 0; u < n; u++) {
        for (int e = offsets[u]; e < offsets[u + 1]; e++) {
          b.add(targets[e], u, weight(e));
        }
      }
      reverse = b.build(true);
    }
    return reverse;
  }

  /** The undirected graph underneath (weights of u->v and v->u added); itself if undirected. */
  public Graph undirected() {
    if (!directed) {
      return this;
    }
    GraphBuilder b = new GraphBuilder(n, targets.length);
    for (int u = 0; u < n; u++) {
      for (int e = offsets[u]; e < offsets[u + 1]; e++) {
        b.add(u, targets[e], weight(e));
      }
    }
    return b.build(false);
  }

  /** Total weight of the edges of {@code v}. */
  public double strength(int v) {
    if (weights == null) {
      return degree(v);
    }
    double s = 0;
    for (int e = offsets[v]; e < offsets[v + 1]; e++) {
      s += weights[e];
    }
    return s;
  }
}
