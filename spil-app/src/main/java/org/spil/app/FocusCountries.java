package org.spil.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.analysis.goods.Targeting;
import org.spil.analysis.monitor.Detection;
import org.spil.analysis.monitor.Focus;
import org.spil.analysis.monitor.SettingLines;
import org.spil.policy.Viewer;
import org.spil.store.Liaisons;
import org.spil.store.Store;
import org.spil.store.Tallies;

/**
 * Focus countries ("aandachtslanden") on what a viewer may see: every country ranked per quarter by
 * named indicators ({@link Focus}): the shipments into Dutch and Belgian ports loaded or
 * transhipped there, their growth on the four quarters before, the seized shipments that passed it,
 * border crossings to it, requests for legal assistance sent to it, and the rises and new flows
 * monitoring found in its series. Weights from {@code focus.weights} in the data directory, or a
 * file given.
 */
public final class FocusCountries {
  /** The weights file of a data directory, read by every ranking on it when present. */
  public static final String WEIGHTS_FILE = "focus.weights";

  /** Under this key the published indicators list the flows' withheld cells. */
  private static final String WITHHELD = "withheld flows";

  /** How the indicators read for a counts-only reader, ranked from the published grid. */
  private static final Map<String, String> PUBLISHED_WORDING =
      Map.of(
          "flows", "%s shipments passed it (a published cell)",
          "growth", "%s%% more such shipments than in the four quarters before (each published)",
          "seizures", "%s seizures in it (a published cell)",
          "crossings", "%s border crossings to it (a published cell)",
          "requests", "%s requests for legal assistance to or from it (a published cell)");

  /** The indicators, their default weights and what each counts. */
  public static final Map<String, String[]> INDICATORS = indicators();

  private final Store store;

  public FocusCountries(Store store) {
    this.store = store;
  }

  private static Map<String, String[]> indicators() {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put("flows", new String[] {"1", "%s shipments into Dutch and Belgian ports passed it"});
    m.put(
        "growth",
        new String[] {
          "2", "%s%% more such shipments than in the four quarters before (a quarter)"
        });
    m.put("seizures", new String[] {"2", "%s seized shipments passed it"});
    m.put("crossings", new String[] {"1", "%s border crossings to it"});
    m.put("payments", new String[] {"1", "€ %s paid into accounts there from elsewhere"});
    m.put(
        "networks",
        new String[] {"1", "suspects, their firms and people, and whom they pay, based there: %s"});
    m.put("requests", new String[] {"1", "requests for legal assistance to or from it: %s"});
    m.put(
        "pending",
        new String[] {
          "1",
          "requests for legal assistance sent there, open past their deadline at the quarter's end: %s"
        });
    m.put(
        "signals", new String[] {"2", "new flows or rises called in its series this quarter: %s"});
    return m;
  }

  /** A quarter's place of a country in the past: quarter, rank, score. */
  public record Past(String quarter, int rank, double score) {}

  /**
   * A country in the ranking of a quarter: its rank and score, the best and worst rank when any one
   * weight is halved or doubled, what moved it, its rank in each earlier quarter it was ranked, and
   * whom to ask there (the liaison directory, {@link Liaisons}).
   */
  public record Ranked(
      String quarter,
      String country,
      int rank,
      double score,
      int bestRank,
      int worstRank,
      List<Focus.Reason> reasons,
      List<Past> history,
      List<Liaisons.Liaison> liaisons) {}

  /** The weights of a data directory's file (or {@code file}), else the defaults. */
  public static Map<String, Double> weights(Path dataDir, Path file) {
    Map<String, Double> out = new LinkedHashMap<>();
    INDICATORS.forEach((k, v) -> out.put(k, Double.parseDouble(v[0])));
    Path f = file != null ? file : dataDir.resolve(WEIGHTS_FILE);
    if (file == null && !Files.isRegularFile(f)) {
      return out;
    }
    for (SettingLines.Line l :
        SettingLines.read(
            MoneyFlows.readSettings(f, "weights"),
            f.toString(),
            INDICATORS.keySet(),
            "indicator")) {
      double w;
      try {
        w = Double.parseDouble(l.value());
      } catch (NumberFormatException e) {
        w = Double.NaN;
      }
      if (!(w >= 0 && w <= 100)) {
        throw new IllegalArgumentException(
            l.where() + ": " + l.key() + ": '" + l.value() + "' is not a weight from 0 to 100");
      }
      out.put(l.key(), w);
    }
    return out;
  }

