package org.spil.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The staff of the port firms as payroll data shows them: for Rotterdam the employment records of
 * the UWV's polisadministratie that the FIOD requested for the firms of the port area, for Antwerp
 * the Dimona declarations of the Belgian social security (RSZ) that the Belgian federal police
 * obtained. One row per employment: employer (trade name, register number), employee (name, date of
 * birth, home address), function and start date. Every resident of the port city who works for a
 * port firm is listed, the port insiders of the planted networks among them.
 */
final class PayrollSource extends Source {
  /** The payroll registers the scenario extracts: the Dutch UWV and the Belgian RSZ. */
  enum Register {
    UWV(
        "NLRTM",
        "uwv-polis",
        "UWV polisadministratie, dienstverbanden werkgevers haven Rotterdam",
        "fiod",
        "wpg-art-9",
        "[politie-nl, om, douane-nl]",
        "Employment records of the UWV's polisadministratie for the employers of the Rotterdam"
            + " port area, as requested by the FIOD"),
    RSZ(
        "BEANR",
        "rsz-dimona",
        "RSZ Dimona, tewerkstellingen havenbedrijven Antwerpen",
        "politie-be",
        "wpg-art-13",
        "[politie-nl, om]",
        "Dimona declarations of the Belgian social security (RSZ) for the port firms of Antwerp,"
            + " as obtained by the Belgian federal police");

    final String port;
    final String dataset;
    final String title;
    final String agency;
    final String legalBasis;
    final String shareWith;
    final String what;

    Register(
        String port,
        String dataset,
        String title,
        String agency,
        String legalBasis,
        String shareWith,
        String what) {
      this.port = port;
      this.dataset = dataset;
      this.title = title;
      this.agency = agency;
      this.legalBasis = legalBasis;
      this.shareWith = shareWith;
      this.what = what;
    }
  }

  private static final String[] TERMINAL_JOBS = {
    "straddle carrier chauffeur", "kraanmachinist", "planner", "lasher", "controleur", "beveiliger"
  };
  private static final String[] OTHER_JOBS = {
    "havenwerker", "vrachtwagenchauffeur", "declarant", "administratief medewerker", "planner"
  };

  private final Register register;

  PayrollSource(World world, Truth truth, Path root, Register register) {
    super(world, truth, root);
    this.register = register;
  }

  @Override
  String name() {
    return register.dataset;
  }

  @Override
  void write() throws IOException {
    try (Csv csv =
        Csv.utf8(
            dir.resolve("dienstverbanden.csv"),
            "werkgever_nummer",
            "werkgever",
            "personeelsnummer",
            "achternaam",
            "voornaam",
            "geboortedatum",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "functie",
            "in_dienst")) {
      int seq = 0;
      for (int i = 0; i < world.scale; i++) {
        Person p = world.person(i);
        if (p.employer() < 0 || !world.portFirms.contains(p.employer())) {
          continue;
        }
        PortFirms.Spec firm = world.portFirms.spec(p.employer());
        if (!firm.port().equals(register.port)) {
          continue;
        }
        Company employer = world.company(p.employer());
        Rng r = Rng.of(world.seed, "payroll", i);
        Spelling spell = new Spelling(r);
        String number = String.format("%06d", ++seq);
        String given = spell.given(p, 0.1);
        Address a = p.addressIn(World.MONTHS - 1);
        LocalDate since = World.START.minusDays(r.below(4000));
        csv.row(
            employer.registration(),
            employer.name(),
            number,
            p.lastName(),
            given,
            format(p.birthDate(), DUTCH),
            a.street(),
            a.number(),
            a.postcode(),
            a.city(),
            r.pick(firm.kind() == PortFirms.Kind.TERMINAL ? TERMINAL_JOBS : OTHER_JOBS),
            format(since, DUTCH));
        truth.record(
            name(),
            "werknemer",
            List.of(employer.registration(), number),
            "Person",
            p.id(),
            given + " " + p.lastName(),
            spell.applied());
      }
    }
    dataset(
        YAML.replace("{{NAME}}", register.dataset)
            .replace("{{TITLE}}", register.title)
            .replace("{{AGENCY}}", register.agency)
            .replace("{{BASIS}}", register.legalBasis)
            .replace("{{SHARE}}", register.shareWith)
            .replace("{{WHAT}}", register.what)
            .replace("{{COUNTRY}}", register.port.substring(0, 2).toLowerCase()));
  }

  private static final String YAML =
      """
      # {{WHAT}}: one row per employment, UTF-8 CSV, dates DD-MM-YYYY.
      name: {{NAME}}
      title: {{TITLE}}
      agency: {{AGENCY}}
      legal_basis: {{BASIS}}
      handling_code: H2
      source_grade: A
      info_grade: 1
      retention: P5Y
      share_with: {{SHARE}}
      lang: nld
      queries:
        - csv_url: dienstverbanden.csv
          entities:
            werkgever:
              schema: Company
              keys: [werkgever_nummer]
              key_literal: werkgever
              properties:
                name: {column: werkgever}
                registrationNumber: {column: werkgever_nummer}
                country: {literal: {{COUNTRY}}}
            adres:
              schema: Address
              keys: [straat, huisnummer, postcode]
              properties:
                street: {columns: [straat, huisnummer], join: " "}
                postalCode: {column: postcode}
                city: {column: woonplaats}
                full: {columns: [straat, huisnummer, postcode, woonplaats], join: " "}
            werknemer:
              schema: Person
              keys: [werkgever_nummer, personeelsnummer]
              key_literal: werknemer
              properties:
                name: {columns: [voornaam, achternaam], join: " "}
                firstName: {column: voornaam}
                lastName: {column: achternaam}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
                addressEntity: {entity: adres}
            dienstverband:
              schema: Employment
              keys: [werkgever_nummer, personeelsnummer]
              properties:
                employer: {entity: werkgever}
                employee: {entity: werknemer}
                role: {column: functie}
                startDate: {column: in_dienst, format: "%d-%m-%Y"}
      """;
}
