package org.spil.synth;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.model.types.Iban;
import org.spil.model.types.NameKeys;

/**
 * The synthetic world behind every source: persons, companies and the planted criminal networks,
 * derived from the seed. Persons and companies are computed on demand from their index (nothing per
 * person is held in memory), so a source can stream a million of them; only the networks, a few
 * thousand actors at most, are kept.
 */
final class World {
  static final LocalDate START = LocalDate.of(2023, 1, 1);
  static final int MONTHS = 36;

  /** Month (0-based) in which the new transit route through Lomé, Togo starts. */
  static final int ROUTE_MONTH = 20;

  private static final String[][] NL_CITIES = {
    {"Rotterdam", "30"}, {"Rotterdam", "30"}, {"Rotterdam", "30"}, {"Schiedam", "31"},
    {"Vlaardingen", "31"}, {"Den Haag", "25"}, {"Amsterdam", "10"}, {"Utrecht", "35"},
    {"Breda", "48"}, {"Tilburg", "50"}, {"Eindhoven", "56"}, {"Spijkenisse", "32"}
  };
  private static final String[] NL_STREETS = {
    "Kruiskade",
    "Coolsingel",
    "Beijerlandselaan",
    "Zwart Janstraat",
    "Putselaan",
    "Mathenesserlaan",
    "Westblaak",
    "Bergweg",
    "Vierambachtsstraat",
    "Nieuwe Binnenweg",
    "Kleiweg",
    "Slinge",
    "Dorpsweg",
    "Hoofdweg",
    "Kerkstraat",
    "Stationsweg",
    "Molenstraat",
    "Schoolstraat",
    "Parallelweg",
    "Havenstraat",
    "Maasboulevard",
    "Groene Hilledijk"
  };
  private static final String[][] BE_CITIES = {
    {"Antwerpen", "20"}, {"Antwerpen", "21"}, {"Mechelen", "28"}, {"Gent", "90"}, {"Brussel", "10"}
  };
  private static final String[] BE_STREETS = {
    "Turnhoutsebaan", "Carnotstraat", "Lange Kievitstraat", "Provinciestraat", "Statiestraat",
    "Kerkstraat", "De Keyserlei", "Noorderlaan", "Haven", "Sint-Bernardsesteenweg"
  };
  private static final String[] NL_BANKS = {"ABNA", "INGB", "RABO", "TRIO", "BUNQ", "KNAB", "SNSB"};
  private static final String[] BE_BANKS = {"001", "068", "310", "363", "735", "973"};
  private static final String[] MAIL = {
    "gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "live.nl", "telenet.be"
  };
  private static final String[] NICKNAMES = {
    "Dokter", "Tito", "Kleine", "Turk", "Boer", "Prof", "Neef", "Baas", "Rooie", "Stille",
    "Vis", "Koning", "Bolle", "Chef", "Lange", "Gringo", "Paps", "Tank", "Joker", "Spin"
  };

  /**
   * Rarer nicknames, for a member whose first drawn nickname a fellow member already goes by: in
   * one network a nickname names one person (that is what it is for), while across networks the
   * common ones recur.
   */
  private static final String[] RARER_NICKNAMES =
      ("Snor Beer Mus Kat Bril Kale Dikke Bokser Zwarte Witte Blonde Sjeik Prins"
              + " Generaal Kapitein Piloot Slager Matroos Haai Wolf Vos Aap Tijger Leeuw Uil Mol"
              + " Schele Krullen Tattoo Ome Opa Junior Bink Kobus Sjonnie Dikkie Mojo Rambo Stier"
              + " Tyson Zorro Elvis Buffel Egel Bever Sensei Ninja Fantoom Schaduw Duivel Engel"
              + " Pitbull Bulldog Kameel Panda Kikker Slang Raaf Gier Havik")
          .split(" ");

  private static final String[] HANDLE_WORDS = {
    "golden", "icy", "silent", "dark", "rapid", "lucky", "royal", "wild", "iron", "blue", "crazy",
    "smart", "black", "white", "red", "night", "sun", "storm"
  };
  private static final String[] HANDLE_ANIMALS = {
    "bear", "fox", "wolf", "eagle", "shark", "tiger", "cobra", "falcon", "lion", "panther", "hawk",
    "viper", "rhino", "owl", "orca", "jaguar"
  };

