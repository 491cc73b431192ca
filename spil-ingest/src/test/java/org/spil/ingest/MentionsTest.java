package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.spil.model.ChatMessage;
import org.spil.model.types.Identifiers;

/**
 * Identifiers read from chat texts by hand-made cases and their nearest misses: each kind in the
 * ways people write it, values whose check digit fails or that are too short refused, days said
 * relative to a message resolved against its time.
 */
class MentionsTest {
  /** A Tuesday evening in Amsterdam. */
  static final Instant SENT = Instant.parse("2024-03-05T19:30:00Z");

  static List<String> found(String text) {
    return found(text, ZoneOffset.UTC);
  }

  static List<String> found(String text, ZoneId zone) {
    ChatMessage m =
        new ChatMessage("m1", SENT, "a", List.of("b"), null, "a|b", text, "nld", null, "x", "f", 1);
    return Mentions.find(m, "NL", zone).stream().map(x -> x.prop() + "=" + x.value()).toList();
  }

  @Test
  void phoneNumbersInTheWaysTheyAreWritten() {
    assertThat(found("bel me op 06-12345678")).containsExactly("phone=+31612345678");
    assertThat(found("bel 06 12 34 56 78 na 8")).containsExactly("phone=+31612345678");
    assertThat(found("nummer +31 6 1234 5678")).containsExactly("phone=+31612345678");
    assertThat(found("0031612345678")).containsExactly("phone=+31612345678");
    assertThat(found("belgisch nummer +32 470 12 34 56")).containsExactly("phone=+32470123456");
    // too short, and an IMEI is no phone number
    assertThat(found("code 1234567")).isEmpty();
    assertThat(found("toestel 354007260316766")).isEmpty();
  }