  /**
   * The ranking of a quarter ("2025Q3"; null: the last with data), the {@code top} first (0: all),
   * each country with its history.
   */
  public List<Ranked> rank(
      Viewer viewer, String quarter, int top, Map<String, Double> weights, Detection thresholds) {
    if (quarter != null && !quarter.matches("\\d{4}Q[1-4]")) {
      throw new IllegalArgumentException("--quarter '" + quarter + "' is not a quarter (2025Q3)");
    }
    boolean countsOnly = store.countsOnly(viewer);
    TreeSet<String> quarters = new TreeSet<>();
    // per indicator, country and quarter: what it counts
    Map<String, Map<String, Map<String, Double>>> raw =
        countsOnly ? published(viewer, quarters) : recorded(viewer, quarters);
    raw.put("signals", signals(viewer, thresholds));
    List<String> q = new ArrayList<>(quarters);
    if (q.isEmpty()) {
      return List.of();
    }
    String chosen = quarter == null ? q.get(q.size() - 1) : quarter;
    if (!quarters.contains(chosen)) {
      throw new IllegalArgumentException(
          "no data you may see in "
              + chosen
              + " ("
              + q.get(0)
              + " to "
              + q.get(q.size() - 1)
              + ")");
    }
    q = q.subList(0, q.indexOf(chosen) + 1);
    if (!countsOnly) {
      raw.put("payments", payments(viewer));
      raw.put("networks", networks(viewer, q));
      raw.put("pending", pending(viewer, q));
    }
    Map<String, double[]> flowValues = values(raw.get("flows"), q);
    Map<String, Map<String, Double>> withheld = raw.getOrDefault(WITHHELD, Map.of());
    Map<String, double[]> growth = new HashMap<>();
    List<String> span = q;
    flowValues.forEach(
        (country, v) -> {
          double[] g = new double[v.length];
          for (int i = 4; i < v.length; i++) {
            boolean known = true;
            for (int j = i - 4; j <= i; j++) {
              known &= !withheld.getOrDefault(country, Map.of()).containsKey(span.get(j));
            }
            double before = (v[i - 4] + v[i - 3] + v[i - 2] + v[i - 1]) / 4;
            // a withheld quarter is no zero: growth against it is not known
            g[i] = known ? Math.max(0, Math.round(100 * ((v[i] + 1) / (before + 1) - 1))) : 0;
          }
          growth.put(country, g);
        });
    List<Focus.Indicator> indicators = new ArrayList<>();
    for (String name : INDICATORS.keySet()) {
      String wording = INDICATORS.get(name)[1];
      if (countsOnly) {
        wording = PUBLISHED_WORDING.getOrDefault(name, wording);
      }
      if (name.equals("growth")) {
        indicators.add(new Focus.Indicator(name, wording, growth));
      } else if (raw.containsKey(name)) {
        indicators.add(new Focus.Indicator(name, wording, values(raw.get(name), q)));
      }
    }
    List<Focus.Place> places = Focus.rank(q, indicators, weights);
    List<Liaisons.Liaison> directory = Liaisons.of(store.dir());
    Map<String, List<Past>> history = new HashMap<>();
    List<Ranked> out = new ArrayList<>();
    for (Focus.Place p : places) {
      if (!p.quarter().equals(chosen)) {
        history
            .computeIfAbsent(p.country(), k -> new ArrayList<>())
            .add(new Past(p.quarter(), p.rank(), p.score()));
        continue;
      }
      if (top > 0 && p.rank() > top) {
        continue;
      }
      out.add(
          new Ranked(
              p.quarter(),
              p.country(),
              p.rank(),
              p.score(),
              p.bestRank(),
              p.worstRank(),
              p.reasons(),
              List.copyOf(history.getOrDefault(p.country(), List.of())),
              directory.stream().filter(l -> l.country().equals(p.country())).toList()));
    }
    return out;
  }