  final long seed;
  final int scale;
  final int companyCount;
  final List<Network> networks;
  private final Map<Integer, Actor> actors = new HashMap<>();
  private final Map<Integer, FrontSpec> fronts = new HashMap<>();
  private final int firstRandomCompany;

  /** The firms of the ports of Rotterdam and Antwerp, after the other companies. */
  final PortFirms portFirms;

  /** The port firms of each port, by port, where its city's residents may work. */
  private final Map<String, List<Integer>> portStaffing = new HashMap<>();

  /** The port firm each port insider works for, by person. */
  private final Map<Integer, Integer> insiderEmployers = new HashMap<>();

  /** The share of a port city's residents who work in the port. */
  static final double PORT_JOBS = 0.1;

  /** For each random company whose first draw took a name already taken, the draw that did not. */
  private final Map<Integer, Integer> redraws = new HashMap<>();

  /** Companies every household deals with: shops, landlords, energy, the crypto exchange. */
  static final int RETAIL_A = 0;

  static final int RETAIL_B = 1;
  static final int HOUSING_A = 2;
  static final int HOUSING_B = 3;
  static final int ENERGY = 4;
  static final int EXCHANGE = 5;
  private static final int SPECIAL = 6;
  private static final int FRONTS_PER_NETWORK = 7;

  World(long seed, int scale) {
    if (scale < 200) {
      throw new IllegalArgumentException("scale must be at least 200 persons");
    }
    this.seed = seed;
    this.scale = scale;
    int networkCount = Math.max(3, Math.min(2000, scale / 2500));
    this.companyCount = Math.max(300, scale / 6) + SPECIAL + FRONTS_PER_NETWORK * networkCount;
    this.firstRandomCompany = SPECIAL + FRONTS_PER_NETWORK * networkCount;
    this.portFirms = new PortFirms(companyCount);
    for (String port : List.of("NLRTM", "BEANR")) {
      portStaffing.put(port, portFirms.of(port, null));
    }
    this.networks = buildNetworks(networkCount);
    for (Network n : networks) {
      List<Actor> insiders = n.all(Role.PORT_INSIDER);
      Rng r = Rng.of(seed, "insider-employer-" + n.id(), 0);
      for (int k = 0; k < insiders.size(); k++) {
        List<Integer> firms = portFirms.of(n.kind().port, k == 0 ? PortFirms.Kind.TERMINAL : null);
        insiderEmployers.put(insiders.get(k).person(), r.pick(firms));
      }
    }
    uniqueCompanyNames();
  }

  /**
   * Registers protect trade names: no two companies of one country share a name and legal form (in
   * any word order, so "García y Restrepo" and "Restrepo y García" count as one). A random company
   * whose draw takes a name already taken is drawn again ({@link #redraws}); without this, distinct
   * firms with identical names and no identifier would make the truth unknowable at large scales.
   */
  private void uniqueCompanyNames() {
    Set<String> taken = new HashSet<>();
    for (int j = 0; j < companyCount; j++) {
      Company c = company(j);
      // a front named after its network's base or director cannot change name: it keeps a clash
      int attempts = j >= firstRandomCompany ? 100 : 20;
      for (int attempt = 1; !taken.add(nameKey(c)) && j >= SPECIAL; attempt++) {
        if (attempt > attempts) {
          if (j >= firstRandomCompany) {
            throw new IllegalStateException("no free company name for company " + j);
          }
          redraws.remove(j);
          break;
        }
        redraws.put(j, attempt);
        c = company(j);
      }
    }
  }

  private static String nameKey(Company c) {
    return NameKeys.fingerprint(c.base() + " " + c.activity()) + "|" + c.form() + "|" + c.country();
  }

  Actor actor(int person) {
    return actors.get(person);
  }

  /** Every company of the registers: the others first, then the port firms. */
  int registeredCompanies() {
    return companyCount + portFirms.count();
  }

