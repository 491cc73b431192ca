package org.spil.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spil.model.EntityIds;

/**
 * The Public Prosecution Service (OM): criminal cases with their suspects, and the requests for
 * mutual legal assistance sent abroad with the persons they concern. Suspects are written "Voornaam
 * ACHTERNAAM" with date of birth; a request to Ukraine names its subjects in Cyrillic as the
 * Ukrainian authorities know them. Besides one case per network there are ordinary cases against
 * members of the public.
 */
final class ProsecutionSource extends Source {
  private final Set<String> seen = new HashSet<>();

  ProsecutionSource(World world, Truth truth, Path root) {
    super(world, truth, root);
  }

  @Override
  String name() {
    return "om";
  }

  @Override
  void write() throws IOException {
    try (Csv cases =
            Csv.utf8(
                dir.resolve("zaken.csv"),
                "parketnummer",
                "onderzoek",
                "omschrijving",
                "status",
                "instroomdatum",
                "einddatum");
        Csv suspects =
            Csv.utf8(
                dir.resolve("verdachten.csv"),
                "parketnummer",
                "naam",
                "geboortedatum",
                "rol",
                "stand");
        Csv requests =
            Csv.utf8(
                dir.resolve("rechtshulpverzoeken.csv"),
                "kenmerk",
                "parketnummer",
                "richting",
                "land",
                "autoriteit",
                "rechtsgrondslag",
                "verzonden",
                "ontvangstbevestiging",
                "termijn",
                "afgehandeld",
                "status",
                "betrokkene",
                "betrokkene_geboortedatum")) {
      String[] names = {
        "Kruiskade",
        "Marmer",
        "Tulpenbol",
        "Havenkraan",
        "Zandloper",
        "Kompas",
        "Ijsvogel",
        "Zeebries"
      };
      int mla = 0;
      for (int k = 0; k < world.networks.size(); k++) {
        Network n = world.networks.get(k);
        Rng r = Rng.of(world.seed, "case-" + n.id(), 0);
        String number = String.format("10/%06d-%02d", 960000 + k, 23 + r.below(2));
        int start = r.between(6, 14);
        String status = r.pick(new String[] {"lopend", "lopend", "gedagvaard"});
        cases.row(
            number,
            "26"
                + names[k % names.length]
                + (k >= names.length ? String.valueOf(k / names.length + 1) : ""),
            n.kind().cocaine()
                ? "Invoer cocaïne, deelneming criminele organisatie, witwassen"
                : "Productie en uitvoer synthetische drugs, witwassen",
            status,
            format(World.START.plusMonths(start), DUTCH),
            null);
        List<Actor> charged = new ArrayList<>();
        for (Actor a : n.actors()) {
          boolean suspect =
              switch (a.role()) {
                case LEADER, BROKER, LAUNDERER -> true;
                case COURIER, PORT_INSIDER, TRANSPORTER -> r.chance(0.7);
                case NOTARY, ACCOUNTANT -> r.chance(0.3);
                default -> r.chance(0.2);
              };
          if (suspect) {
            charged.add(a);
            suspect(suspects, r, number, world.person(a.person()), "verdachte", status);
          }
        }
        String[][] countries = {
          {"Verenigde Arabische Emiraten", "Dubai Public Prosecution"},
          {"Turkije", "İstanbul Cumhuriyet Başsavcılığı"},
          {"Ecuador", "Fiscalía General del Estado"},
          {"Colombia", "Fiscalía General de la Nación"},
          {"België", "Federaal Parket"},
          {"Oekraïne", "Офіс Генерального прокурора України"}
        };
        Actor slavic =
            n.actors().stream()
                .filter(a -> world.person(a.person()).origin() == Origin.EAST_SLAVIC)
                .findFirst()
                .orElseThrow();
        for (int q = r.between(2, 4); q > 0; q--) {
          boolean ukraine = q == 1;
          String[] country =
              ukraine ? countries[countries.length - 1] : countries[r.below(countries.length - 1)];
          LocalDate day = World.START.plusMonths(start + r.between(0, 18)).plusDays(r.below(28));
          String reference = String.format("RHV-%d-%04d", day.getYear(), ++mla);
          String sent = format(day, DUTCH);
          String state =
              r.pick(new String[] {"verzonden", "in behandeling", "uitgevoerd", "afgewezen"});
          Handling h = Handling.of(world.seed, reference, country[0], sent, state);
          int subjects = ukraine ? 1 : r.between(1, 3);
          for (int s = 0; s < subjects; s++) {
            Person p =
                world.person(
                    ukraine ? slavic.person() : charged.get(r.below(charged.size())).person());
            subject(requests, r, reference, number, "uitgaand", country, h, p, ukraine);
          }
        }
        if (n.kind().cocaine()) {
          Rng t = Rng.of(world.seed, "mla-togo", k);
          LocalDate sent =
              World.START.plusMonths(World.ROUTE_MONTH + t.between(2, 5)).plusDays(t.below(28));
          String reference = String.format("RHV-%d-%04d", sent.getYear(), ++mla);
          Handling h =
              new Handling(
                  "VN-Verdrag van Wenen 1988, art. 7",
                  format(sent, DUTCH),
                  null,
                  sent.plusDays(120),
                  null,
                  "verzonden");
          String[] togo = {"Togo", "Procureur de la République près le TPI de Lomé"};
          for (int s = t.between(1, 2); s > 0; s--) {
            Person p = world.person(charged.get(t.below(charged.size())).person());
            subject(requests, t, reference, number, "uitgaand", togo, h, p, false);
          }
        }
        Rng in = Rng.of(world.seed, "mla-in", k);
        for (int q = in.between(1, 2); q > 0; q--) {
          String[] country = in.pick(INCOMING);
          LocalDate day = World.START.plusMonths(start + in.between(0, 24)).plusDays(in.below(28));
          String reference = String.format("IRH-%d-%04d", day.getYear(), 100 * (k + 1) + q);
          String received = format(day, DUTCH);
          String state = in.pick(new String[] {"ontvangen", "in behandeling", "uitgevoerd"});
          Handling h = Handling.of(world.seed, reference, country[0], received, state);
          for (int s = in.between(1, 2); s > 0; s--) {
            Person p = world.person(charged.get(in.below(charged.size())).person());
            subject(requests, in, reference, number, "inkomend", country, h, p, false);
          }
        }
      }
      int background = Math.max(5, world.scale / 300);
      for (int c = 0; c < background; c++) {
        Rng r = Rng.of(world.seed, "case", c);
        String number = String.format("10/%06d-%02d", 100000 + c, 23 + r.below(3));
        String[] kind =
            r.pick(
                new String[][] {
                  {"Oplichting"}, {"Witwassen (eenvoudig)"}, {"Diefstal"}, {"Belastingfraude"}
                });
        String status = r.pick(new String[] {"afgesloten", "sepot", "gedagvaard"});
        cases.row(
            number,
            null,
            kind[0],
            status,
            format(World.START.plusDays(r.below(900)), DUTCH),
            status.equals("afgesloten")
                ? format(World.START.plusDays(900 + r.below(150)), DUTCH)
                : null);
        for (int s = r.between(1, 2); s > 0; s--) {
          int i = r.below(world.scale);
          if (world.actor(i) == null) {
            suspect(suspects, r, number, world.person(i), "verdachte", status);
          }
        }
      }
    }
    dataset(YAML);
  }

