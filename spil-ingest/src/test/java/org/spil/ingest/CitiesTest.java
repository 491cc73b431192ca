package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.spil.model.ChatMessage;

/**
 * Places that are no ports, read from chat texts with the bundled gazetteer (GeoNames' places of
 * 1,000 inhabitants or more): cities by name, ASCII name or exonym, with their country; a name
 * several places share kept only for one that dwarfs the others; small places and names that are
 * words or given names only after a word that says where; ports staying ports, airports nothing.
 */
class CitiesTest {
  static final Places PLACES = MentionsTest.PLACES.withCities(Cities.bundled());

  static List<String> found(String text) {
    ChatMessage m =
        new ChatMessage(
            "m1",
            MentionsTest.SENT,
            "a",
            List.of("b"),
            null,
            "a|b",
            text,
            "nld",
            null,
            "x",
            "f",
            1);
    return Mentions.find(m, "NL", ZoneOffset.UTC, PLACES).stream()
        .map(x -> x.prop() + "=" + x.value())
        .toList();
  }

  @Test
  void citiesByNameAsciiNameAndExonymWithTheirCountry() {
    assertThat(Cities.bundled().size()).isGreaterThan(100_000);
    assertThat(found("vlieg morgen naar Medellín"))
        .contains("placeMentioned=Medellín", "countryMentioned=co");
    assertThat(found("ben in Bogota, alles goed"))
        .containsExactly("placeMentioned=Bogotá", "countryMentioned=co");
    assertThat(found("de jongens uit Keulen komen"))
        .containsExactly("placeMentioned=Köln", "countryMentioned=de");
    assertThat(found("afspraak in Den Haag"))
        .containsExactly("placeMentioned=The Hague", "countryMentioned=nl");
    assertThat(found("Breda is rustig"))
        .as("the Dutch Breda dwarfs the Spanish and Italian ones")
        .containsExactly("placeMentioned=Breda", "countryMentioned=nl");
    assertThat(found("cash opgehaald in Pernis"))
        .as("a small place after a word that says where")
        .containsExactly("placeMentioned=Pernis", "countryMentioned=nl");
  }

  @Test
  void wordsGivenNamesSharedNamesPortsAndAirportsAreNoPlaces() {
    assertThat(found("om 10u Pernis, goed?")).as("a small place alone").isEmpty();
    assertThat(found("Best regards, Victoria"))
        .as("a word, and a given name: a person's, not a place")
        .containsExactly("nicknameMentioned=Victoria");
    assertThat(found("Reading the news")).isEmpty();
    assertThat(found("back in Springfield")).as("many Springfields, none dwarfs").isEmpty();
    assertThat(found("boot uit Guayaquil")).containsExactly("portMentioned=ECGYE");
    assertThat(found("morgen naar Rotterdam"))
        .as("a port stays a port")
        .containsExactly("dateMentioned=2024-03-06", "portMentioned=NLRTM");
    assertThat(found("zit op Eindhoven Airport")).as("an airport").isEmpty();
    assertThat(found("medellín")).as("a place is written capitalised").isEmpty();
  }

  @Property
  void aNameIsFoundWhateverItsCaseAndAccents(
      @ForAll @IntRange(min = 0, max = 255) int upper, @ForAll boolean accent) {
    String plain = accent ? "medellín" : "medellin";
    StringBuilder written = new StringBuilder();
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      written.append((upper >> i & 1) == 1 ? Character.toUpperCase(c) : c);
    }
    Cities.City city = Cities.bundled().byName(written.toString(), null);
    assertThat(city).isNotNull();
    assertThat(city.name()).isEqualTo("Medellín");
    assertThat(city.country()).isEqualTo("CO");
  }

  @Test
  void aBrokenGazetteerLineIsNamed() {
    assertThatThrownBy(
            () ->
                Cities.read(
                    new BufferedReader(
                        new StringReader("name\tascii\n" + "Breda\tBreda\t\tNL\tPPL\tmany\n"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'many'");
  }
}
