package org.spil.analysis.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Communities by the Louvain method (Blondel et al. 2008): nodes move, in a seeded random order, to
 * the neighbouring community that raises weighted modularity most, until none moves; communities
 * then become the nodes of a smaller graph and the process repeats until modularity stops rising.
 * Edges are taken as undirected. Each level is a CSR graph with a self-weight per node.
 */
public final class LouvainCommunities {
  public static final double RESOLUTION_DEFAULT = 1.0;

  /** A round of moves that raises modularity by less than this ends a level. */
  public static final double THRESHOLD = 1e-6;

  /** At most this many rounds of moves per level. */
  public static final int MAX_ROUNDS = 20;

  private LouvainCommunities() {}

  /** The community of each node (numbered 0..k-1 by smallest node) and the modularity. */
  public record Result(int[] community, int count, double modularity) {}

  public static Result compute(Graph g) {
    return compute(g, RESOLUTION_DEFAULT, 1);
  }

  public static Result compute(Graph directedOrNot, double resolution, long seed) {
    Graph g = directedOrNot.undirected();
    int n = g.nodes();
    int[] community = new int[n];
    for (int v = 0; v < n; v++) {
      community[v] = v;
    }
    Level level = Level.of(g);
    SplittableRandom random = new SplittableRandom(seed);
    double previous = Double.NEGATIVE_INFINITY;
    while (true) {
      int[] moved = level.localMoves(resolution, random);
      int k = renumber(moved);
      for (int v = 0; v < n; v++) {
        community[v] = moved[community[v]];
      }
      double q = modularity(g, community, resolution);

      if (k == level.n || q <= previous + 1e-12) {
        break;
      }
      previous = q;
      level = level.aggregate(moved, k);
    }
    // a last pass of single moves on the original graph, from the final partition: a node that
    // the aggregation left in a community it no longer fits best moves on
    int[] refined = Level.of(g).localMoves(resolution, random, community);
    if (modularity(g, refined, resolution) > modularity(g, community, resolution)) {
      community = refined;
    }
    int count = renumber(community);
    return new Result(community, count, modularity(g, community, resolution));
  }

  /** Renumbers labels to 0..k-1 in order of first appearance; returns k. */
  private static int renumber(int[] labels) {
    int[] map = new int[labels.length];
    Arrays.fill(map, -1);
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (map[l] < 0) {
        map[l] = k++;
      }
      labels[i] = map[l];
    }
    return k;
  }

  /** Weighted modularity of a partition of an undirected graph. */
  public static double modularity(Graph g, int[] community, double resolution) {
    int n = g.nodes();
    double twoM = 0;
    double[] tot = new double[n];
    double[] in = new double[n];
    for (int v = 0; v < n; v++) {
      for (int e = g.start(v); e < g.end(v); e++) {
        double w = g.weight(e);
        twoM += w;
        tot[community[v]] += w;
        if (community[g.target(e)] == community[v]) {
          in[community[v]] += w;
        }
      }
    }
    if (twoM == 0) {
      return 0;
    }
    double q = 0;
    for (int c = 0; c < n; c++) {
      if (tot[c] > 0) {
        q += in[c] / twoM - resolution * (tot[c] / twoM) * (tot[c] / twoM);
      }
    }
    return q;
  }

  /** One level: a graph without self-loops plus each node's internal weight (counted twice). */
  private static final class Level {
    final int n;
    final Graph g;
    final double[] loops;

    Level(Graph g, double[] loops) {
      this.n = g.nodes();
      this.g = g;
      this.loops = loops;
    }

    static Level of(Graph g) {
      return new Level(g, new double[g.nodes()]);
    }

    int[] localMoves(double resolution, SplittableRandom random) {
      int[] single = new int[n];
      for (int v = 0; v < n; v++) {
        single[v] = v;
      }
      return localMoves(resolution, random, single);
    }

    /** Moves nodes between communities, starting from {@code initial} (labels 0..n-1). */
    int[] localMoves(double resolution, SplittableRandom random, int[] initial) {
      double[] k = new double[n];
      double twoM = 0;
      for (int v = 0; v < n; v++) {
        k[v] = g.strength(v) + loops[v];
        twoM += k[v];
      }
      int[] comm = initial.clone();
      double[] tot = new double[n];
      for (int v = 0; v < n; v++) {
        tot[comm[v]] += k[v];
      }
      if (twoM == 0) {
        return comm;
      }
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double[] toComm = new double[n];
      int[] touched = new int[n];
      // a level ends when a round raises modularity by less than THRESHOLD or after MAX_ROUNDS:
      // on skewed graphs late rounds crawl (hubs drag their neighbours along a little at a time)
      // and cost more time than the modularity they add
      double gained = Double.POSITIVE_INFINITY;
      int rounds = 0;
      while (gained >= THRESHOLD && rounds++ < MAX_ROUNDS) {
        gained = 0;
        for (int v : order) {
          int own = comm[v];
          int t = 0;
          for (int e = g.start(v); e < g.end(v); e++) {
            int c = comm[g.target(e)];
            if (toComm[c] == 0) {
              touched[t++] = c;
            }
            toComm[c] += g.weight(e);
          }
          tot[own] -= k[v];
          double stay = toComm[own] - resolution * tot[own] * k[v] / twoM;
          double best = stay;
          int bestComm = own;
          for (int i = 0; i < t; i++) {
            int c = touched[i];
            double gain = toComm[c] - resolution * tot[c] * k[v] / twoM;
            if (gain > best + 1e-12) {
              best = gain;
              bestComm = c;
            }
          }
          tot[bestComm] += k[v];
          if (bestComm != own) {
            comm[v] = bestComm;
            gained += 2 * (best - stay) / twoM;
          }
          for (int i = 0; i < t; i++) {
            toComm[touched[i]] = 0;
          }
          toComm[own] = 0;
        }
      }
      return comm;
    }

    Level aggregate(int[] comm, int k) {
      GraphBuilder b = new GraphBuilder(k, g.end(n - 1) / 2 + 1);
      double[] newLoops = new double[k];
      for (int v = 0; v < n; v++) {
        newLoops[comm[v]] += loops[v];
        for (int e = g.start(v); e < g.end(v); e++) {
          int u = g.target(e);
          if (comm[u] == comm[v]) {
            newLoops[comm[v]] += g.weight(e);
          } else if (v < u) {
            b.add(comm[v], comm[u], g.weight(e));
          }
        }
      }
      return new Level(b.build(false), newLoops);
    }
  }
}
