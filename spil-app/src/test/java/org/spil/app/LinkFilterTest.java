package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.spil.model.InvalidField;

/**
 * What a request's words make of a network's links: types matched to the model's whatever their
 * case, days read as ISO dates, and each wrong word refused naming its field; equal filters have
 * equal keys, so the server finds the projection it kept.
 */
class LinkFilterTest {
  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(LinkFilter.TYPES);
  }

  @Property(tries = 500)
  void aPeriodAndTypesReadBackAsGiven(
      @ForAll("types") String type,
      @ForAll @IntRange(min = 0, max = 3000) int from,
      @ForAll @IntRange(min = 0, max = 3000) int length,
      @ForAll boolean upper) {
    LocalDate since = LocalDate.of(2020, 1, 1).plusDays(from);
    LocalDate until = since.plusDays(length);
    String written = upper ? type.toUpperCase(Locale.ROOT) : type;
    LinkFilter f = LinkFilter.parse(" " + written + " ,", since.toString(), " " + until + " ");
    assertThat(f.types()).containsExactly(type);
    assertThat(f.since()).isEqualTo(since);
    assertThat(f.until()).isEqualTo(until);
    assertThat(f.key()).isEqualTo(new LinkFilter(Set.of(type), since, until).key());
    assertThatThrownBy(() -> LinkFilter.parse(type, until.plusDays(1).toString(), until.toString()))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("since");
  }

  @Property(tries = 300)
  void wrongWordsAreRefusedNamingTheirField(@ForAll("noDays") String word) {
    assertThatThrownBy(() -> LinkFilter.parse(null, word, null))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("since");
    assertThatThrownBy(() -> LinkFilter.parse(null, null, word))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("until");
    assertThatThrownBy(() -> LinkFilter.parse("Message," + word + "x", null, null))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("no link type");
  }

  @Provide
  Arbitrary<String> noDays() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank()),
        Arbitraries.of("2024-13-01", "2024-02-30", "01-03-2024", "gisteren", "2024/03/01"));
  }

  @Property(tries = 1)
  void blankWordsMeanEverything() {
    LinkFilter all = LinkFilter.parse(" ", "", null);
    assertThat(all.types()).isNull();
    assertThat(all.since()).isNull();
    assertThat(all.until()).isNull();
    assertThat(all.key()).isEqualTo(LinkFilter.ALL.key());
  }
}
