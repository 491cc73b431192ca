package org.spil.analysis.graph;

/**
 * Core numbers by the Batagelj-Zaversnik bucket algorithm in O(n + m): a node's core number is the
 * largest k such that it belongs to a subgraph in which every node has at least k neighbours. The
 * inner circle of a network sits in its highest cores. Edges are taken as undirected.
 */
public final class KCore {
  private KCore() {}

  public static int[] coreNumbers(Graph directedOrNot) {
    Graph g = directedOrNot.undirected();
    int n = g.nodes();
    int[] deg = new int[n];
    int max = 0;
    for (int v = 0; v < n; v++) {
      deg[v] = g.degree(v);
      max = Math.max(max, deg[v]);
    }
    int[] bin = new int[max + 1];
    for (int v = 0; v < n; v++) {
      bin[deg[v]]++;
    }
    int start = 0;
    for (int d = 0; d <= max; d++) {
      int num = bin[d];
      bin[d] = start;
      start += num;
    }
    int[] pos = new int[n];
    int[] vert = new int[n];
    for (int v = 0; v < n; v++) {
      pos[v] = bin[deg[v]];
      vert[pos[v]] = v;
      bin[deg[v]]++;
    }
    for (int d = max; d > 0; d--) {
      bin[d] = bin[d - 1];
    }
    if (max >= 0 && bin.length > 0) {
      bin[0] = 0;
    }
    for (int i = 0; i < n; i++) {
      int v = vert[i];
      for (int e = g.start(v); e < g.end(v); e++) {
        int u = g.target(e);
        if (deg[u] > deg[v]) {
          int du = deg[u];
          int pu = pos[u];
          int pw = bin[du];
          int w = vert[pw];
          if (u != w) {
            pos[u] = pw;
            vert[pu] = w;
            pos[w] = pu;
            vert[pw] = u;
          }
          bin[du]++;
          deg[u]--;
        }
      }
    }
    return deg;
  }
}
