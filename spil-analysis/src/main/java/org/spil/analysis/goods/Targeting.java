package org.spil.analysis.goods;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shipment risk targeting: each shipment scored by the weighted {@link Indicator}s it shows, each
 * hit with the reason in words, highest score first. The caller says what it knows of each
 * consignee ({@link Consignee}); the route history and the value per kilogram are worked out here
 * from the shipments themselves. Deterministic: the same shipments give the same ranking.
 */
public final class Targeting {
  /** Countries known as transit countries of the cocaine trade to Europe (EMCDDA, UNODC). */
  public static final Set<String> TRANSIT_COUNTRIES =
      Set.of("tg", "gh", "ci", "bj", "gn", "gw", "sn", "cv", "pa", "do", "cr", "jm", "sr", "gy");

  /** Cells with fewer shipments than this compare with all shipments of the goods instead. */
  static final int MIN_CELL = 20;

  /** How many median absolute deviations from the median a value per kilogram must be. */
  static final double FAR = 4.0;

  /** Goods below this share of a port's loadings are unusual there. */
  static final double RARE_SHARE = 0.02;

  /** Ports with fewer loadings than this say nothing of what is usual there. */
  static final int MIN_PORT = 50;

  /** Days within which the same container number on two shipments means a clone. */
  static final int CLONE_DAYS = 21;

  /** Days after a chemical import within which an export by the importer is downstream. */
  static final int DOWNSTREAM_DAYS = 365;

  /** Words of goods descriptions that name chemicals or drug precursors (lower case, prefixes). */
  static final List<String> CHEMICAL_WORDS =
      List.of(
          "chemic",
          "chemisch",
          "chimique",
          "precursor",
          "precursor",
          "bmk",
          "pmk",
          "apaan",
          "safrol",
          "methylamine",
          "formamide");

  private Targeting() {}

  /**
   * A shipment as targeting reads it: id, a label people know it by (container, route, goods),
   * ports as UN/LOCODEs, the consignee and consignor a caller's keys (null: unknown), the container
   * number (null: none declared).
   */
  public record Shipment(
      String id,
      String label,
      LocalDate day,
      String loading,
      String transhipment,
      String discharge,
      String consignee,
      String goods,
      double kilograms,
      double value,
      String consignor,
      String container) {}

  /**
   * What is known of a consignee (or, for an export, the Dutch or Belgian exporter: {@link
   * #localParty}): its name, when it was founded (null: unknown), the people behind it the police
   * or the prosecution name as suspects, and its trade-based alerts.
   */
  public record Consignee(
      String name, LocalDate founded, List<String> knownPeople, int tradeAlerts) {}

  /** An indicator a shipment shows: which, its weight, and why. */
  public record Hit(String name, double weight, String explanation) {}

  /**
   * A scored shipment: its id and label, score (the sum of its hits' weights), hits, and the
   * outcome of its inspection where the team recorded one (null: not inspected).
   */
  public record Target(
      String shipment, String label, double score, List<Hit> indicators, String inspection) {
    public Target withInspection(String outcome) {
      return new Target(shipment, label, score, indicators, outcome);
    }
  }

