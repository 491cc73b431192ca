package org.spil.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spil.model.types.Identifiers;

/**
 * The container trade of the scenario: legal shipments from South America, Hong Kong and Turkey to
 * Rotterdam and Antwerp, and the networks' shipments with cocaine hidden among fruit, precursor
 * chemicals from Hong Kong and synthetic drugs going out. From {@link World#ROUTE_MONTH} the
 * cocaine networks switch most shipments to transhipment through Lomé, Togo, and legal trade over
 * Lomé grows too: the emerging route. Legal shipments are computed from their index (streamable);
 * the networks' shipments are a small list.
 */
final class Trade {
  private static final String[] OWNERS = {
    "MSKU", "MSCU", "CMAU", "HLXU", "ONEU", "EGHU", "TGHU", "SUDU"
  };
  private static final String[] VESSEL_PREFIX = {
    "MSC", "Maersk", "CMA CGM", "Cap", "Santa", "Nordic"
  };
  private static final String[] VESSEL_WORD = {
    "Aurora",
    "Valparaiso",
    "Esmeralda",
    "Ebro",
    "Guayas",
    "Lotus",
    "Pacifica",
    "Orinoco",
    "Magdalena",
    "Atlantis",
    "Hamburg",
    "Bravo",
    "Condor",
    "Sirius"
  };
  static final int FLEET = 48;

  final World world;
  final Ports ports;
  final int legalCount;
  private final List<Shipment> networkShipments;
  private final Map<String, int[]> bySectorAndCountry;

  Trade(World world, Ports ports) {
    this.world = world;
    this.ports = ports;
    this.legalCount = Math.max(200, world.scale / 2);
    this.bySectorAndCountry = index(world);
    this.networkShipments = planNetworkShipments();
  }

  List<Shipment> networkShipments() {
    return networkShipments;
  }

  record Vessel(String name, String imo) {}

  Vessel vessel(int k) {
    Rng r = Rng.of(world.seed, "vessel", k);
    String six = String.valueOf(r.between(900000, 989999));
    String name = r.pick(VESSEL_PREFIX) + " " + r.pick(VESSEL_WORD);
    return new Vessel(name, six + Identifiers.imoCheckDigit(six));
  }

  /**
   * The bill of lading of a shipment: customs declares it, the payments for it may name it. Unique,
   * as a carrier's numbers are: the shipment's number (legal and network shipments apart) scrambled
   * by a bijection of the nine-digit numbers, shifted by the seed.
   */
  String billOfLading(Shipment s) {
    String id = s.id();
    long number = Long.parseLong(id.substring(4, 16));
    long n = 2 * number + (id.endsWith("N") ? 1 : 0);
    long offset = Rng.of(world.seed, "bill-of-lading", 0).between(0, 999_999_999);
    // 3^18 shares no factor with 10^9, so multiplying by it permutes the nine-digit numbers
    long scrambled = Math.floorMod(n * 387_420_489L + offset, 1_000_000_000L);
    return String.format("BL%09d", scrambled);
  }

  static String container(Rng r) {
    String ten = r.pick(OWNERS) + r.digits(6);
    return ten + Identifiers.containerCheckDigit(ten);
  }

  /**
   * A cocaine network's container number: now and then (15%) the cloned number of a container in
   * legal trade the same month, so that the drugs' container passes for a known one.
   */
  private String clonedOr(String own, int seq, int month) {
    Rng r = Rng.of(world.seed, "clone", seq);
    if (!r.chance(0.15)) {
      return own;
    }
    long first = ((long) month * legalCount + World.MONTHS - 1) / World.MONTHS;
    long next = ((long) (month + 1) * legalCount + World.MONTHS - 1) / World.MONTHS;
    if (next <= first) {
      return own;
    }
    return legal((int) (first + r.below((int) (next - first)))).container();
  }

  /** The month of legal shipment {@code k}: shipments are numbered in time order. */
  int legalMonth(long k) {
    return (int) (k * World.MONTHS / legalCount);
  }

