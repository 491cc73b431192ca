package org.spil.analysis.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Shortest and k-shortest simple paths between two nodes: one shortest path (hops or lengths), and
 * Yen's algorithm for the k shortest loopless paths, each a detour from the previous ones around
 * one removed edge. Paths are node lists with their total length.
 */
public final class Paths {
  private Paths() {}

  /** A path and its length. */
  public record Path(List<Integer> nodes, double length) {}

  /** The shortest path, or null when {@code t} cannot be reached from {@code s}. */
  public static Path shortest(Graph g, int s, int t, Lengths lengths) {
    return restricted(g, s, t, lengths, new boolean[g.nodes()], Set.of());
  }

  /** Up to {@code k} shortest simple paths, shortest first (Yen 1971). */
  public static List<Path> kShortest(Graph g, int s, int t, int k, Lengths lengths) {
    List<Path> found = new ArrayList<>();
    Path first = shortest(g, s, t, lengths);
    if (first == null || k <= 0) {
      return found;
    }
    found.add(first);
    PriorityQueue<Path> candidates =
        new PriorityQueue<>(
            (a, b) ->
                a.length() != b.length()
                    ? Double.compare(a.length(), b.length())
                    : compareNodes(a.nodes(), b.nodes()));
    Set<List<Integer>> seen = new HashSet<>();
    seen.add(first.nodes());
    while (found.size() < k) {
      Path last = found.get(found.size() - 1);
      for (int i = 0; i < last.nodes().size() - 1; i++) {
        int spur = last.nodes().get(i);
        List<Integer> root = last.nodes().subList(0, i + 1);
        Set<Long> removed = new HashSet<>();
        for (Path p : found) {
          if (p.nodes().size() > i && p.nodes().subList(0, i + 1).equals(root)) {
            removed.add(key(p.nodes().get(i), p.nodes().get(i + 1)));
            if (!g.directed()) {
              removed.add(key(p.nodes().get(i + 1), p.nodes().get(i)));
            }
          }
        }
        boolean[] blocked = new boolean[g.nodes()];
        for (int r = 0; r < i; r++) {
          blocked[root.get(r)] = true;
        }
        Path spurPath = restricted(g, spur, t, lengths, blocked, removed);
        if (spurPath == null) {
          continue;
        }
        List<Integer> nodes = new ArrayList<>(root.subList(0, i));
        nodes.addAll(spurPath.nodes());
        if (seen.add(nodes)) {
          candidates.add(new Path(nodes, length(g, nodes, lengths)));
        }
      }
      if (candidates.isEmpty()) {
        break;
      }
      found.add(candidates.poll());
    }
    return found;
  }

  private static int compareNodes(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static long key(int u, int v) {
    return ((long) u << 32) | (v & 0xffffffffL);
  }

  static double length(Graph g, List<Integer> nodes, Lengths lengths) {
    double total = 0;
    for (int i = 0; i + 1 < nodes.size(); i++) {
      total += lengths.of(g, g.edge(nodes.get(i), nodes.get(i + 1)));
    }
    return total;
  }

  /** Dijkstra avoiding blocked nodes and removed edges; ties broken towards smaller node ids. */
  private static Path restricted(
      Graph g, int s, int t, Lengths lengths, boolean[] blocked, Set<Long> removed) {
    int n = g.nodes();
    double[] dist = new double[n];
    int[] prev = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(prev, -1);
    boolean[] done = new boolean[n];
    ShortestPaths.Heap heap = new ShortestPaths.Heap(n);
    dist[s] = 0;
    heap.push(s, 0);
    while (!heap.isEmpty()) {
      int v = heap.pop();
      done[v] = true;
      if (v == t) {
        break;
      }
      for (int e = g.start(v); e < g.end(v); e++) {
        int w = g.target(e);
        if (blocked[w] || done[w] || (!removed.isEmpty() && removed.contains(key(v, w)))) {
          continue;
        }
        double alt = dist[v] + lengths.of(g, e);
        if (alt < dist[w] || (alt == dist[w] && v < prev[w])) {
          dist[w] = alt;
          prev[w] = v;
          heap.pushOrDecrease(w, alt);
        }
      }
    }
    if (dist[t] == Double.POSITIVE_INFINITY) {
      return null;
    }
    List<Integer> path = new ArrayList<>();
    for (int v = t; v != -1; v = prev[v]) {
      path.add(v);
    }
    Collections.reverse(path);
    return new Path(path, dist[t]);
  }
}
