package org.spil.analysis.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Temporal cycles against a brute-force oracle that tries every sequence of distinct payments, and
 * on hand-made cases: a round trip through three companies, and its nearest misses.
 */
class TemporalCyclesTest {
  private static final double[] AMOUNTS = {100, 99, 97, 95, 90, 80, 100.004};

  /** A random small graph of a seed. */
  private static PaymentGraph random(long seed) {
    Random r = new Random(seed);
    int nodes = 2 + r.nextInt(5);
    PaymentGraph.Builder b = PaymentGraph.builder();
    for (int i = r.nextInt(13); i >= 0; i--) {
      b.add(
          "p" + i,
          "a" + r.nextInt(nodes),
          "a" + r.nextInt(nodes),
          r.nextInt(11),
          AMOUNTS[r.nextInt(AMOUNTS.length)]);
    }
    return b.build();
  }

  @Property(tries = 400)
  void findsWhatTryingEverySequenceFinds(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int maxLength,
      @ForAll @IntRange(min = 0, max = 6) int window,
      @ForAll @IntRange(min = 0, max = 20) int feePercent) {
    PaymentGraph g = random(seed);
    TemporalCycles.Spec spec = new TemporalCycles.Spec(maxLength, window, feePercent / 100.0);
    List<int[]> found = TemporalCycles.find(g, spec);
    Set<String> distinct = new TreeSet<>();
    for (int[] c : found) {
      distinct.add(Arrays.toString(c));
    }
    assertThat(distinct).as("each cycle once").hasSize(found.size());
    assertThat(distinct).isEqualTo(oracle(g, spec));
    for (int[] c : found) {
      for (int i = 1; i < c.length; i++) {
        assertThat(g.day(c[i])).as("never back in time").isGreaterThanOrEqualTo(g.day(c[i - 1]));
        assertThat(g.amount(c[i])).isLessThanOrEqualTo(g.amount(c[i - 1]) + 0.005);
      }
    }
  }

  /** Every sequence of distinct payments that the rules make a cycle, tried one by one. */
  private static Set<String> oracle(PaymentGraph g, TemporalCycles.Spec spec) {
    Set<String> out = new TreeSet<>();
    List<Integer> seq = new ArrayList<>();
    for (int first = 0; first < g.payments(); first++) {
      seq.add(first);
      extend(g, spec, seq, out);
      seq.remove(seq.size() - 1);
    }
    return out;
  }

  private static void extend(
      PaymentGraph g, TemporalCycles.Spec spec, List<Integer> seq, Set<String> out) {
    if (seq.size() >= 2 && isCycle(g, spec, seq)) {
      out.add(Arrays.toString(seq.stream().mapToInt(Integer::intValue).toArray()));
    }
    if (seq.size() == spec.maxLength()) {
      return;
    }
    for (int p = 0; p < g.payments(); p++) {
      if (!seq.contains(p)) {
        seq.add(p);
        extend(g, spec, seq, out);
        seq.remove(seq.size() - 1);
      }
    }
  }

  private static boolean isCycle(PaymentGraph g, TemporalCycles.Spec spec, List<Integer> seq) {
    int first = seq.get(0);
    Set<Integer> visited = new TreeSet<>();
    visited.add(g.from(first));
    for (int i = 0; i < seq.size(); i++) {
      int p = seq.get(i);
      if (p < first || g.day(p) > g.day(first) + spec.windowDays()) {
        return false;
      }
      if (i > 0) {
        int prev = seq.get(i - 1);
        if (g.from(p) != g.to(prev)
            || g.day(p) < g.day(prev)
            || g.amount(p) > g.amount(prev) + 0.005
            || g.amount(p) < g.amount(prev) * (1 - spec.maxFeeShare()) - 0.005) {
          return false;
        }
      }
      boolean last = i == seq.size() - 1;
      if (last) {
        if (g.to(p) != g.from(first)) {
          return false;
        }
      } else if (!visited.add(g.to(p))) {
        return false;
      }
    }
    return true;
  }

  private static int day(int d) {
    return 20_000 + d;
  }

  @Test
  void aRoundTripThroughThreeCompaniesLessFeesIsACycle() {
    PaymentGraph g =
        PaymentGraph.builder()
            .add("t1", "importer", "nl-bv", day(0), 1_000_000)
            .add("t2", "nl-bv", "uae-fze", day(3), 990_000)
            .add("t3", "uae-fze", "tr-ltd", day(8), 985_000)
            .add("t4", "tr-ltd", "importer", day(15), 975_000)
            .build();
    List<int[]> cycles = TemporalCycles.find(g, new TemporalCycles.Spec(8, 30, 0.05));
    assertThat(cycles).hasSize(1);
    assertThat(Arrays.stream(cycles.get(0)).mapToObj(g::id).toList())
        .containsExactly("t1", "t2", "t3", "t4");
  }

  @Test
  void theNearestMissesAreNot() {
    TemporalCycles.Spec spec = new TemporalCycles.Spec(8, 30, 0.05);
    // the money comes back before it left
    PaymentGraph backInTime =
        PaymentGraph.builder()
            .add("t1", "importer", "nl-bv", day(10), 1_000_000)
            .add("t2", "nl-bv", "importer", day(5), 990_000)
            .build();
    assertThat(TemporalCycles.find(backInTime, spec)).isEmpty();
    // it comes back after the window
    PaymentGraph late =
        PaymentGraph.builder()
            .add("t1", "importer", "nl-bv", day(0), 1_000_000)
            .add("t2", "nl-bv", "importer", day(31), 990_000)
            .build();
    assertThat(TemporalCycles.find(late, spec)).isEmpty();
    // more comes back than left, or far less than fees explain
    PaymentGraph grown =
        PaymentGraph.builder()
            .add("t1", "importer", "nl-bv", day(0), 1_000_000)
            .add("t2", "nl-bv", "importer", day(2), 1_200_000)
            .add("t3", "importer", "be-sa", day(3), 500_000)
            .add("t4", "be-sa", "importer", day(4), 100_000)
            .build();
    assertThat(TemporalCycles.find(grown, spec)).isEmpty();
  }

  @Test
  void aCycleLongerThanAllowedIsNotReported() {
    PaymentGraph.Builder b = PaymentGraph.builder();
    for (int i = 0; i < 9; i++) {
      b.add("t" + i, "a" + i, "a" + ((i + 1) % 9), day(i), 1000 - i);
    }
    assertThat(TemporalCycles.find(b.build(), new TemporalCycles.Spec(8, 30, 0.05))).isEmpty();
    assertThatThrownBy(() -> new TemporalCycles.Spec(9, 30, 0.05))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
