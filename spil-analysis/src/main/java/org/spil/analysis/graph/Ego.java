package org.spil.analysis.graph;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The ego network of a node: every node within {@code depth} steps (edges followed both ways in a
 * directed graph), found by breadth-first search that touches only the neighbourhood, so its cost
 * is the size of the answer, not of the graph.
 */
public final class Ego {
  private Ego() {}

  /** The nodes reached, in order of distance, and the distance of each. */
  public record Result(int[] nodes, int[] distance) {}

  public static Result around(Graph g, int centre, int depth) {
    Graph back = g.reverse();
    HashMap<Integer, Integer> dist = new HashMap<>();
    int[] queue = new int[16];
    int head = 0;
    int tail = 0;
    queue[tail++] = centre;
    dist.put(centre, 0);
    while (head < tail) {
      int v = queue[head++];
      int d = dist.get(v);
      if (d == depth) {
        continue;
      }
      for (Graph side : g.directed() ? new Graph[] {g, back} : new Graph[] {g}) {
        for (int e = side.start(v); e < side.end(v); e++) {
          int w = side.target(e);
          if (dist.putIfAbsent(w, d + 1) == null) {
            if (tail == queue.length) {
              queue = Arrays.copyOf(queue, tail * 2);
            }
            queue[tail++] = w;
          }
        }
      }
    }
    int[] nodes = Arrays.copyOf(queue, tail);
    int[] distance = new int[tail];
    for (int i = 0; i < tail; i++) {
      distance[i] = dist.get(nodes[i]);
    }
    return new Result(nodes, distance);
  }
}
