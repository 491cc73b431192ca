package org.spil.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spil.analysis.monitor.Detection;
import org.spil.analysis.monitor.Series;
import org.spil.analysis.monitor.Signal;
import org.spil.analysis.monitor.Signals;
import org.spil.analysis.monitor.SmallCells;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import org.spil.store.Tallies;

/**
 * The monitoring picture of what a viewer may see: series per period of shipments, seizures, border
 * crossings and requests for legal assistance, by country, port, route, goods, drug or agency
 * ({@code spil trends}), counted by the warehouse; and the changes in the monthly series of counts,
 * each with the month it starts, the month a monitor would have called it and why ({@code spil
 * signals}). Detection thresholds from {@code monitoring.settings} in the data directory, or a file
 * given.
 */
public final class Trends {
  /** The thresholds file of a data directory, read by every signals run on it when present. */
  public static final String SETTINGS_FILE = "monitoring.settings";

  private final Store store;

  public Trends(Store store) {
    this.store = store;
  }

  /** What a series measures: the schema, its dates, the amount summed (null: a count), a scale. */
  public enum Measure {
    SHIPMENTS("Shipment", null, 1, "arrivalDate", "departureDate", "date"),
    SHIPMENT_VALUE("Shipment", "declaredValue", 1, "arrivalDate", "departureDate", "date"),
    SHIPMENT_TONNES("Shipment", "weight", 0.001, "arrivalDate", "departureDate", "date"),
    SEIZURES("Seizure", null, 1, "date"),
    SEIZURE_QUANTITY("Seizure", "quantity", 1, "date"),
    CROSSINGS("BorderCrossing", null, 1, "date"),
    MLA_REQUESTS("LegalAssistanceRequest", null, 1, "requestDate", "date");

    final String schema;
    final String amount;
    final double scale;
    final List<String> dates;

    Measure(String schema, String amount, double scale, String... dates) {
      this.schema = schema;
      this.amount = amount;
      this.scale = scale;
      this.dates = List.of(dates);
    }

    /** The measure's name as options and JSON write it ("shipment-value"). */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether it counts entities (signals judge counts). */
    public boolean count() {
      return amount == null;
    }

    /** The dimensions it can be broken down by. */
    public List<String> dimensions() {
      return List.copyOf(groups(this).keySet());
    }

    /** The measure of a name, or an error listing them. */
    public static Measure of(String key) {
      for (Measure m : values()) {
        if (m.key().equals(key)) {
          return m;
        }
      }
      List<String> keys = new ArrayList<>();
      for (Measure m : values()) {
        keys.add(m.key());
      }
      throw new IllegalArgumentException(
          "no measure '" + key + "' (one of " + String.join(", ", keys) + ")");
    }
  }

  /** The properties a dimension groups a measure's entities by. */
  private static Map<String, List<String>> groups(Measure m) {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("all", List.of());
    switch (m.schema) {
      case "Shipment" -> {
        List<String> ports = List.of("portOfLoading", "portOfTranshipment", "portOfDischarge");
        g.put("country", ports);
        g.put("port", ports);
        g.put("route", ports);
        g.put("goods", List.of("goodsDescription"));
      }
      case "Seizure" -> {
        g.put("country", List.of("country"));
        g.put("drug", List.of("drug"));
      }
      default -> g.put("country", List.of("country"));
    }
    g.put("agency", List.of(Tallies.AGENCY));
    return g;
  }

  /**
   * A question for trends: the measure, the dimension, one of its values only (null: all), the
   * period, the first and last day (null: from the first, to the last), and the most series, the
   * largest first (0: all).
   */
  public record Query(
      Measure measure,
      String by,
      String key,
      Tallies.Period period,
      String since,
      String until,
      int top) {}

  /** Which series: by which dimension, for which of its values, what it measures. */
  public record Name(String by, String key, String measure) {
    static Name of(Series s) {
      return new Name(s.by(), s.key(), s.measure());
    }
  }