  @Test
  void accountsContainersVesselsAndWallets() {
    assertThat(found("stort op NL91 ABNA 0417 1643 00 graag"))
        .containsExactly("iban=NL91ABNA0417164300");
    assertThat(found("stort op NL91ABNA0417164301")).as("check digits fail").isEmpty();
    assertThat(found("container csqu3054383 staat op de kade"))
        .containsExactly("containerNumber=CSQU3054383");
    assertThat(found("container CSQU3054384")).as("check digit fails").isEmpty();
    assertThat(found("schip IMO 9074729 ligt aan")).containsExactly("imoNumber=IMO9074729");
    assertThat(found("IMO 9074728")).as("check digit fails").isEmpty();
    assertThat(found("stuur naar 0x52908400098527886E0F7030069857D2E4169EE7"))
        .containsExactly("cryptoAddress=0x52908400098527886e0f7030069857d2e4169ee7");
    assertThat(found("btc naar 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"))
        .containsExactly("cryptoAddress=1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
    assertThat(found("btc naar 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isEmpty();
  }

  static final Places PLACES = Places.read(Path.of("../../shared/data/geo/UpdatedPub150.csv"));

  static List<String> withPlaces(String text) {
    ChatMessage m =
        new ChatMessage("m1", SENT, "a", List.of("b"), null, "a|b", text, "nld", null, "x", "f", 1);
    return Mentions.find(m, "NL", ZoneOffset.UTC, PLACES).stream()
        .map(x -> x.prop() + "=" + x.value())
        .toList();
  }

  @Test
  void portsByNameOrCodeAndVesselsByTheirLineOrAWordThatAnnouncesThem() {
    assertThat(PLACES.size()).isGreaterThan(3000);
    assertThat(withPlaces("vanaf nu alles via Lomé")).containsExactly("portMentioned=TGLFW");
    assertThat(withPlaces("boot uit Guayaquil, dan naar NL RTM"))
        .containsExactly("portMentioned=NLRTM", "portMentioned=ECGYE");
    assertThat(withPlaces("lading in Hoek van Holland")).containsExactly("portMentioned=NLHVH");
    assertThat(withPlaces("naar Antwerp of Anvers")).containsExactly("portMentioned=BEANR");
    assertThat(withPlaces("antwerpen")).as("a place is written capitalised").isEmpty();
    assertThat(withPlaces("zit op Rotterdam The Hague Airport")).as("an airport").isEmpty();
    assertThat(withPlaces("Nice weather in Portsmouth"))
        .as("a word more often than a port; a name several ports share")
        .isEmpty();
    assertThat(withPlaces("code ABCDE en HELLO, container CSQU3054383"))
        .containsExactly("containerNumber=CSQU3054383");
    assertThat(withPlaces("komt binnen met de MSC Aurora, Joker regelt"))
        .containsExactly("vesselMentioned=MSC Aurora", "nicknameMentioned=Joker");
    assertThat(withPlaces("met de Cap Hamburg naar Antwerpen"))
        .containsExactly("vesselMentioned=Cap Hamburg", "portMentioned=BEANR");
    assertThat(withPlaces("de CMA CGM Lotus ligt aan"))
        .containsExactly("vesselMentioned=CMA CGM Lotus");
    assertThat(withPlaces("met de auto naar de Maasvlakte")).isEmpty();
    assertThat(withPlaces("met de Rotterdam")).containsExactly("portMentioned=NLRTM");
    assertThat(found("via Lomé")).as("without a gazetteer, no ports").isEmpty();
  }

  @Test
  void namesPersonsAreCalledByWhereALanguagePutsAPerson() {
    assertThat(withPlaces("Tank, alles klaar voor morgen?"))
        .containsExactly("dateMentioned=2024-03-06", "nicknameMentioned=Tank");
    assertThat(withPlaces("alles goed Prof?")).containsExactly("nicknameMentioned=Prof");
    assertThat(withPlaces("40k ligt klaar bij Gringo"))
        .containsExactly("amountMentioned=40000", "nicknameMentioned=Gringo");
    assertThat(withPlaces("zet het om in crypto, Kleine weet hoe"))
        .containsExactly("nicknameMentioned=Kleine");
    assertThat(withPlaces("Joker is talking to the cops"))
        .containsExactly("nicknameMentioned=Joker");
    assertThat(withPlaces("Gringo parle aux flics")).containsExactly("nicknameMentioned=Gringo");
    // places, ports, vessels, words at a sentence's start and objects are no names
    assertThat(withPlaces("morgen naar Kallo")).containsExactly("dateMentioned=2024-03-06");
    assertThat(withPlaces("Lomé werkt goed, Guayaquil is dicht"))
        .containsExactly("portMentioned=TGLFW", "portMentioned=ECGYE");
    assertThat(withPlaces("Het is klaar. Dat moet weg")).isEmpty();
    assertThat(withPlaces("Best wel druk, Goes well")).isEmpty();
    assertThat(withPlaces("komt binnen met de MSC Aurora"))
        .containsExactly("vesselMentioned=MSC Aurora");
    assertThat(withPlaces("maak Tank koud")).as("an object is not read").isEmpty();
    assertThat(withPlaces("TANK moet weg")).as("capitals only").isEmpty();
    assertThat(withPlaces("ben op Eindhoven Airport, Airport is druk")).isEmpty();
    assertThat(withPlaces("Niemand weet het. There is nothing, Everyone knows")).isEmpty();
  }

  @Test
  void amountsWithAndWithoutACurrency() {
    assertThat(found("€ 92.000 ligt klaar")).containsExactly("amountMentioned=92000 EUR");
    assertThat(found("87500 euro via de belwinkel")).containsExactly("amountMentioned=87500 EUR");
    assertThat(found("€1.250,50 terug")).containsExactly("amountMentioned=1250.5 EUR");
    assertThat(found("1,200 USD cash")).containsExactly("amountMentioned=1200 USD");
    assertThat(found("160k ligt klaar")).containsExactly("amountMentioned=160000");
    // a bare number is no amount
    assertThat(found("20 stuks, 500 voor de auto")).isEmpty();
  }

  @Test
  void daysAndTimesReadAgainstTheMessage() {
    // sent on Tuesday 5 March 2024
    assertThat(found("morgen")).containsExactly("dateMentioned=2024-03-06");
    assertThat(found("overmorgen")).containsExactly("dateMentioned=2024-03-07");
    assertThat(found("vrijdag")).containsExactly("dateMentioned=2024-03-08");
    assertThat(found("dinsdag"))
        .as("a week on, not today")
        .containsExactly("dateMentioned=2024-03-12");
    assertThat(found("morgen 6 uur")).containsExactly("dateMentioned=2024-03-06T06:00");
    assertThat(found("vrijdag 18:30 bij de loods"))
        .containsExactly("dateMentioned=2024-03-08T18:30");
    assertThat(found("demain à 6h")).containsExactly("dateMentioned=2024-03-06T06:00");
    assertThat(found("see you tomorrow at 9 o'clock"))
        .containsExactly("dateMentioned=2024-03-06T09:00");
    assertThat(found("ce soir")).containsExactly("dateMentioned=2024-03-05");
    // the day is the day where the message was sent: 23:30 in UTC is already Wednesday in
    // Amsterdam in summer
    ChatMessage late =
        new ChatMessage(
            "m2",
            Instant.parse("2024-07-02T23:30:00Z"),
            "a",
            List.of("b"),
            null,
            "a|b",
            "morgen",
            "nld",
            null,
            "x",
            "f",
            1);
    assertThat(Mentions.find(late, "NL", ZoneId.of("Europe/Amsterdam")))
        .extracting(Mentions.Mention::value)
        .containsExactly("2024-07-04");
    // words that hold a day word are not one
    assertThat(found("morgenster en zondagskind")).isEmpty();
  }

  @Property
  void everyValidContainerIsFoundWhateverItsCase(
      @ForAll @IntRange(min = 0, max = 999_999) int serial, @ForAll boolean lower) {
    String ten = String.format("MSCU%06d", serial);
    String container = ten + Identifiers.containerCheckDigit(ten);
    String written = lower ? container.toLowerCase() : container;
    assertThat(found("container " + written + " is binnen"))
        .containsExactly("containerNumber=" + container);
  }
}
