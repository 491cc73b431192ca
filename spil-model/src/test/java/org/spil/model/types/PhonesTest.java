package org.spil.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Remembering recent numbers never changes an answer. */
class PhonesTest {

  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(8);
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789 +-()./").ofMinLength(1).ofMaxLength(18),
        digits.map(d -> "06-" + d),
        digits.map(d -> "+31 6 " + d),
        digits.map(d -> "0470 " + d.substring(2)));
  }

  @Provide
  Arbitrary<String> regions() {
    return Arbitraries.of("NL", "BE", "DE", "nl", "GB").injectNull(0.2);
  }

  @Property(tries = 3000)
  void aRememberedResultIsTheComputedOne(
      @ForAll("numbers") String raw, @ForAll("regions") String region) {
    assertThat(Phones.normalise(raw, region)).isEqualTo(Phones.parse(raw, region));
    assertThat(Phones.normalise(raw, region)).isEqualTo(Phones.parse(raw, region));
  }

  @Property(tries = 300)
  void theSameDigitsInAnotherRegionAreJudgedForThatRegion(@ForAll("numbers") String raw) {
    Phones.normalise(raw, "NL");
    assertThat(Phones.normalise(raw, "BE")).isEqualTo(Phones.parse(raw, "BE"));
    assertThat(Phones.normalise(raw, null)).isEqualTo(Phones.parse(raw, null));
  }
}