  /** The terminal where a network's first port insider works, or -1 without one. */
  int terminalOf(Network n) {
    List<Actor> insiders = n.all(Role.PORT_INSIDER);
    return insiders.isEmpty() ? -1 : insiderEmployers.get(insiders.get(0).person());
  }

  /** A terminal of a port, drawn. */
  int terminal(Rng r, String port) {
    return r.pick(portFirms.of(port, PortFirms.Kind.TERMINAL));
  }

  boolean isFront(int company) {
    return company >= SPECIAL && company < firstRandomCompany;
  }

  // ---------------------------------------------------------------- persons

  Person person(int i) {
    Rng r = Rng.of(seed, "person", i);
    Origin origin = Origin.values()[r.weighted(Origin.WEIGHTS)];
    boolean female = r.chance(0.45);
    int given = r.below((female ? origin.female : origin.male).length);
    int surname = Surnames.of(origin).draw(r);
    LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(r.below(47 * 365));
    boolean belgian = origin.livesInBelgium() || r.chance(0.03);
    Address address = address(r, belgian);
    Address earlier = null;
    int moved = -1;
    if (r.chance(0.15)) {
      earlier = address(r, belgian);
      moved = r.between(3, MONTHS - 3);
    }
    String mobile = belgian ? "+3247" + r.digits(7) : "+316" + r.between(1, 5) + r.digits(7);
    String iban = belgian ? belgianIban(r) : dutchIban(r);
    String passport = belgian ? r.letters(2) + r.digits(7) : dutchPassport(r);
    String[] g = (female ? origin.female : origin.male)[given];
    String email =
        ascii(g[0] + "." + Surnames.of(origin).variants(surname)[0]).replace(" ", "").toLowerCase()
            + (r.chance(0.5) ? String.valueOf(r.between(1, 99)) : "")
            + "@"
            + r.pick(MAIL);
    int employer = r.chance(0.7) ? employer(r) : -1;
    Integer insider = insiderEmployers.get(i);
    String port = PortFirms.portOf(address.city());
    if (insider != null) {
      employer = insider;
    } else if (port != null && !actors.containsKey(i)) {
      // of the networks' actors only the port insiders work in the port: the truth's role says
      // who inside the port helps
      Rng job = Rng.of(seed, "port-job", i);
      if (job.chance(PORT_JOBS)) {
        employer = job.pick(portStaffing.get(port));
      }
    }
    return new Person(
        i, origin, female, given, surname, birth, address, earlier, moved, mobile, iban, passport,
        email, employer);
  }