  /**
   * The shipments scored, highest first (ties by id), each with the indicators it shows under the
   * weights (an indicator with weight 0 is off).
   */
  public static List<Target> score(
      List<Shipment> shipments, Map<String, Consignee> consignees, Map<Indicator, Double> weights) {
    List<Shipment> byDay = new ArrayList<>(shipments);
    byDay.sort(
        Comparator.comparing(Shipment::day, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Shipment::id));
    Map<String, double[]> cells = valueCells(shipments);
    Map<String, Map<String, Integer>> goodsAtPort = new HashMap<>();
    Map<String, List<Shipment>> byContainer = new HashMap<>();
    Map<String, List<LocalDate>> chemicalImports = new HashMap<>();
    for (Shipment s : shipments) {
      String port = code(s.loading());
      if (port != null && s.goods() != null) {
        goodsAtPort
            .computeIfAbsent(port, k -> new HashMap<>())
            .merge(s.goods().strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
      if (s.container() != null && s.day() != null) {
        byContainer.computeIfAbsent(s.container(), k -> new ArrayList<>()).add(s);
      }
      if (s.consignee() != null && s.day() != null && local(s.discharge()) && chemical(s.goods())) {
        chemicalImports.computeIfAbsent(s.consignee(), k -> new ArrayList<>()).add(s.day());
      }
    }
    Map<String, Set<String>> routesSoFar = new HashMap<>();
    Map<String, Integer> importsSoFar = new HashMap<>();
    List<Target> out = new ArrayList<>();
    for (Shipment s : byDay) {
      List<Hit> hits = new ArrayList<>();
      String t = code(s.transhipment());
      if (t != null && TRANSIT_COUNTRIES.contains(t.substring(0, 2).toLowerCase(Locale.ROOT))) {
        hit(
            hits,
            weights,
            Indicator.TRANSIT_COUNTRY,
            "transhipped at " + t + ", in a transit country of the drug trade");
      }
      Set<String> seen = routesSoFar.computeIfAbsent(s.consignee(), k -> new HashSet<>());
      int before = importsSoFar.getOrDefault(s.consignee(), 0);
      if (t != null && before >= 3 && !seen.contains(t)) {
        hit(
            hits,
            weights,
            Indicator.NEW_TRANSHIPMENT,
            "the consignee's first shipment through " + t + " after " + before + " others");
      }
      if (t != null) {
        seen.add(t);
      }
      importsSoFar.merge(s.consignee(), 1, Integer::sum);
      Consignee c = consignees.get(localParty(s));
      if (c != null) {
        if (!c.knownPeople().isEmpty()) {
          hit(
              hits,
              weights,
              Indicator.LINKED_CONSIGNEE,
              "behind "
                  + c.name()
                  + ": "
                  + String.join(", ", c.knownPeople())
                  + ", suspects of the police or the prosecution");
        }
        if (c.founded() != null && s.day() != null && c.founded().plusYears(2).isAfter(s.day())) {
          hit(
              hits,
              weights,
              Indicator.YOUNG_CONSIGNEE,
              c.name() + " was founded on " + c.founded());
        }
        if (c.tradeAlerts() > 0) {
          hit(
              hits,
              weights,
              Indicator.TRADE_ALERTS,
              c.name()
                  + " has "
                  + c.tradeAlerts()
                  + " trade-based laundering alert"
                  + (c.tradeAlerts() == 1 ? "" : "s"));
        }
      }
      String far = farValue(s, cells);
      if (far != null) {
        hit(hits, weights, Indicator.VALUE_PER_KG, far);
      }
      String unusual = unusualGoods(s, goodsAtPort);
      if (unusual != null) {
        hit(hits, weights, Indicator.UNUSUAL_GOODS, unusual);
      }
      String clone = clone(s, byContainer.getOrDefault(s.container(), List.of()));
      if (clone != null) {
        hit(hits, weights, Indicator.CONTAINER_REUSED, clone);
      }
      String downstream = downstream(s, chemicalImports);
      if (downstream != null) {
        hit(hits, weights, Indicator.EXPORT_AFTER_PRECURSORS, downstream);
      }
      double score = hits.stream().mapToDouble(Hit::weight).sum();
      out.add(
          new Target(s.id(), s.label(), Math.round(score * 100) / 100.0, List.copyOf(hits), null));
    }
    out.sort(Comparator.comparingDouble(Target::score).reversed().thenComparing(Target::shipment));
    return out;
  }

  /**
   * The party in the Netherlands or Belgium whose people and history count: the consignor of an
   * export from a Dutch or Belgian port, else the consignee.
   */
  public static String localParty(Shipment s) {
    return local(s.loading()) && s.consignor() != null ? s.consignor() : s.consignee();
  }

  /** Whether a port is in the Netherlands or Belgium, where the data's imports arrive. */
  private static boolean local(String locode) {
    String c = code(locode);
    return c != null && (c.startsWith("NL") || c.startsWith("BE"));
  }

  /** Whether a goods description names chemicals or drug precursors ({@link #CHEMICAL_WORDS}). */
  public static boolean chemical(String goods) {
    if (goods == null) {
      return false;
    }
    String g = goods.toLowerCase(Locale.ROOT);
    for (String w : CHEMICAL_WORDS) {
      if (g.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static String unusualGoods(Shipment s, Map<String, Map<String, Integer>> goodsAtPort) {
    String port = code(s.loading());
    if (port == null || s.goods() == null) {
      return null;
    }
    Map<String, Integer> counts = goodsAtPort.get(port);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    int these = counts.getOrDefault(s.goods().strip().toLowerCase(Locale.ROOT), 0);
    if (total < MIN_PORT || these >= RARE_SHARE * total) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%s: %d of the %d shipments loaded at %s (%.1f%%)",
        s.goods(),
        these,
        total,
        port,
        100.0 * these / total);
  }

  private static String clone(Shipment s, List<Shipment> sameContainer) {
    for (Shipment o : sameContainer) {
      if (o != s
          && !o.id().equals(s.id())
          && Math.abs(o.day().toEpochDay() - s.day().toEpochDay()) <= CLONE_DAYS) {
        return String.format(
            Locale.ROOT,
            "container %s is also on %s, %s on %s",
            s.container(),
            o.label(),
            o.day().isBefore(s.day()) ? "arrived" : "arriving",
            o.day());
      }
    }
    return null;
  }

  private static String downstream(Shipment s, Map<String, List<LocalDate>> chemicalImports) {
    if (s.consignor() == null || s.day() == null || !local(s.loading())) {
      return null;
    }
    LocalDate latest = null;
    int count = 0;
    for (LocalDate d : chemicalImports.getOrDefault(s.consignor(), List.of())) {
      if (!d.isAfter(s.day()) && d.plusDays(DOWNSTREAM_DAYS).isAfter(s.day())) {
        count++;
        latest = latest == null || d.isAfter(latest) ? d : latest;
      }
    }
    if (count == 0) {
      return null;
    }
    return "the exporter imported chemicals "
        + count
        + (count == 1 ? " time" : " times")
        + " in the year before, last on "
        + latest;
  }

  private static void hit(List<Hit> hits, Map<Indicator, Double> weights, Indicator i, String why) {
    double w = weights.getOrDefault(i, i.weight());
    if (w != 0) {
      hits.add(new Hit(i.key(), w, why));
    }
  }

  private static String code(String locode) {
    return locode == null || locode.isBlank()
        ? null
        : locode.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** Per goods and origin country (and per goods alone), the median and MAD of log value per kg. */
  private static Map<String, double[]> valueCells(List<Shipment> shipments) {
    Map<String, List<Double>> lists = new HashMap<>();
    for (Shipment s : shipments) {
      if (s.goods() == null || s.kilograms() <= 0 || s.value() <= 0 || code(s.loading()) == null) {
        continue;
      }
      double v = Math.log(s.value() / s.kilograms());
      lists
          .computeIfAbsent(
              s.goods() + "|" + code(s.loading()).substring(0, 2), k -> new ArrayList<>())
          .add(v);
      lists.computeIfAbsent(s.goods() + "|*", k -> new ArrayList<>()).add(v);
    }
    Map<String, double[]> cells = new HashMap<>();
    lists.forEach(
        (k, l) -> {
          double[] a = l.stream().mapToDouble(Double::doubleValue).toArray();
          double median = median(a);
          double[] dev = Arrays.stream(a).map(x -> Math.abs(x - median)).toArray();
          cells.put(k, new double[] {median, median(dev), a.length});
        });
    return cells;
  }

  private static String farValue(Shipment s, Map<String, double[]> cells) {
    if (s.goods() == null || s.kilograms() <= 0 || s.value() <= 0 || code(s.loading()) == null) {
      return null;
    }
    String country = code(s.loading()).substring(0, 2);
    double[] cell = cells.get(s.goods() + "|" + country);
    String of = s.goods() + " from " + country.toUpperCase(Locale.ROOT);
    if (cell == null || cell[2] < MIN_CELL) {
      cell = cells.get(s.goods() + "|*");
      of = s.goods() + " from anywhere (too few from " + country.toUpperCase(Locale.ROOT) + ")";
    }
    if (cell == null || cell[2] < MIN_CELL) {
      return null;
    }
    double v = Math.log(s.value() / s.kilograms());
    // a floor of 5% on the deviation: identical prices are no reason to flag a cent's difference
    double z = (v - cell[0]) / (1.4826 * Math.max(cell[1], 0.05));
    if (Math.abs(z) < FAR) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "EUR %.2f a kilogram, against a median of EUR %.2f for %s (%.1f robust deviations %s)",
        s.value() / s.kilograms(),
        Math.exp(cell[0]),
        of,
        Math.abs(z),
        z > 0 ? "above" : "below");
  }

  private static double median(double[] a) {
    double[] b = a.clone();
    Arrays.sort(b);
    int n = b.length;
    return n % 2 == 1 ? b[n / 2] : (b[n / 2 - 1] + b[n / 2]) / 2;
  }

  /**
   * Weights from a file's text: lines {@code key = number}, blank lines and {@code #} comments
   * ignored; defaults for the indicators it does not name.
   *
   * @throws IllegalArgumentException naming the source, line, key and reason
   */
  public static Map<Indicator, Double> weights(String text, String source) {
    Map<Indicator, Double> out = new EnumMap<>(Indicator.class);
    for (Indicator i : Indicator.values()) {
      out.put(i, i.weight());
    }
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String where = source + ", line " + (n + 1) + ": ";
      if (eq < 0) {
        throw new IllegalArgumentException(where + "expected 'key = weight', not '" + line + "'");
      }
      String key = line.substring(0, eq).strip();
      Indicator i = Indicator.of(key);
      if (i == null) {
        throw new IllegalArgumentException(where + "no indicator '" + key + "'");
      }
      try {
        double w = Double.parseDouble(line.substring(eq + 1).strip());
        if (!(w >= 0 && w <= 100)) {
          throw new NumberFormatException();
        }
        out.put(i, w);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where
                + key
                + ": '"
                + line.substring(eq + 1).strip()
                + "' is not a weight from 0 to 100");
      }
    }
    return out;
  }
}
