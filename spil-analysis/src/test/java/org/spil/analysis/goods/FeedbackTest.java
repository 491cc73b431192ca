package org.spil.analysis.goods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Inspections moving the weights: an indicator whose inspected shipments held something weighs
 * more, one whose shipments held nothing less, one too few inspections showed not at all; the
 * factor stays within its bounds and grows with what was found.
 */
class FeedbackTest {
  private static Targeting.Target target(String id, String... indicators) {
    List<Targeting.Hit> hits = new ArrayList<>();
    for (String i : indicators) {
      hits.add(new Targeting.Hit(i, Indicator.of(i).weight(), "because"));
    }
    return new Targeting.Target(id, id, hits.size(), hits, null);
  }

  @Test
  void anIndicatorThatFindsWeighsMoreAndOneThatDoesNotLess() {
    List<Targeting.Target> scored = new ArrayList<>();
    Map<String, Boolean> found = new HashMap<>();
    for (int k = 0; k < 6; k++) {
      scored.add(target("a" + k, "linked-consignee"));
      found.put("a" + k, true);
      scored.add(target("b" + k, "young-consignee"));
      found.put("b" + k, false);
    }
    scored.add(target("c0", "value-per-kg"));
    found.put("c0", true);
    scored.add(target("d0", "value-per-kg"));
    Map<Indicator, Feedback.Lesson> lessons = Feedback.learn(scored, found);
    assertThat(lessons.get(Indicator.LINKED_CONSIGNEE).factor()).isGreaterThan(1);
    assertThat(lessons.get(Indicator.YOUNG_CONSIGNEE).factor()).isLessThan(1);
    assertThat(lessons).doesNotContainKey(Indicator.VALUE_PER_KG);
    assertThat(lessons.get(Indicator.LINKED_CONSIGNEE).explanation())
        .isEqualTo("weight x1.64: found in 6 of 6 inspected showing it");
    Map<Indicator, Double> w =
        Feedback.weights(
            Map.of(Indicator.LINKED_CONSIGNEE, 3.0, Indicator.VALUE_PER_KG, 1.0), lessons);
    assertThat(w.get(Indicator.LINKED_CONSIGNEE))
        .isCloseTo(3 * 1.64, org.assertj.core.data.Offset.offset(0.01));
    assertThat(w.get(Indicator.VALUE_PER_KG)).isEqualTo(1.0);
    assertThat(Feedback.explained(scored, lessons).get(0).indicators().get(0).explanation())
        .isEqualTo("because (weight x1.64: found in 6 of 6 inspected showing it)");
  }

  @Test
  void noInspectionsTeachNothing() {
    assertThat(Feedback.learn(List.of(target("a", "trade-alerts")), Map.of())).isEmpty();
  }

  @Property
  void theFactorIsBoundedAndGrowsWithWhatWasFound(
      @ForAll @IntRange(min = 3, max = 40) int inspected,
      @ForAll @IntRange(min = 0, max = 40) int found,
      @ForAll @IntRange(min = 0, max = 40) int others,
      @ForAll @IntRange(min = 0, max = 40) int othersFound) {
    int f = Math.min(found, inspected);
    int of = Math.min(othersFound, others);
    double factor = factor(inspected, f, others, of);
    assertThat(factor).isBetween(Feedback.MIN_FACTOR, Feedback.MAX_FACTOR);
    if (f < inspected) {
      assertThat(factor(inspected, f + 1, others, of)).isGreaterThanOrEqualTo(factor - 1e-9);
    }
  }

  private static double factor(int inspected, int found, int others, int othersFound) {
    List<Targeting.Target> scored = new ArrayList<>();
    Map<String, Boolean> outcome = new HashMap<>();
    for (int k = 0; k < inspected; k++) {
      scored.add(target("s" + k, "transit-country"));
      outcome.put("s" + k, k < found);
    }
    for (int k = 0; k < others; k++) {
      scored.add(target("o" + k));
      outcome.put("o" + k, k < othersFound);
    }
    return Feedback.learn(scored, outcome).get(Indicator.TRANSIT_COUNTRY).factor();
  }
}
