package org.spil.analysis.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Underworld-upperworld links: from every node flagged as criminal at once (a multi-source
 * breadth-first search), the nearest legitimate nodes (registered businesses, professionals, real
 * estate) within a number of steps, each with one shortest path back to a criminal node. The paths
 * show how crime reaches into the legal economy: through which front company, which notary.
 */
public final class WorldLinks {
  private WorldLinks() {}

  /** A path from a flagged criminal node to a legitimate one, as node list. */
  public record Link(List<Integer> path) {
    public int from() {
      return path.get(0);
    }

    public int to() {
      return path.get(path.size() - 1);
    }
  }

  public static List<Link> find(
      Graph directedOrNot, boolean[] underworld, boolean[] upperworld, int maxSteps) {
    Graph g = directedOrNot.undirected();
    int n = g.nodes();
    int[] parent = new int[n];
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int v = 0; v < n; v++) {
      if (underworld[v]) {
        dist[v] = 0;
        parent[v] = -1;
        queue[tail++] = v;
      }
    }
    List<Link> out = new ArrayList<>();
    while (head < tail) {
      int v = queue[head++];
      if (upperworld[v] && !underworld[v]) {
        List<Integer> path = new ArrayList<>();
        for (int x = v; x != -1; x = parent[x]) {
          path.add(x);
        }
        Collections.reverse(path);
        out.add(new Link(path));
        continue;
      }
      if (dist[v] == maxSteps) {
        continue;
      }
      for (int e = g.start(v); e < g.end(v); e++) {
        int w = g.target(e);
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          parent[w] = v;
          queue[tail++] = w;
        }
      }
    }
    return out;
  }
}
