package org.spil.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.spil.model.EntityIds;

/**
 * The Dutch land and ship registers (Kadaster) as the FIOD extracts them for confiscation: who owns
 * which parcel (house, flat, commercial building) with the purchase price and date, and which
 * registered ships (yachts, barges) belong to whom. Owners are persons (name and date of birth, as
 * the population register has them) or companies (with their KvK number). The population owns homes
 * and firms their buildings; each network's leader owns his home, the network's property company
 * owns villas, a warehouse and a yacht, and where a network has two leaders, the second, a relative
 * of the first, holds a house as his nominee. Every asset that ties to a leader is written to
 * {@code truth/assets.csv} with the chain of truth ids that ties it to him.
 */
final class KadasterSource extends Source {
  private static final String[] MUNICIPALITIES = {"RTD01", "RTD02", "SDM00", "VLD00", "GRA01"};
  private static final String[] YACHTS = {
    "Zeemeeuw", "Blue Horizon", "Sea Breeze", "Noordster", "Aurora II", "Libertad", "Windroos"
  };

  KadasterSource(World world, Truth truth, Path root) {
    super(world, truth, root);
  }

  @Override
  String name() {
    return "kadaster";
  }

  private record Parcel(
      String code, String kind, Address address, long price, LocalDate bought, Object owner) {}

  @Override
  void write() throws IOException {
    List<Parcel> parcels = new ArrayList<>();
    for (int i = 0; i < world.scale; i++) {
      Person p = world.person(i);
      if (world.actor(i) == null
          && p.address().country().equals("nl")
          && Rng.unit(world.seed, "kadaster-home", i) < 0.04) {
        Rng r = Rng.of(world.seed, "kadaster-home-parcel", i);
        parcels.add(
            new Parcel(code(r), "woning", p.address(), r.between(180, 650) * 1000L, bought(r), p));
      }
    }
    for (int j = 0; j < world.companyCount; j++) {
      Company c = world.company(j);
      if (!world.isFront(j)
          && c.country().equals("nl")
          && Rng.unit(world.seed, "kadaster-firm", j) < 0.05) {
        Rng r = Rng.of(world.seed, "kadaster-firm-parcel", j);
        parcels.add(
            new Parcel(
                code(r), "bedrijfspand", c.address(), r.between(400, 3000) * 1000L, bought(r), c));
      }
    }
    List<String[]> ships = new ArrayList<>();
    for (Network n : world.networks) {
      Rng r = Rng.of(world.seed, "kadaster-network-" + n.id(), 0);
      List<Actor> leaders = n.all(Role.LEADER);
      Person leader = world.person(leaders.get(0).person());
      Company property = world.company(n.realEstate());
      Parcel home =
          new Parcel(
              code(r), "woning", leader.address(), r.between(600, 1400) * 1000L, bought(r), leader);
      parcels.add(home);
      asset(n, home.code(), "perceel", "RealEstate", "real estate", home.price(), leader, leader);
      // the property company: owned by a leader according to the register
      boolean leaderOwns = property.owner() >= 0 && world.actor(property.owner()) != null;
      Person owner = leaderOwns ? world.person(property.owner()) : null;
      boolean ownerLeads = owner != null && world.actor(owner.index()).role() == Role.LEADER;
      String[] kinds = {"woning", "woning", "bedrijfspand"};
      for (String kind : kinds) {
        Parcel x =
            new Parcel(
                code(r),
                kind,
                world.address(r, false),
                r.between(kind.equals("woning") ? 700 : 900, kind.equals("woning") ? 2500 : 4000)
                    * 1000L,
                bought(r),
                property);
        parcels.add(x);
        if (ownerLeads) {
          asset(n, x.code(), "perceel", "RealEstate", "real estate", x.price(), owner, property);
        }
      }
      String mark = r.between(10000, 99999) + " Z " + r.between(2015, 2024);
      long yachtValue = r.between(250, 1200) * 1000L;
      ships.add(
          new String[] {
            mark,
            r.pick(YACHTS),
            "motorjacht",
            String.valueOf(r.between(14, 32)),
            String.valueOf(yachtValue),
            property.name(),
            property.registration(),
            format(bought(r), DUTCH)
          });
      if (ownerLeads) {
        asset(n, mark, "schip", "Vessel", "vessel", yachtValue, owner, property);
      }
      if (leaders.size() > 1) {
        Person nominee = world.person(leaders.get(1).person());
        Parcel held =
            new Parcel(
                code(r),
                "woning",
                world.address(r, false),
                r.between(500, 1200) * 1000L,
                bought(r),
                nominee);
        parcels.add(held);
        if (PoliceSource.knows(world, leader.index())
            && PoliceSource.knows(world, nominee.index())) {
          asset(
              n,
              held.code(),
              "perceel",
              "RealEstate",
              "real estate",
              held.price(),
              leader,
              nominee);
        }
      }
    }
    try (Csv csv =
        Csv.utf8(
            dir.resolve("eigendommen.csv"),
            "kadastrale_aanduiding",
            "soort",
            "adres",
            "postcode",
            "plaats",
            "koopsom",
            "koopdatum",
            "eigenaar_soort",
            "eigenaar",
            "geboortedatum",
            "kvk_nummer")) {
      for (Parcel x : parcels) {
        Address a = x.address();
        if (x.owner() instanceof Person p) {
          csv.row(
              x.code(),
              x.kind(),
              a.line(),
              a.postcode(),
              a.city(),
              x.price(),
              format(x.bought(), DUTCH),
              "persoon",
              p.lastName() + ", " + p.givenName(),
              format(p.birthDate(), DUTCH),
              null);
          truth.record(
              name(),
              "eigenaar",
              List.of(p.lastName() + ", " + p.givenName(), format(p.birthDate(), DUTCH)),
              "Person",
              p.id(),
              p.lastName() + ", " + p.givenName(),
              "");
        } else {
          Company c = (Company) x.owner();
          csv.row(
              x.code(),
              x.kind(),
              a.line(),
              a.postcode(),
              a.city(),
              x.price(),
              format(x.bought(), DUTCH),
              "bedrijf",
              c.name(),
              null,
              c.registration());
          truth.record(
              name(), "bedrijf", List.of(c.registration()), "Company", c.id(), c.name(), "");
        }
      }
    }
    try (Csv csv =
        Csv.utf8(
            dir.resolve("schepen.csv"),
            "brandmerk",
            "naam",
            "type",
            "lengte_m",
            "waarde",
            "eigenaar",
            "kvk_nummer",
            "teboekstelling")) {
      for (String[] s : ships) {
        csv.row((Object[]) s);
      }
    }
    dataset(YAML);
  }