  /**
   * A period's value; for a reader who may see counts only, null with {@code suppressed} true where
   * the cell is withheld ({@link SmallCells}).
   */
  public record Point(
      String period, Double value, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suppressed) {
    Point(String period, double value) {
      this(period, value, null);
    }

    /** The value, 0 where withheld. */
    public double shown() {
      return value == null ? 0 : value;
    }
  }

  /** A series as trends show it: which, its total, and its value per period. */
  public record Trend(Name series, double total, List<Point> points) {
    static Trend of(Series s) {
      List<Point> points = new ArrayList<>(s.values().length);
      for (int i = 0; i < s.values().length; i++) {
        points.add(new Point(s.periods().get(i), s.values()[i]));
      }
      return new Trend(Name.of(s), s.total(), points);
    }
  }

  /**
   * A change found in a monthly series: which, its kind ({@code emergence}, {@code rise}, {@code
   * drop}: a change of level; {@code growth}, {@code decline}: a change of slope, {@code before}
   * then the level where it starts and {@code after} where it has reached when called), the month
   * it starts and the month it was called, the mean a month before and after, its strength (the
   * evidence as a multiple of the price of a change), the detectors that called it, and the
   * explanation in words.
   */
  public record Change(
      Name series,
      String kind,
      String start,
      String called,
      double before,
      double after,
      double strength,
      List<String> detectors,
      String explanation) {

    /** Whether it is a change downwards (a drop or a decline). */
    public boolean down() {
      return kind.equals("drop") || kind.equals("decline");
    }

    /** Whether it is a change of slope (growth or decline), whose start is known less closely. */
    public boolean slope() {
      return kind.equals("growth") || kind.equals("decline");
    }

    static Change of(Signal s) {
      return new Change(
          Name.of(s.series()),
          s.kind(),
          s.start(),
          s.called(),
          s.before(),
          s.after(),
          s.strength(),
          s.detectors(),
          s.explanation());
    }
  }

  /**
   * The series of the question, the largest first. Audited as a read of the tallies. A reader who
   * may see counts only (strategic analysis) gets {@link #strategic} counts.
   */
  public List<Trend> trends(Viewer viewer, Query q) {
    if (store.countsOnly(viewer)) {
      return strategic(viewer, q);
    }
    return series(viewer, q).stream().map(Trend::of).toList();
  }

