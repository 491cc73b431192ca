package org.spil.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Fellegi-Sunter model: per feature and level, m (probability of the level among true matches)
 * and u (among non-matches), and the prior. u is estimated from random record pairs (almost all
 * non-matches); m from anchor pairs and the priors by expectation-maximisation over the candidate
 * pairs, without labels, as Splink does. There is one prior per class of pair (two persons, two
 * firms, or an account holder that may be either), since firms are far fewer than persons and
 * recorded more often each. A pair's match weight is the log2 prior odds of its class plus the sum
 * of log2(m/u) of its levels; missing levels contribute nothing.
 */
final class FellegiSunter {
  final double[][] m;
  final double[][] u;
  final double[] priors = {0.01, 0.01, 0.01};

  /** Classes of pairs with a prior of their own: two persons, two firms, or either. */
  static final int PERSONS = 0, FIRMS = 1, EITHER = 2, CLASSES = 3;

  private static final int IDENTIFIER = Comparison.IDENTIFIER.index();

  /** The class of a pair of records of these kinds. */
  static int pairClass(ResolveRecord.Kind a, ResolveRecord.Kind b) {
    if (a == ResolveRecord.Kind.PERSON && b == ResolveRecord.Kind.PERSON) {
      return PERSONS;
    }
    if (a == ResolveRecord.Kind.COMPANY && b == ResolveRecord.Kind.COMPANY) {
      return FIRMS;
    }
    return EITHER;
  }

  FellegiSunter() {
    int f = Comparison.COUNT;
    m = new double[f][];
    u = new double[f][];
    for (int i = 0; i < f; i++) {
      int levels = Comparison.at(i).levels().size();
      m[i] = new double[levels];
      u[i] = new double[levels];
      for (int l = 0; l < levels; l++) {
        m[i][l] = l == 0 ? 0.7 : 0.3 / (levels - 1);
        u[i][l] = 1.0 / levels;
      }
    }
  }

  /** Takes over the weights of an earlier estimation (same features and levels). */
  void load(Resolution.Model previous) {
    if (previous.m().length != m.length) {
      throw new IllegalArgumentException(
          "the stored resolution model has other features; run a full resolution");
    }
    for (int i = 0; i < m.length; i++) {
      if (previous.m()[i].length != m[i].length || previous.u()[i].length != u[i].length) {
        throw new IllegalArgumentException(
            "the stored resolution model has other levels; run a full resolution");
      }
      System.arraycopy(previous.m()[i], 0, m[i], 0, m[i].length);
      System.arraycopy(previous.u()[i], 0, u[i], 0, u[i].length);
    }
    for (int c = 0; c < CLASSES; c++) {
      priors[c] =
          previous.priors() != null && previous.priors().length == CLASSES
              ? previous.priors()[c]
              : previous.prior();
    }
  }

  /** The levels (and classes) of the random pairs u was estimated on, kept for {@link #refineU}. */
  private byte[] sampleLevels = new byte[0];

  private byte[] sampleClasses = new byte[0];
  private int sampled;

  /**
   * u from random record pairs, sampled on all cores in a fixed number of deterministic streams
   * (the result does not depend on the number of cores); a pseudo-count of one per level (Laplace)
   * keeps a level never seen among the samples from weighing infinitely. The sampled pairs are kept
   * for {@link #refineU}.
   */
  void estimateU(List<Features.Prepared> records, long seed, int samples) {
    int streams = 16;
    SplittableRandom root = new SplittableRandom(seed);
    List<SplittableRandom> randoms = new ArrayList<>();
    for (int k = 0; k < streams; k++) {
      randoms.add(root.split());
    }
    int f = Comparison.COUNT;
    int per = samples / streams;
    byte[] levels = new byte[per * streams * f];
    byte[] classes = new byte[per * streams];
    int[] counts =
        IntStream.range(0, streams)
            .parallel()
            .map(k -> sample(records, randoms.get(k), per, levels, classes, k * per))
            .toArray();
    // compact the streams' pairs (a stream skips incomparable draws) in stream order
    int n = 0;
    for (int k = 0; k < streams; k++) {
      System.arraycopy(levels, k * per * f, levels, n * f, counts[k] * f);
      System.arraycopy(classes, k * per, classes, n, counts[k]);
      n += counts[k];
    }
    sampleLevels = levels;
    sampleClasses = classes;
    sampled = n;
    uFrom(new double[n]);
  }

