package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judged-same pairs refine m as labels; they leave u alone and never make m stop summing to 1. */
class JudgementWeightsTest {
  @Test
  void judgedSamePairsShiftMTowardsTheirLevels() {
    FellegiSunter model = new FellegiSunter();
    double before = model.m[Comparison.NAME.index()][Comparison.NAME_PART];
    double[] u = model.u[Comparison.NAME.index()].clone();
    List<byte[]> same = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      byte[] lv = new byte[Comparison.COUNT];
      Arrays.fill(lv, Comparison.MISSING);
      lv[Comparison.NAME.index()] = Comparison.NAME_PART;
      same.add(lv);
    }
    model.refineM(same);
    double after = model.m[Comparison.NAME.index()][Comparison.NAME_PART];
    assertThat(after).isCloseTo((50 * before + 50) / 100, within(1e-12));
    assertThat(Arrays.stream(model.m[Comparison.NAME.index()]).sum()).isCloseTo(1.0, within(1e-12));
    assertThat(model.u[Comparison.NAME.index()]).containsExactly(u);
    assertThat(model.m[Comparison.DOB.index()][0]).as("missing levels do not count").isEqualTo(0.7);
  }
}
