package org.spil.analysis.graph;

import java.util.Arrays;

/**
 * Connected components. Weak components (edges taken as undirected) by union-find with path halving
 * over the edge arrays; strong components of a directed graph by an iterative Tarjan (no recursion,
 * so a path of a million nodes does not overflow the stack). Components are numbered 0..k-1 in
 * order of their smallest node.
 */
public final class Components {
  private Components() {}

  /** The component of each node and the number of components. */
  public record Result(int[] component, int count) {}

  public static Result weak(Graph g) {
    int n = g.nodes();
    int[] parent = new int[n];
    for (int v = 0; v < n; v++) {
      parent[v] = v;
    }
    for (int u = 0; u < n; u++) {
      for (int e = g.start(u); e < g.end(u); e++) {
        int a = find(parent, u);
        int b = find(parent, g.target(e));
        if (a != b) {
          if (a < b) {
            parent[b] = a;
          } else {
            parent[a] = b;
          }
        }
      }
    }
    return number(parent);
  }

  private static Result number(int[] parent) {
    int n = parent.length;
    int[] label = new int[n];
    Arrays.fill(label, -1);
    int[] component = new int[n];
    int count = 0;
    for (int v = 0; v < n; v++) {
      int root = find(parent, v);
      if (label[root] < 0) {
        label[root] = count++;
      }
      component[v] = label[root];
    }
    return new Result(component, count);
  }

  private static int find(int[] parent, int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  /** Strongly connected components (for an undirected graph: the connected components). */
  public static Result strong(Graph g) {
    if (!g.directed()) {
      return weak(g);
    }
    int n = g.nodes();
    int[] index = new int[n];
    int[] low = new int[n];
    Arrays.fill(index, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int[] raw = new int[n];
    int next = 0;
    int comps = 0;
    for (int s = 0; s < n; s++) {
      if (index[s] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = s;
      callEdge[0] = g.start(s);
      index[s] = low[s] = next++;
      stack[sp++] = s;
      onStack[s] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < g.end(v)) {
          int w = g.target(callEdge[depth]++);
          if (index[w] < 0) {
            index[w] = low[w] = next++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = g.start(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        } else {
          if (low[v] == index[v]) {
            int w;
            do {
              w = stack[--sp];
              onStack[w] = false;
              raw[w] = comps;
            } while (w != v);
            comps++;
          }
          depth--;
          if (depth >= 0) {
            int parent = callNode[depth];
            low[parent] = Math.min(low[parent], low[v]);
          }
        }
      }
    }
    // renumber by smallest node
    int[] label = new int[comps];
    Arrays.fill(label, -1);
    int[] component = new int[n];
    int count = 0;
    for (int v = 0; v < n; v++) {
      if (label[raw[v]] < 0) {
        label[raw[v]] = count++;
      }
      component[v] = label[raw[v]];
    }
    return new Result(component, count);
  }
}
