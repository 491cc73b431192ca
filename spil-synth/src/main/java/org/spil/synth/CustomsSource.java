package org.spil.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.model.EntityIds;

/**
 * Dutch customs (Douane): container declarations for Rotterdam and Antwerp-bound cargo and the
 * seizure register, and the consignees of parcels held for inspection ({@link ParcelConsignees}),
 * exported as UTF-8 CSV with a byte-order mark. Company names are written as declarants typed them
 * (legal-form variants, capitals, typos); every 700th container number has a wrong check digit and
 * every 900th IMO number a wrong digit, as in real declarations.
 */
final class CustomsSource extends Source {
  private final Trade trade;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, String> consigneeIds = new HashMap<>();

  CustomsSource(World world, Truth truth, Path root, Trade trade) {
    super(world, truth, root);
    this.trade = trade;
  }

  @Override
  String name() {
    return "douane-nl";
  }

  @Override
  void write() throws IOException {
    List<Shipment> seized = new ArrayList<>();
    try (Csv csv =
        Csv.of(
            dir.resolve("zendingen.csv"),
            StandardCharsets.UTF_8,
            ',',
            true,
            "zending_id",
            "bl_nummer",
            "container",
            "schip",
            "imo",
            "afzender",
            "afzender_eori",
            "afzender_land",
            "ontvanger",
            "ontvanger_eori",
            "ontvanger_land",
            "laadhaven",
            "overslaghaven",
            "loshaven",
            "goederen",
            "gewicht_kg",
            "waarde",
            "aankomst",
            "vertrek",
            "terminal",
            "terminal_kvk")) {
      List<Shipment> planned = trade.networkShipments();
      int k = 0;
      long row = 0;
      for (int month = 0; month < World.MONTHS; month++) {
        for (; k < trade.legalCount && trade.legalMonth(k) == month; k++) {
          Shipment s = trade.legal(k);
          write(csv, s, row++);
          if (s.seized()) {
            seized.add(s);
          }
        }
        for (Shipment s : planned) {
          if (s.month() == month) {
            write(csv, s, row++);
            if (s.seized()) {
              seized.add(s);
            }
          }
        }
      }
    }
    try (Csv csv =
        Csv.of(
            dir.resolve("pakketten.csv"),
            StandardCharsets.UTF_8,
            ',',
            true,
            ParcelConsignees.HEADER)) {
      new ParcelConsignees(world, truth, name()).write(csv);
    }
    try (Csv csv =
        Csv.of(
            dir.resolve("inbeslagnames.csv"),
            StandardCharsets.UTF_8,
            ',',
            true,
            "beslag_id",
            "datum",
            "container",
            "zending_id",
            "middel",
            "hoeveelheid",
            "eenheid",
            "locatie",
            "land")) {
      int n = 0;
      for (Shipment s : seized) {
        n++;
        Rng r = Rng.of(world.seed, "seizure", n);
        String id = String.format("BSL-%d-%05d", s.arrival().getYear(), n);
        boolean antwerp = s.discharge().equals("BEANR");
        String place =
            antwerp
                ? r.pick(new String[] {"Deurganckdok", "MSC PSA European Terminal", "Kallo"})
                : r.pick(
                    new String[] {
                      "Maasvlakte II, ECT Delta", "Waalhaven", "Rotterdam World Gateway"
                    });
        csv.row(
            id,
            format(s.arrival().plusDays(r.between(0, 3)), SLASHED),
            s.container(),
            s.id(),
            s.drug(),
            s.drugKg(),
            "kg",
            place,
            antwerp ? "België" : "Nederland");
        Company consignee = world.company(s.consignee());
        truth.seizureChains.row(
            id,
            EntityIds.make(name(), "beslag", List.of(id)),
            s.container(),
            s.id(),
            EntityIds.make(name(), "zending", List.of(s.id())),
            consignee.id(),
            consigneeIds.get(s.id()),
            consignee.director() < 0 ? null : Person.truthId(consignee.director()),
            s.network(),
            world.company(s.terminal()).id(),
            s.network() == null,
            String.join(";", insidersAt(s.terminal())));
      }
    }
    dataset(YAML);
  }

  private void write(Csv csv, Shipment s, long row) {
    Rng r = Rng.of(world.seed, "customs-row", row);
    Spelling spell = new Spelling(r);
    Company from = world.company(s.consignor());
    Company to = world.company(s.consignee());
    String fromName = spell.company(from, 0.35);
    String fromDistortions = spell.applied();
    String toName = spell.company(to, 0.35);
    String toDistortions = spell.applied();
    String fromCountry = dutchCountry(from.country());
    String toCountry = dutchCountry(to.country());
    String fromEori = eori(from);
    String toEori = eori(to);
    String fromId = company(fromName, fromEori, fromCountry, from, fromDistortions);
    String toId = company(toName, toEori, toCountry, to, toDistortions);
    if (s.seized()) {
      consigneeIds.put(s.id(), toId);
    }
    Trade.Vessel vessel = trade.vessel(s.vessel());
    String container = s.container();
    String imo = vessel.imo();
    if (row % 700 == 350) {
      container = container.substring(0, 10) + (char) ('0' + (container.charAt(10) - '0' + 1) % 10);
      invalid(csv, "container", container, "ISO 6346 check digit wrong");
    } else if (row % 900 == 450) {
      imo = imo.substring(0, 6) + (char) ('0' + (imo.charAt(6) - '0' + 3) % 10);
      invalid(csv, "imo", imo, "IMO check digit wrong");
    }
    boolean export = s.loading().startsWith("NL");
    Company terminal = world.company(s.terminal());
    if (seen.add("terminal/" + terminal.registration())) {
      truth.record(
          name(),
          "terminal",
          List.of(terminal.registration()),
          "Company",
          terminal.id(),
          terminal.name(),
          "");
    }
    csv.row(
        s.id(),
        trade.billOfLading(s),
        container,
        vessel.name(),
        imo,
        fromName,
        fromEori,
        fromCountry,
        toName,
        toEori,
        toCountry,
        s.loading(),
        s.transhipment(),
        s.discharge(),
        s.goods(),
        s.weightKg(),
        s.valueEur() + " EUR",
        export ? null : format(s.arrival(), SLASHED),
        export ? format(s.arrival(), SLASHED) : null,
        terminal.name(),
        terminal.registration());
    truth.shipments.row(
        name(),
        s.id(),
        EntityIds.make(name(), "zending", List.of(s.id())),
        s.network(),
        s.seized());
    if (s.viaNewRoute()) {
      truth.route.row(
          name(),
          s.id(),
          EntityIds.make(name(), "zending", List.of(s.id())),
          s.month(),
          s.arrival(),
          s.loading(),
          s.transhipment(),
          s.discharge(),
          s.network());
    }
  }