  Shipment legal(int k) {
    Rng r = Rng.of(world.seed, "shipment", k);
    int month = legalMonth(k);
    int consignor = companyOf(r, Company.Sector.EXPORTER, null);
    Company from = world.company(consignor);
    boolean antwerp = r.chance(0.25);
    int consignee = companyOf(r, Company.Sector.IMPORT, antwerp ? "be" : "nl");
    String loading = loadingPort(r, from.country());
    String transhipment = null;
    double lome = month < World.ROUTE_MONTH ? 0 : 0.01 + 0.004 * (month - World.ROUTE_MONTH);
    if (!from.country().equals("hk") && !from.country().equals("tr") && r.chance(lome)) {
      transhipment = "TGLFW";
    } else if (r.chance(0.2)) {
      transhipment = ports.pick(r, "PABLB", "ESALG", "MAPTM").locode();
    }
    String goods = goods(r, from.country());
    LocalDate arrival = World.START.plusMonths(month).plusDays(r.below(28));
    boolean ripOn = !from.country().equals("hk") && !from.country().equals("tr") && r.chance(0.003);
    String port = antwerp ? "BEANR" : "NLRTM";
    Rng t = Rng.of(world.seed, "terminal", k);
    int terminal = world.terminal(t, port);
    if (ripOn) {
      Network n = ripOnNetwork(t, port);
      if (n != null) {
        terminal = world.terminalOf(n);
      }
    }
    return new Shipment(
        String.format("%02dNL%012dL", 23 + month / 12, k),
        month,
        arrival,
        null,
        consignor,
        consignee,
        container(r),
        r.below(FLEET),
        loading,
        transhipment,
        antwerp ? "BEANR" : "NLRTM",
        goods,
        r.between(4000, 26000),
        r.between(8, 180) * 1000L,
        ripOn ? "cocaïne" : null,
        ripOn ? r.between(20, 300) : 0,
        ripOn,
        terminal);
  }

  /**
   * The network whose insiders take the drugs out of legal cargo at a port: one of the cocaine
   * networks working that port, drawn; null when none does.
   */
  Network ripOnNetwork(Rng r, String port) {
    List<Network> candidates =
        world.networks.stream()
            .filter(n -> n.kind().cocaine() && n.kind().port.equals(port))
            .toList();
    return candidates.isEmpty() ? null : r.pick(candidates);
  }

  /** The terminal of a network's shipment: mostly where its insider works, in the same port. */
  private int networkTerminal(Network n, int seq, String port) {
    Rng t = Rng.of(world.seed, "terminal-n", seq);
    int own = world.terminalOf(n);
    boolean same = own >= 0 && world.portFirms.spec(own).port().equals(port);
    return same && t.chance(0.8) ? own : world.terminal(t, port);
  }

  private String loadingPort(Rng r, String country) {
    return switch (country) {
      case "ec" -> ports.pick(r, "ECGYE", "ECPBO").locode();
      case "co" -> ports.pick(r, "COTRB", "COCTG", "COBUN", "COSMR").locode();
      case "br" -> ports.pick(r, "BRSSZ", "BRPNG", "BRRIG").locode();
      case "hk" -> ports.pick(r, "HKHKG").locode();
      case "tr" -> ports.pick(r, "TRMER", "TRAMR").locode();
      default -> ports.pick(r, "ECGYE").locode();
    };
  }

  private static String goods(Rng r, String country) {
    return switch (country) {
      case "ec" -> r.pick(new String[] {"bananen", "bananen", "garnalen (bevroren)", "cacaobonen"});
      case "co" -> r.pick(new String[] {"bananen", "koffiebonen", "snijbloemen", "avocado's"});
      case "br" -> r.pick(new String[] {"koffiebonen", "sojabonen", "sinaasappelsap (bevroren)"});
      case "hk" -> r.pick(new String[] {"elektronica", "mobiele telefoons", "textiel"});
      case "tr" -> r.pick(new String[] {"textiel", "gedroogde vijgen", "hazelnoten"});
      default -> "stukgoed";
    };
  }