  /** Requests from abroad: the requesting country and authority. */
  private static final String[][] INCOMING = {
    {"België", "Federaal Parket"},
    {"Duitsland", "Staatsanwaltschaft Köln"},
    {"Spanje", "Fiscalía Especial Antidroga"},
    {"Turkije", "İstanbul Cumhuriyet Başsavcılığı"}
  };

  /** One subject's row of a request, the person written as the request names them. */
  private void subject(
      Csv csv,
      Rng r,
      String reference,
      String number,
      String direction,
      String[] country,
      Handling h,
      Person p,
      boolean cyrillic)
      throws IOException {
    Spelling spell = new Spelling(r);
    String written =
        cyrillic
            ? spell.cyrillicGiven(p) + " " + spell.cyrillicSurname(p)
            : spell.given(p, 0.3) + " " + spell.surname(p, 0.3);
    String birth = format(spell.date(p.birthDate(), 0.05, 0.02), DUTCH);
    csv.row(
        reference,
        number,
        direction,
        country[0],
        country[1],
        h.basis(),
        h.sent(),
        day(h.acknowledged()),
        day(h.deadline()),
        day(h.answered()),
        h.status(),
        written,
        birth);
    String id = EntityIds.make(name(), "betrokkene", List.of(written, birth));
    if (seen.add(id)) {
      truth.records.row(name(), id, "Person", p.id(), written, spell.applied());
    }
  }

  private static String day(LocalDate d) {
    return d == null ? null : format(d, DUTCH);
  }

