package org.spil.analysis.monitor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The thresholds of change detection, every one named, with its default and what it does: read from
 * a file of {@code key = value} lines ({@code #} starts a comment), where a bad line or an unknown
 * key is refused with the file, line, key and reason. {@code docs/monitoring.md} defends the
 * defaults.
 */
public final class Detection {
  /** Each threshold: its default and what it means, in the order a file lists them. */
  public static final Map<String, String[]> KEYS = keys();

  /** The thresholds counted in periods: set in months, scaled to weeks for weekly series. */
  private static final java.util.Set<String> IN_PERIODS =
      java.util.Set.of(
          "warmup", "window", "reference", "min-reference", "min-length", "tolerance", "min-ramp");

  private final Map<String, Double> values;

  /** The period the series are judged in: "month" or "week". */
  private final String period;

  private Detection(Map<String, Double> values) {
    this(values, "month");
  }

  private Detection(Map<String, Double> values, String period) {
    this.values = values;
    this.period = period;
  }

  /**
   * These thresholds for weekly series: those counted in periods (set in months) as many weeks as
   * they span (52/12 a month, rounded), but the shortest segment and the tolerance half that (a
   * change seen once it has held a month of weeks, so that a weekly signal comes sooner than the
   * monthly one); the hazard of a change per period a week's share of a month's, the seasons a year
   * of 52 weeks apart; counts and probabilities as they are.
   */
  public Detection weekly() {
    Map<String, Double> v = new LinkedHashMap<>(values);
    double weeks = 52.0 / 12;
    for (String k : IN_PERIODS) {
      v.put(k, (double) Math.round(values.get(k) * weeks));
    }
    // a change holds for a month of weeks before it can be seen, not two: weekly series are read
    // to call a change sooner, and the confirmation by segmentation keeps noise out
    v.put("min-length", (double) Math.round(values.get("min-length") * weeks / 2));
    v.put("tolerance", (double) Math.round(values.get("tolerance") * weeks / 2));
    v.put("hazard", values.get("hazard") / weeks);
    return new Detection(v, "week");
  }

  /** The period the series are judged in: "month", or "week" for {@link #weekly} thresholds. */
  public String period() {
    return period;
  }

  /**
   * The mean a period below which a series held (next to) nothing, so that a change from it is an
   * emergence: half an event a month, a week's share of that for weekly series.
   */
  double nothing() {
    return 0.5 * 12 / year();
  }

  /** Periods in a year of the period judged in. */
  int year() {
    return period.equals("week") ? 52 : 12;
  }

  private static Map<String, String[]> keys() {
    Map<String, String[]> k = new LinkedHashMap<>();
    k.put("warmup", new String[] {"6", "periods of history before any change is called"});
    k.put("min-total", new String[] {"20", "a series judged only with at least this many events"});
    k.put("hazard", new String[] {"0.0167", "prior chance of a change in a period (1 in 60)"});
    k.put("probability", new String[] {"0.9", "posterior of a new run that calls a change"});
    k.put("window", new String[] {"1", "periods either side of the same season a year back"});
    k.put("reference", new String[] {"6", "periods just before, in the first year"});
    k.put("min-reference", new String[] {"3", "reference periods needed to judge a count"});
    k.put("z", new String[] {"4", "spreads above the expected count that alarm"});
    k.put("min-count", new String[] {"5", "smallest count that can alarm"});
    k.put("penalty", new String[] {"3", "price of a change, in multiples of log(periods)"});
    k.put("min-length", new String[] {"2", "shortest segment"});
    k.put("tolerance", new String[] {"2", "periods between a call and the segmentation's change"});
    k.put("min-ramp", new String[] {"6", "shortest run of a change of slope (a trend)"});
    return k;
  }

  /** Every threshold at its default. */
  public static Detection defaults() {
    Map<String, Double> v = new LinkedHashMap<>();
    KEYS.forEach((k, d) -> v.put(k, Double.parseDouble(d[0])));
    return new Detection(v);
  }

  /**
   * These thresholds changed by a file's lines.
   *
   * @throws IllegalArgumentException naming the source, line, key and reason of the first bad line
   */
  public Detection parse(String text, String source) {
    Map<String, Double> v = new LinkedHashMap<>(values);
    for (SettingLines.Line l : SettingLines.read(text, source, KEYS.keySet(), "threshold")) {
      double d;
      try {
        d = Double.parseDouble(l.value());
      } catch (NumberFormatException e) {
        d = Double.NaN;
      }
      String problem = problem(l.key(), d);
      if (problem != null) {
        throw new IllegalArgumentException(
            l.where() + ": " + l.key() + ": '" + l.value() + "' " + problem);
      }
      v.put(l.key(), d);
    }
    return new Detection(v);
  }

  private static String problem(String key, double d) {
    if (!Double.isFinite(d) || d < 0) {
      return "is not a number of 0 or more";
    }
    return switch (key) {
      case "hazard", "probability" ->
          d > 0 && d < 1 ? null : "is not a probability above 0, below 1";
      case "warmup",
          "window",
          "reference",
          "min-reference",
          "min-length",
          "tolerance",
          "min-ramp" ->
          d == Math.rint(d) && d <= 120 ? null : "is not a whole number of periods up to 120";
      default -> null;
    };
  }

  /** A threshold's value. */
  public double get(String key) {
    Double d = values.get(key);
    if (d == null) {
      throw new IllegalArgumentException("no threshold '" + key + "'");
    }
    return d;
  }

  int whole(String key) {
    return (int) get(key);
  }

  /** The thresholds as a file would set them, with what each means. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (period.equals("week")) {
      b.append(
          "# weekly: the thresholds counted in periods are the months' in weeks (52/12 a month),"
              + " the hazard a week's share\n");
    }
    KEYS.forEach(
        (k, d) ->
            b.append(String.format(Locale.ROOT, "%-14s = %-8s # %s%n", k, format(get(k)), d[1])));
    return b.toString();
  }

  private static String format(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  CountAlarm.Settings alarm() {
    return new CountAlarm.Settings(
        whole("window"),
        whole("reference"),
        whole("min-reference"),
        get("z"),
        get("min-count"),
        year());
  }
}