  /**
   * The indicators read from the records the viewer may see, per country and quarter: flows,
   * seizures, crossings and requests; {@code quarters} gains every quarter with data.
   */
  private Map<String, Map<String, Map<String, Double>>> recorded(
      Viewer viewer, TreeSet<String> quarters) {
    Map<String, Map<String, Double>> flows = new HashMap<>();
    List<Tallies.Cell> shipments =
        store
            .tallies()
            .of(
                viewer,
                new Tallies.Spec(
                    "Shipment",
                    List.of("arrivalDate", "departureDate", "date"),
                    List.of("portOfLoading", "portOfTranshipment", "portOfDischarge"),
                    null),
                Tallies.Period.QUARTER);
    for (Tallies.Cell c : shipments) {
      quarters.add(c.period());
      if (!Targeting.local(c.groups().get(2))) {
        continue;
      }
      for (String country : countries(c.groups().get(0), c.groups().get(1))) {
        flows
            .computeIfAbsent(country, k -> new HashMap<>())
            .merge(c.period(), (double) c.entities(), Double::sum);
      }
    }
    Map<String, Map<String, Double>> crossings = byCountry(viewer, "BorderCrossing", "date");
    Map<String, Map<String, Double>> requests =
        byCountry(viewer, "LegalAssistanceRequest", "requestDate");
    crossings.values().forEach(m -> quarters.addAll(m.keySet()));
    requests.values().forEach(m -> quarters.addAll(m.keySet()));
    Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
    out.put("flows", flows);
    out.put("seizures", seized(viewer));
    out.put("crossings", crossings);
    out.put("requests", requests);
    return out;
  }

  /**
   * For a reader who may see counts only, the indicators from the strategic grid as {@code spil
   * trends} publishes it per quarter ({@link Trends#quarterGrid}): shipments, seizures, crossings
   * and requests by country, a withheld cell counting as nothing (and growth not judged against
   * one: the flows' withheld cells are listed under {@link #WITHHELD}); nothing read from a record,
   * so the ranking says no more than the published cells do. {@code quarters} gains every quarter
   * of the grid.
   */
  private Map<String, Map<String, Map<String, Double>>> published(
      Viewer viewer, TreeSet<String> quarters) {
    Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
    Map<String, Map<String, Double>> withheld = new HashMap<>();
    out.put(WITHHELD, withheld);
    Trends trends = new Trends(store);
    Map<String, Trends.Measure> measures = new LinkedHashMap<>();
    measures.put("flows", Trends.Measure.SHIPMENTS);
    measures.put("seizures", Trends.Measure.SEIZURES);
    measures.put("crossings", Trends.Measure.CROSSINGS);
    measures.put("requests", Trends.Measure.MLA_REQUESTS);
    measures.forEach(
        (name, measure) -> {
          Map<String, Map<String, Double>> by = new HashMap<>();
          for (Trends.Trend t : trends.quarterGrid(viewer, measure, "country")) {
            String country = t.series().key().toLowerCase(Locale.ROOT);
            if (country.equals("nl") || country.equals("be")) {
              continue;
            }
            for (Trends.Point p : t.points()) {
              quarters.add(p.period());
              if (p.value() != null) {
                by.computeIfAbsent(country, k -> new HashMap<>()).put(p.period(), p.value());
              } else if (name.equals("flows")) {
                withheld.computeIfAbsent(country, k -> new HashMap<>()).put(p.period(), 1.0);
              }
            }
          }
          out.put(name, by);
        });
    return out;
  }

  /** Per country and quarter, the new flows and rises monitoring called in its series. */
  private Map<String, Map<String, Double>> signals(Viewer viewer, Detection thresholds) {
    Map<String, Map<String, Double>> signals = new HashMap<>();
    for (Trends.Change c : new Trends(store).signals(viewer, null, thresholds)) {
      if (c.down()) {
        continue;
      }
      String key = c.series().key();
      String country =
          switch (c.series().by()) {
            case "country" -> key;
            case "port" -> key.length() >= 2 ? key.substring(0, 2).toLowerCase(Locale.ROOT) : null;
            default -> null;
          };
      if (country != null && !country.equals("nl") && !country.equals("be")) {
        signals
            .computeIfAbsent(country, k -> new HashMap<>())
            .merge(
                Trends.period(YearMonth.parse(c.called()).atDay(1), Tallies.Period.QUARTER),
                1.0,
                Double::sum);
      }
    }
    return signals;
  }

  private static Focus.Indicator indicator(String name, Map<String, double[]> values) {
    return new Focus.Indicator(name, INDICATORS.get(name)[1], values);
  }

  private static Map<String, double[]> values(Map<String, Map<String, Double>> by, List<String> q) {
    Map<String, double[]> out = new HashMap<>();
    by.forEach(
        (country, perQuarter) -> {
          double[] v = new double[q.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = perQuarter.getOrDefault(q.get(i), 0.0);
          }
          out.put(country, v);
        });
    return out;
  }