  /** u from the sampled pairs, each counted as a non-match with weight 1 - posterior. */
  private void uFrom(double[] posterior) {
    int f = Comparison.COUNT;
    for (int i = 0; i < f; i++) {
      double[] acc = new double[u[i].length];
      double total = 0;
      for (int s = 0; s < sampled; s++) {
        byte l = sampleLevels[s * f + i];
        if (l != Comparison.MISSING) {
          acc[l] += 1 - posterior[s];
          total += 1 - posterior[s];
        }
      }
      for (int l = 0; l < acc.length; l++) {
        u[i][l] = (acc[l] + 1) / (total + acc.length);
      }
    }
  }

  /**
   * u among non-matches, by expectation-maximisation on the random pairs: at small scales a random
   * pair is a true match often enough (one person in many records, a firm on many statements) that
   * counting every random pair as a non-match makes a shared account number or an exact name look
   * far more common among strangers than it is. Each round weighs every sampled pair by the
   * probability that it is not a match under the current weights and priors, then re-estimates u; m
   * stays as estimated. The caller re-estimates the priors after each round.
   */
  void refineU() {
    int f = Comparison.COUNT;
    double[] posterior = new double[sampled];
    for (int s = 0; s < sampled; s++) {
      posterior[s] = probability(score(sampleLevels, s * f, sampleClasses[s]));
    }
    uFrom(posterior);
  }

  /** Identifier, registration and phone: features whose agreement blocking always proposes. */
  private static final int[] SHARED = {
    IDENTIFIER, Comparison.REGISTRATION.index(), Comparison.PHONE.index()
  };

  /**
   * u of a shared identifier, registration or phone number, from the candidate pairs: blocking
   * proposes every pair that shares one (identifier blocks may hold 5,000 records), so the expected
   * number of non-matches among the candidates at that level, over the comparable pairs that both
   * carry such a number (their share taken from the random sample), is u itself. The random sample
   * alone holds too few such pairs: its pseudo-count caps a shared account number near 16 bits
   * while the prior falls with every record added, so at 100,000 records a shared IBAN could no
   * longer outweigh it. The other levels keep their proportions.
   */
  void sharedU(byte[] levels, byte[] classes, int pairs, double comparable) {
    int f = Comparison.COUNT;
    for (int i : SHARED) {
      long present = 0;
      for (int s = 0; s < sampled; s++) {
        if (sampleLevels[s * f + i] != Comparison.MISSING) {
          present++;
        }
      }
      double withFeature = comparable * present / Math.max(1.0, sampled);
      if (present == 0 || withFeature < 1) {
        continue;
      }
      int feature = i;
      double nonMatches =
          IntStream.range(0, pairs)
              .parallel()
              .filter(p -> levels[p * f + feature] == 0)
              .mapToDouble(p -> 1 - probability(score(levels, p * f, classes[p])))
              .sum();
      double shared = Math.min(0.5, Math.max(nonMatches, 1) / withFeature);
      double rest = 1 - u[i][0];
      u[i][0] = shared;
      for (int l = 1; l < u[i].length; l++) {
        u[i][l] *= (1 - shared) / rest;
      }
    }
  }

  private static int sample(
      List<Features.Prepared> records,
      SplittableRandom r,
      int samples,
      byte[] levels,
      byte[] classes,
      int offset) {
    int f = Comparison.COUNT;
    byte[] one = new byte[f];
    int n = records.size();
    int kept = 0;
    for (int s = 0; s < samples && n > 1; s++) {
      int a = r.nextInt(n);
      int b = r.nextInt(n);
      if (a == b || !records.get(a).record().kind().comparable(records.get(b).record().kind())) {
        continue;
      }
      Features.compare(records.get(a), records.get(b), one);
      System.arraycopy(one, 0, levels, (offset + kept) * f, f);
      classes[offset + kept] =
          (byte) pairClass(records.get(a).record().kind(), records.get(b).record().kind());
      kept++;
    }
    return kept;
  }