  /** The truth ids of the port insiders of any network who work at a terminal. */
  private List<String> insidersAt(int terminal) {
    List<String> out = new ArrayList<>();
    for (Network n : world.networks) {
      for (Actor a : n.all(Role.PORT_INSIDER)) {
        if (world.person(a.person()).employer() == terminal) {
          out.add(Person.truthId(a.person()));
        }
      }
    }
    return out;
  }

  /**
   * The declared firm's entity: keyed on the name as written, the customs (EORI) number and the
   * country, so that two firms that write their names alike stay two entities.
   */
  private String company(
      String written, String eori, String country, Company c, String distortions) {
    String id = EntityIds.make(name(), "bedrijf", Arrays.asList(written, eori, country));
    if (seen.add(id)) {
      truth.records.row(name(), id, "Company", c.id(), written, distortions);
    }
    return id;
  }

  private String eori(Company c) {
    if (!c.country().equals("nl") && !c.country().equals("be")) {
      return null;
    }
    Rng r = Rng.of(world.seed, "eori", c.index());
    return c.country().equals("nl") ? "NL" + r.digits(9) : "BE0" + r.digits(9);
  }

  private static final String YAML =
      """
      # Dutch customs (Douane): container declarations for cargo bound for Rotterdam and
      # Antwerp, the consignees of postal and courier parcels held for inspection (a name as
      # the label gives it and an address), and the seizure register. Exported from the declaration system as UTF-8 CSV
      # with a byte-order mark; dates DD/MM/YYYY, values with currency.
      name: douane-nl
      title: Douane NL, containerzendingen en inbeslagnames
      agency: douane-nl
      legal_basis: adw
      handling_code: H1
      source_grade: A
      info_grade: 1
      retention: P7Y
      share_with: [politie-nl, fiod, om]
      phone_region: NL
      lang: nld
      queries:
        - csv_url: zendingen.csv
          entities:
            schip:
              schema: Vessel
              keys: [imo]
              properties:
                name: {column: schip}
                imoNumber: {column: imo}
            afzender:
              schema: Company
              keys: [afzender, afzender_eori, afzender_land]
              key_literal: bedrijf
              properties:
                name: {column: afzender}
                idNumber: {column: afzender_eori}
                country: {column: afzender_land}
            ontvanger:
              schema: Company
              keys: [ontvanger, ontvanger_eori, ontvanger_land]
              key_literal: bedrijf
              properties:
                name: {column: ontvanger}
                idNumber: {column: ontvanger_eori}
                country: {column: ontvanger_land}
            terminal:
              schema: Company
              keys: [terminal_kvk]
              key_literal: terminal
              properties:
                name: {column: terminal}
                registrationNumber: {column: terminal_kvk}
            zending:
              schema: Shipment
              keys: [zending_id]
              key_literal: zending
              properties:
                terminal: {entity: terminal}
                containerNumber: {column: container}
                billOfLading: {column: bl_nummer}
                vessel: {entity: schip}
                consignor: {entity: afzender}
                consignee: {entity: ontvanger}
                portOfLoading: {column: laadhaven}
                portOfTranshipment: {column: overslaghaven}
                portOfDischarge: {column: loshaven}
                goodsDescription: {column: goederen}
                weight: {column: gewicht_kg}
                declaredValue: {column: waarde}
                arrivalDate: {column: aankomst, format: "%d/%m/%Y"}
                departureDate: {column: vertrek, format: "%d/%m/%Y"}
        - csv_url: pakketten.csv
          entities:
            geadresseerde:
              schema: Person
              keys: [pakket_id]
              key_literal: geadresseerde
              properties:
                name: {column: geadresseerde}
                address: {columns: [adres, postcode, plaats], join: ", "}
        - csv_url: inbeslagnames.csv
          entities:
            zending:
              schema: Shipment
              keys: [zending_id]
              key_literal: zending
            beslag:
              schema: Seizure
              keys: [beslag_id]
              key_literal: beslag
              properties:
                recordId: {column: beslag_id}
                date: {column: datum, format: "%d/%m/%Y"}
                containerNumber: {column: container}
                shipment: {entity: zending}
                drug: {column: middel}
                quantity: {column: hoeveelheid}
                unit: {column: eenheid}
                place: {column: locatie}
                country: {column: land}
      """;
}
