package org.spil.analysis.goods;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
   * #localParty}): its name, when it was founded (null: unknown), the people behind it named as
   * suspects, and its trade-based alerts.
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
   * weights (an indicator with weight 0 is off). Works on arrays indexed by shipment, each port and
   * goods description normalised once: at a million shipments a map or a comparator per question
   * costs more than the questions.
   */
  public static List<Target> score(
      List<Shipment> shipments, Map<String, Consignee> consignees, Map<Indicator, Double> weights) {
    int n = shipments.size();
    Shipment[] all = shipments.toArray(new Shipment[0]);
    Map<String, Port> ports = new HashMap<>();
    Map<String, String> goodsKeys = new HashMap<>();
    Port[] loading = new Port[n];
    Port[] transhipment = new Port[n];
    String[] goods = new String[n];
    int[] day = new int[n];
    for (int i = 0; i < n; i++) {
      Shipment s = all[i];
      loading[i] = Port.of(s.loading(), ports);
      transhipment[i] = Port.of(s.transhipment(), ports);
      goods[i] =
          s.goods() == null
              ? null
              : goodsKeys.computeIfAbsent(s.goods(), g -> g.strip().toLowerCase(Locale.ROOT));
      day[i] = s.day() == null ? NO_DAY : (int) s.day().toEpochDay();
    }
    int[] idRank = idRanks(all);
    Cells cells = Cells.of(all, loading);
    Map<Port, Map<String, Integer>> goodsAtPort = new HashMap<>();
    Map<String, Integer> firstWith = new HashMap<>();
    int[] nextWith = new int[n];
    Map<String, List<Integer>> chemicalImports = new HashMap<>();
    for (int i = n - 1; i >= 0; i--) {
      Shipment s = all[i];
      if (loading[i] != null && goods[i] != null) {
        goodsAtPort
            .computeIfAbsent(loading[i], k -> new HashMap<>())
            .merge(goods[i], 1, Integer::sum);
      }
      nextWith[i] = -1;
      if (s.container() != null && day[i] != NO_DAY) {
        Integer after = firstWith.put(s.container(), i);
        nextWith[i] = after == null ? -1 : after;
      }
      if (s.consignee() != null
          && day[i] != NO_DAY
          && local(s.discharge())
          && chemical(s.goods())) {
        chemicalImports.computeIfAbsent(s.consignee(), k -> new ArrayList<>()).add(day[i]);
      }
    }
    Map<Port, Integer> loadedAt = new HashMap<>();
    goodsAtPort.forEach(
        (port, counts) ->
            loadedAt.put(port, counts.values().stream().mapToInt(Integer::intValue).sum()));
    long[] byDay = new long[n];
    for (int i = 0; i < n; i++) {
      // days from the earliest (none before all), then ids: both fit a long and sort as numbers
      byDay[i] = ((long) (day[i] == NO_DAY ? 0 : day[i] - Integer.MIN_VALUE / 2) << 32) | idRank[i];
    }
    Arrays.sort(byDay);
    int[] shipmentAt = new int[n];
    for (int i = 0; i < n; i++) {
      shipmentAt[idRank[i]] = i;
    }
    Map<String, History> histories = new HashMap<>();
    Target[] scored = new Target[n];
    long[] ranking = new long[n];
    for (int k = 0; k < n; k++) {
      int i = shipmentAt[(int) byDay[k]];
      Shipment s = all[i];
      List<Hit> hits = new ArrayList<>(4);
      Port t = transhipment[i];
      if (t != null && t.transit) {
        hit(
            hits,
            weights,
            Indicator.TRANSIT_COUNTRY,
            "transhipped at " + t.code + ", in a transit country of the drug trade");
      }
      History h = histories.computeIfAbsent(s.consignee(), c -> new History());
      if (t != null && h.imports >= 3 && !h.routes.contains(t.code)) {
        hit(
            hits,
            weights,
            Indicator.NEW_TRANSHIPMENT,
            "the consignee's first shipment through " + t.code + " after " + h.imports + " others");
      }
      if (t != null) {
        h.routes.add(t.code);
      }
      h.imports++;
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
                  + ", named as suspects");
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
      String far = cells.far(s, loading[i]);
      if (far != null) {
        hit(hits, weights, Indicator.VALUE_PER_KG, far);
      }
      if (loading[i] != null && goods[i] != null) {
        String unusual =
            unusualGoods(
                s, loading[i], goodsAtPort.get(loading[i]).get(goods[i]), loadedAt.get(loading[i]));
        if (unusual != null) {
          hit(hits, weights, Indicator.UNUSUAL_GOODS, unusual);
        }
      }
      if (s.container() != null && day[i] != NO_DAY) {
        String clone = clone(i, all, day, firstWith.get(s.container()), nextWith);
        if (clone != null) {
          hit(hits, weights, Indicator.CONTAINER_REUSED, clone);
        }
      }
      String downstream = downstream(s, day[i], chemicalImports);
      if (downstream != null) {
        hit(hits, weights, Indicator.EXPORT_AFTER_PRECURSORS, downstream);
      }
      double score = 0;
      for (Hit x : hits) {
        score += x.weight();
      }
      long cents = Math.round(score * 100);
      scored[i] = new Target(s.id(), s.label(), cents / 100.0, List.copyOf(hits), null);
      // highest score first, then ids
      ranking[k] = ((long) (Integer.MAX_VALUE - (int) cents) << 32) | idRank[i];
    }
    Arrays.sort(ranking);
    List<Target> out = new ArrayList<>(n);
    for (long r : ranking) {
      out.add(scored[shipmentAt[(int) r]]);
    }
    return out;
  }

  /** A day no shipment has: the shipment has none. */
  private static final int NO_DAY = Integer.MIN_VALUE;

  /** Each shipment's place among all in the order of their ids (ties in the order given). */
  private static int[] idRanks(Shipment[] all) {
    Integer[] order = new Integer[all.length];
    for (int i = 0; i < all.length; i++) {
      order[i] = i;
    }
    // the warehouse gives shipments in the order of their ids: this sort mostly confirms it
    Arrays.sort(order, (a, b) -> all[a].id().compareTo(all[b].id()));
    int[] rank = new int[all.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  /**
   * What a consignee has imported so far, in the order of days: the transhipment ports, how many.
   */
  private static final class History {
    final Set<String> routes = new HashSet<>(4);
    int imports;
  }

  /** A port as targeting reads it, normalised once per distinct value in the data. */
  private static final class Port {
    final String code;
    final String country;
    final boolean transit;

    private Port(String code) {
      this.code = code;
      this.country = code.substring(0, 2);
      this.transit = TRANSIT_COUNTRIES.contains(country.toLowerCase(Locale.ROOT));
    }

    /** The port of a UN/LOCODE as written, one per code among those {@code known}; null: none. */
    static Port of(String locode, Map<String, Port> known) {
      if (locode == null) {
        return null;
      }
      Port p = known.get(locode);
      if (p == null && !known.containsKey(locode)) {
        // one port per code: "NL RTM" and "NLRTM" are the same port
        String c = code(locode);
        p = c == null || c.length() < 2 ? null : known.computeIfAbsent(c, Port::new);
        known.put(locode, p);
      }
      return p;
    }
  }

  /**
   * The party in the Netherlands or Belgium whose people and history count: the consignor of an
   * export from a Dutch or Belgian port, else the consignee.
   */
  public static String localParty(Shipment s) {
    return local(s.loading()) && s.consignor() != null ? s.consignor() : s.consignee();
  }

  /**
   * Whether a port (UN/LOCODE) is in the Netherlands or Belgium, where the data's imports arrive.
   */
  public static boolean local(String locode) {
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

  private static String unusualGoods(Shipment s, Port port, int these, int total) {
    if (total < MIN_PORT || these >= RARE_SHARE * total) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%s: %d of the %d shipments loaded at %s (%.1f%%)",
        s.goods(),
        these,
        total,
        port.code,
        100.0 * these / total);
  }

  /**
   * Another shipment with the same container within {@link #CLONE_DAYS}: the first such in the
   * order given ({@code first}, then {@code next}); null when none.
   */
  private static String clone(int i, Shipment[] all, int[] day, int first, int[] next) {
    for (int j = first; j >= 0; j = next[j]) {
      if (j != i && !all[j].id().equals(all[i].id()) && Math.abs(day[j] - day[i]) <= CLONE_DAYS) {
        Shipment s = all[i];
        Shipment o = all[j];
        return String.format(
            Locale.ROOT,
            "container %s is also on %s, %s on %s",
            s.container(),
            o.label(),
            day[j] < day[i] ? "arrived" : "arriving",
            o.day());
      }
    }
    return null;
  }

  private static String downstream(
      Shipment s, int day, Map<String, List<Integer>> chemicalImports) {
    if (s.consignor() == null || day == NO_DAY || !local(s.loading())) {
      return null;
    }
    List<Integer> imports = chemicalImports.get(s.consignor());
    if (imports == null) {
      return null;
    }
    int latest = NO_DAY;
    int count = 0;
    for (int d : imports) {
      if (d <= day && d + DOWNSTREAM_DAYS > day) {
        count++;
        latest = Math.max(latest, d);
      }
    }
    if (count == 0) {
      return null;
    }
    return "the exporter imported chemicals "
        + count
        + (count == 1 ? " time" : " times")
        + " in the year before, last on "
        + LocalDate.ofEpochDay(latest);
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

  /**
   * Per goods and origin country, and per goods from anywhere, the median and the median absolute
   * deviation of the log value per kilogram, with how many shipments they come from.
   */
  private static final class Cells {
    /** Goods, then the origin country ("*": anywhere): median, deviation, count. */
    private final Map<String, Map<String, double[]>> cells = new HashMap<>();

    static Cells of(Shipment[] all, Port[] loading) {
      Map<String, Map<String, double[]>> values = new HashMap<>();
      Map<String, Map<String, Integer>> counts = new HashMap<>();
      for (int i = 0; i < all.length; i++) {
        Shipment s = all[i];
        if (s.goods() == null || s.kilograms() <= 0 || s.value() <= 0 || loading[i] == null) {
          continue;
        }
        double v = Math.log(s.value() / s.kilograms());
        Map<String, double[]> byCountry = values.computeIfAbsent(s.goods(), k -> new HashMap<>());
        Map<String, Integer> counted = counts.computeIfAbsent(s.goods(), k -> new HashMap<>());
        for (String country : List.of(loading[i].country, "*")) {
          int at = counted.getOrDefault(country, 0);
          double[] a = byCountry.get(country);
          if (a == null || a.length == at) {
            a = a == null ? new double[8] : Arrays.copyOf(a, at * 2);
            byCountry.put(country, a);
          }
          a[at] = v;
          counted.put(country, at + 1);
        }
      }
      Cells out = new Cells();
      values.forEach(
          (goods, byCountry) ->
              byCountry.forEach(
                  (country, a) -> {
                    double[] x = Arrays.copyOf(a, counts.get(goods).get(country));
                    double median = median(x);
                    for (int k = 0; k < x.length; k++) {
                      x[k] = Math.abs(x[k] - median);
                    }
                    out.cells
                        .computeIfAbsent(goods, k -> new HashMap<>())
                        .put(country, new double[] {median, median(x), x.length});
                  }));
      return out;
    }

    /** Why the shipment's value per kilogram is far from its cell's; null when it is not. */
    String far(Shipment s, Port loading) {
      if (s.goods() == null || s.kilograms() <= 0 || s.value() <= 0 || loading == null) {
        return null;
      }
      Map<String, double[]> byCountry = cells.get(s.goods());
      String country = loading.country;
      double[] cell = byCountry.get(country);
      boolean anywhere = cell == null || cell[2] < MIN_CELL;
      if (anywhere) {
        cell = byCountry.get("*");
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
      String of =
          anywhere
              ? s.goods() + " from anywhere (too few from " + country.toUpperCase(Locale.ROOT) + ")"
              : s.goods() + " from " + country.toUpperCase(Locale.ROOT);
      return String.format(
          Locale.ROOT,
          "EUR %.2f a kilogram, against a median of EUR %.2f for %s (%.1f robust deviations %s)",
          s.value() / s.kilograms(),
          Math.exp(cell[0]),
          of,
          Math.abs(z),
          z > 0 ? "above" : "below");
    }

    /** The median of the values, which it sorts. */
    private static double median(double[] a) {
      Arrays.sort(a);
      int n = a.length;
      return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
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
