package org.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The hit limits file: what it writes it reads back; what it cannot read names file and line. */
class HitLimitsTest {
  @Property
  void aWrittenFileReadsBack(
      @ForAll @IntRange(min = 1, max = 9_999_999) int perDay,
      @ForAll @IntRange(min = 1, max = 50) int notice,
      @ForAll @IntRange(min = 0, max = 50) int extra,
      @ForAll boolean comments) {
    String text =
        (comments ? "# limits\n\n" : "")
            + "variants-max: "
            + (notice + extra)
            + "\r\nqueries-per-day:   "
            + perDay
            + "\n"
            + (comments ? "  # end\n" : "")
            + "variants-notice: "
            + notice;
    assertThat(HitLimits.parse(text, "hit-limits.txt"))
        .isEqualTo(new HitLimits(perDay, notice, notice + extra));
  }

  @Property
  void aKeyNotGivenKeepsItsDefault(@ForAll @IntRange(min = 1, max = 1000) int perDay) {
    HitLimits l = HitLimits.parse("queries-per-day: " + perDay, "f");
    assertThat(l.queriesPerDay()).isEqualTo(perDay);
    assertThat(l.variantsNotice()).isEqualTo(HitLimits.DEFAULTS.variantsNotice());
    assertThat(l.variantsMax()).isEqualTo(HitLimits.DEFAULTS.variantsMax());
  }

  @Provide
  Arbitrary<String> badLines() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .ofMinLength(1)
            .ofMaxLength(30)
            .filter(
                s ->
                    !s.strip().isEmpty()
                        && !s.strip().startsWith("#")
                        && !s.contains("\n")
                        && !s.contains("\r")),
        Arbitraries.of(
            "queries-per-day: 0",
            "queries-per-day: -5",
            "queries-per-day: 12345678",
            "queries-per-day: ten",
            "variants-max 5",
            "quota: 5"));
  }

  @Property
  void aLineThatDoesNotParseNamesFileAndLine(@ForAll("badLines") String bad) {
    String text = "# ok\nqueries-per-day: 100\n" + bad + "\n";
    assertThatThrownBy(() -> HitLimits.parse(text, "d/hit-limits.txt"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("d/hit-limits.txt:");
  }

  @Test
  void theNoticeComesBeforeTheRefusalAndKeysAreGivenOnce() {
    assertThatThrownBy(() -> HitLimits.parse("variants-notice: 6\nvariants-max: 5", "f"))
        .hasMessageContaining("variants-notice (6) must not exceed variants-max (5)");
    assertThatThrownBy(() -> HitLimits.parse("variants-max: 5\nvariants-max: 6", "f"))
        .hasMessageContaining("f:2: variants-max given twice (first on line 1)");
  }
}
