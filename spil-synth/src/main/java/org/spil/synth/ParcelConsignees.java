package org.spil.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The consignees of postal and courier parcels that Dutch customs held for inspection (precursor
 * chemicals, counterfeit goods, pills by post): a name as the label gives it and an address, no
 * date of birth, no number; the sparse person records that resolution has to link by name and
 * address alone. Parcels go to a few in a hundred residents and to the people they live with: a
 * spouse, children with the family's surname, now and then a son named after his father whom only
 * his middle initial tells apart. The housemates exist only in this file; the truth names them
 * after the resident ({@code TP0001234-1}), so that records of one housemate are one identity and
 * never the resident's.
 */
final class ParcelConsignees {
  /** The share of residents who receive parcels the customs held. */
  static final double RECEIVERS = 0.05;

  /** The header of the parcels file. */
  static final String[] HEADER = {
    "pakket_id",
    "datum",
    "vervoerder",
    "afzender_land",
    "inhoud",
    "geadresseerde",
    "adres",
    "postcode",
    "plaats"
  };

  private static final String[] CARRIERS = {"PostNL", "DHL", "DPD", "GLS", "UPS"};
  private static final String[] FROM = {"CN", "IN", "PL", "DE", "GB", "US", "TR", "HK"};
  private static final String[] CONTENTS = {
    "chemicaliën", "kleding", "elektronica", "cosmetica", "tabletten", "onderdelen", "speelgoed"
  };

  /**
   * One person a parcel may be addressed to: a resident of the world or one of their housemates;
   * {@code sharesGiven} when another of the house bears the same given name (father and son).
   */
  private record Consignee(
      String truthId, String[] given, String middle, String[] surname, boolean sharesGiven) {}

  private final World world;
  private final Truth truth;
  private final String dataset;

  ParcelConsignees(World world, Truth truth, String dataset) {
    this.world = world;
    this.truth = truth;
    this.dataset = dataset;
  }

  /** Writes every parcel to {@code csv} and its consignee to the truth. */
  void write(Csv csv) {
    long parcel = 0;
    for (int i = 0; i < world.scale; i++) {
      Rng r = Rng.of(world.seed, "parcels", i);
      if (!r.chance(RECEIVERS)) {
        continue;
      }
      Person p = world.person(i);
      List<Consignee> household = household(p, r);
      int month = r.below(World.MONTHS);
      Address home = p.addressIn(month);
      for (Consignee c : household) {
        int parcels = 1 + r.below(3);
        for (int k = 0; k < parcels; k++) {
          Spelling spell = new Spelling(r);
          String label = label(c, spell, r);
          String id = String.format("PK%09d", ++parcel);
          String[] where = address(home, r);
          csv.row(
              id,
              Source.format(World.START.plusMonths(month).plusDays(r.below(28)), Source.DUTCH),
              r.pick(CARRIERS),
              r.pick(FROM),
              r.pick(CONTENTS),
              label,
              where[0],
              where[1],
              where[2]);
          truth.record(
              dataset, "geadresseerde", List.of(id), "Person", c.truthId(), label, spell.applied());
        }
      }
    }
  }

  /** The resident and, for some, the people living with them. */
  private static List<Consignee> household(Person p, Rng r) {
    String[] given = p.givenVariants();
    String[] surname = p.surnameVariants();
    List<Consignee> out = new ArrayList<>();
    if (!r.chance(0.45)) {
      out.add(new Consignee(p.id(), given, middle(r), surname, false));
      return out;
    }
    int others = r.between(1, 3);
    boolean junior = !p.female() && r.chance(0.25);
    out.add(new Consignee(p.id(), given, middle(r), surname, junior));
    for (int k = 1; k <= others; k++) {
      boolean female = k == 1 ? !p.female() : r.chance(0.5);
      String[][] names = female ? p.origin().female : p.origin().male;
      String[] own = names[r.below(names.length)];
      for (int tries = 0; tries < 20 && taken(out, own); tries++) {
        // two people of one house go by different names, but for a son named after his father
        own = names[r.below(names.length)];
      }
      boolean namesake = junior && k == others;
      if (namesake) {
        own = given;
      }
      String middle = middle(r);
      while (namesake && middle.equals(out.get(0).middle())) {
        middle = middle(r);
      }
      out.add(new Consignee(p.id() + "-" + k, own, middle, surname, namesake));
    }
    return out;
  }

  private static boolean taken(List<Consignee> household, String[] given) {
    for (Consignee c : household) {
      if (c.given()[0].equals(given[0])) {
        return true;
      }
    }
    return false;
  }

  private static String middle(Rng r) {
    return String.valueOf((char) ('A' + r.below(26)));
  }

  /**
   * The consignee as a label writes it: a given name's variant or, now and then, its initial (never
   * for a father or son who share a given name, whom the middle initial tells apart and always
   * shows), a typing error, "Surname, Given" order, upper case.
   */
  private static String label(Consignee c, Spelling spell, Rng r) {
    String given = spell.variant(c.given(), 0.15);
    boolean initial = !c.sharesGiven() && r.chance(0.15);
    if (initial) {
      given = spell.initial(given);
    } else {
      given = spell.typo(given, 0.06);
    }
    String surname = spell.typo(spell.variant(c.surname(), 0.1), 0.06);
    String middle = c.sharesGiven() || r.chance(0.25) ? " " + c.middle() + "." : "";
    String name = r.chance(0.15) ? surname + ", " + given + middle : given + middle + " " + surname;
    return r.chance(0.15) ? spell.upper(name) : name;
  }

  /**
   * The address as a label writes it: the street written out or shortened ("str.", "Burg."), the
   * house number's addition joined, with a hyphen or apart, sometimes in capitals; the postcode or
   * the place now and then left off.
   */
  private static String[] address(Address a, Rng r) {
    String street = a.street();
    if (r.chance(0.2)) {
      street = street.replace("straat", "str.").replace("Burgemeester ", "Burg. ");
    }
    String number = a.number();
    if (number.endsWith("a") && r.chance(0.5)) {
      number = number.substring(0, number.length() - 1) + (r.chance(0.5) ? "-A" : " A");
    }
    String line = street + " " + number;
    if (r.chance(0.1)) {
      line = line.toUpperCase(Locale.ROOT);
    }
    return new String[] {line, r.chance(0.15) ? "" : a.postcode(), r.chance(0.1) ? "" : a.city()};
  }
}
