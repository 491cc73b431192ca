package org.spil.model.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.spil.model.Normalised;

/**
 * Remembering recent numbers never changes an answer, and the shortcut past libphonenumber's parser
 * agrees with the parser on every number it accepts.
 */
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

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /**
   * Every way a valid number is written as a handle reads back as the number: in its own region for
   * the national forms, without one for the international forms, and the account of a messaging
   * service by its digits; text that is no number in E.164 has no forms.
   */
  @Property(tries = 2000)
  void eachWrittenFormOfANumberIsThatNumber(@ForAll("regionalNumbers") String[] numberAndRegion) {
    if (!(Phones.parse(numberAndRegion[0], numberAndRegion[1]) instanceof Normalised.Valid v)) {
      String plus = "+" + numberAndRegion[0].replaceAll("[^0-9]", "");
      if (!(Phones.parse(plus, null) instanceof Normalised.Valid)) {
        assertThat(Phones.writtenForms(plus)).as(plus).isEmpty();
      }
      return;
    }
    String e164 = v.value();
    Set<String> forms = Phones.writtenForms(e164);
    assertThat(forms).contains(e164, e164.substring(1), "00" + e164.substring(1));
    String region;
    try {
      region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
    } catch (NumberParseException e) {
      throw new AssertionError(e);
    }
    for (String form : forms) {
      // the digits alone, with 00 or as a messaging account carry the country code
      String written = form.endsWith("@s.whatsapp.net") ? form.split("@")[0] : form;
      String as =
          written.startsWith("00")
              ? "+" + written.substring(2)
              : written.equals(e164.substring(1)) ? "+" + written : written;
      assertThat(Phones.parse(as, region)).as(form).isEqualTo(Normalised.valid(e164));
    }
  }

  private static final List<String> REGIONS =
      List.copyOf(new TreeSet<>(UTIL.getSupportedRegions()));

  /**
   * Realistic numbers of every region: an example number of a type, in national or international
   * form with spaces, dots or dashes, some digits changed, sometimes a digit added or dropped.
   */
  @Provide
  Arbitrary<String[]> regionalNumbers() {
    Arbitrary<String> region = Arbitraries.of(REGIONS);
    Arbitrary<PhoneNumberUtil.PhoneNumberType> type =
        Arbitraries.of(
            PhoneNumberUtil.PhoneNumberType.MOBILE,
            PhoneNumberUtil.PhoneNumberType.FIXED_LINE,
            PhoneNumberUtil.PhoneNumberType.TOLL_FREE);
    return Combinators.combine(
            region,
            type,
            Arbitraries.of(
                PhoneNumberUtil.PhoneNumberFormat.NATIONAL,
                PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL,
                PhoneNumberUtil.PhoneNumberFormat.E164),
            Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.of(REGIONS))
        .as(
            (r, t, format, seed, asked) -> {
              Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(r, t);
              if (example == null) {
                return new String[] {"+31 6 12345678", asked};
              }
              String text = UTIL.format(example, format);
              Random random = new Random(seed);
              StringBuilder b = new StringBuilder(text);
              for (int i = 0; i < b.length(); i++) {
                if (Character.isDigit(b.charAt(i)) && random.nextInt(3) == 0) {
                  b.setCharAt(i, (char) ('0' + random.nextInt(10)));
                }
              }
              char separator = " .-".charAt(random.nextInt(3));
              for (int i = 0; i < b.length(); i++) {
                if (b.charAt(i) == ' ' || b.charAt(i) == '-') {
                  b.setCharAt(i, separator);
                }
              }
              if (random.nextInt(8) == 0) {
                b.append(random.nextInt(10));
              } else if (random.nextInt(8) == 0 && b.length() > 6) {
                b.setLength(b.length() - 1);
              }
              // mostly the number's own region, as a dataset of that country gives it
              return new String[] {b.toString(), random.nextInt(4) == 0 ? asked : r};
            });
  }

  @Property(tries = 20000)
  void theShortcutAgreesWithTheFullParserWheneverItAnswers(
      @ForAll("regionalNumbers") String[] numberAndRegion) {
    String raw = numberAndRegion[0];
    String region = numberAndRegion[1];
    String quick = PhoneShortcut.valid(raw, region, UTIL);
    Statistics.label("shortcut").collect(quick != null ? "answers" : "leaves it to the parser");
    if (quick != null) {
      try {
        Phonenumber.PhoneNumber full = UTIL.parse(raw, region);
        assertThat(UTIL.isValidNumber(full)).isTrue();
        assertThat(UTIL.format(full, PhoneNumberUtil.PhoneNumberFormat.E164)).isEqualTo(quick);
      } catch (NumberParseException e) {
        throw new AssertionError("the shortcut accepted what the parser refuses: " + raw, e);
      }
    }
  }

  @Example
  void theShortcutTakesTheCommonForms() {
    assertThat(PhoneShortcut.valid("06-12345678", "NL", UTIL)).isEqualTo("+31612345678");
    assertThat(PhoneShortcut.valid("+31 6 1234 5678", "BE", UTIL)).isEqualTo("+31612345678");
    assertThat(PhoneShortcut.valid("0470 12 34 56", "BE", UTIL)).isEqualTo("+32470123456");
    // forms it leaves to the parser
    assertThat(PhoneShortcut.valid("0031612345678", "NL", UTIL)).isNull();
    assertThat(PhoneShortcut.valid("(020) 1234567", "NL", UTIL)).isNull();
    assertThat(PhoneShortcut.valid("06-1234", "NL", UTIL)).isNull();
  }
}
