package org.spil.analysis.graph;

import java.util.Arrays;

/**
 * Single-source shortest paths over a {@link Graph} by breadth-first search (hops) or Dijkstra
 * (lengths from weights), with the predecessor counts that betweenness needs. One instance holds
 * its scratch arrays and is reused across sources by one thread.
 */
final class ShortestPaths {
  final Graph g;
  final Lengths lengths;
  final double[] dist;
  final double[] sigma;
  final int[] order;
  int reached;
  final int[] pred;
  final int[] predStart;
  final int[] predCount;
  private final Heap heap;
  private final int[] queue;

  ShortestPaths(Graph g, Lengths lengths) {
    this.g = g;
    this.lengths = lengths;
    int n = g.nodes();
    dist = new double[n];
    sigma = new double[n];
    order = new int[n];
    predStart = new int[n];
    predCount = new int[n];
    // room for every edge's end as a predecessor; an empty graph has no offsets past the first
    pred = new int[n == 0 ? 1 : Math.max(1, g.end(n - 1))];
    heap = lengths == Lengths.HOPS ? null : new Heap(n);
    queue = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
  }

  /**
   * Runs from {@code s}: distances, number of shortest paths, nodes in non-decreasing distance
   * ({@code order[0..reached)}) and, per node, its predecessors on shortest paths (stored in the
   * slot of its in-edges, {@code pred[predStart[v] .. + predCount[v])}).
   */
  void run(int s) {
    for (int i = 0; i < reached; i++) {
      int v = order[i];
      dist[v] = Double.POSITIVE_INFINITY;
      sigma[v] = 0;
      predCount[v] = 0;
    }
    reached = 0;
    dist[s] = 0;
    sigma[s] = 1;
    if (heap == null) {
      bfs(s);
    } else {
      dijkstra(s);
    }
  }

  private void bfs(int s) {
    int head = 0;
    int tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      int v = queue[head++];
      order[reached++] = v;
      double dv = dist[v] + 1;
      for (int e = g.start(v); e < g.end(v); e++) {
        int w = g.target(e);
        if (dist[w] == Double.POSITIVE_INFINITY) {
          dist[w] = dv;
          queue[tail++] = w;
          predStart[w] = predSlot(w);
        }
        if (dist[w] == dv) {
          sigma[w] += sigma[v];
          pred[predStart[w] + predCount[w]++] = v;
        }
      }
    }
  }

  private void dijkstra(int s) {
    heap.clear();
    heap.push(s, 0);
    predStart[s] = predSlot(s);
    while (!heap.isEmpty()) {
      int v = heap.pop();
      double dv = dist[v];
      order[reached++] = v;
      for (int e = g.start(v); e < g.end(v); e++) {
        int w = g.target(e);
        double alt = dv + lengths.of(g, e);
        if (alt < dist[w]) {
          if (dist[w] == Double.POSITIVE_INFINITY) {
            predStart[w] = predSlot(w);
          }
          dist[w] = alt;
          sigma[w] = sigma[v];
          predCount[w] = 0;
          pred[predStart[w] + predCount[w]++] = v;
          heap.pushOrDecrease(w, alt);
        } else if (alt == dist[w] && heap.contains(w)) {
          sigma[w] += sigma[v];
          pred[predStart[w] + predCount[w]++] = v;
        }
      }
    }
  }

  /**
   * A node's predecessors fit in as many slots as it has in-edges; for the CSR of an undirected
   * graph that is its own row, and for a directed one the row of the reversed graph, whose offsets
   * are computed on first use.
   */
  private int predSlot(int v) {
    return inOffsets()[v];
  }

  private int[] inOffsets;

  private int[] inOffsets() {
    if (inOffsets == null) {
      Graph in = g.reverse();
      inOffsets = new int[g.nodes() + 1];
      for (int v = 0; v < g.nodes(); v++) {
        inOffsets[v] = in.start(v);
      }
    }
    return inOffsets;
  }

  /** A binary min-heap of nodes keyed by distance, with decrease-key. */
  static final class Heap {
    private final int[] nodes;
    private final double[] keys;
    private final int[] where;
    private int size;

    Heap(int n) {
      nodes = new int[n];
      keys = new double[n];
      where = new int[n];
      Arrays.fill(where, -1);
    }

    void clear() {
      for (int i = 0; i < size; i++) {
        where[nodes[i]] = -1;
      }
      size = 0;
    }

    boolean isEmpty() {
      return size == 0;
    }

    boolean contains(int v) {
      return where[v] >= 0;
    }

    void push(int v, double key) {
      nodes[size] = v;
      keys[size] = key;
      where[v] = size;
      up(size++);
    }

    void pushOrDecrease(int v, double key) {
      if (where[v] < 0) {
        push(v, key);
      } else {
        keys[where[v]] = key;
        up(where[v]);
      }
    }

    int pop() {
      int top = nodes[0];
      where[top] = -1;
      size--;
      if (size > 0) {
        nodes[0] = nodes[size];
        keys[0] = keys[size];
        where[nodes[0]] = 0;
        down(0);
      }
      return top;
    }

    private void up(int i) {
      while (i > 0) {
        int p = (i - 1) / 2;
        if (keys[p] <= keys[i]) {
          break;
        }
        swap(i, p);
        i = p;
      }
    }

    private void down(int i) {
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int m = i;
        if (l < size && keys[l] < keys[m]) {
          m = l;
        }
        if (r < size && keys[r] < keys[m]) {
          m = r;
        }
        if (m == i) {
          return;
        }
        swap(i, m);
        i = m;
      }
    }

    private void swap(int a, int b) {
      int na = nodes[a];
      double ka = keys[a];
      nodes[a] = nodes[b];
      keys[a] = keys[b];
      nodes[b] = na;
      keys[b] = ka;
      where[nodes[a]] = a;
      where[nodes[b]] = b;
    }
  }
}
