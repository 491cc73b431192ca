package org.spil.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.spil.model.Normalised;
import org.spil.model.types.Iban;
import org.spil.model.types.Identifiers;
import org.spil.model.types.Phones;

/**
 * Whatever the seed, the generator's identifiers pass the model's own validators (so the only
 * rejects are the planted ones), and its distortions stay within what they claim to be.
 */
class GeneratedValuesTest {

  @Property(tries = 300)
  void personsHaveValidIdentifiers(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 9_999) int index) {
    World world = new World(seed, 10_000);
    Person p = world.person(index);
    assertThat(Iban.normalise(p.iban())).isInstanceOf(Normalised.Valid.class);
    String region = p.mobile().startsWith("+32") ? "BE" : "NL";
    assertThat(Phones.normalise(p.mobile(), region))
        .as(p.mobile())
        .isInstanceOf(Normalised.Valid.class);
    assertThat(p.birthDate()).isBetween(LocalDate.of(1955, 1, 1), LocalDate.of(2002, 12, 31));
    assertThat(p.email()).matches("[a-z.\\-']+\\d*@[a-z.]+");
    if (p.earlier() != null) {
      assertThat(p.addressIn(p.movedInMonth() - 1)).isEqualTo(p.earlier());
      assertThat(p.addressIn(p.movedInMonth())).isEqualTo(p.address());
    }
  }

  @Property(tries = 200)
  void companiesAndCargoHaveValidIdentifiers(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 1_999) int index) {
    World world = new World(seed, 10_000);
    Company c = world.company(index);
    assertThat(Iban.normalise(c.iban())).as(c.iban()).isInstanceOf(Normalised.Valid.class);
    assertThat(c.name()).endsWith(c.form().spellings[0]);
    Rng r = Rng.of(seed, "test", index);
    assertThat(Identifiers.container(Trade.container(r))).isInstanceOf(Normalised.Valid.class);
  }

  @Property(tries = 500)
  void dateDistortionsAreSwapsOrOneDayOff(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 20_000) int days) {
    LocalDate d = LocalDate.of(1960, 1, 1).plusDays(days);
    Spelling s = new Spelling(Rng.of(seed, "date", days));
    LocalDate written = s.date(d, 0.5, 0.5);
    String applied = s.applied();
    if (applied.equals("swapped-day-month")) {
      assertThat(written.getDayOfMonth()).isEqualTo(d.getMonthValue());
      assertThat(written.getMonthValue()).isEqualTo(d.getDayOfMonth());
    } else if (applied.equals("date-typo")) {
      assertThat(Math.abs(written.toEpochDay() - d.toEpochDay())).isLessThanOrEqualTo(1);
    } else {
      assertThat(applied).isEmpty();
      assertThat(written).isEqualTo(d);
    }
  }

  @Property(tries = 500)
  void typosChangeOneLetterAtMost(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 7) int origin) {
    Origin o = Origin.values()[origin];
    String name = o.surnames[(int) (seed % o.surnames.length)][0];
    Spelling s = new Spelling(Rng.of(seed, "typo", origin));
    String typed = s.typo(name, 1.0);
    if (s.applied().isEmpty()) {
      assertThat(typed).isEqualTo(name);
    } else {
      assertThat(oneSlip(name, typed)).as("%s -> %s", name, typed).isTrue();
    }
  }

  /**
   * True when {@code b} is {@code a} with two adjacent letters swapped, or one letter dropped or
   * doubled.
   */
  static boolean oneSlip(String a, String b) {
    if (a.length() == b.length()) {
      int first = -1;
      for (int i = 0; i < a.length(); i++) {
        if (a.charAt(i) != b.charAt(i)) {
          first = i;
          break;
        }
      }
      return first < 0
          || (first + 1 < a.length()
              && a.charAt(first) == b.charAt(first + 1)
              && a.charAt(first + 1) == b.charAt(first)
              && a.substring(first + 2).equals(b.substring(first + 2)));
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = longer == a ? b : a;
    if (longer.length() != shorter.length() + 1) {
      return false;
    }
    for (int i = 0; i < longer.length(); i++) {
      if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
        return true;
      }
    }
    return false;
  }
}
