package org.spil.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spil.model.EntityIds;

/**
 * Extracts from a company register: the Dutch KvK as the fiscal investigators (FIOD) receive them,
 * or the Belgian KBO as the Belgian federal police share them: every company of the country with
 * its legal form, seat and founding date, and its officers (directors and shareholders,
 * "Achternaam, Voornaam" with date of birth). Register data is accurate: names as in the population
 * register, legal forms written out in full half of the time.
 */
final class RegisterSource extends Source {
  /** The company registers the scenario extracts: the Dutch KvK and the Belgian KBO. */
  enum Register {
    KVK(
        "nl",
        "kvk-register",
        "KvK Handelsregister, uittreksels ondernemingen en functionarissen",
        "fiod",
        "Company register (KvK) extracts as received by the FIOD"),
    KBO(
        "be",
        "kbo-register",
        "Kruispuntbank van Ondernemingen (KBO), ondernemingen en functies",
        "politie-be",
        "Belgian crossroads bank of enterprises (KBO) extracts as the Belgian federal police share"
            + " them");

    final String country;
    final String dataset;
    final String title;
    final String agency;
    final String what;

    Register(String country, String dataset, String title, String agency, String what) {
      this.country = country;
      this.dataset = dataset;
      this.title = title;
      this.agency = agency;
      this.what = what;
    }
  }

  private final Register register;
  private final Set<String> seen = new HashSet<>();

  RegisterSource(World world, Truth truth, Path root, Register register) {
    super(world, truth, root);
    this.register = register;
  }

  @Override
  String name() {
    return register.dataset;
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
      for (int j = 0; j < world.registeredCompanies(); j++) {
        Company c = world.company(j);
        if (!c.country().equals(register.country)) {
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
    dataset(
        YAML.replace("{{NAME}}", register.dataset)
            .replace("{{TITLE}}", register.title)
            .replace("{{AGENCY}}", register.agency)
            .replace("{{WHAT}}", register.what)
            .replace("{{COUNTRY}}", register.country));
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
      # {{WHAT}}: companies and their officers.
      # Public register data; UTF-8 CSV, dates DD-MM-YYYY.
      name: {{NAME}}
      title: {{TITLE}}
      agency: {{AGENCY}}
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
                country: {literal: {{COUNTRY}}}
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
