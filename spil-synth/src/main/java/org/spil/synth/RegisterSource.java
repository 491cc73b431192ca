package org.spil.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spil.model.EntityIds;

/**
 * Extracts from the Dutch company register (KvK) as the fiscal investigators (FIOD) receive them:
 * every Dutch company with its legal form, seat and founding date, and its officers (directors and
 * shareholders, "Achternaam, Voornaam" with date of birth). Register data is accurate: names as in
 * the population register, legal forms written out in full half of the time.
 */
final class RegisterSource extends Source {
  private final Set<String> seen = new HashSet<>();

  RegisterSource(World world, Truth truth, Path root) {
    super(world, truth, root);
  }

  @Override
  String name() {
    return "kvk-register";
  }

  @Override
  void write() throws IOException {
    try (Csv companies =
            Csv.utf8(
                dir.resolve("ondernemingen.csv"),
                "kvk_nummer",
                "handelsnaam",
                "rechtsvorm",
                "straat",
                "postcode",
                "plaats",
                "oprichtingsdatum",
                "activiteit");
        Csv officers =
            Csv.utf8(
                dir.resolve("functionarissen.csv"),
                "kvk_nummer",
                "naam",
                "geboortedatum",
                "functie",
                "aandeel_pct",
                "sinds")) {
      for (int j = 0; j < world.companyCount; j++) {
        Company c = world.company(j);
        if (!c.country().equals("nl")) {
          continue;
        }
        Rng r = Rng.of(world.seed, "register", j);
        String form =
            r.chance(0.5)
                ? c.form().spellings[0]
                : c.form().spellings[c.form().spellings.length - 1];
        String tradeName = (c.base() + " " + c.activity()).strip() + " " + c.form().spellings[0];
        companies.row(
            c.registration(),
            tradeName,
            form,
            c.address().line(),
            c.address().postcode(),
            c.address().city(),
            format(c.incorporated(), DUTCH),
            c.sector().name().toLowerCase());
        truth.record(
            name(), "onderneming", List.of(c.registration()), "Company", c.id(), tradeName, "");
        if (c.director() >= 0) {
          officer(officers, c, c.director(), "Bestuurder", null);
        }
        if (c.owner() >= 0) {
          officer(
              officers,
              c,
              c.owner(),
              c.owner() == c.director() ? "Enig aandeelhouder" : "Aandeelhouder",
              "100");
        }
      }
    }
    dataset(YAML);
  }

  private void officer(Csv csv, Company c, int person, String function, String share) {
    Person p = world.person(person);
    String name = p.lastName() + ", " + p.givenName();
    String birth = format(p.birthDate(), DUTCH);
    csv.row(c.registration(), name, birth, function, share, format(c.incorporated(), DUTCH));
    String id = EntityIds.make(name(), "functionaris", List.of(name, birth));
    if (seen.add(id)) {
      truth.records.row(name(), id, "Person", p.id(), name, "");
    }
  }

  private static final String YAML =
      """
      # Company register (KvK) extracts as received by the FIOD: companies and their officers.
      # Public register data; UTF-8 CSV, dates DD-MM-YYYY.
      name: kvk-register
      title: KvK Handelsregister, uittreksels ondernemingen en functionarissen
      agency: fiod
      legal_basis: open-source
      handling_code: H0
      source_grade: A
      info_grade: 1
      retention: P10Y
      share_with: all
      lang: nld
      queries:
        - csv_url: ondernemingen.csv
          entities:
            onderneming:
              schema: Company
              keys: [kvk_nummer]
              key_literal: onderneming
              properties:
                name: {column: handelsnaam}
                legalForm: {column: rechtsvorm}
                registrationNumber: {column: kvk_nummer}
                address: {columns: [straat, postcode, plaats], join: ", "}
                incorporationDate: {column: oprichtingsdatum, format: "%d-%m-%Y"}
                sector: {column: activiteit}
                country: {literal: nl}
        - csv_url: functionarissen.csv
          filters:
            functie: Bestuurder
          entities:
            onderneming:
              schema: Company
              keys: [kvk_nummer]
              key_literal: onderneming
            functionaris:
              schema: Person
              keys: [naam, geboortedatum]
              key_literal: functionaris
              properties:
                name: {column: naam}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
            bestuur:
              schema: Directorship
              keys: [kvk_nummer, naam, geboortedatum]
              properties:
                director: {entity: functionaris}
                organization: {entity: onderneming}
                role: {column: functie}
                startDate: {column: sinds, format: "%d-%m-%Y"}
        - csv_url: functionarissen.csv
          filters_not:
            functie: Bestuurder
          entities:
            onderneming:
              schema: Company
              keys: [kvk_nummer]
              key_literal: onderneming
            functionaris:
              schema: Person
              keys: [naam, geboortedatum]
              key_literal: functionaris
              properties:
                name: {column: naam}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
            eigendom:
              schema: Ownership
              keys: [kvk_nummer, naam, geboortedatum]
              properties:
                owner: {entity: functionaris}
                asset: {entity: onderneming}
                percentage: {column: aandeel_pct}
                role: {column: functie}
                startDate: {column: sinds, format: "%d-%m-%Y"}
      """;
}
