package org.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MatchCodesTest {
  static final MatchCodes KEYED =
      new MatchCodes("deployment-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8));

  @Test
  void spellingsOfOneNameMeetAndOtherNamesDoNot() {
    long[] a = KEYED.name("Mohamed El Amrani");
    assertThat(MatchCodes.dice(a, KEYED.name("EL AMRANI, Mohamed"))).isEqualTo(1.0);
    assertThat(MatchCodes.dice(KEYED.name("Олександр Кузнецов"), KEYED.name("Oleksandr Kuznetsov")))
        .isGreaterThan(0.8);
    assertThat(MatchCodes.dice(a, KEYED.name("Mohamed El Amrami"))).isGreaterThan(0.8);
    assertThat(MatchCodes.dice(a, KEYED.name("Jan de Vries"))).isLessThan(0.5);
    assertThat(KEYED.exact("iban", "NL91ABNA0417164300")).hasSize(64).doesNotContain("NL91");
    assertThat(KEYED.name("1234")).isNull();
  }

  @Property(tries = 300)
  void encodingsRoundTripAndAreOrderFreeForPlainNames(
      @ForAll @AlphaChars @StringLength(min = 2, max = 12) String first,
      @ForAll @AlphaChars @StringLength(min = 2, max = 12) String last) {
    long[] f = KEYED.name(first + " " + last);
    java.util.Set<String> particles =
        java.util.Set.of(
            "van", "de", "der", "den", "el", "al", "la", "le", "da", "di", "du", "von", "ben",
            "bin", "ter", "ten", "het", "del", "dos", "das", "mc", "mac", "st", "abu", "ibn",
            "bint");
    if (f == null
        || particles.contains(first.toLowerCase())
        || particles.contains(last.toLowerCase())) {
      return;
    }
    assertThat(MatchCodes.decode(MatchCodes.encode(f))).isEqualTo(f);
    assertThat(MatchCodes.dice(f, KEYED.name((first + " " + last).toUpperCase()))).isEqualTo(1.0);
    assertThat(MatchCodes.dice(f, KEYED.name(last + ", " + first))).isGreaterThanOrEqualTo(0.9);
    assertThat(MatchCodes.encode(f))
        .doesNotContainIgnoringCase(first.length() >= 4 ? first : "\u0000");
  }

  /**
   * An attacker with a dictionary of 100,000 names (which contains every true name) but not the
   * secret encodes each with a key of their own, with no key, and with the right construction, and
   * compares with the index: no filter is re-identified.
   */
  @Test
  void aDictionaryAttackWithoutTheKeyReidentifiesNothing() {
    Random r = new Random(1);
    String[] firsts = {
      "Mohamed", "Jan", "Pieter", "Ahmet", "Ivan", "Fatima", "Anna", "Youssef", "Mehmet", "Sanne",
      "Johan", "Kees", "Bilal", "Emre", "Olga", "José", "Arben", "Koen", "Els", "Rachid"
    };
    List<String> dictionary = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder last = new StringBuilder();
      for (int k = 0; k < 3 + r.nextInt(3); k++) {
        last.append("bdfgklmnprstvz".charAt(r.nextInt(14))).append("aeiou".charAt(r.nextInt(5)));
      }
      dictionary.add(firsts[r.nextInt(firsts.length)] + " " + last);
    }
    List<long[]> index = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      index.add(KEYED.name(dictionary.get(i * 50)));
    }
    MatchCodes[] attackers = {
      new MatchCodes("an-attacker-guess-of-the-secret-000".getBytes(StandardCharsets.UTF_8)),
      new MatchCodes(new byte[32]),
    };
    int reidentified = 0;
    for (MatchCodes attacker : attackers) {
      for (String guess : dictionary) {
        long[] g = attacker.name(guess);
        for (long[] stored : index) {
          if (MatchCodes.dice(g, stored) >= 0.8) {
            reidentified++;
          }
        }
        if (reidentified > 0) {
          break;
        }
      }
    }
    assertThat(reidentified).isZero();
    assertThat(MatchCodes.dice(KEYED.name(dictionary.get(50)), index.get(1)))
        .as("with the key it matches")
        .isEqualTo(1.0);
  }
}