  /** Records an asset tied to the network's first leader, through the registered owner. */
  private void asset(
      Network n,
      String key,
      String keyLiteral,
      String schema,
      String kind,
      long value,
      Person leader,
      Object registeredTo) {
    String owner = registeredTo instanceof Person p ? p.id() : ((Company) registeredTo).id();
    String chain = owner.equals(leader.id()) ? leader.id() : leader.id() + ";" + owner;
    truth.assets.row(
        key,
        EntityIds.make(name(), keyLiteral, List.of(key)),
        schema,
        kind,
        value,
        owner,
        chain,
        leader.id(),
        n.id());
  }

  private static String code(Rng r) {
    return r.pick(MUNICIPALITIES) + " " + (char) ('A' + r.below(12)) + " " + r.between(100, 9999);
  }

  private static LocalDate bought(Rng r) {
    return World.START.minusDays(r.between(30, 6000));
  }

  private static final String YAML =
      """
      # Land and ship register (Kadaster) extracts requested by the FIOD for confiscation:
      # parcels with owners, purchase price and date, and registered ships. UTF-8 CSV,
      # dates DD-MM-YYYY, amounts in euros.
      name: kadaster
      title: Kadaster, eigendomsinformatie percelen en teboekgestelde schepen
      agency: fiod
      legal_basis: open-source
      handling_code: H0
      source_grade: A
      info_grade: 1
      retention: P10Y
      share_with: all
      lang: nld
      queries:
        - csv_url: eigendommen.csv
          filters:
            eigenaar_soort: persoon
          entities:
            perceel:
              schema: RealEstate
              keys: [kadastrale_aanduiding]
              key_literal: perceel
              properties:
                name: {columns: [adres, plaats], join: ", "}
                cadastralCode: {column: kadastrale_aanduiding}
                propertyType: {column: soort}
                address: {columns: [adres, postcode, plaats], join: ", "}
                amount: {column: koopsom}
                currency: {literal: EUR}
                country: {literal: nl}
            eigenaar:
              schema: Person
              keys: [eigenaar, geboortedatum]
              key_literal: eigenaar
              properties:
                name: {column: eigenaar}
                birthDate: {column: geboortedatum, format: "%d-%m-%Y"}
            eigendom:
              schema: Ownership
              keys: [kadastrale_aanduiding, eigenaar, geboortedatum]
              properties:
                owner: {entity: eigenaar}
                asset: {entity: perceel}
                role: {literal: eigenaar}
                startDate: {column: koopdatum, format: "%d-%m-%Y"}
        - csv_url: eigendommen.csv
          filters:
            eigenaar_soort: bedrijf
          entities:
            perceel:
              schema: RealEstate
              keys: [kadastrale_aanduiding]
              key_literal: perceel
              properties:
                name: {columns: [adres, plaats], join: ", "}
                cadastralCode: {column: kadastrale_aanduiding}
                propertyType: {column: soort}
                address: {columns: [adres, postcode, plaats], join: ", "}
                amount: {column: koopsom}
                currency: {literal: EUR}
                country: {literal: nl}
            eigenaar:
              schema: Company
              keys: [kvk_nummer]
              key_literal: bedrijf
              properties:
                name: {column: eigenaar}
                registrationNumber: {column: kvk_nummer}
                country: {literal: nl}
            eigendom:
              schema: Ownership
              keys: [kadastrale_aanduiding, kvk_nummer]
              properties:
                owner: {entity: eigenaar}
                asset: {entity: perceel}
                role: {literal: eigenaar}
                startDate: {column: koopdatum, format: "%d-%m-%Y"}
        - csv_url: schepen.csv
          entities:
            eigenaar:
              schema: Company
              keys: [kvk_nummer]
              key_literal: bedrijf
              properties:
                name: {column: eigenaar}
                registrationNumber: {column: kvk_nummer}
                country: {literal: nl}
            schip:
              schema: Vessel
              keys: [brandmerk]
              key_literal: schip
              properties:
                name: {column: naam}
                registrationNumber: {column: brandmerk}
                type: {column: type}
                amount: {column: waarde}
                currency: {literal: EUR}
                flag: {literal: nl}
                registrationDate: {column: teboekstelling, format: "%d-%m-%Y"}
                owner: {entity: eigenaar}
      """;
}
