package org.spil.model.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spil.model.types.IdentifiersTest.reason;
import static org.spil.model.types.IdentifiersTest.valid;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void partialDates() {
    assertThat(valid(PartialDates.normalise("1985", List.of()))).isEqualTo("1985");
    assertThat(valid(PartialDates.normalise("1985-03", List.of()))).isEqualTo("1985-03");
    assertThat(valid(PartialDates.normalise("1985-03-12", List.of()))).isEqualTo("1985-03-12");
    assertThat(valid(PartialDates.normalise("2024-05-01T13:45:10Z", List.of())))
        .isEqualTo("2024-05-01T13:45:10");
    assertThat(valid(PartialDates.normalise("12-03-1985", List.of("%d-%m-%Y"))))
        .isEqualTo("1985-03-12");
    assertThat(valid(PartialDates.normalise("2-3-1985", List.of("%d-%m-%Y"))))
        .isEqualTo("1985-03-02");
    assertThat(valid(PartialDates.normalise("12 mrt 1985", List.of("%d %b %Y"))))
        .isEqualTo("1985-03-12");
    assertThat(valid(PartialDates.normalise("12/03/85", List.of("%d-%m-%Y", "%d/%m/%y"))))
        .isEqualTo("1985-03-12");
    assertThat(valid(PartialDates.normalise("03/1985", List.of("%m/%Y")))).isEqualTo("1985-03");
    assertThat(reason(PartialDates.normalise("30-02-1985", List.of("%d-%m-%Y"))))
        .contains("%d-%m-%Y");
    assertThat(reason(PartialDates.normalise("12-03-1985", List.of()))).contains("ISO");
    assertThat(reason(PartialDates.normalise("1985-13", List.of()))).startsWith("not a date");
  }

  @Property
  void everyRealDayRoundTripsThroughADutchFormat(
      @ForAll @IntRange(min = 1900, max = 2099) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 31) int day) {
    String dutch = String.format("%02d-%02d-%04d", day, month, year);
    boolean real = day <= YearMonth.of(year, month).lengthOfMonth();
    var result = PartialDates.normalise(dutch, List.of("%d-%m-%Y"));
    if (real) {
      assertThat(valid(result)).isEqualTo(String.format("%04d-%02d-%02d", year, month, day));
      assertThat(valid(PartialDates.normalise(valid(result), List.of()))).isEqualTo(valid(result));
    } else {
      assertThat(reason(result)).startsWith("not a date");
    }
  }

  @Test
  void countriesFromCodesAndNamesInFiveLanguages() {
    for (String s :
        List.of(
            "NL",
            "nl",
            "NLD",
            "Netherlands",
            "Nederland",
            "Pays-Bas",
            "Países Bajos",
            "Niederlande",
            "Holland",
            "the Netherlands")) {
      assertThat(valid(Countries.normalise(s))).as(s).isEqualTo("nl");
    }
    assertThat(valid(Countries.normalise("Belgique"))).isEqualTo("be");
    assertThat(valid(Countries.normalise("Verenigde Arabische Emiraten"))).isEqualTo("ae");
    assertThat(valid(Countries.normalise("UAE"))).isEqualTo("ae");
    assertThat(valid(Countries.normalise("Türkei"))).isEqualTo("tr");
    assertThat(valid(Countries.normalise("Turquía"))).isEqualTo("tr");
    assertThat(valid(Countries.normalise("Kolumbien"))).isEqualTo("co");
    assertThat(valid(Countries.normalise("Kosovo"))).isEqualTo("xk");
    assertThat(reason(Countries.normalise("Atlantis"))).contains("unknown country");
  }

  @Test
  void phonesToE164() {
    assertThat(valid(Phones.normalise("06-12345678", "NL"))).isEqualTo("+31612345678");
    assertThat(valid(Phones.normalise("+31 6 1234 5678", "BE"))).isEqualTo("+31612345678");
    assertThat(valid(Phones.normalise("0031612345678", "NL"))).isEqualTo("+31612345678");
    assertThat(valid(Phones.normalise("0470 12 34 56", "BE"))).isEqualTo("+32470123456");
    assertThat(reason(Phones.normalise("06-1234", "NL"))).startsWith("not a");
    assertThat(reason(Phones.normalise("12345678901234567890", "NL"))).contains("digits");
    assertThat(reason(Phones.normalise("612345678", null))).contains("no country code");
  }

  @Test
  void emailsAndUrlsAndGender() {
    assertThat(valid(PropertyTypeCatalog.email("J.Jansen@Example.NL")))
        .isEqualTo("J.Jansen@example.nl");
    assertThat(valid(PropertyTypeCatalog.email("mailto:a@b.com"))).isEqualTo("a@b.com");
    assertThat(reason(PropertyTypeCatalog.email("jansen@"))).contains("email");
    assertThat(reason(PropertyTypeCatalog.email("a b@c.com"))).contains("email");
    assertThat(valid(PropertyTypeCatalog.url("https://example.org/a/../b")))
        .isEqualTo("https://example.org/b");
    assertThat(reason(PropertyTypeCatalog.url("javascript:alert(1)"))).contains("http");
    assertThat(valid(PropertyTypeCatalog.gender("Vrouw"))).isEqualTo("female");
    assertThat(valid(PropertyTypeCatalog.ip("192.168.0.1"))).isEqualTo("192.168.0.1");
    assertThat(reason(PropertyTypeCatalog.ip("999.1.1.1"))).contains("IP");
    assertThat(reason(PropertyTypeCatalog.ip("example.org"))).contains("IP");
  }

  static final Pattern EMAIL_ORACLE =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  /** The hand-written email check agrees with the reference regular expression on any input. */
  @Property(tries = 3000)
  void emailCheckAgreesWithTheReferencePattern(
      @ForAll
          @net.jqwik.api.constraints.Chars({'a', 'Z', '0', '.', '-', '@', '+', '_', ' ', 'é', '"'})
          @net.jqwik.api.constraints.StringLength(max = 20)
          String s) {
    assertThat(PropertyTypeCatalog.isEmail(s)).as(s).isEqualTo(EMAIL_ORACLE.matcher(s).matches());
  }

  /** The allocation-free fast path of Text.clean agrees with the full normalisation. */
  @Property(tries = 3000)
  void cleanIsIdempotentAndCollapsesWhitespace(
      @ForAll
          @net.jqwik.api.constraints.Chars({
            'a', 'B', ' ', '\t', '\n', '\u00a0', 'e', '\u0301', '\u00e9', '\u0000', '\u2003'
          })
          @net.jqwik.api.constraints.StringLength(max = 12)
          String s) {
    String once = Text.clean(s);
    assertThat(Text.clean(once)).isEqualTo(once);
    assertThat(once)
        .doesNotContain("  ", "\t", "\n", "\u00a0", "\u0000")
        .doesNotStartWith(" ")
        .doesNotEndWith(" ");
    assertThat(Normalizer.isNormalized(once, Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void amountsInBothDecimalConventions() {
    assertThat(Amounts.parse("EUR 1.250,50"))
        .isEqualTo(new Amounts.Amount(new BigDecimal("1250.50"), "EUR"));
    assertThat(Amounts.parse("1,250.50 USD"))
        .isEqualTo(new Amounts.Amount(new BigDecimal("1250.50"), "USD"));
    assertThat(Amounts.parse("€ 9.999"))
        .isEqualTo(new Amounts.Amount(new BigDecimal("9.999"), "EUR"));
    assertThat(Amounts.parse("1.000.000"))
        .isEqualTo(new Amounts.Amount(new BigDecimal("1000000"), null));
    assertThat(Amounts.parse("-12,5")).isEqualTo(new Amounts.Amount(new BigDecimal("-12.5"), null));
    assertThat(Amounts.parse("1'234'567.5 CHF").value()).isEqualByComparingTo("1234567.5");
    assertThat(valid(Amounts.normalise("113969.15"))).isEqualTo("113969.15");
    assertThat(reason(Amounts.normalise("twelve"))).contains("not an amount");
    assertThat(reason(Amounts.normalise("12 apples"))).contains("apples");
    assertThat(valid(Amounts.currency("eur"))).isEqualTo("EUR");
    assertThat(reason(Amounts.currency("EURO"))).contains("unknown currency");
  }
}
