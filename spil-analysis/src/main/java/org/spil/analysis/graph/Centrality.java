package org.spil.analysis.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The named centrality measures, one registry for every front end: who matters by how many ties
 * (degree), how much contact (strength), ties to those who matter (PageRank, eigenvector), lying on
 * the paths between others (betweenness: brokers), reaching everyone quickly (closeness) or sitting
 * in the dense inner circle (k-core). Each computes {@link VertexScores}; betweenness samples
 * sources on large networks and says so in the scores' note.
 */
public enum Centrality {
  DEGREE,
  STRENGTH,
  PAGERANK,
  BETWEENNESS,
  CLOSENESS,
  EIGENVECTOR,
  KCORE;

  /** The name users type and read: lower case ({@code pagerank}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every measure's label, in the order above. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(Centrality::label).toList();
  }

  /** The measure of a label, or a refusal naming the measures there are. */
  public static Centrality parse(String label) {
    for (Centrality c : values()) {
      if (c.label().equals(label)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown measure '" + label + "'; one of " + String.join(", ", labels()));
  }

  /**
   * The scores of every node of {@code g}; {@code lengths} says how far apart linked nodes are for
   * the path-based measures (betweenness, closeness).
   */
  public VertexScores compute(Graph g, Lengths lengths) {
    int n = g.nodes();
    double[] score = new double[n];
    String note = null;
    switch (this) {
      case DEGREE -> {
        for (int v = 0; v < n; v++) {
          score[v] = g.degree(v);
        }
      }
      case STRENGTH -> {
        for (int v = 0; v < n; v++) {
          score[v] = g.strength(v);
        }
      }
      case PAGERANK -> score = PageRank.compute(g).scores();
      case BETWEENNESS -> {
        BrandesBetweenness.Result r = BrandesBetweenness.compute(g, lengths);
        score = r.scores();
        if (!r.exact()) {
          note =
              String.format(
                  "betweenness sampled from %,d of %,d sources (too many nodes for exact):"
                      + " normalised scores within +/- %.4f with probability 0.95",
                  r.sources(), n, r.errorBound());
        }
      }
      case CLOSENESS -> score = Closeness.compute(g, lengths);
      case EIGENVECTOR -> score = Eigenvector.compute(g);
      case KCORE -> {
        int[] core = KCore.coreNumbers(g);
        for (int v = 0; v < n; v++) {
          score[v] = core[v];
        }
      }
    }
    return new VertexScores(this, score, note);
  }
}
