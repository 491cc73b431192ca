package org.spil.analysis.graph;

/**
 * How far apart two linked nodes are, for paths, betweenness and closeness: every edge one step
 * ({@link #HOPS}), or the inverse of its weight ({@link #INVERSE_WEIGHT}), so that a pair who call
 * each other a hundred times is closer than a pair who called once.
 */
public enum Lengths {
  HOPS,
  INVERSE_WEIGHT;

  double of(Graph g, int e) {
    return this == HOPS ? 1.0 : 1.0 / g.weight(e);
  }
}