  /**
   * Counts for a reader who may see counts only, on a fixed grid: whole months or quarters, no days
   * of the reader's choosing (two questions' edges could be subtracted to isolate a cell), counts
   * only (no sums of declared values), every cell of fewer than {@link SmallCells#K} entities
   * withheld with the cells that would give it away ({@link SmallCells}: each month's total less a
   * dimension's published cells never yields a count below K); a quarter is published when its
   * months are; a key holding fewer than K entities in all is left out; a series' total is the sum
   * of its published cells.
   */
  private List<Trend> strategic(Viewer viewer, Query q) {
    String purpose = viewer.purpose().token();
    if (q.since() != null || q.until() != null) {
      throw new IllegalArgumentException(
          purpose
              + " sees counts only, on the fixed grid of whole months and quarters: ask without"
              + " --since and --until (cells between two questions' edges could be found by"
              + " subtracting them)");
    }
    if (q.period() == Tallies.Period.WEEK) {
      throw new IllegalArgumentException(
          purpose + " sees counts only, per month or quarter: not per week");
    }
    if (!q.measure().count()) {
      throw new IllegalArgumentException(
          purpose
              + " sees counts only: shipments, seizures, crossings or mla-requests, not "
              + q.measure().key());
    }
    if (!groups(q.measure()).containsKey(q.by())) {
      // refused there, naming the dimensions the measure has
      return series(viewer, q).stream().map(Trend::of).toList();
    }
    List<Trend> out = new ArrayList<>();
    for (Trend t : strategicGrid(viewer, q.measure(), q.period()).getOrDefault(q.by(), List.of())) {
      if (q.key() == null || q.key().equalsIgnoreCase(t.series().key())) {
        out.add(t);
      }
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("measure", q.measure().key());
    detail.put("by", q.by());
    detail.put("series", out.size());
    detail.put(
        "withheld",
        out.stream().flatMap(t -> t.points().stream()).filter(p -> p.value() == null).count());
    store.audited(viewer, "strategic-counts", detail);
    return q.top() > 0 && out.size() > q.top() ? List.copyOf(out.subList(0, q.top())) : out;
  }

  /**
   * For a reader who may see counts only, one dimension's quarterly series of a count as {@link
   * #strategic} publishes them (withheld cells without a value); audited as strategic counts read
   * for the focus countries.
   */
  List<Trend> quarterGrid(Viewer viewer, Measure measure, String by) {
    List<Trend> out =
        strategicGrid(viewer, measure, Tallies.Period.QUARTER).getOrDefault(by, List.of());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("measure", measure.key());
    detail.put("by", by);
    detail.put("for", "focus countries");
    detail.put("series", out.size());
    store.audited(viewer, "strategic-counts", detail);
    return out;
  }

  /**
   * Every dimension's series of a measure on the grid, the largest first, from one tally of what
   * the viewer may count: the cells of all dimensions are withheld together ({@link SmallCells}),
   * so each dimension's answer is as {@link #strategic} publishes it.
   */
  private Map<String, List<Trend>> strategicGrid(
      Viewer viewer, Measure measure, Tallies.Period period) {
    Map<String, List<String>> dimensions = groups(measure);
    List<String> props = properties(dimensions);
    List<Tallies.Cell> cells =
        store
            .tallies()
            .counted(
                viewer,
                new Tallies.Spec(measure.schema, measure.dates, props, null),
                Tallies.Period.MONTH);
    List<String> names = new ArrayList<>();
    List<List<Series>> byDimension = new ArrayList<>();
    Series all = null;
    for (Map.Entry<String, List<String>> d : dimensions.entrySet()) {
      int[] columns = d.getValue().stream().mapToInt(props::indexOf).toArray();
      List<Series> series =
          series(
              new Query(measure, d.getKey(), null, Tallies.Period.MONTH, null, null, 0),
              cells,
              columns);
      if (d.getKey().equals("all")) {
        all = series.isEmpty() ? null : series.get(0);
      } else {
        names.add(d.getKey());
        byDimension.add(series);
      }
    }
    Map<String, List<Trend>> out = new LinkedHashMap<>();
    if (all == null) {
      return out;
    }
    long[] totals = counts(all.values());
    long[][][] tables = new long[byDimension.size()][][];
    for (int d = 0; d < tables.length; d++) {
      List<Series> series = byDimension.get(d);
      tables[d] = new long[series.size()][];
      for (int k = 0; k < series.size(); k++) {
        tables[d][k] = counts(series.get(k).values());
      }
    }
    SmallCells.Withheld withheld = SmallCells.suppress(totals, tables, SmallCells.K);
    out.put("all", List.of(grid(all, totals, withheld.totals(), period)));
    for (int d = 0; d < tables.length; d++) {
      List<Trend> trends = new ArrayList<>();
      List<Series> series = byDimension.get(d);
      for (int k = 0; k < series.size(); k++) {
        if (series.get(k).total() >= SmallCells.K) {
          trends.add(grid(series.get(k), tables[d][k], withheld.cells()[d][k], period));
        }
      }
      trends.sort((x, y) -> Double.compare(y.total(), x.total()));
      out.put(names.get(d), trends);
    }
    return out;
  }

  /** Every property the dimensions read, each once, in the order they first come. */
  private static List<String> properties(Map<String, List<String>> dimensions) {
    List<String> props = new ArrayList<>();
    dimensions
        .values()
        .forEach(ps -> ps.stream().filter(p -> !props.contains(p)).forEach(props::add));
    return props;
  }

  private static long[] counts(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.round(values[i]);
    }
    return out;
  }

