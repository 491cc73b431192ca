package org.spil.synth;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Dutch police (Politie, eenheid Rotterdam): persons, vehicles, incidents and suspect links of
 * a case system, exported as Windows-1252 CSV with semicolons, Dutch column names and DD-MM-YYYY
 * dates. Names that Windows-1252 cannot hold are written without diacritics. Knows most network
 * members (not the professionals behind them), a slice of the population as witnesses and victims,
 * and registers some persons twice. Every 97th phone number is cut short.
 */
final class PoliceSource extends Source {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private final CharsetEncoder encoder = CP1252.newEncoder();
  private final Map<Integer, String> policeIds = new HashMap<>();

  PoliceSource(World world, Truth truth, Path root) {
    super(world, truth, root);
  }

  @Override
  String name() {
    return "politie-nl";
  }

  private String fit(String s) {
    return s == null || encoder.canEncode(s) ? s : World.ascii(s);
  }

  @Override
  void write() throws IOException {
    List<Integer> withCar = new ArrayList<>();
    int seq = 0;
    try (Csv csv =
        Csv.of(
            dir.resolve("personen.csv"),
            CP1252,
            ';',
            false,
            "persoon_id",
            "voornaam",
            "achternaam",
            "geboortedatum",
            "geslacht",
            "nationaliteit",
            "telefoon",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "land",
            "rol",
            "status",
            "bijnaam")) {
      for (int i = 0; i < world.scale; i++) {
        Actor actor = world.actor(i);
        Rng r = Rng.of(world.seed, "police", i);
        if (!known(actor, r)) {
          continue;
        }
        Person p = world.person(i);
        int records = actor != null && r.chance(0.25) ? 2 : 1;
        for (int k = 0; k < records; k++) {
          String id = String.format("PL-%07d", ++seq);
          policeIds.putIfAbsent(i, id);
          person(csv, r, p, actor, id, "actief", true);
        }
        if (r.chance(0.01)) {
          person(csv, r, p, actor, String.format("PL-%07d", ++seq), "vervallen", false);
        }
        if (actor != null ? actor.role() != Role.MULE : r.chance(0.3)) {
          withCar.add(i);
        }
      }
    }
    vehicles(withCar);
    incidents();
    links();
    dataset(YAML);
  }

  /** Whether the police know a person: the first draw of the person's police randomness. */
  private static boolean known(Actor actor, Rng r) {
    return actor == null
        ? r.unit() < 0.06
        : switch (actor.role()) {
          case NOTARY, ACCOUNTANT -> r.chance(0.2);
          case MULE -> r.chance(0.5);
          default -> r.chance(0.95);
        };
  }

  /** Whether the police know person {@code i}, as {@link #write} decides it. */
  static boolean knows(World world, int i) {
    return known(world.actor(i), Rng.of(world.seed, "police", i));
  }

  private void person(
      Csv csv, Rng r, Person p, Actor actor, String id, String status, boolean truthful) {
    Spelling spell = new Spelling(r);
    int month = r.below(World.MONTHS);
    String given = fit(spell.typo(spell.given(p, 0.25), 0.04));
    String surname = fit(spell.typo(spell.surname(p, 0.25), 0.04));
    String birth = format(spell.orMissing(spell.date(p.birthDate(), 0.03, 0.01), 0.05), DUTCH);
    List<String> phones = new ArrayList<>();
    boolean mobile = r.chance(0.8);
    if (mobile) {
      phones.add(World.dutchPhone(r, p.mobile()));
    }
    if (actor != null && actor.role() != Role.LEADER && r.chance(0.4)) {
      Network n = network(actor);
      phones.add(World.dutchPhone(r, world.burner(n, r.below(2))));
    }
    Address a = p.addressIn(month);
    String distortions = spell.applied();
    if (a != p.address()) {
      distortions = distortions.isEmpty() ? "moved" : distortions + "+moved";
    }
    String phone = String.join(",", phones);
    if (csv.nextLine() % 97 == 50) {
      phone = "06-1234";
      invalid(csv, "telefoon", phone, "not a phone number");
    } else if (truthful && mobile) {
      truth.mobileOnFile.add(p.index());
    }
    String role =
        actor == null
            ? r.pick(new String[] {"getuige", "slachtoffer", "betrokkene", "melder"})
            : r.chance(0.8) ? "verdachte" : "betrokkene";
    csv.row(
        id,
        given,
        surname,
        birth,
        p.female() ? "V" : "M",
        dutchCountry(p.nationality()),
        phone,
        fit(a.street()),
        a.number(),
        a.postcode(),
        a.city(),
        a.country().equals("be") ? "België" : "Nederland",
        role,
        status,
        nickname(actor, p));
    if (truthful) {
      truth.record(
          name(), "persoon", List.of(id), "Person", p.id(), given + " " + surname, distortions);
    }
  }

