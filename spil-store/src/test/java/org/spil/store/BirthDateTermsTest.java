package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BirthDateTermsTest {
  @Property
  void holdsTheDateItsPrefixesTheSwapAndEveryValidOneDigitTypo(
      @ForAll @IntRange(min = 0, max = 60_000) int day, @ForAll @IntRange(min = 0, max = 9) int i) {
    String iso = LocalDate.of(1900, 1, 1).plusDays(day).toString();
    Set<String> terms = SearchQueries.birthDateTerms(iso);
    assertThat(terms).contains(iso, iso.substring(0, 4), iso.substring(0, 7));
    String swapped = iso.substring(0, 5) + iso.substring(8, 10) + "-" + iso.substring(5, 7);
    assertThat(terms.contains(swapped)).isEqualTo(valid(swapped));
    if (iso.charAt(i) != '-') {
      char[] c = iso.toCharArray();
      c[i] = (char) ('0' + (c[i] - '0' + 1) % 10);
      String typo = new String(c);
      assertThat(terms.contains(typo)).isEqualTo(valid(typo));
    }
    for (String t : terms) {
      if (t.length() == 10) {
        assertThat(valid(t)).as(t).isTrue();
        assertThat(differences(t, iso) <= 1 || t.equals(swapped)).as(t).isTrue();
      }
    }
  }

  private static boolean valid(String iso) {
    try {
      LocalDate.parse(iso);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static int differences(String a, String b) {
    int n = 0;
    for (int i = 0; i < a.length(); i++) {
      n += a.charAt(i) == b.charAt(i) ? 0 : 1;
    }
    return n;
  }
}