  /**
   * A series on the grid: its months, each withheld or not, or its quarters, each published when
   * every month of it in the series is; the total of the published points.
   */
  private static Trend grid(Series s, long[] counts, boolean[] withheld, Tallies.Period period) {
    List<Point> points = new ArrayList<>();
    double total = 0;
    if (period == Tallies.Period.MONTH) {
      for (int m = 0; m < counts.length; m++) {
        points.add(
            withheld[m]
                ? new Point(s.periods().get(m), null, true)
                : new Point(s.periods().get(m), counts[m]));
        total += withheld[m] ? 0 : counts[m];
      }
    } else {
      Map<String, long[]> quarters = new LinkedHashMap<>();
      for (int m = 0; m < counts.length; m++) {
        String quarter = period(YearMonth.parse(s.periods().get(m)).atDay(1), period);
        long[] sum = quarters.computeIfAbsent(quarter, x -> new long[2]);
        sum[0] += counts[m];
        sum[1] |= withheld[m] ? 1 : 0;
      }
      for (Map.Entry<String, long[]> e : quarters.entrySet()) {
        boolean hidden = e.getValue()[1] != 0;
        points.add(
            hidden ? new Point(e.getKey(), null, true) : new Point(e.getKey(), e.getValue()[0]));
        total += hidden ? 0 : e.getValue()[0];
      }
    }
    return new Trend(Name.of(s), total, points);
  }

  /** The series of the question as the detectors read them, the largest first. */
  List<Series> series(Viewer viewer, Query q) {
    List<String> props = groups(q.measure()).get(q.by());
    if (props == null) {
      throw new IllegalArgumentException(
          q.measure().key()
              + " cannot be broken down by '"
              + q.by()
              + "' (by one of "
              + String.join(", ", q.measure().dimensions())
              + ")");
    }
    checkDays(q);
    Tallies.Spec spec =
        new Tallies.Spec(q.measure().schema, q.measure().dates, props, q.measure().amount);
    int[] columns = new int[props.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = i;
    }
    return series(q, store.tallies().of(viewer, spec, q.period()), columns);
  }

  /**
   * The series of a question from the warehouse's cells, whose groups at {@code columns} are the
   * values the question's dimension reads.
   */
  private static List<Series> series(Query q, List<Tallies.Cell> cells, int[] columns) {
    checkDays(q);
    LocalDate since = day("since", q.since(), false);
    LocalDate until = day("until", q.until(), true);
    String first = since == null ? null : period(since, q.period());
    String last = until == null ? null : period(until, q.period());
    Map<String, Map<String, Double>> byKey = new TreeMap<>();
    String earliest = null;
    String latest = null;
    for (Tallies.Cell c : cells) {
      if ((first != null && c.period().compareTo(first) < 0)
          || (last != null && c.period().compareTo(last) > 0)) {
        continue;
      }
      earliest = earliest == null || c.period().compareTo(earliest) < 0 ? c.period() : earliest;
      latest = latest == null || c.period().compareTo(latest) > 0 ? c.period() : latest;
      double v = q.measure().count() ? c.entities() : c.amount() * q.measure().scale;
      List<String> groups = new ArrayList<>(columns.length);
      for (int column : columns) {
        groups.add(c.groups().get(column));
      }
      for (String k : keys(q.by(), groups)) {
        if (q.key() == null || q.key().equalsIgnoreCase(k)) {
          byKey.computeIfAbsent(k, x -> new HashMap<>()).merge(c.period(), v, Double::sum);
        }
      }
    }
    List<Series> out = new ArrayList<>();
    if (earliest == null) {
      return out;
    }
    List<String> periods =
        periods(first == null ? earliest : first, last == null ? latest : last, q.period());
    byKey.forEach(
        (k, values) -> {
          double[] v = new double[periods.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = values.getOrDefault(periods.get(i), 0.0);
          }
          out.add(new Series(q.measure().key(), q.by(), k, periods, v));
        });
    out.sort((a, b) -> Double.compare(b.total(), a.total()));
    return q.top() > 0 && out.size() > q.top() ? List.copyOf(out.subList(0, q.top())) : out;
  }