  /**
   * The nickname the police know a network member by (six in ten of them, from informants and
   * earlier cases), from a stream of its own so the record's other values stay as they were; empty
   * for anyone else.
   */
  private String nickname(Actor actor, Person p) {
    if (actor == null || !Rng.of(world.seed, "police-nickname", p.index()).chance(0.6)) {
      return "";
    }
    return actor.nickname();
  }

  /** Whether the police know a network member's nickname, as {@link #nickname} decides it. */
  static boolean knowsNickname(World world, Actor actor, Person p) {
    return actor != null && Rng.of(world.seed, "police-nickname", p.index()).chance(0.6);
  }

  private Network network(Actor a) {
    for (Network n : world.networks) {
      if (n.id().equals(a.network())) {
        return n;
      }
    }
    throw new IllegalStateException(a.network());
  }

  private void vehicles(List<Integer> owners) throws IOException {
    String[] luxury = {
      "Mercedes-Benz G 63", "Audi RS6", "Porsche Cayenne", "BMW X5", "Range Rover Sport"
    };
    String[] plain = {
      "Volkswagen Golf", "Renault Kangoo", "Toyota Yaris", "Peugeot 308", "Opel Corsa"
    };
    String[] colours = {"zwart", "grijs", "wit", "blauw", "rood"};
    try (Csv csv =
        Csv.of(
            dir.resolve("voertuigen.csv"),
            CP1252,
            ';',
            false,
            "kenteken",
            "merk_model",
            "kleur",
            "houder_id",
            "registratiedatum")) {
      for (int i : owners) {
        Rng r = Rng.of(world.seed, "vehicle", i);
        Actor a = world.actor(i);
        boolean rich = a != null && (a.role() == Role.LEADER || a.role() == Role.BROKER);
        int cars = rich ? r.between(1, 2) : 1;
        for (int c = 0; c < cars; c++) {
          String plate = r.letters(2) + "-" + r.digits(3) + "-" + r.letters(1);
          csv.row(
              plate,
              rich ? r.pick(luxury) : r.pick(plain),
              r.pick(colours),
              policeIds.get(i),
              format(World.START.minusDays(r.below(2000)), DUTCH));
        }
      }
    }
  }

  private void incidents() throws IOException {
    try (Csv csv =
        Csv.of(
            dir.resolve("incidenten.csv"),
            CP1252,
            ';',
            false,
            "registratienummer",
            "datum",
            "soort",
            "omschrijving",
            "plaats",
            "persoon_id",
            "rol")) {
      int seq = 0;
      for (Network n : world.networks) {
        Rng r = Rng.of(world.seed, "incidents-" + n.id(), 0);
        for (int k = r.between(4, 8); k > 0; k--) {
          List<Actor> involved = new ArrayList<>();
          for (Actor a : n.actors()) {
            if (policeIds.containsKey(a.person()) && r.chance(0.15)) {
              involved.add(a);
            }
          }
          if (involved.size() < 2) {
            continue;
          }
          String[] kind =
              r.pick(
                  new String[][] {
                    {"verkeerscontrole", "Voertuig staande gehouden, inzittenden gecontroleerd"},
                    {"melding haven", "Personen zonder pas aangetroffen bij containerterminal"},
                    {"aanhouding", "Aanhouding na observatie, contant geld aangetroffen"},
                    {"woninginval", "Doorzoeking woning, telefoons in beslag genomen"}
                  });
          String id = String.format("PL1700-%d%06d", 2023 + k % 3, ++seq);
          String date = format(World.START.plusDays(r.below(World.MONTHS * 30)), DUTCH);
          String place = r.pick(new String[] {"Rotterdam", "Schiedam", "Maasvlakte", "Waalhaven"});
          for (Actor a : involved) {
            csv.row(
                id,
                date,
                kind[0],
                kind[1],
                place,
                policeIds.get(a.person()),
                a == involved.get(0) ? "verdachte" : "betrokkene");
          }
        }
      }
      for (Map.Entry<Integer, String> e : new TreeMap<>(policeIds).entrySet()) {
        if (world.actor(e.getKey()) != null) {
          continue;
        }
        Rng r = Rng.of(world.seed, "incident", e.getKey());
        String[] kind =
            r.pick(
                new String[][] {
                  {"winkeldiefstal", "Aangifte winkeldiefstal"},
                  {"inbraak", "Inbraak in woning, aangifte gedaan"},
                  {"verkeersongeval", "Aanrijding met materiele schade"}
                });
        csv.row(
            String.format("PL1700-%d%06d", 2023 + r.below(3), ++seq),
            format(World.START.plusDays(r.below(World.MONTHS * 30)), DUTCH),
            kind[0],
            kind[1],
            r.pick(new String[] {"Rotterdam", "Den Haag", "Schiedam"}),
            e.getValue(),
            r.pick(new String[] {"getuige", "slachtoffer", "aangever"}));
      }
    }
  }