  /**
   * m from anchor pairs: for each feature, the distribution of its levels among candidate pairs
   * that agree exactly on two other features (name, date of birth, identifier, registration, city;
   * one when fewer than 50 such pairs exist) or share a document, account or registration number.
   * Such pairs are nearly all true matches, so this estimates m without labels and without letting
   * a feature train itself.
   */
  void estimateMFromAnchors(byte[] levels, int pairs, boolean[] commonName) {
    int f = Comparison.COUNT;
    for (int i = 0; i < f; i++) {
      for (int need = 2; need >= 1; need--) {
        double[] acc = new double[m[i].length];
        double total = 0;
        for (int p = 0; p < pairs; p++) {
          int o = p * f;
          int agree = 0;
          for (int a = 0; a < f; a++) {
            // an exact but common name is no anchor: namesakes would pass for matches; a phone,
            // a country or a legal form is shared by too many
            if (a != i
                && a != Comparison.PHONE.index()
                && a != Comparison.COUNTRY.index()
                && a != Comparison.LEGAL_FORM.index()
                && levels[o + a] == 0
                && !(a == Comparison.NAME.index() && commonName[p])) {
              agree++;
            }
          }
          // a shared document, account or registration number makes an anchor on its own: the
          // records that carry little else (a bank's "K. van den Berg") are seen too
          boolean number =
              (i != IDENTIFIER && levels[o + IDENTIFIER] == 0)
                  || (i != Comparison.REGISTRATION.index()
                      && levels[o + Comparison.REGISTRATION.index()] == 0);
          byte l = levels[o + i];
          if ((agree >= need || number) && l != Comparison.MISSING) {
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

  /** How many pairs the estimated m counts as, against the analysts' judged pairs. */
  static final double PRIOR_STRENGTH = 50;

  /**
   * Refines m with the analysts' judgements, which are labels: the levels of pairs judged the same
   * update m as a Dirichlet update in which the estimate weighs as {@link #PRIOR_STRENGTH} pairs (a
   * handful of judgements nudges the model, hundreds reshape it); a feature missing in a pair does
   * not count. Pairs judged different are near misses chosen for being hard, not a sample of
   * non-matches, so they do not touch u; they act as cannot-link constraints only.
   */
  void refineM(List<byte[]> same) {
    update(m, same);
  }

  private static void update(double[][] p, List<byte[]> judged) {
    if (judged.isEmpty()) {
      return;
    }
    for (int i = 0; i < p.length; i++) {
      double[] counts = new double[p[i].length];
      double total = 0;
      for (byte[] lv : judged) {
        if (lv[i] != Comparison.MISSING) {
          counts[lv[i]]++;
          total++;
        }
      }
      if (total == 0) {
        continue;
      }
      for (int l = 0; l < p[i].length; l++) {
        p[i][l] = (PRIOR_STRENGTH * p[i][l] + counts[l]) / (PRIOR_STRENGTH + total);
      }
    }
  }

  /**
   * Anchor pairs include some namesakes, which makes complete disagreement on a name or a date of
   * birth look more common among matches than it is; its m is capped (a prior, not a label): 2% for
   * names, since records of one person under wholly different names are aliases, and 20% for dates
   * of birth, which are mistyped, invented and defaulted far more often. A country mismatch is
   * floored instead ({@link #COUNTRY_FLOOR}). (Measured: a 5% cap costs recall on Splink's
   * fake_1000, whose dates are often wholly wrong; no cap lets namesakes through on the synthetic
   * scenario, precision 0.956 instead of 0.985 at scale 10,000.)
   */
  private void capLastLevel(int feature) {
    int last = m[feature].length - 1;
    if (feature == Comparison.NAME.index() || feature == Comparison.DOB.index()) {
      setLastLevel(
          feature, Math.min(m[feature][last], feature == Comparison.NAME.index() ? 0.02 : 0.20));
    } else if (feature == Comparison.COUNTRY.index()) {
      setLastLevel(feature, Math.max(m[feature][last], COUNTRY_FLOOR));
    }
  }

  /**
   * The least share of true matches whose countries differ: one source records a nationality,
   * another the country of residence, and people hold two passports; anchor pairs, mostly from
   * sources that record the same notion, would otherwise make a country mismatch all but decisive
   * (-15 bits at scale 100,000 for a Ukrainian living in the Netherlands).
   */
  static final double COUNTRY_FLOOR = 0.10;

  private void setLastLevel(int feature, double value) {
    int last = m[feature].length - 1;
    double rest = 1 - m[feature][last];
    for (int l = 0; l < last; l++) {
      m[feature][l] = rest > 0 ? m[feature][l] * (1 - value) / rest : (1 - value) / last;
    }
    m[feature][last] = value;
  }

  /**
   * The priors: per class, the share of true matches among all comparable record pairs of that
   * class, as u is estimated on random pairs of all records. Estimated by EM with m and u held
   * fixed, counting the pairs blocking did not propose as non-matches: the expected number of
   * matches among the candidates of the class divided by its {@code comparablePairs}. (A prior
   * taken over the candidates alone would count the blocking's evidence, a shared name, a second
   * time: scores would rise with the number of records, and namesakes with different dates of birth
   * would pass at scale.) The estimate is kept at or above one duplicate pair per ten records of
   * the class: on a small warehouse with little evidence, EM would otherwise drift towards no
   * matches at all.
   */
  void estimatePriors(
      byte[] levels,
      byte[] classes,
      int pairs,
      double[] comparablePairs,
      double[] records,
      int iterations) {
    estimatePriors(
        LevelPatterns.count(levels, classes, pairs), comparablePairs, records, iterations);
  }

  /**
   * As above, over pairs already counted into their distinct patterns (pairs with the same class
   * and levels weigh the same, so EM runs over the patterns): a resolution counts them once and
   * re-estimates the priors after every round of {@link #refineU}.
   */
  void estimatePriors(
      LevelPatterns patterns, double[] comparablePairs, double[] records, int iterations) {
    int f = Comparison.COUNT;
    double[] base = new double[patterns.size()];
    long[] candidates = new long[CLASSES];
    byte[] one = new byte[f];
    for (int k = 0; k < base.length; k++) {
      patterns.levels(k, one);
      double w = 0;
      for (int i = 0; i < f; i++) {
        if (one[i] != Comparison.MISSING) {
          w += Math.log(m[i][one[i]] / u[i][one[i]]);
        }
      }
      base[k] = w;
      candidates[patterns.pairClass(k)] += patterns.count(k);
    }
    for (int c = 0; c < CLASSES; c++) {
      double total = Math.max(comparablePairs[c], Math.max(1, candidates[c]));
      double prior = Math.max(1e-12, 0.1 * candidates[c] / total);
      for (int it = 0; it < iterations && candidates[c] > 0; it++) {
        double odds = Math.log(prior / (1 - prior));
        double sum = 0;
        for (int k = 0; k < base.length; k++) {
          if (patterns.pairClass(k) == c) {
            sum += patterns.count(k) / (1 + Math.exp(-(odds + base[k])));
          }
        }
        double next = Math.min(0.99, Math.max(1e-12, sum / total));
        boolean settled = Math.abs(next - prior) < 1e-4 * prior;
        prior = next;
        if (settled) {
          break;
        }
      }
      double floor = Math.min(0.5, 0.1 * records[c] / total);
      priors[c] = Math.max(prior, floor);
    }
  }

  /** The log2 prior odds of a class of pairs. */
  double priorWeight(int pairClass) {
    double prior = priors[pairClass];
    return Math.log(prior / (1 - prior)) / Math.log(2);
  }

  double weight(int feature, byte level) {
    return level == Comparison.MISSING
        ? 0
        : Math.log(m[feature][level] / u[feature][level]) / Math.log(2);
  }

  double score(byte[] levels, int offset, int pairClass) {
    double w = priorWeight(pairClass);
    for (int i = 0; i < Comparison.COUNT; i++) {
      w += weight(i, levels[offset + i]);
    }
    return w;
  }

  /** The match weight (log2 odds) of a probability. */
  static double weightOf(double probability) {
    return Math.log(probability / (1 - probability)) / Math.log(2);
  }

  static double probability(double weight) {
    return 1 / (1 + Math.pow(2, -weight));
  }
}
