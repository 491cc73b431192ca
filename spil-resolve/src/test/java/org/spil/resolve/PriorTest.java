package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The priors are shares of matches among all comparable pairs of a class, not among the candidate
 * pairs: candidates that are certainly matches make a prior of candidates over comparable pairs;
 * candidates with no evidence leave the prior at its floor of one pair per ten records.
 */
class PriorTest {
  private static final int F = Comparison.COUNT;

  @Test
  void certainMatchesAmongCandidatesGiveTheirShareOfAllComparablePairs() {
    FellegiSunter model = new FellegiSunter();
    int pairs = 20;
    byte[] levels = new byte[pairs * F];
    byte[] classes = new byte[pairs];
    for (int p = 0; p < pairs; p++) {
      classes[p] = (byte) (p < 10 ? FellegiSunter.PERSONS : FellegiSunter.FIRMS);
    }
    // every feature at its first level, which weighs about +60 bits here: certain matches
    for (int i = 0; i < F; i++) {
      model.m[i][0] = 0.9;
      model.u[i][0] = 0.9 / 512;
    }
    double[] comparable = {10_000, 1_000, 500};
    double[] records = {50, 50, 10};
    model.estimatePriors(levels, classes, pairs, comparable, records, 200);
    assertThat(model.priors[FellegiSunter.PERSONS]).isCloseTo(10 / 10_000.0, within(1e-6));
    assertThat(model.priors[FellegiSunter.FIRMS]).isCloseTo(10 / 1_000.0, within(1e-6));
    assertThat(model.priors[FellegiSunter.EITHER])
        .as("no candidates: the floor")
        .isCloseTo(0.1 * 10 / 500, within(1e-12));
  }

  @Test
  void candidatesWithoutEvidenceLeaveThePriorAtItsFloor() {
    FellegiSunter model = new FellegiSunter();
    int pairs = 1000;
    byte[] levels = new byte[pairs * F];
    Arrays.fill(levels, Comparison.MISSING);
    byte[] classes = new byte[pairs];
    double[] comparable = {1e8, 1, 1};
    double[] records = {14_000, 1, 1};
    model.estimatePriors(levels, classes, pairs, comparable, records, 200);
    assertThat(model.priors[FellegiSunter.PERSONS]).isCloseTo(0.1 * 14_000 / 1e8, within(1e-12));
  }
}
