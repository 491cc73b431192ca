package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The primitive-array clustering against a naive oracle (clusters as sets, every cross pair's
 * weight looked up in a map) on seeded random scored graphs, and the chaining it must refuse. The
 * seed is printed on failure; {@code -Dspil.test.rounds=N} runs more rounds.
 */
class ClusteringTest {
  private static final int ROUNDS = Integer.getInteger("spil.test.rounds", 300);

  @Test
  void mergesAsTheNaiveAverageLinkageDoes() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      int n = 2 + random.nextInt(40);
      TreeSet<Long> chosen = new TreeSet<>();
      int wanted = random.nextInt(n * 4);
      for (int k = 0; k < wanted; k++) {
        int i = random.nextInt(n);
        int j = random.nextInt(n);
        if (i != j) {
          chosen.add(((long) Math.min(i, j) << 32) | Math.max(i, j));
        }
      }
      long[] pairs = chosen.stream().mapToLong(Long::longValue).toArray();
      float[] weights = new float[pairs.length];
      for (int p = 0; p < pairs.length; p++) {
        // quarter bits from -10 to +30: ties happen, and floats hold them exactly
        weights[p] = (random.nextInt(161) - 40) / 4f;
      }
      byte[] kinds = new byte[pairs.length];
      for (int p = 0; p < pairs.length; p++) {
        kinds[p] = randomKind(random);
      }
      // every other pair, as the weigher would weigh it on demand
      Map<Long, Float> unproposed = new HashMap<>();
      Map<Long, Byte> unproposedKinds = new HashMap<>();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (!chosen.contains(pair(i, j))) {
            unproposed.put(pair(i, j), (random.nextInt(161) - 40) / 4f);
            unproposedKinds.put(pair(i, j), randomKind(random));
          }
        }
      }
      Clustering.Weigher weigher =
          random.nextInt(4) == 0 ? null : weigher(unproposed, unproposedKinds);
      double threshold = List.of(0.3, 0.5, 0.8, 0.95).get(random.nextInt(4));
      assertThat(clusters(n, pairs, weights, kinds, weigher, threshold))
          .as("seed %d, round %d", seed, round)
          .isEqualTo(oracle(n, pairs, weights, kinds, weigher, unproposedKinds, threshold));
    }
  }

  @Test
  void oneStrongLinkDoesNotChainTwoGroups() {
    // two triangles of sure matches joined by one sure link and nothing else between them
    long[] pairs = {
      pair(0, 1), pair(0, 2), pair(1, 2), pair(2, 3), pair(3, 4), pair(3, 5), pair(4, 5)
    };
    float[] weights = new float[pairs.length];
    Arrays.fill(weights, 20);
    weights[2] = 19;
    assertThat(clusters(6, pairs, weights, null, null, 0.5))
        .containsExactlyInAnyOrder(Set.of(0, 1, 2), Set.of(3, 4, 5));
    assertThat(
            clusters(6, pairs, weights, null, (i, j) -> -8f, (i, j, w) -> Clustering.CONFLICT, 0.5))
        .as("the pairs blocking did not propose, weighed, speak against the link")
        .containsExactlyInAnyOrder(Set.of(0, 1, 2), Set.of(3, 4, 5));
    assertThat(
            clusters(
                6, pairs, weights, null, (i, j) -> -8f, (i, j, w) -> Clustering.INFORMATIVE, 0.5))
        .as("nothing speaks against the link")
        .containsExactly(Set.of(0, 1, 2, 3, 4, 5));
  }

  @Test
  void aRecordTiedByItsAccountJoinsThePersonsClusterWhenNothingSpeaksAgainstIt() {
    // 0-1-2: one person's bank customer record, police and border records; 3: a bank statement's
    // "L. van der Bosching" on the account of 0; blocking never paired 3 with 1 or 2
    long[] pairs = {pair(0, 1), pair(0, 2), pair(1, 2), pair(0, 3)};
    float[] weights = {20, 20, 20, 12};
    assertThat(clusters(4, pairs, weights, null, null, 0.5))
        .as("without weighing on demand, a quarter of the cross pairs is too little")
        .containsExactlyInAnyOrder(Set.of(0, 1, 2), Set.of(3));
    assertThat(
            clusters(
                4, pairs, weights, null, (i, j) -> -8.5f, (i, j, w) -> Clustering.INFORMATIVE, 0.5))
        .as("the initial agrees with both")
        .containsExactly(Set.of(0, 1, 2, 3));
    assertThat(
            clusters(
                4,
                pairs,
                weights,
                null,
                (i, j) -> i == 2 || j == 2 ? -25f : -8.5f,
                (i, j, w) -> w < -20 ? Clustering.CONFLICT : Clustering.INFORMATIVE,
                0.5))
        .as("another initial on the border record")
        .containsExactlyInAnyOrder(Set.of(0, 1, 2), Set.of(3));
  }

  @Test
  void aRecordThatCarriesLittleIsJudgedByThePairsThatCarrySomething() {
    // 0-1-2 are one person in three sources; 3 is a bank statement's "Y. Garcia" sharing an account
    // with 0 only; its pairs with 1 and 2 are scored but say next to nothing
    long[] pairs = {pair(0, 1), pair(0, 2), pair(0, 3), pair(1, 2), pair(1, 3), pair(2, 3)};
    float[] weights = {20, 20, 1, 20, -6, -6};
    byte[] kinds = {0, 0, 0, 0, Clustering.NEUTRAL, Clustering.NEUTRAL};
    assertThat(clusters(4, pairs, weights, kinds, null, 0.5)).containsExactly(Set.of(0, 1, 2, 3));
    assertThat(clusters(4, pairs, weights, null, null, 0.5))
        .as("the same pairs, all counted")
        .containsExactlyInAnyOrder(Set.of(0, 1, 2), Set.of(3));
  }

  private static long pair(int i, int j) {
    return ((long) i << 32) | j;
  }

  private static byte randomKind(Random random) {
    int k = random.nextInt(8);
    return k < 2 ? Clustering.NEUTRAL : k < 4 ? Clustering.CONFLICT : Clustering.INFORMATIVE;
  }

  /** A weigher of the other pairs; it fails the test when asked for a candidate pair. */
  private static Clustering.Weigher weigher(Map<Long, Float> weights, Map<Long, Byte> kinds) {
    return new Clustering.Weigher() {
      @Override
      public float weight(int i, int j) {
        Float w = weights.get(pair(Math.min(i, j), Math.max(i, j)));
        assertThat(w).as("weighed on demand: %d-%d", i, j).isNotNull();
        return w;
      }

      @Override
      public byte kind(int i, int j, float weight) {
        return kinds.get(pair(Math.min(i, j), Math.max(i, j)));
      }
    };
  }

  private static Set<Set<Integer>> clusters(
      int n,
      long[] pairs,
      float[] weights,
      byte[] kinds,
      BiFunction<Integer, Integer, Float> weight,
      Kind kind,
      double t) {
    return clusters(
        n,
        pairs,
        weights,
        kinds,
        new Clustering.Weigher() {
          @Override
          public float weight(int i, int j) {
            return weight.apply(i, j);
          }

          @Override
          public byte kind(int i, int j, float w) {
            return kind.of(i, j, w);
          }
        },
        t);
  }

  /** A pair's kind as a lambda. */
  private interface Kind {
    byte of(int i, int j, float weight);
  }

  private static Set<Set<Integer>> clusters(
      int n, long[] pairs, float[] weights, byte[] kinds, Clustering.Weigher weigher, double t) {
    Clustering c = new Clustering(n, pairs, weights, kinds, weigher);
    for (int p : c.mergeOrder(weights, t)) {
      int a = c.root(c.first(p));
      int b = c.root(c.second(p));
      if (a != b && c.coherent(a, b, t)) {
        c.union(a, b);
      }
    }
    Map<Integer, Set<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(c.root(i), k -> new HashSet<>()).add(i);
      assertThat(c.members(c.root(i))).contains(i);
    }
    return new HashSet<>(groups.values());
  }

  private static Set<Set<Integer>> oracle(
      int n,
      long[] pairs,
      float[] weights,
      byte[] kinds,
      Clustering.Weigher weigher,
      Map<Long, Byte> unproposedKinds,
      double t) {
    Map<Long, Double> weightOf = new HashMap<>();
    Map<Long, Byte> kindOf = new HashMap<>();
    for (int p = 0; p < pairs.length; p++) {
      kindOf.put(pairs[p], kinds[p]);
      weightOf.put(pairs[p], (double) weights[p]);
    }
    List<Set<Integer>> clusterOf = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusterOf.add(new HashSet<>(Set.of(i)));
    }
    Integer[] order = new Integer[pairs.length];
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    Arrays.sort(order, (x, y) -> Double.compare(weights[y], weights[x]));
    double needed = Math.log(t / (1 - t)) / Math.log(2);
    for (int p : order) {
      if (FellegiSunter.probability(weights[p]) < t) {
        break;
      }
      Set<Integer> a = clusterOf.get((int) (pairs[p] >>> 32));
      Set<Integer> b = clusterOf.get((int) pairs[p]);
      if (a == b) {
        continue;
      }
      List<Double> informative = new ArrayList<>();
      List<Double> uninformative = new ArrayList<>();
      boolean conflict = false;
      boolean unproposedConflict = false;
      double strongest = Double.NEGATIVE_INFINITY;
      for (int i : a) {
        for (int j : b) {
          long key = pair(Math.min(i, j), Math.max(i, j));
          Double q = weightOf.get(key);
          if (q != null) {
            strongest = Math.max(strongest, q);
            byte k = kindOf.get(key);
            (k == Clustering.NEUTRAL ? uninformative : informative).add(q);
            conflict |= k == Clustering.CONFLICT;
          } else {
            unproposedConflict |= unproposedKinds.get(key) == Clustering.CONFLICT;
          }
        }
      }
      List<Double> judged = informative.isEmpty() ? uninformative : informative;
      double mean = judged.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      int scored = informative.size() + uninformative.size();
      boolean byAverage = scored > 0 && scored >= 0.5 * a.size() * b.size() && mean >= needed;
      boolean byLink =
          weigher != null
              && a.size() * b.size() <= Clustering.ON_DEMAND_LIMIT
              && !conflict
              && !unproposedConflict
              && strongest
                  >= Math.log(
                          Math.max(t, Clustering.STRONG_LINK)
                              / (1 - Math.max(t, Clustering.STRONG_LINK)))
                      / Math.log(2);
      if (byAverage || byLink) {
        a.addAll(b);
        for (int j : b) {
          clusterOf.set(j, a);
        }
      }
    }
    return new HashSet<>(clusterOf);
  }
}
