package org.spil.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of clusters against a truth (record id to true identity): a
 * pair of records is predicted when they share a cluster, true when they share an identity.
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
}
