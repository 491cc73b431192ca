package org.spil.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision, recall and F1 of clusters against a truth (record id to true identity), pairwise (a
 * pair of records is predicted when they share a cluster, true when they share an identity) or by
 * exact clusters. The counts are pairs or clusters accordingly.
 */
public record Score(long truePairs, long predictedPairs, long correctPairs) {

  public double precision() {
    return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
  }

  public double recall() {
    return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Scores clusters over the records the truth knows; records outside the truth are ignored. */
  public static Score pairwise(List<Resolution.Cluster> clusters, Map<String, String> truth) {
    long predicted = 0;
    long correct = 0;
    for (Resolution.Cluster c : clusters) {
      Map<String, Long> byIdentity = new HashMap<>();
      long known = 0;
      for (String m : c.members()) {
        String t = truth.get(m);
        if (t != null) {
          byIdentity.merge(t, 1L, Long::sum);
          known++;
        }
      }
      predicted += known * (known - 1) / 2;
      for (long k : byIdentity.values()) {
        correct += k * (k - 1) / 2;
      }
    }
    Map<String, Long> sizes = new HashMap<>();
    truth.values().forEach(t -> sizes.merge(t, 1L, Long::sum));
    long total = 0;
    for (long k : sizes.values()) {
      total += k * (k - 1) / 2;
    }
    return new Score(total, predicted, correct);
  }

  /**
   * Cluster-level scores: a predicted cluster is correct when it holds exactly the records of one
   * true identity (over the records the truth knows). Precision over predicted clusters, recall
   * over true identities; stricter than pairwise, since one stray record spoils a cluster.
   */
  public static Score exactClusters(List<Resolution.Cluster> clusters, Map<String, String> truth) {
    Map<String, Long> sizes = new HashMap<>();
    truth.values().forEach(t -> sizes.merge(t, 1L, Long::sum));
    long predicted = 0;
    long correct = 0;
    for (Resolution.Cluster c : clusters) {
      String identity = null;
      long known = 0;
      boolean pure = true;
      for (String m : c.members()) {
        String t = truth.get(m);
        if (t == null) {
          continue;
        }
        known++;
        if (identity == null) {
          identity = t;
        } else if (!identity.equals(t)) {
          pure = false;
        }
      }
      if (known == 0) {
        continue;
      }
      predicted++;
      if (pure && sizes.get(identity) == known) {
        correct++;
      }
    }
    return new Score(sizes.size(), predicted, correct);
  }
}