  /** A company of the sector (and country, if given; any country if it has none). */
  int companyOf(Rng r, Company.Sector sector, String country) {
    int[] candidates = country == null ? null : bySectorAndCountry.get(sector + "/" + country);
    if (candidates == null) {
      candidates = bySectorAndCountry.get(sector + "/*");
    }
    if (candidates == null) {
      throw new IllegalStateException("no " + sector + " company among " + world.companyCount);
    }
    return candidates[r.below(candidates.length)];
  }

  /** Company indices (fronts excluded) by "SECTOR/country" and "SECTOR/*", in index order. */
  private static Map<String, int[]> index(World world) {
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int j = 0; j < world.companyCount; j++) {
      if (world.isFront(j)) {
        continue;
      }
      Company c = world.company(j);
      lists.computeIfAbsent(c.sector() + "/" + c.country(), k -> new ArrayList<>()).add(j);
      lists.computeIfAbsent(c.sector() + "/*", k -> new ArrayList<>()).add(j);
    }
    Map<String, int[]> out = new HashMap<>();
    lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  private List<Shipment> planNetworkShipments() {
    List<Shipment> out = new ArrayList<>();
    int seq = 0;
    for (Network n : world.networks) {
      Rng r = Rng.of(world.seed, "network-shipments", seq);
      int month = r.between(1, 3);
      while (month < World.MONTHS) {
        seq++;
        LocalDate arrival = World.START.plusMonths(month).plusDays(r.below(28));
        String id = String.format("%02dNL%012dN", 23 + month / 12, seq);
        if (n.kind().cocaine()) {
          int consignor = companyOf(r, Company.Sector.EXPORTER, r.chance(0.5) ? "ec" : "co");
          Company from = world.company(consignor);
          boolean newRoute = month >= World.ROUTE_MONTH && r.chance(0.7);
          String transhipment =
              newRoute ? "TGLFW" : r.chance(0.3) ? ports.pick(r, "PABLB").locode() : null;
          out.add(
              new Shipment(
                  id,
                  month,
                  arrival,
                  n.id(),
                  consignor,
                  n.importer(),
                  clonedOr(container(r), seq, month),
                  r.below(FLEET),
                  loadingPort(r, from.country()),
                  transhipment,
                  n.kind().port,
                  r.chance(0.7) ? "bananen" : "ananas",
                  r.between(18000, 24000),
                  r.between(20, 45) * 1000L,
                  "cocaïne",
                  r.between(40, 1500),
                  r.chance(0.3),
                  networkTerminal(n, seq, n.kind().port)));
        } else if (r.chance(0.5)) {
          int consignor = companyOf(r, Company.Sector.EXPORTER, "hk");
          out.add(
              new Shipment(
                  id,
                  month,
                  arrival,
                  n.id(),
                  consignor,
                  n.importer(),
                  container(r),
                  r.below(FLEET),
                  ports.pick(r, "HKHKG").locode(),
                  null,
                  "NLRTM",
                  "chemicaliën (industrieel)",
                  r.between(2000, 9000),
                  r.between(15, 60) * 1000L,
                  "BMK-glycidaat",
                  r.between(200, 3000),
                  r.chance(0.25),
                  networkTerminal(n, seq, "NLRTM")));
        } else {
          out.add(
              new Shipment(
                  id,
                  month,
                  arrival,
                  n.id(),
                  n.importer(),
                  n.tradingTr(),
                  container(r),
                  r.below(FLEET),
                  "NLRTM",
                  null,
                  ports.pick(r, "TRMER", "AUSYD").locode(),
                  "machineonderdelen",
                  r.between(3000, 12000),
                  r.between(20, 80) * 1000L,
                  r.chance(0.5) ? "MDMA" : "amfetamine",
                  r.between(50, 800),
                  r.chance(0.2),
                  networkTerminal(n, seq, "NLRTM")));
        }
        month += r.between(1, 3);
      }
    }
    return List.copyOf(out);
  }
}
