package org.spil.resolve;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Average-linkage merging of records over their scored candidate pairs, on primitive arrays so that
 * a million records with a few hundred million pairs fit in memory: the pairs' match weights as
 * floats, the pairs around each record as a compressed index (CSR) of pair numbers, clusters as a
 * union-find forest whose members are chained in a circular list. Two clusters are coherent when at
 * least {@link #MIN_COVERAGE} of the record pairs between them were scored and their match weights
 * (log2 odds) average at least the threshold's, so one strong link between two otherwise dissimilar
 * groups does not merge them. Weights are averaged rather than probabilities: a pair of one
 * person's records that agree on a common name but nothing else has a low probability at scale (the
 * prior of any two records being one person is small) though its evidence is positive, and would
 * veto a merge its evidence supports. A pair whose features say next to nothing either way ({@code
 * neutral}: "Y. García" on a bank statement against "Yesenia García" with a date of birth
 * elsewhere) counts as scored but stays out of the average, unless every scored cross pair is
 * neutral: a record that carries little is judged by the pairs that carry something.
 *
 * <p>Two clusters that fail that test still merge when a pair between them is {@link #STRONG_LINK
 * strong} and no pair between them speaks against it ({@link #CONFLICT}: evidence of a difference,
 * such as another date of birth), every cross pair blocking did not propose being weighed on
 * demand: a bank statement's "L. van der Bosching", whose account ties it to the bank's customer
 * record, joins the cluster of that person's police and border records, which share with it no more
 * than the initial, and which blocking on a common name never paired with it.
 *
 * <p>NOTE: not thread safe; memory is about 9 bytes per pair and 16 per record besides the pairs
 * and weights.
 */
final class Clustering {
  /** The share of cross pairs that must have been scored for two clusters to merge. */
  static final double MIN_COVERAGE = 0.5;

  /** The kind of a pair whose evidence counts in the average. */
  static final byte INFORMATIVE = 0;

  /** The kind of a pair whose evidence says next to nothing either way. */
  static final byte NEUTRAL = 1;

  /** The kind of an informative pair whose evidence says the two records differ. */
  static final byte CONFLICT = 2;

  /**
   * The probability a single pair must reach to merge two clusters on its own, when nothing between
   * them speaks against it: a shared account or a name and date of birth, not a close name alone.
   */
  static final double STRONG_LINK = 0.99;

  /** The most cross pairs weighed on demand for one merge. */
  static final int ON_DEMAND_LIMIT = 4096;

  /** Weighs a pair of records that blocking did not propose, when a merge needs it. */
  interface Weigher {
    /** The match weight of records {@code i} and {@code j} in bits. */
    float weight(int i, int j);

    /** The kind ({@link #INFORMATIVE}, {@link #NEUTRAL}, {@link #CONFLICT}) of that pair. */
    byte kind(int i, int j, float weight);
  }

  private final long[] pairs;
  private final float[] weights;
  private final byte[] kinds;
  private final Weigher weigher;
  private final Map<Long, Long> refused = new HashMap<>();
  private final int[] start;
  private final int[] incident;
  private final int[] parent;
  private final int[] next;
  private final int[] size;

  /**
   * Over {@code n} records and the candidate pairs ({@code i << 32 | j}) with their match weights
   * in bits and their kinds (null: all informative); {@code weigher} weighs other pairs on demand
   * (null: clusters merge on the candidate pairs alone).
   */
  Clustering(int n, long[] pairs, float[] weights, byte[] kinds, Weigher weigher) {
    this.pairs = pairs;
    this.kinds = kinds == null ? new byte[pairs.length] : kinds;
    this.weights = weights;
    this.weigher = weigher;
    start = new int[n + 1];
    for (int p = 0; p < pairs.length; p++) {
      start[(int) (pairs[p] >>> 32) + 1]++;
      start[(int) pairs[p] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    incident = new int[start[n]];
    int[] fill = Arrays.copyOf(start, n);
    for (int p = 0; p < pairs.length; p++) {
      incident[fill[(int) (pairs[p] >>> 32)]++] = p;
      incident[fill[(int) pairs[p]]++] = p;
    }
    parent = new int[n];
    next = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      next[i] = i;
      size[i] = 1;
    }
  }

  /** The cluster (its root record) that record {@code i} is in. */
  int root(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The members of the cluster rooted at {@code root}. */
  int[] members(int root) {
    int[] out = new int[size[root]];
    int i = root;
    for (int k = 0; k < out.length; k++) {
      out[k] = i;
      i = next[i];
    }
    return out;
  }

  /** Merges the clusters rooted at {@code a} and {@code b}; returns the root of the union. */
  int union(int a, int b) {
    if (a == b) {
      return a;
    }
    if (size[a] < size[b]) {
      int t = a;
      a = b;
      b = t;
    }
    parent[b] = a;
    size[a] += size[b];
    int after = next[a];
    next[a] = next[b];
    next[b] = after;
    return a;
  }

  /** Whether the clusters rooted at {@code a} and {@code b} may merge at this threshold. */
  boolean coherent(int a, int b, double threshold) {
    int small = size[a] <= size[b] ? a : b;
    int other = small == a ? b : a;
    double sum = 0;
    long scored = 0;
    double neutralSum = 0;
    long neutrals = 0;
    boolean conflict = false;
    float strongest = Float.NEGATIVE_INFINITY;
    int i = small;
    do {
      for (int k = start[i]; k < start[i + 1]; k++) {
        int p = incident[k];
        int x = (int) (pairs[p] >>> 32);
        int j = x == i ? (int) pairs[p] : x;
        if (root(j) == other) {
          strongest = Math.max(strongest, weights[p]);
          if (kinds[p] == NEUTRAL) {
            neutralSum += weights[p];
            neutrals++;
          } else {
            sum += weights[p];
            scored++;
            conflict |= kinds[p] == CONFLICT;
          }
        }
      }
      i = next[i];
    } while (i != small);
    long covered = scored + neutrals;
    double mean = scored > 0 ? sum / scored : neutralSum / Math.max(1, neutrals);
    double needed = FellegiSunter.weightOf(threshold);
    if (covered > 0 && covered >= MIN_COVERAGE * size[a] * (double) size[b] && mean >= needed) {
      return true;
    }
    return !conflict
        && strongest >= FellegiSunter.weightOf(Math.max(threshold, STRONG_LINK))
        && nothingAgainst(small, other);
  }

  /**
   * Whether no pair between the two clusters that blocking did not propose speaks against their
   * merging, each weighed on demand; false when there are too many to weigh. A refusal is
   * remembered until either cluster changes.
   */
  private boolean nothingAgainst(int small, int other) {
    long cross = size[small] * (long) size[other];
    if (weigher == null || cross > ON_DEMAND_LIMIT) {
      return false;
    }
    long key = ((long) Math.min(small, other) << 32) | Math.max(small, other);
    long sizes = ((long) size[Math.min(small, other)] << 32) | size[Math.max(small, other)];
    Long before = refused.get(key);
    if (before != null && before == sizes) {
      return false;
    }
    int[] theirs = members(other);
    Arrays.sort(theirs);
    boolean[] proposed = new boolean[theirs.length];
    int i = small;
    do {
      Arrays.fill(proposed, false);
      for (int k = start[i]; k < start[i + 1]; k++) {
        int p = incident[k];
        int x = (int) (pairs[p] >>> 32);
        int at = Arrays.binarySearch(theirs, x == i ? (int) pairs[p] : x);
        if (at >= 0) {
          proposed[at] = true;
        }
      }
      for (int m = 0; m < theirs.length; m++) {
        if (!proposed[m]) {
          int j = theirs[m];
          if (weigher.kind(i, j, weigher.weight(i, j)) == CONFLICT) {
            refused.put(key, sizes);
            return false;
          }
        }
      }
      i = next[i];
    } while (i != small);
    return true;
  }

  /**
   * The pairs whose probability ({@code weights} in bits) is at or above the threshold, heaviest
   * first (ties in pair order): the order in which merges are tried.
   */
  int[] mergeOrder(float[] weights, double threshold) {
    // counted first and sorted in place: at hundreds of millions of pairs a key array per pair, its
    // trimmed copy and a parallel sort's buffer would need three times the memory of the keys kept
    int count = 0;
    for (int p = 0; p < pairs.length; p++) {
      if (FellegiSunter.probability(weights[p]) >= threshold) {
        count++;
      }
    }
    long[] keys = new long[count];
    int k0 = 0;
    for (int p = 0; p < pairs.length && k0 < count; p++) {
      if (FellegiSunter.probability(weights[p]) >= threshold) {
        int bits = Float.floatToIntBits(weights[p]);
        // float bits in signed order (negative floats reversed); ~p puts earlier pairs first among
        // equals when the keys are read from the end
        int sortable = bits >= 0 ? bits : bits ^ 0x7fffffff;
        keys[k0++] = ((long) sortable << 32) | (~p & 0xffffffffL);
      }
    }
    Arrays.sort(keys);
    int[] order = new int[count];
    for (int k = 0; k < count; k++) {
      order[k] = ~(int) keys[count - 1 - k];
    }
    return order;
  }

  /** The records of pair {@code p}. */
  int first(int p) {
    return (int) (pairs[p] >>> 32);
  }

  int second(int p) {
    return (int) pairs[p];
  }
}