  /** Per country and quarter, the entities of a schema dated by a property, by their country. */
  private Map<String, Map<String, Double>> byCountry(Viewer viewer, String schema, String date) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (Tallies.Cell c :
        store
            .tallies()
            .of(
                viewer,
                new Tallies.Spec(schema, List.of(date, "date"), List.of("country"), null),
                Tallies.Period.QUARTER)) {
      String country = c.groups().get(0);
      if (country != null && !country.isBlank()) {
        out.computeIfAbsent(country.strip().toLowerCase(Locale.ROOT), k -> new HashMap<>())
            .merge(c.period(), (double) c.entities(), Double::sum);
      }
    }
    return out;
  }

  /**
   * Per country and quarter, the requests for legal assistance sent there that the viewer may see
   * and that were open past their deadline at the quarter's end ({@link Cooperation}): sent, past
   * the deadline, and answered only later or not yet. A request its status closed without an
   * answer's day is left out: when it closed is not known.
   */
  private Map<String, Map<String, Double>> pending(Viewer viewer, List<String> quarters) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    List<Cooperation.Request> requests = new Cooperation(store).requests(viewer);
    for (String quarter : quarters) {
      java.time.LocalDate end = quarterEnd(quarter);
      for (Cooperation.Request r : requests) {
        java.time.LocalDate sent = Cooperation.date(r.sent());
        java.time.LocalDate deadline = Cooperation.date(r.deadline());
        java.time.LocalDate answered = Cooperation.date(r.answered());
        boolean openThen = r.open() ? answered == null : answered != null && answered.isAfter(end);
        if (r.country() != null
            && !r.incoming()
            && sent != null
            && !sent.isAfter(end)
            && deadline != null
            && deadline.isBefore(end)
            && openThen) {
          out.computeIfAbsent(r.country(), k -> new HashMap<>()).merge(quarter, 1.0, Double::sum);
        }
      }
    }
    return out;
  }

  /**
   * Per country and quarter, the euros the payments the viewer may see paid into it: to an account
   * there (the country of its IBAN, else the account's country, else the beneficiary's) from one
   * elsewhere or unknown, not a transfer within the country; counted where the payment is in euros
   * or a source gives its euro amount. Money to a crypto exchange counts where the exchange's
   * account is.
   */
  private Map<String, Map<String, Double>> payments(Viewer viewer) {
    Map<String, String> countryOf = new HashMap<>();
    store
        .payments()
        .parties(
            viewer,
            p -> {
              String c =
                  p.iban() != null && p.iban().strip().length() >= 2
                      ? p.iban().strip().substring(0, 2)
                      : p.country();
              if (c != null && !c.isBlank()) {
                countryOf.put(p.id(), c.strip().toLowerCase(Locale.ROOT));
              }
            });
    Map<String, Map<String, Double>> out = new HashMap<>();
    store
        .payments()
        .each(
            viewer,
            p -> {
              String country = countryOf.get(p.beneficiaryAccount());
              if (country == null) {
                country = countryOf.get(p.beneficiary());
              }
              String from = countryOf.get(p.payerAccount());
              if (from == null) {
                from = countryOf.get(p.payer());
              }
              java.time.LocalDate day = Cooperation.date(p.date());
              Double eur =
                  p.amountEur() != null
                      ? p.amountEur()
                      : p.currency() == null || p.currency().equalsIgnoreCase("EUR")
                          ? p.amount()
                          : null;
              if (country == null
                  || country.equals(from)
                  || country.equals("nl")
                  || country.equals("be")
                  || day == null
                  || eur == null
                  || eur <= 0) {
                return;
              }
              out.computeIfAbsent(country, k -> new HashMap<>())
                  .merge(Trends.period(day, Tallies.Period.QUARTER), eur, Double::sum);
            });
    return out;
  }

  /** The links that tie a person or firm to a suspect: control, work and kin. */
  private static final List<String> TIES =
      List.of(
          "Ownership",
          "Directorship",
          "Employment",
          "Membership",
          "Representation",
          "Family",
          "Associate",
          "UnknownLink");

  /**
   * Per country and quarter, the criminal networks' presence there that the viewer may see: the
   * suspects (parties to a court case), the firms and people tied to one (owning, directing,
   * employing, representing, kin or associate, as the team's resolution merges records), and whom
   * these pay or are paid by, whose country of residence or registration ({@code country}, {@code
   * jurisdiction}; not nationality) is that one. Counted from the quarter their tie or first
   * payment begins (a tie without a date, and a suspect itself, in every quarter).
   */
  private Map<String, Map<String, Double>> networks(Viewer viewer, List<String> quarters) {
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    java.util.function.UnaryOperator<String> of = id -> canonical.getOrDefault(id, id);
    Set<String> suspects = new HashSet<>();
    store.links().of(viewer, "CourtCaseParty", null, null, l -> suspects.add(of.apply(l.source())));
    if (suspects.isEmpty()) {
      return new HashMap<>();
    }
    // each tied entity (canonical) with the first day of its earliest tie ("" when undated)
    Map<String, String> since = new HashMap<>();
    suspects.forEach(id -> since.put(id, ""));
    for (String schema : TIES) {
      store.links().of(viewer, schema, null, null, l -> reach(l, suspects, since, of));
    }
    // and whom the network pays or is paid by: the front firms abroad
    Set<String> network = new HashSet<>(since.keySet());
    store.links().of(viewer, "Payment", null, null, l -> reach(l, network, since, of));
    Map<String, List<String>> members = new HashMap<>();
    canonical.forEach(
        (id, c) -> {
          if (since.containsKey(c)) {
            members.computeIfAbsent(c, k -> new ArrayList<>()).add(id);
          }
        });
    Set<String> wanted = new LinkedHashSet<>(since.keySet());
    members.values().forEach(wanted::addAll);
    Map<String, Set<String>> countriesOf = new HashMap<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("Person", "Company", "Organization", "LegalEntity"),
            Set.of("country", "jurisdiction"),
            wanted,
            (id, schema, source, props) -> {
              for (String p : List.of("country", "jurisdiction")) {
                for (String v : props.getOrDefault(p, List.of())) {
                  String c = v.strip().toLowerCase(Locale.ROOT);
                  if (c.length() == 2 && !c.equals("nl") && !c.equals("be")) {
                    countriesOf.computeIfAbsent(of.apply(id), k -> new HashSet<>()).add(c);
                  }
                }
              }
            });
    Map<String, Map<String, Double>> out = new HashMap<>();
    countriesOf.forEach(
        (id, countries) -> {
          String first = since.getOrDefault(id, "");
          for (String quarter : quarters) {
            String end = quarterEnd(quarter).toString();
            if (first.isEmpty() || first.compareTo(end) <= 0) {
              for (String c : countries) {
                out.computeIfAbsent(c, k -> new HashMap<>()).merge(quarter, 1.0, Double::sum);
              }
            }
          }
        });
    return out;
  }

  /**
   * The other end of a link from {@code from}, as the team's resolution names it, with the first
   * day of the link when that is earlier than any it had ("" when undated).
   */
  private static void reach(
      org.spil.store.Links.Aggregate l,
      Set<String> from,
      Map<String, String> since,
      java.util.function.UnaryOperator<String> of) {
    String a = of.apply(l.source());
    String b = of.apply(l.target());
    String first = l.first() == null ? "" : l.first();
    if (from.contains(a) && !from.contains(b)) {
      since.merge(b, first, FocusCountries::earlier);
    }
    if (from.contains(b) && !from.contains(a)) {
      since.merge(a, first, FocusCountries::earlier);
    }
  }

  /** The earlier of two days, an undated one ("") the earliest. */
  private static String earlier(String a, String b) {
    return a.isEmpty() || b.isEmpty() ? "" : a.compareTo(b) <= 0 ? a : b;
  }

  /** The last day of a quarter ("2025Q3" -> 2025-09-30). */
  private static java.time.LocalDate quarterEnd(String quarter) {
    return YearMonth.of(
            Integer.parseInt(quarter.substring(0, 4)), 3 * Integer.parseInt(quarter.substring(5)))
        .atEndOfMonth();
  }

  /** Per country and quarter, the seized shipments the viewer may see that passed it. */
  private Map<String, Map<String, Double>> seized(Viewer viewer) {
    Map<String, Integer> seized = store.shipments().seized(viewer);
    Map<String, Map<String, Double>> out = new HashMap<>();
    if (seized.isEmpty()) {
      return out;
    }
    store
        .shipments()
        .each(
            viewer,
            s -> {
              Integer day = s.day();
              if (!seized.containsKey(s.id())
                  || day == null
                  || !Targeting.local(s.portOfDischarge())) {
                return;
              }
              String quarter =
                  Trends.period(java.time.LocalDate.ofEpochDay(day), Tallies.Period.QUARTER);
              for (String country : countries(s.portOfLoading(), s.portOfTranshipment())) {
                out.computeIfAbsent(country, k -> new HashMap<>()).merge(quarter, 1.0, Double::sum);
              }
            });
    return out;
  }

  /** The countries of ports (UN/LOCODEs), lower case, neither the Netherlands nor Belgium. */
  private static Set<String> countries(String... ports) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : ports) {
      if (p != null && p.strip().length() >= 2) {
        String c = p.strip().substring(0, 2).toLowerCase(Locale.ROOT);
        if (!c.equals("nl") && !c.equals("be")) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
