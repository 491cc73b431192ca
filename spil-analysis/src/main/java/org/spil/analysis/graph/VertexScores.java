package org.spil.analysis.graph;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A score per node from one {@link Centrality} measure, whatever algorithm computed it: degree,
 * strength, PageRank, betweenness, closeness, eigenvector or core number. {@code note} says how the
 * scores were approximated (betweenness sampled on a large network, with its error bound), or is
 * null when they are exact.
 */
public record VertexScores(Centrality measure, double[] values, String note) {
  public VertexScores {
    if (measure == null || values == null) {
      throw new IllegalArgumentException("vertex scores need their measure and values");
    }
  }

  /** The score of node {@code v}. */
  public double of(int v) {
    return values[v];
  }

  /**
   * The nodes with the highest scores, best first, ties by {@code tieBreak} (e.g. the node ids in
   * order), at most {@code top}.
   */
  public int[] top(int top, Comparator<Integer> tieBreak) {
    return IntStream.range(0, values.length)
        .boxed()
        .sorted(
            (a, b) ->
                values[a] != values[b]
                    ? Double.compare(values[b], values[a])
                    : tieBreak.compare(a, b))
        .limit(top)
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
