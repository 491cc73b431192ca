package org.spil.analysis.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The thresholds file: what {@link Thresholds#file} writes reads back to the same values, any text
 * either parses or is refused naming its line, and a value out of range or a misspelt key is
 * refused rather than ignored.
 */
class ThresholdsTest {
  @Test
  void theFileReadsBackToTheSameValues() {
    Thresholds changed =
        Thresholds.defaults()
            .with(Threshold.FAN_MIN_COUNTERPARTIES, "12")
            .with(Threshold.CRYPTO_EXCHANGES, "Bitvavo, Kraken");
    assertThat(Thresholds.defaults().parse(changed.file(), "t")).isEqualTo(changed);
    assertThat(changed.names(Threshold.CRYPTO_EXCHANGES)).containsExactly("Bitvavo", "Kraken");
  }

  @Test
  void badLinesAreRefusedByFileLineAndKey() {
    Thresholds d = Thresholds.defaults();
    assertThatThrownBy(() -> d.parse("# mine\n\nfan.window-days = 2.5\n", "my.thresholds"))
        .hasMessage("my.thresholds, line 3: fan.window-days: '2.5' is not a whole number");
    assertThatThrownBy(() -> d.parse("fan.windowdays = 2", "f"))
        .hasMessageContaining("f, line 1: no threshold 'fan.windowdays'");
    assertThatThrownBy(() -> d.parse("cycle.max-payments = 9", "f"))
        .hasMessage("f, line 1: cycle.max-payments: '9' is outside 2 to 8");
    assertThatThrownBy(() -> d.parse("mirror.max-difference = NaN", "f"))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> d.parse("just words", "f"))
        .hasMessage("f, line 1: expected 'key = value', found 'just words'");
    assertThatThrownBy(() -> d.parse("crypto.exchanges = a\u0007b", "f"))
        .hasMessageContaining("control character");
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(Threshold.values()).map(Threshold::key),
            Arbitraries.strings().ofMaxLength(12));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(-10, 100_000).map(d -> Double.toString(d)),
            Arbitraries.integers().between(-5, 100).map(i -> Integer.toString(i)),
            Arbitraries.strings().ofMaxLength(8));
    Arbitrary<String> line =
        Arbitraries.oneOf(
            net.jqwik.api.Combinators.combine(keys, values).as((k, v) -> k + " = " + v),
            Arbitraries.strings().ofMaxLength(20));
    return line.list().ofMaxSize(6).map(l -> String.join("\n", l));
  }

  @Property(tries = 500)
  void anyTextParsesOrIsRefusedByLine(@ForAll("lines") String text) {
    try {
      Thresholds t = Thresholds.defaults().parse(text, "f");
      for (Threshold th : Threshold.values()) {
        assertThat(Thresholds.problem(th, t.value(th))).as(th.key()).isNull();
      }
      assertThat(Thresholds.defaults().parse(t.file(), "g")).isEqualTo(t);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).matches("(?s)f, line \\d+: .*");
    }
  }
}
