package org.spil.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Belgian federal judicial police in Antwerp (PJF/FGP Anvers), a foreign partner: persons and
 * links of its port investigations in French, with its own identifiers ({@code
 * BE-PJF-ANR-2024-000123}), surnames in capitals, DD/MM/YYYY dates and Belgian phone notation.
 * Knows the Antwerp network fully and the bosses of the others who come to Antwerp; every 401st
 * date of birth is impossible (30 February), as in hand-typed records.
 */
final class BelgianPoliceSource extends Source {
  private final Map<Integer, String> ids = new HashMap<>();

  BelgianPoliceSource(World world, Truth truth, Path root) {
    super(world, truth, root);
  }

  @Override
  String name() {
    return "politie-be";
  }

  static String frenchCountry(String code) {
    return switch (code) {
      case "nl" -> "Pays-Bas";
      case "ma" -> "Maroc";
      case "tr" -> "Turquie";
      case "sr" -> "Suriname";
      case "ua" -> "Ukraine";
      case "co" -> "Colombie";
      case "al" -> "Albanie";
      case "be" -> "Belgique";
      default -> code.toUpperCase();
    };
  }

  static String belgianPhone(String e164) {
    if (e164.startsWith("+32")) {
      String n = "0" + e164.substring(3);
      return n.substring(0, 4)
          + "/"
          + n.substring(4, 6)
          + "."
          + n.substring(6, 8)
          + "."
          + n.substring(8);
    }
    return e164.substring(0, 3) + " " + e164.substring(3, 4) + " " + e164.substring(4);
  }

  @Override
  void write() throws IOException {
    int seq = 0;
    try (Csv csv =
        Csv.of(
            dir.resolve("personnes.csv"),
            StandardCharsets.UTF_8,
            ';',
            false,
            "identifiant",
            "nom",
            "prenom",
            "date_naissance",
            "nationalite",
            "adresse",
            "code_postal",
            "commune",
            "pays",
            "telephone",
            "qualite")) {
      for (int i = 0; i < world.scale; i++) {
        Actor a = world.actor(i);
        Rng r = Rng.of(world.seed, "belgium", i);
        Person p = null;
        boolean known;
        if (a != null) {
          Network n =
              world.networks.stream()
                  .filter(x -> x.id().equals(a.network()))
                  .findFirst()
                  .orElseThrow();
          known =
              n.kind() == Network.Kind.COCAINE_ANTWERP
                  ? a.role() != Role.NOTARY && a.role() != Role.ACCOUNTANT
                  : (a.role() == Role.LEADER || a.role() == Role.BROKER) && r.chance(0.5);
        } else {
          p = world.person(i);
          known = r.unit() < (p.address().country().equals("be") ? 0.05 : 0.003);
        }
        if (!known) {
          continue;
        }
        p = p == null ? world.person(i) : p;
        String id = String.format("BE-PJF-ANR-%d-%06d", 2023 + r.below(3), ++seq);
        ids.put(i, id);
        Spelling spell = new Spelling(r);
        String surname = spell.upper(spell.typo(spell.surname(p, 0.3), 0.03));
        String given = spell.given(p, 0.3);
        String birth =
            format(spell.orMissing(spell.date(p.birthDate(), 0.04, 0.01), 0.03), SLASHED);
        if (csv.nextLine() % 401 == 5) {
          birth = "30/02/" + p.birthDate().getYear();
          invalid(csv, "date_naissance", birth, "not a date");
        }
        int month = r.below(World.MONTHS);
        Address addr = p.addressIn(month);
        String distortions = spell.applied();
        if (addr != p.address()) {
          distortions = distortions.isEmpty() ? "moved" : distortions + "+moved";
        }
        boolean mobile = r.chance(0.7);
        if (mobile) {
          truth.mobileOnFile.add(p.index());
        }
        csv.row(
            id,
            surname,
            given,
            birth,
            frenchCountry(p.nationality()),
            addr.line(),
            addr.postcode(),
            addr.city(),
            addr.country().equals("be") ? "Belgique" : "Pays-Bas",
            mobile ? belgianPhone(p.mobile()) : null,
            a == null ? r.pick(new String[] {"témoin", "victime", "déclarant"}) : "suspect");
        truth.record(
            name(), "personne", List.of(id), "Person", p.id(), given + " " + surname, distortions);
      }
    }
    try (Csv csv =
        Csv.of(
            dir.resolve("liens.csv"),
            StandardCharsets.UTF_8,
            ';',
            false,
            "identifiant_1",
            "identifiant_2",
            "nature",
            "depuis")) {
      for (Network n : world.networks) {
        Rng r = Rng.of(world.seed, "liens-" + n.id(), 0);
        for (Tie t : Tie.of(n)) {
          String a = ids.get(t.a());
          String b = ids.get(t.b());
          if (a != null && b != null && r.chance(0.8)) {
            csv.row(a, b, t.french(), format(World.START.minusDays(r.below(1200)), SLASHED));
          }
        }
      }
    }
    dataset(YAML);
  }

  private static final String YAML =
      """
      # Belgian federal judicial police, Antwerp (PJF Anvers): persons and links from its port
      # investigations, shared through the joint investigation team. UTF-8 CSV with semicolons,
      # French column names, DD/MM/YYYY dates.
      name: politie-be
      title: Police judiciaire fédérale Anvers, enquêtes portuaires
      agency: politie-be
      legal_basis: wpg-art-13
      handling_code: H2
      source_grade: B
      info_grade: 2
      retention: P5Y
      share_with: [politie-nl, om]
      phone_region: BE
      lang: fra
      queries:
        - csv_url: personnes.csv
          entities:
            personne:
              schema: Person
              keys: [identifiant]
              key_literal: personne
              properties:
                name: {columns: [prenom, nom], join: " "}
                firstName: {column: prenom}
                lastName: {column: nom}
                birthDate: {column: date_naissance, format: "%d/%m/%Y"}
                nationality: {column: nationalite}
                address: {columns: [adresse, code_postal, commune], join: ", "}
                country: {column: pays}
                phone: {column: telephone}
                idNumber: {column: identifiant}
                position: {column: qualite}
        - csv_url: liens.csv
          entities:
            a:
              schema: Person
              keys: [identifiant_1]
              key_literal: personne
            b:
              schema: Person
              keys: [identifiant_2]
              key_literal: personne
            lien:
              schema: Associate
              keys: [identifiant_1, identifiant_2, nature]
              properties:
                person: {entity: a}
                associate: {entity: b}
                relationship: {column: nature}
                startDate: {column: depuis, format: "%d/%m/%Y"}
      """;
}