  /**
   * How a request is handled: its legal basis, the day it was sent (as the export writes it),
   * acknowledged and answered (null: not yet), its deadline where the request set one, and its
   * status, consistent with the answer: a request answered after the scenario's last month is still
   * being handled then. A European Investigation Order between member states must be executed in 90
   * days (Directive 2014/41/EU, art. 12) and acknowledged within a week (art. 16); requests under
   * the conventions set a deadline in some cases only.
   */
  record Handling(
      String basis,
      String sent,
      LocalDate acknowledged,
      LocalDate deadline,
      LocalDate answered,
      String status) {

    static Handling of(long seed, String reference, String country, String sent, String state) {
      Rng r = Rng.of(seed, "mla-" + reference, 0);
      LocalDate day = LocalDate.parse(sent, DUTCH);
      boolean eio = Set.of("België", "Duitsland", "Spanje").contains(country);
      String basis =
          switch (country) {
            case "België", "Duitsland", "Spanje" ->
                "Europees Onderzoeksbevel (Richtlijn 2014/41/EU)";
            case "Turkije", "Oekraïne" -> "Europees Verdrag aangaande wederzijdse rechtshulp 1959";
            case "Ecuador", "Colombia" -> "VN-Verdrag van Wenen 1988, art. 7";
            default -> "VN-Verdrag tegen transnationale georganiseerde misdaad, art. 18";
          };
      LocalDate acknowledged =
          r.chance(eio ? 0.95 : 0.7)
              ? day.plusDays(eio ? r.between(2, 7) : r.between(5, 60))
              : null;
      LocalDate deadline =
          eio
              ? day.plusDays(90)
              : r.chance(0.5) ? day.plusDays(r.pick(new Integer[] {60, 120, 180})) : null;
      boolean done = state.equals("uitgevoerd") || state.equals("afgewezen");
      LocalDate answered =
          done ? day.plusDays(eio ? r.between(30, 150) : r.between(45, 420)) : null;
      LocalDate end = World.START.plusMonths(World.MONTHS);
      if (answered != null && !answered.isBefore(end)) {
        answered = null;
        state = "in behandeling";
      }
      if (acknowledged != null && !acknowledged.isBefore(end)) {
        acknowledged = null;
      }
      if (answered != null && acknowledged != null && acknowledged.isAfter(answered)) {
        acknowledged = answered;
      }
      return new Handling(basis, sent, acknowledged, deadline, answered, state);
    }
  }

  private void suspect(Csv csv, Rng r, String number, Person p, String role, String status) {
    Spelling spell = new Spelling(r);
    String given = spell.given(p, 0.15);
    String surname = spell.upper(spell.surname(p, 0.15));
    String written = given + " " + surname;
    String birth = format(spell.date(p.birthDate(), 0.02, 0.01), DUTCH);
    csv.row(number, written, birth, role, status);
    String id = EntityIds.make(name(), "verdachte", List.of(written, birth));
    if (seen.add(id)) {
      truth.records.row(name(), id, "Person", p.id(), written, spell.applied());
    }
  }

  private static final String YAML =
      """
      # Public Prosecution Service (OM): cases, suspects and the requests for mutual legal
      # assistance sent abroad (uitgaand) and received (inkomend), from the case management
      # system. UTF-8 CSV, dates DD-MM-YYYY.
      name: om
      title: Openbaar Ministerie, zaken, verdachten en rechtshulpverzoeken
      agency: om
      legal_basis: wjsg
      handling_code: H2
      source_grade: A
      info_grade: 1
      retention: P20Y
      share_with: [politie-nl, fiod]
      lang: nld
      queries:
        - csv_url: zaken.csv
          entities:
            zaak:
              schema: CourtCase
              keys: [parketnummer]
              key_literal: zaak
              properties:
                name: {columns: [onderzoek, omschrijving], join: " - "}
                caseNumber: {column: parketnummer}
                category: {column: omschrijving}
                status: {column: status}
                fileDate: {column: instroomdatum, format: "%d-%m-%Y"}
                closeDate: {column: einddatum, format: "%d-%m-%Y"}
        - csv_url: verdachten.csv
          entities:
            zaak:
              schema: CourtCase
              keys: [parketnummer]
              key_literal: zaak
            verdachte:
              schema: Person
              keys: [naam, geboortedatum]
              key_literal: verdachte
              properties:
                name: {column: naam}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
            partij:
              schema: CourtCaseParty
              keys: [parketnummer, naam, geboortedatum]
              properties:
                party: {entity: verdachte}
                case: {entity: zaak}
                role: {column: rol}
        - csv_url: rechtshulpverzoeken.csv
          entities:
            zaak:
              schema: CourtCase
              keys: [parketnummer]
              key_literal: zaak
            betrokkene:
              schema: Person
              keys: [betrokkene, betrokkene_geboortedatum]
              key_literal: betrokkene
              properties:
                name: {column: betrokkene}
                birthDate: {column: betrokkene_geboortedatum, format: "%d-%m-%Y"}
            verzoek:
              schema: LegalAssistanceRequest
              keys: [kenmerk]
              properties:
                reference: {column: kenmerk}
                case: {entity: zaak}
                direction: {column: richting}
                country: {column: land}
                authority: {column: autoriteit}
                legalBasis: {column: rechtsgrondslag}
                requestDate: {column: verzonden, format: "%d-%m-%Y"}
                acknowledgedDate: {column: ontvangstbevestiging, format: "%d-%m-%Y"}
                deadline: {column: termijn, format: "%d-%m-%Y"}
                responseDate: {column: afgehandeld, format: "%d-%m-%Y"}
                status: {column: status}
                subject: {entity: betrokkene}
      """;
}