  private int employer(Rng r) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int j = r.between(firstRandomCompany, companyCount - 1);
      Company c = company(j);
      if ((c.country().equals("nl") || c.country().equals("be"))
          && c.sector() != Company.Sector.REAL_ESTATE) {
        return j;
      }
    }
    return r.chance(0.5) ? RETAIL_A : RETAIL_B;
  }

  Address address(Rng r, boolean belgian) {
    String[] city = belgian ? r.pick(BE_CITIES) : r.pick(NL_CITIES);
    String street = belgian ? r.pick(BE_STREETS) : r.pick(NL_STREETS);
    String number = String.valueOf(r.between(1, 240)) + (r.chance(0.15) ? "a" : "");
    String postcode =
        belgian
            ? city[1] + r.digits(2)
            : city[1]
                + r.between(10, 99)
                + " "
                + (char) ('A' + r.below(26))
                + (char) ('A' + r.below(26));
    return new Address(street, number, postcode, city[0], belgian ? "be" : "nl");
  }

  static String dutchIban(Rng r) {
    return Iban.withCheckDigits("NL", r.pick(NL_BANKS) + "0" + r.digits(9));
  }

  static String belgianIban(Rng r) {
    String first = r.pick(BE_BANKS) + r.digits(7);
    long check = Long.parseLong(first) % 97;
    return Iban.withCheckDigits("BE", first + String.format("%02d", check == 0 ? 97 : check));
  }

  static String foreignIban(Rng r, String country) {
    return switch (country) {
      case "ae" -> Iban.withCheckDigits("AE", r.digits(3) + r.digits(16));
      case "tr" -> Iban.withCheckDigits("TR", r.digits(5) + "0" + r.digits(16));
      case "be" -> belgianIban(r);
      default -> dutchIban(r);
    };
  }

  private static String dutchPassport(Rng r) {
    String letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
    StringBuilder b = new StringBuilder();
    b.append(letters.charAt(r.below(letters.length())));
    b.append(letters.charAt(r.below(letters.length())));
    String alnum = letters + "0123456789";
    for (int k = 0; k < 6; k++) {
      b.append(alnum.charAt(r.below(alnum.length())));
    }
    b.append(r.digits(1));
    return b.toString();
  }

  /** Strips diacritics the way systems limited to ASCII do ("Yılmaz" to "Yilmaz"). */
  static String ascii(String s) {
    String d = Normalizer.normalize(s.replace("ı", "i").replace("İ", "I"), Normalizer.Form.NFD);
    return d.replaceAll("\\p{M}", "");
  }

  // ---------------------------------------------------------------- companies

  private record FrontSpec(Network.Kind kind, int slot, int director, int owner, String base) {}

  private static final String[] NL_BASES = {
    "Maas", "Delta", "Rijnmond", "Noordzee", "Haven", "Oranje", "Polder", "Kade", "Atlas", "Euro",
    "Global", "Zuidwal", "Waal", "Kroon", "Tulp", "Vlaggeship", "Botlek", "Pernis", "Merwe", "Lek"
  };
  private static final String[] NL_ACTIVITIES = {
    "Transport",
    "Logistics",
    "Fresh Import",
    "Installatietechniek",
    "Bouw",
    "Schoonmaak",
    "Autohandel",
    "Horeca",
    "Beveiliging",
    "Consultancy",
    "Trading",
    "Vastgoed",
    "Groothandel"
  };
  private static final String[] LATAM_BASES = {
    "Frutas del Pacífico", "Bananera El Oro", "Agro Export Andina", "Exportadora Santa Rosa",
    "Tropical Fruits", "Café Sierra Nevada", "Flores de la Sabana", "Mariscos del Sur"
  };
  private static final String[] QUALIFIERS = {
    "Noord", "Zuid", "Oost", "West", "Groep", "International", "Holland", "& Zonen", "Partners",
    "Service", "Europe", "Direct", "Centrum", "Totaal", "Plus", "Benelux", "Rijnmond", "Delta",
    "Express", "Select", "Premium", "Trust", "United", "Brothers"
  };
  private static final String[] LATAM_PLACES = {
    "Machala",
    "Guayas",
    "Santa Marta",
    "Urabá",
    "Quevedo",
    "El Guabo",
    "Pasaje",
    "Naranjal",
    "Milagro",
    "Babahoyo",
    "Apartadó",
    "Turbo",
    "Ciénaga",
    "Aracataca",
    "Manabí",
    "Los Ríos",
    "Esmeraldas",
    "Santo Domingo",
    "Carepa",
    "Chigorodó",
    "Montería",
    "Sincelejo",
    "Itajaí",
    "Paranaguá",
    "Registro",
    "Tumbes",
    "Piura",
    "Chiclayo",
    "Trujillo",
    "Huacho"
  };
  private static final String[] AE_BASES = {
    "Golden Falcon", "Desert Rose", "Al Noor", "Palm Crest"
  };
  private static final String[] HK_SURNAMES = {
    "Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Leung", "Ho", "Lam", "Tang", "Yip", "Kwok",
    "Chow", "Tsang", "Lai", "Mak", "Fung", "Yeung", "Tse", "Siu", "Kwan", "Chu", "Poon", "Law"
  };
  private static final String[] TR_BASES = {"Anadolu", "Bosphorus", "Ege", "Marmara", "Toros"};
  private static final String[] HK_BASES = {
    "Pacific Bright", "Dragon Pearl", "Harbour Star", "Golden Lotus", "Jade Gate"
  };

  Company company(int j) {
    Integer redraw = redraws.get(j);
    Rng r = redraw == null ? Rng.of(seed, "company", j) : Rng.of(seed, "company#" + redraw, j);
    if (portFirms.contains(j)) {
      return portFirm(j);
    }
    FrontSpec front = fronts.get(j);
    if (j < SPECIAL) {
      return special(j, r);
    }
    if (front != null) {
      return frontCompany(j, r, front);
    }
    double u = r.unit();
    if (u < 0.72) {
      boolean be = r.chance(0.2);
      Company.Sector sector =
          r.pick(
              new Company.Sector[] {
                Company.Sector.RETAIL, Company.Sector.TRANSPORT, Company.Sector.SERVICES,
                Company.Sector.IMPORT, Company.Sector.REAL_ESTATE, Company.Sector.SERVICES
              });
      // a word such as "Delta" or "Kroon" is shared by many firms, so it comes with a founder
      String base = r.chance(0.5) ? bareSurname(r) : r.pick(NL_BASES) + " " + bareSurname(r);
      String activity =
          switch (sector) {
            case TRANSPORT -> "Transport";
            case IMPORT -> r.chance(0.5) ? "Fresh Import" : "Trading";
            case REAL_ESTATE -> "Vastgoed";
            default -> r.pick(NL_ACTIVITIES);
          };
      LegalForm form = be ? LegalForm.BE_BV : r.chance(0.85) ? LegalForm.BV : LegalForm.VOF;
      Address seat = address(r, be);
      // trade names are protected, so two companies rarely share one: a place or a word sets it
      // apart
      if (r.chance(0.9)) {
        base = base + " " + (r.chance(0.4) ? seat.city() : r.pick(QUALIFIERS));
      }
      return registered(j, r, base, activity, form, sector, seat);
    }
    if (u < 0.86) {
      LegalForm form = r.pick(new LegalForm[] {LegalForm.SA, LegalForm.SAS, LegalForm.LTDA});
      return registered(
          j,
          r,
          r.pick(LATAM_BASES)
              + " "
              + founders(r, Origin.COLOMBIAN, " y ")
              + " "
              + r.pick(LATAM_PLACES),
          r.chance(0.5) ? "Export" : "",
          form,
          Company.Sector.EXPORTER,
          foreignAddress(r, form.country));
    }
    if (u < 0.91) {
      return registered(
          j,
          r,
          r.pick(HK_BASES) + " " + founders(r, HK_SURNAMES, " & ") + " " + r.pick(QUALIFIERS),
          "Trading",
          LegalForm.HK_LTD,
          Company.Sector.EXPORTER,
          foreignAddress(r, "hk"));
    }
    if (u < 0.96) {
      return registered(
          j,
          r,
          founders(r, Origin.TURKISH, " ") + " " + r.pick(TR_BASES) + " " + r.pick(QUALIFIERS),
          "Dış Ticaret",
          LegalForm.LTD_STI,
          Company.Sector.TRADING,
          foreignAddress(r, "tr"));
    }
    return registered(
        j,
        r,
        r.pick(AE_BASES) + " " + founders(r, Origin.MOROCCAN, " & ") + " " + r.pick(QUALIFIERS),
        "General Trading",
        LegalForm.FZE,
        Company.Sector.TRADING,
        foreignAddress(r, "ae"));
  }

  /**
   * One or two founders' surnames, as foreign trading houses are often named: with the base and a
   * place or qualifier they make names that distinct companies rarely share (registers protect
   * trade names), at every scale the generator runs.
   */
  private static String founders(Rng r, Origin origin, String joiner) {
    String[] pool = new String[origin.surnames.length];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = origin.surnames[i][0];
    }
    return founders(r, pool, joiner);
  }

  private static String founders(Rng r, String[] pool, String joiner) {
    String first = pool[r.below(pool.length)];
    return r.chance(0.5) ? first : first + joiner + pool[r.below(pool.length)];
  }

  private static String bareSurname(Rng r) {
    Origin o = Origin.values()[r.weighted(Origin.WEIGHTS)];
    return o.surnames[r.below(o.surnames.length)][0].replaceFirst("^(de|van|van den|van der) ", "");
  }

  private Company portFirm(int j) {
    PortFirms.Spec s = portFirms.spec(j);
    Rng r = Rng.of(seed, "port-firm", j - portFirms.first);
    boolean be = s.port().equals("BEANR");
    Address seat =
        new Address(
            s.street(),
            String.valueOf(r.between(1, 400)),
            s.postcode(),
            PortFirms.city(s.port()),
            be ? "be" : "nl");
    int space = s.name().lastIndexOf(' ');
    return registered(
        j,
        r,
        s.name().substring(0, space),
        s.name().substring(space + 1),
        be ? LegalForm.BE_BV : LegalForm.BV,
        Company.Sector.PORT,
        seat);
  }

  private Company registered(
      int j,
      Rng r,
      String base,
      String activity,
      LegalForm form,
      Company.Sector sector,
      Address a) {
    String reg =
        switch (a.country()) {
          case "nl" -> r.digits(8);
          case "be" -> "0" + r.between(200, 999) + "." + r.digits(3) + "." + r.digits(3);
          case "ae" -> "DMCC-" + r.digits(6);
          case "tr" -> r.digits(16);
          case "hk" -> r.digits(8);
          default -> r.digits(10);
        };
    LocalDate incorporated = LocalDate.of(1990, 1, 1).plusDays(r.below(32 * 365));
    int director = r.below(scale);
    int owner = r.chance(0.6) ? director : r.below(scale);
    boolean local = a.country().equals("nl") || a.country().equals("be");
    String iban = foreignIban(r, a.country());
    String name = (base + " " + activity).replaceAll("\\s+", " ").strip();
    int space = name.lastIndexOf(' ');
    return new Company(
        j,
        space < 0 ? name : name.substring(0, space),
        space < 0 ? "" : name.substring(space + 1),
        form,
        a,
        reg,
        iban,
        incorporated,
        local ? director : -1,
        local ? owner : -1,
        sector);
  }

  private static Address foreignAddress(Rng r, String country) {
    String[] city =
        switch (country) {
          case "ae" -> new String[] {"Dubai", "Jebel Ali Free Zone"};
          case "tr" -> new String[] {"Istanbul", "Mersin"};
          case "hk" -> new String[] {"Hong Kong", "Kowloon"};
          case "co" -> new String[] {"Medellín", "Cartagena"};
          case "br" -> new String[] {"Santos", "São Paulo"};
          default -> new String[] {"Guayaquil", "Machala"};
        };
    return new Address(
        r.pick(new String[] {"Av. Principal", "Sheikh Zayed Road", "Harbour Road", "Calle 10"}),
        String.valueOf(r.between(1, 900)),
        r.digits(5),
        r.pick(city),
        country);
  }

  private Company special(int j, Rng r) {
    String[][] names = {
      {"Versmarkt Holland", "Supermarkten"},
      {"DagVers", "Supermarkten"},
      {"Maasstad", "Wonen"},
      {"Woonbron Zuid", "Verhuur"},
      {"Noordzee", "Energie"},
      {"Coinvault Europe", "Exchange"}
    };
    Company.Sector[] sectors = {
      Company.Sector.RETAIL, Company.Sector.RETAIL, Company.Sector.HOUSING,
      Company.Sector.HOUSING, Company.Sector.SERVICES, Company.Sector.CRYPTO_EXCHANGE
    };
    Address a = new Address("Wilhelminakade", String.valueOf(10 + j), "3072 AP", "Rotterdam", "nl");
    return new Company(
        j,
        names[j][0],
        names[j][1],
        LegalForm.BV,
        a,
        r.digits(8),
        dutchIban(r),
        LocalDate.of(1995 + j, 3, 1),
        r.below(scale),
        -1,
        sectors[j]);
  }

  private Company frontCompany(int j, Rng r, FrontSpec f) {
    boolean antwerp = f.kind() == Network.Kind.COCAINE_ANTWERP;
    return switch (f.slot()) {
      case 0 ->
          withOwners(
              registered(
                  j,
                  r,
                  f.base(),
                  f.kind().cocaine() ? "Fresh Import" : "Chemicals Trading",
                  antwerp ? LegalForm.BE_BV : LegalForm.BV,
                  Company.Sector.IMPORT,
                  address(r, antwerp)),
              f);
      case 1 ->
          withOwners(
              registered(
                  j,
                  r,
                  person(f.director()).lastName().replaceFirst("^(de|van|van den|van der) ", ""),
                  "Transport",
                  LegalForm.BV,
                  Company.Sector.TRANSPORT,
                  address(r, false)),
              f);
      case 2 ->
          withOwners(
              registered(
                  j,
                  r,
                  f.base(),
                  "Vastgoed",
                  LegalForm.BV,
                  Company.Sector.REAL_ESTATE,
                  address(r, false)),
              f);
      case 3 ->
          withOwners(
              registered(
                  j,
                  r,
                  r.pick(AE_BASES) + " " + founders(r, Origin.MOROCCAN, " & "),
                  "General Trading",
                  LegalForm.FZE,
                  Company.Sector.TRADING,
                  foreignAddress(r, "ae")),
              f);
      case 4 ->
          withOwners(
              registered(
                  j,
                  r,
                  founders(r, Origin.TURKISH, " ") + " " + r.pick(TR_BASES),
                  "Dış Ticaret",
                  LegalForm.LTD_STI,
                  Company.Sector.TRADING,
                  foreignAddress(r, "tr")),
              f);
      case 5 ->
          withOwners(
              registered(
                  j,
                  r,
                  f.base(),
                  "Telecom & Travel",
                  LegalForm.VOF,
                  Company.Sector.MONEY_TRANSFER,
                  address(r, false)),
              f);
      default ->
          withOwners(
              registered(
                  j,
                  r,
                  r.pick(AE_BASES) + " " + founders(r, Origin.MOROCCAN, " & "),
                  "Exchange",
                  LegalForm.LLC,
                  Company.Sector.MONEY_TRANSFER,
                  foreignAddress(r, "ae")),
              f);
    };
  }

  private static Company withOwners(Company c, FrontSpec f) {
    return new Company(
        c.index(),
        c.base(),
        c.activity(),
        c.form(),
        c.address(),
        c.registration(),
        c.iban(),
        c.incorporated(),
        f.director(),
        f.owner(),
        c.sector());
  }

  // ---------------------------------------------------------------- networks

  private List<Network> buildNetworks(int count) {
    Rng r = Rng.of(seed, "networks", 0);
    Set<Integer> taken = new HashSet<>();
    List<Network> out = new ArrayList<>();
    Set<String> handles = new HashSet<>();
    for (int n = 0; n < count; n++) {
      String id = String.format("N%03d", n + 1);
      Network.Kind kind = Network.Kind.values()[n % Network.Kind.values().length];
      List<Role> roles = new ArrayList<>();
      roles.add(Role.LEADER);
      if (r.chance(0.3)) {
        roles.add(Role.LEADER);
      }
      Collections.addAll(
          roles,
          Role.BROKER,
          Role.BROKER,
          Role.PORT_INSIDER,
          Role.PORT_INSIDER,
          Role.NOTARY,
          Role.ACCOUNTANT,
          Role.TRANSPORTER,
          Role.LAUNDERER,
          Role.LAUNDERER);
      for (int k = r.between(3, 5); k > 0; k--) {
        roles.add(Role.COURIER);
      }
      for (int k = r.between(4, 6); k > 0; k--) {
        roles.add(Role.MULE);
      }
      for (int k = r.between(3, 8); k > 0; k--) {
        roles.add(Role.MEMBER);
      }
      List<Actor> actorsOfNetwork = new ArrayList<>();
      boolean slavic = false;
      for (Role role : roles) {
        int p;
        boolean needSlavic = role == Role.MEMBER && !slavic;
        do {
          p = r.below(scale);
        } while (taken.contains(p)
            || !fits(role, kind, person(p))
            || (needSlavic && person(p).origin() != Origin.EAST_SLAVIC));
        taken.add(p);
        slavic |= needSlavic;
        List<String> hs = new ArrayList<>();
        if (role != Role.NOTARY && role != Role.ACCOUNTANT && role != Role.MULE) {
          int count2 = r.chance(0.3) ? 2 : 1;
          while (hs.size() < count2) {
            String h =
                r.pick(HANDLE_WORDS) + r.pick(HANDLE_ANIMALS) + (r.chance(0.5) ? r.digits(2) : "");
            if (handles.add(h)) {
              hs.add(h);
            }
          }
        }
        Actor a =
            new Actor(
                p, id, role, nickname(r.pick(NICKNAMES), id, actorsOfNetwork), List.copyOf(hs));
        actorsOfNetwork.add(a);
        actors.put(p, a);
      }
      int base = SPECIAL + FRONTS_PER_NETWORK * n;
      Network net =
          new Network(
              id,
              kind,
              List.copyOf(actorsOfNetwork),
              base,
              base + 1,
              base + 2,
              base + 3,
              base + 4,
              base + 5,
              base + 6);
      String word = r.pick(NL_BASES);
      int broker = net.first(Role.BROKER).person();
      int leader = net.first(Role.LEADER).person();
      int launderer = net.first(Role.LAUNDERER).person();
      int mule = net.first(Role.MULE).person();
      int transporter = net.first(Role.TRANSPORTER).person();
      int member = net.all(Role.MEMBER).get(0).person();
      fronts.put(base, new FrontSpec(kind, 0, broker, launderer, word));
      fronts.put(base + 1, new FrontSpec(kind, 1, transporter, transporter, word));
      fronts.put(base + 2, new FrontSpec(kind, 2, mule, leader, word));
      fronts.put(base + 3, new FrontSpec(kind, 3, launderer, launderer, word));
      fronts.put(
          base + 4, new FrontSpec(kind, 4, net.all(Role.BROKER).get(1).person(), leader, word));
      fronts.put(base + 5, new FrontSpec(kind, 5, member, member, word));
      fronts.put(base + 6, new FrontSpec(kind, 6, launderer, launderer, word));
      out.add(net);
    }
    return List.copyOf(out);
  }

  private static boolean fits(Role role, Network.Kind kind, Person p) {
    int age = 2023 - p.birthDate().getYear();
    if (role == Role.LEADER && (age < 35 || p.female())) {
      return false;
    }
    if (role == Role.COURIER && age > 45) {
      return false;
    }
    if (kind == Network.Kind.COCAINE_ANTWERP && role == Role.PORT_INSIDER) {
      return p.address().country().equals("be");
    }
    if (role == Role.PORT_INSIDER) {
      return p.address().country().equals("nl") && p.address().city().equals("Rotterdam");
    }
    return true;
  }

  /** Phone {@code k} of the prepaid phones a network's couriers and insiders share. */
  /**
   * The nickname drawn for a network's next member, or, when a fellow member already goes by it,
   * one of the rarer nicknames no fellow goes by (from a stream of its own, so that the rest of the
   * world is drawn as before).
   */
  private String nickname(String drawn, String network, List<Actor> fellows) {
    Set<String> taken = new HashSet<>();
    fellows.forEach(f -> taken.add(f.nickname()));
    if (!taken.contains(drawn)) {
      return drawn;
    }
    Rng r = Rng.of(seed, "nickname-" + network, fellows.size());
    String other;
    do {
      other = r.pick(RARER_NICKNAMES);
    } while (taken.contains(other));
    return other;
  }

  String burner(Network n, int k) {
    Rng r = Rng.of(seed, "burner-" + n.id(), k);
    return "+316" + r.between(1, 5) + r.digits(7);
  }

  /** The Dutch way of writing a mobile number: "06-12345678", "0612345678" or "+31 6 1234 5678". */
  static String dutchPhone(Rng r, String e164) {
    if (!e164.startsWith("+316")) {
      return e164;
    }
    String rest = e164.substring(4);
    return switch (r.below(3)) {
      case 0 -> "06-" + rest;
      case 1 -> "06" + rest;
      default -> "+31 6 " + rest.substring(0, 4) + " " + rest.substring(4);
    };
  }
}