  private void links() throws IOException {
    try (Csv csv =
        Csv.of(
            dir.resolve("verbanden.csv"),
            CP1252,
            ';',
            false,
            "persoon_a",
            "persoon_b",
            "relatie",
            "sinds")) {
      for (Network n : world.networks) {
        Rng r = Rng.of(world.seed, "police-links-" + n.id(), 0);
        for (Tie t : Tie.of(n)) {
          String a = policeIds.get(t.a());
          String b = policeIds.get(t.b());
          // family is always on file; of the other ties, what surveillance happened to see
          if (a != null && b != null && (t.kind().equals("family") || r.chance(0.7))) {
            csv.row(a, b, t.dutch(), format(World.START.minusDays(r.below(1500)), DUTCH));
          }
        }
      }
    }
  }

  private static final String YAML =
      """
      # Dutch police, unit Rotterdam: persons, vehicles, incidents and suspect links from the
      # case system, exported as Windows-1252 CSV with semicolons and DD-MM-YYYY dates.
      name: politie-nl
      title: Politie NL, eenheid Rotterdam, onderzoek havennetwerken
      agency: politie-nl
      legal_basis: wpg-art-9
      handling_code: H2
      source_grade: B
      info_grade: 2
      retention: P5Y
      share_with: [kmar, om, douane-nl]
      phone_region: NL
      lang: nld
      queries:
        - csv_url: personen.csv
          filters_not:
            status: vervallen
          entities:
            adres:
              schema: Address
              keys: [straat, huisnummer, postcode]
              properties:
                street: {columns: [straat, huisnummer], join: " "}
                postalCode: {column: postcode}
                city: {column: woonplaats}
                full: {columns: [straat, huisnummer, postcode, woonplaats], join: " "}
                country: {column: land}
            persoon:
              schema: Person
              keys: [persoon_id]
              key_literal: persoon
              properties:
                name: {columns: [voornaam, achternaam], join: " "}
                firstName: {column: voornaam}
                lastName: {column: achternaam}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
                gender: {column: geslacht}
                nationality: {column: nationaliteit}
                phone: {column: telefoon, split: ","}
                weakAlias: {column: bijnaam}
                idNumber: {column: persoon_id}
                position: {column: rol}
                addressEntity: {entity: adres}
        - csv_url: voertuigen.csv
          entities:
            houder:
              schema: Person
              keys: [houder_id]
              key_literal: persoon
            voertuig:
              schema: Vehicle
              keys: [kenteken]
              properties:
                registrationNumber: {column: kenteken}
                model: {column: merk_model}
                owner: {entity: houder}
                registrationDate: {column: registratiedatum, format: "%d-%m-%Y"}
        - csv_url: incidenten.csv
          entities:
            persoon:
              schema: Person
              keys: [persoon_id]
              key_literal: persoon
            incident:
              schema: Event
              keys: [registratienummer]
              properties:
                name: {columns: [soort, registratienummer], join: " "}
                date: {column: datum, format: "%d-%m-%Y"}
                description: {column: omschrijving}
                location: {column: plaats}
                involved: {entity: persoon}
        - csv_url: verbanden.csv
          entities:
            a:
              schema: Person
              keys: [persoon_a]
              key_literal: persoon
            b:
              schema: Person
              keys: [persoon_b]
              key_literal: persoon
            verband:
              schema: Associate
              keys: [persoon_a, persoon_b, relatie]
              properties:
                person: {entity: a}
                associate: {entity: b}
                relationship: {column: relatie}
                startDate: {column: sinds, format: "%d-%m-%Y"}
      """;
}
