package org.spil.resolve;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The Fellegi-Sunter model: per feature and level, m (probability of the level among true matches)
 * and u (among non-matches), and the prior. u is estimated from random record pairs (almost all
 * non-matches); m and the prior by expectation-maximisation over the candidate pairs, without
 * labels, as Splink does. A pair's match weight is the log2 prior odds plus the sum of log2(m/u) of
 * its levels; missing levels contribute nothing.
 */
final class FellegiSunter {
  final double[][] m;
  final double[][] u;
  double prior;

  FellegiSunter() {
    int f = Features.NAMES.length;
    m = new double[f][];
    u = new double[f][];
    for (int i = 0; i < f; i++) {
      int levels = Features.LEVELS[i].length;
      m[i] = new double[levels];
      u[i] = new double[levels];
      for (int l = 0; l < levels; l++) {
        m[i][l] = l == 0 ? 0.7 : 0.3 / (levels - 1);
        u[i][l] = 1.0 / levels;
      }
    }
    prior = 0.01;
  }

  void estimateU(List<Features.Prepared> records, long seed, int samples) {
    SplittableRandom r = new SplittableRandom(seed);
    int f = Features.NAMES.length;
    double[][] counts = new double[f][];
    for (int i = 0; i < f; i++) {
      counts[i] = new double[Features.LEVELS[i].length];
    }
    byte[] levels = new byte[f];
    int n = records.size();
    for (int s = 0; s < samples && n > 1; s++) {
      int a = r.nextInt(n);
      int b = r.nextInt(n);
      if (a == b || !records.get(a).record().kind().comparable(records.get(b).record().kind())) {
        continue;
      }
      Features.compare(records.get(a), records.get(b), levels);
      for (int i = 0; i < f; i++) {
        if (levels[i] != Features.MISSING) {
          counts[i][levels[i]]++;
        }
      }
    }
    for (int i = 0; i < f; i++) {
      double total = 0;
      for (double c : counts[i]) {
        total += c + 1;
      }
      for (int l = 0; l < counts[i].length; l++) {
        u[i][l] = (counts[i][l] + 1) / total;
      }
    }
  }

  /**
   * m from anchor pairs: for each feature, the distribution of its levels among candidate pairs
   * that agree exactly on two other features (name, date of birth, identifier, city; one when fewer
   * than 50 such pairs exist). Such pairs are nearly all true matches, so this estimates m without
   * labels and without letting a feature train itself.
   */
  void estimateMFromAnchors(byte[] levels, int pairs, boolean[] commonName) {
    int f = Features.NAMES.length;
    for (int i = 0; i < f; i++) {
      for (int need = 2; need >= 1; need--) {
        double[] acc = new double[m[i].length];
        double total = 0;
        for (int p = 0; p < pairs; p++) {
          int o = p * f;
          int agree = 0;
          for (int a = 0; a < f; a++) {
            // an exact but common name is no anchor: namesakes would pass for matches
            if (a != i && a != 3 && a != 4 && levels[o + a] == 0 && !(a == 0 && commonName[p])) {
              agree++;
            }
          }
          byte l = levels[o + i];
          if (agree >= need && l != Features.MISSING) {
            acc[l]++;
            total++;
          }
        }
        if (total >= 50 || (need == 1 && total >= 20)) {
          for (int l = 0; l < acc.length; l++) {
            m[i][l] = (acc[l] + 0.5) / (total + 0.5 * acc.length);
          }
          capLastLevel(i);
          break;
        }
      }
    }
  }

  /**
   * Anchor pairs include some namesakes, which makes complete disagreement on a name or a date of
   * birth look more common among matches than it is; its m is capped at 10% (a prior, not a label).
   */
  private void capLastLevel(int feature) {
    if (feature > 1) {
      return;
    }
    int last = m[feature].length - 1;
    if (m[feature][last] > 0.10) {
      double excess = m[feature][last] - 0.10;
      m[feature][last] = 0.10;
      double rest = 1 - m[feature][last] - excess;
      for (int l = 0; l < last; l++) {
        m[feature][l] += excess * m[feature][l] / rest;
      }
    }
  }

  /** The prior (share of true matches among candidates) by EM with m and u held fixed. */
  void estimatePrior(byte[] levels, int pairs, int iterations) {
    int f = Features.NAMES.length;
    for (int it = 0; it < iterations; it++) {
      double sum = 0;
      for (int p = 0; p < pairs; p++) {
        double w = Math.log(prior / (1 - prior));
        for (int i = 0; i < f; i++) {
          byte l = levels[p * f + i];
          if (l != Features.MISSING) {
            w += Math.log(m[i][l] / u[i][l]);
          }
        }
        sum += 1 / (1 + Math.exp(-w));
      }
      prior = Math.min(0.99, Math.max(1e-6, sum / Math.max(1, pairs)));
    }
  }

  double weight(int feature, byte level) {
    return level == Features.MISSING
        ? 0
        : Math.log(m[feature][level] / u[feature][level]) / Math.log(2);
  }

  double score(byte[] levels, int offset) {
    double w = Math.log(prior / (1 - prior)) / Math.log(2);
    for (int i = 0; i < Features.NAMES.length; i++) {
      w += weight(i, levels[offset + i]);
    }
    return w;
  }

  static double probability(double weight) {
    return 1 / (1 + Math.pow(2, -weight));
  }
}
