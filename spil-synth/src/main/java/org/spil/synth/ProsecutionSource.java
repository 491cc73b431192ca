package org.spil.synth;

import java.io.IOException;
import java.nio.file.Path;
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
                "land",
                "autoriteit",
                "verzonden",
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
          String reference = String.format("RHV-%d-%04d", 2023 + r.below(3), ++mla);
          String sent =
              format(World.START.plusMonths(start + r.between(0, 18)).plusDays(r.below(28)), DUTCH);
          String state =
              r.pick(new String[] {"verzonden", "in behandeling", "uitgevoerd", "afgewezen"});
          int subjects = ukraine ? 1 : r.between(1, 3);
          for (int s = 0; s < subjects; s++) {
            Person p =
                world.person(
                    ukraine ? slavic.person() : charged.get(r.below(charged.size())).person());
            Spelling spell = new Spelling(r);
            String written =
                ukraine
                    ? spell.cyrillicGiven(p) + " " + spell.cyrillicSurname(p)
                    : spell.given(p, 0.3) + " " + spell.surname(p, 0.3);
            String birth = format(spell.date(p.birthDate(), 0.05, 0.02), DUTCH);
            requests.row(reference, number, country[0], country[1], sent, state, written, birth);
            String id = EntityIds.make(name(), "betrokkene", List.of(written, birth));
            if (seen.add(id)) {
              truth.records.row(name(), id, "Person", p.id(), written, spell.applied());
            }
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
      # Public Prosecution Service (OM): cases, suspects and outgoing requests for mutual legal
      # assistance, from the case management system. UTF-8 CSV, dates DD-MM-YYYY.
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
                direction: {literal: uitgaand}
                country: {column: land}
                authority: {column: autoriteit}
                requestDate: {column: verzonden, format: "%d-%m-%Y"}
                status: {column: status}
                subject: {entity: betrokkene}
      """;
}