  /** Refuses a question whose days are not days, or whose first day follows its last. */
  private static void checkDays(Query q) {
    LocalDate since = day("since", q.since(), false);
    LocalDate until = day("until", q.until(), true);
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("--since " + q.since() + " is after --until " + q.until());
    }
  }

  /**
   * The changes in every monthly series of counts the viewer may see ({@link #monitored}), starting
   * on or after {@code since} (null: all).
   */
  public List<Change> signals(Viewer viewer, String since, Detection thresholds) {
    return signals(viewer, since, thresholds, Tallies.Period.MONTH);
  }

  /**
   * The changes in every series of counts per month or per ISO week the viewer may see, the
   * thresholds (set in months) scaled to weeks for weekly series ({@link Detection#weekly}). A
   * reader who may see counts only is judged on the monthly grid alone.
   */
  public List<Change> signals(
      Viewer viewer, String since, Detection thresholds, Tallies.Period period) {
    day("since", since, false);
    if (period == Tallies.Period.QUARTER) {
      throw new IllegalArgumentException("signals are found per month or per week, not quarter");
    }
    if (store.countsOnly(viewer)) {
      if (period == Tallies.Period.WEEK) {
        throw new IllegalArgumentException(
            viewer.purpose().token() + " sees counts only, per month or quarter: not per week");
      }
      return changes(published(viewer), since, thresholds);
    }
    if (period == Tallies.Period.WEEK) {
      return changes(monitored(viewer, period), since, thresholds.weekly(), period);
    }
    return changes(monitored(viewer), since, thresholds);
  }

  /**
   * For a reader who may see counts only, the monthly series monitoring judges as {@link
   * #strategic} publishes them, those with no month withheld: a withheld month is no zero, and a
   * detector reading it as one would call drops that are not there.
   */
  private List<Series> published(Viewer viewer) {
    List<Series> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (!m.count()) {
        continue;
      }
      strategicGrid(viewer, m, Tallies.Period.MONTH)
          .forEach(
              (by, trends) -> {
                if (by.equals("agency")) {
                  return;
                }
                for (Trend t : trends) {
                  if (t.points().stream().noneMatch(p -> p.value() == null)) {
                    out.add(
                        new Series(
                            m.key(),
                            by,
                            t.series().key(),
                            t.points().stream().map(Point::period).toList(),
                            t.points().stream().mapToDouble(Point::shown).toArray()));
                  }
                }
              });
    }
    return out;
  }

  /**
   * Every monthly series of counts the viewer may see that monitoring judges: each measure that
   * counts, by each of its dimensions but agency; one tally per measure, grouped by every property
   * its dimensions read, each dimension's series summed from the same cells.
   */
  public List<Series> monitored(Viewer viewer) {
    return monitored(viewer, Tallies.Period.MONTH);
  }

  /** As {@link #monitored(Viewer)}, per month or per ISO week. */
  public List<Series> monitored(Viewer viewer, Tallies.Period period) {
    List<Series> all = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (!m.count()) {
        continue;
      }
      Map<String, List<String>> dimensions = new LinkedHashMap<>(groups(m));
      dimensions.remove("agency");
      List<String> props = properties(dimensions);
      List<Tallies.Cell> cells =
          store.tallies().of(viewer, new Tallies.Spec(m.schema, m.dates, props, m.amount), period);
      dimensions.forEach(
          (by, ps) -> {
            int[] columns = ps.stream().mapToInt(props::indexOf).toArray();
            all.addAll(series(new Query(m, by, null, period, null, null, 0), cells, columns));
          });
    }
    return all;
  }

  /** The changes detected in monthly series, starting on or after {@code since} (null: all). */
  public static List<Change> changes(List<Series> monthly, String since, Detection thresholds) {
    return changes(monthly, since, thresholds, Tallies.Period.MONTH);
  }

  /** The changes detected in series of a period, starting on or after {@code since}. */
  static List<Change> changes(
      List<Series> series, String since, Detection thresholds, Tallies.Period period) {
    LocalDate from = day("since", since, false);
    String first = from == null ? null : period(from, period);
    List<Change> out = new ArrayList<>();
    for (Signal s : Signals.detect(series, thresholds)) {
      if (first == null || s.start().compareTo(first) >= 0) {
        out.add(Change.of(s));
      }
    }
    return out;
  }

  /** The thresholds of a data directory's file (or {@code file}), else the defaults. */
  public static Detection thresholds(Path dataDir, Path file) {
    Path f = file != null ? file : dataDir.resolve(SETTINGS_FILE);
    if (file == null && !Files.isRegularFile(f)) {
      return Detection.defaults();
    }
    return Detection.defaults().parse(MoneyFlows.readSettings(f, "thresholds"), f.toString());
  }

  /** The keys an entity's group values give under a dimension: a shipment counts once in each. */
  private static Set<String> keys(String by, List<String> groups) {
    Set<String> out = new LinkedHashSet<>();
    switch (by) {
      case "all" -> out.add("all");
      case "country", "port" -> {
        for (String g : groups) {
          String v = g == null ? null : g.replace(" ", "").strip();
          if (v == null || v.isEmpty()) {
            continue;
          }
          if (by.equals("port") || groups.size() == 1) {
            out.add(by.equals("port") ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT));
          } else if (v.length() >= 2) {
            out.add(v.substring(0, 2).toLowerCase(Locale.ROOT));
          }
        }
      }
      case "route" -> {
        List<String> ports = new ArrayList<>();
        for (String g : groups) {
          if (g != null && !g.isBlank()) {
            ports.add(g.replace(" ", "").toUpperCase(Locale.ROOT));
          }
        }
        if (!ports.isEmpty()) {
          out.add(String.join(" > ", ports));
        }
      }
      case "goods", "drug" -> {
        if (groups.get(0) != null && !groups.get(0).isBlank()) {
          out.add(groups.get(0).strip().toLowerCase(Locale.ROOT));
        }
      }
      default -> {
        if (groups.get(0) != null) {
          out.add(groups.get(0));
        }
      }
    }
    return out;
  }

  /** The period a day falls in, as the warehouse names it. */
  static String period(LocalDate d, Tallies.Period p) {
    return switch (p) {
      case MONTH -> YearMonth.from(d).toString();
      case QUARTER -> d.getYear() + "Q" + d.get(IsoFields.QUARTER_OF_YEAR);
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              d.get(IsoFields.WEEK_BASED_YEAR),
              d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    };
  }

  /** Every period from the first to the last, both named as the warehouse names them. */
  static List<String> periods(String first, String last, Tallies.Period p) {
    List<String> out = new ArrayList<>();
    LocalDate d = start(first, p);
    LocalDate end = start(last, p);
    while (!d.isAfter(end)) {
      out.add(period(d, p));
      d =
          switch (p) {
            case MONTH -> d.plusMonths(1);
            case QUARTER -> d.plusMonths(3);
            case WEEK -> d.plusWeeks(1);
          };
    }
    return out;
  }

  private static LocalDate start(String period, Tallies.Period p) {
    return switch (p) {
      case MONTH -> YearMonth.parse(period).atDay(1);
      case QUARTER ->
          LocalDate.of(
              Integer.parseInt(period.substring(0, 4)),
              3 * (Integer.parseInt(period.substring(5)) - 1) + 1,
              1);
      case WEEK ->
          LocalDate.of(Integer.parseInt(period.substring(0, 4)), 1, 4)
              .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(period.substring(6)))
              .with(java.time.DayOfWeek.MONDAY);
    };
  }

  /**
   * A day given as YYYY-MM-DD, or a month YYYY-MM (its first day, or its last for {@code end});
   * null for null.
   */
  static LocalDate day(String option, String value, boolean end) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 7) {
        YearMonth m = YearMonth.parse(value);
        return end ? m.atEndOfMonth() : m.atDay(1);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--" + option + " '" + value + "' is not a day (YYYY-MM-DD) or a month (YYYY-MM)");
    }
  }
}
