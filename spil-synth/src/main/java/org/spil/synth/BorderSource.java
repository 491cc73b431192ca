package org.spil.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spil.model.EntityIds;

/**
 * The Royal Marechaussee (KMar): passport checks at Schiphol, Rotterdam The Hague and Eindhoven
 * airports. Names as read from the machine-readable zone (upper case, no diacritics), countries as
 * ICAO three-letter codes. Couriers fly to Ecuador and Colombia, launderers to Dubai and Istanbul,
 * and from month 20 couriers start flying to Lomé; the population goes on holiday.
 */
final class BorderSource extends Source {
  private static final String[][] HOLIDAY = {
    {"AYT", "tur"}, {"BCN", "esp"}, {"AGP", "esp"}, {"CUR", "cuw"}, {"IST", "tur"},
    {"RAK", "mar"}, {"DXB", "are"}, {"FAO", "prt"}, {"HER", "grc"}, {"PBM", "sur"}
  };
  private static final String[][] POSTS = {
    {"Schiphol", "KL"},
    {"Schiphol", "HV"},
    {"Rotterdam The Hague Airport", "HV"},
    {"Eindhoven Airport", "FR"}
  };
  private final Set<String> seen = new HashSet<>();
  private final Map<Integer, List<Trip>> membersTrips = new HashMap<>();
  private long passage;

  /**
   * A trip abroad through a Dutch airport: when the person left, when it came back (null when after
   * the data's end), the airport of the checks and the destination's airport code.
   */
  record Trip(LocalDateTime out, LocalDateTime back, String post, String airport) {}

  BorderSource(World world, Truth truth, Path root) {
    super(world, truth, root);
  }

  @Override
  String name() {
    return "kmar";
  }

  static String alpha3(String code) {
    return new Locale("", code.toUpperCase()).getISO3Country();
  }

  @Override
  void write() throws IOException {
    try (Csv csv =
        Csv.utf8(
            dir.resolve("grenspassages.csv"),
            "passage_id",
            "tijdstip",
            "doorlaatpost",
            "richting",
            "documentsoort",
            "documentnummer",
            "afgevende_staat",
            "achternaam",
            "voornamen",
            "geboortedatum",
            "nationaliteit",
            "geslacht",
            "vlucht",
            "luchthaven",
            "land")) {
      for (int i = 0; i < world.scale; i++) {
        Actor a = world.actor(i);
        Rng r = Rng.of(world.seed, "border", i);
        int trips;
        if (a != null) {
          trips =
              switch (a.role()) {
                case COURIER -> r.between(4, 9);
                case LEADER, BROKER, LAUNDERER -> r.between(3, 7);
                case MULE, NOTARY, ACCOUNTANT -> r.between(0, 1);
                default -> r.between(0, 3);
              };
        } else {
          trips = r.unit() < 0.08 ? r.between(1, 4) : 0;
        }
        if (trips == 0) {
          continue;
        }
        Person p = world.person(i);
        for (int t = 0; t < trips; t++) {
          // trips in every month, as many in the last as in any; a return after the data's end
          // has not happened yet
          int month = r.below(World.MONTHS);
          String[] dest = destination(r, a, month);
          LocalDateTime out =
              World.START
                  .plusMonths(month)
                  .plusDays(r.below(27))
                  .atTime(r.between(6, 21), r.below(60));
          LocalDateTime back = out.plusDays(r.between(3, 16)).withHour(r.between(7, 22));
          String[] post = r.pick(POSTS);
          crossing(csv, r, p, out, post, "uitreis", dest);
          boolean returned = back.toLocalDate().isBefore(World.START.plusMonths(World.MONTHS));
          if (returned) {
            crossing(csv, r, p, back, post, "inreis", dest);
          }
          if (a != null) {
            membersTrips
                .computeIfAbsent(i, k -> new ArrayList<>())
                .add(new Trip(out, returned ? back : null, post[0], dest[0]));
          }
        }
      }
    }
    dataset(YAML);
  }

  /**
   * The trips of a network member (by person index), known once the crossings are written: what the
   * chats' travel talk speaks of.
   */
  List<Trip> tripsOf(int person) {
    return membersTrips.getOrDefault(person, List.of());
  }

  private static String[] destination(Rng r, Actor a, int month) {
    if (a == null) {
      return r.pick(HOLIDAY);
    }
    return switch (a.role()) {
      case COURIER ->
          month >= World.ROUTE_MONTH && r.chance(0.6)
              ? new String[] {"LFW", "tgo"}
              : r.pick(
                  new String[][] {{"GYE", "ecu"}, {"BOG", "col"}, {"MDE", "col"}, {"PTY", "pan"}});
      case LEADER, LAUNDERER, BROKER ->
          r.pick(new String[][] {{"DXB", "are"}, {"IST", "tur"}, {"DXB", "are"}, {"GYE", "ecu"}});
      default -> r.pick(HOLIDAY);
    };
  }

  private void crossing(
      Csv csv,
      Rng r,
      Person p,
      LocalDateTime when,
      String[] post,
      String direction,
      String[] dest) {
    Spelling spell = new Spelling(r);
    String surname = World.ascii(spell.surname(p, 0.05)).toUpperCase().replace('-', ' ');
    String given = World.ascii(p.givenName()).toUpperCase();
    String document = p.passport();
    String issuer = p.address().country().equals("be") ? "BEL" : "NLD";
    csv.row(
        String.format("KM%010d", ++passage),
        when.toString(),
        post[0],
        direction,
        r.chance(0.9) ? "P" : "I",
        document,
        issuer,
        surname,
        given,
        format(p.birthDate(), DateTimeFormatter.ISO_LOCAL_DATE),
        alpha3(p.nationality()),
        p.female() ? "F" : "M",
        post[1] + r.between(100, 1999),
        dest[0],
        dest[1].toUpperCase());
    String id = EntityIds.make(name(), "reiziger", List.of(document));
    if (seen.add(id)) {
      truth.records.row(name(), id, "Person", p.id(), given + " " + surname, "upper");
    }
  }

  private static final String YAML =
      """
      # Royal Marechaussee (KMar): border checks at Dutch airports, names as read from the
      # machine-readable zone of the travel document. UTF-8 CSV, ISO dates and times.
      name: kmar
      title: KMar, grenspassages luchthavens
      agency: kmar
      legal_basis: wpg-art-8
      handling_code: H1
      source_grade: A
      info_grade: 2
      retention: P3Y
      share_with: [politie-nl, om]
      lang: nld
      queries:
        - csv_url: grenspassages.csv
          entities:
            reiziger:
              schema: Person
              keys: [documentnummer]
              key_literal: reiziger
              properties:
                name: {columns: [voornamen, achternaam], join: " "}
                firstName: {column: voornamen}
                lastName: {column: achternaam}
                birthDate: {column: geboortedatum}
                nationality: {column: nationaliteit}
                gender: {column: geslacht}
                passportNumber: {column: documentnummer}
            document:
              schema: Passport
              keys: [documentnummer]
              key_literal: document
              properties:
                number: {column: documentnummer}
                country: {column: afgevende_staat}
                type: {column: documentsoort}
                holder: {entity: reiziger}
            passage:
              schema: BorderCrossing
              keys: [passage_id]
              properties:
                person: {entity: reiziger}
                document: {entity: document}
                documentNumber: {column: documentnummer}
                crossingPoint: {column: doorlaatpost}
                direction: {column: richting}
                date: {column: tijdstip}
                country: {column: land}
                description: {columns: [vlucht, luchthaven], join: " "}
      """;
}
