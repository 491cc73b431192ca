package org.spil.analysis.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of every {@link Threshold}: the defaults, changed by a thresholds file of {@code key =
 * value} lines ({@code #} starts a comment) that {@link #parse} reads, or by single values {@link
 * #with}. A bad line is refused with the file, line, key and reason; a key not in the vocabulary is
 * refused too, so that a misspelt threshold never silently keeps its default.
 */
public final class Thresholds {
  private final Map<Threshold, String> values;

  private Thresholds(Map<Threshold, String> values) {
    this.values = values;
  }

  /** Every threshold at its default. */
  public static Thresholds defaults() {
    Map<Threshold, String> v = new EnumMap<>(Threshold.class);
    for (Threshold t : Threshold.values()) {
      v.put(t, t.defaultValue());
    }
    return new Thresholds(v);
  }

  /**
   * These values changed by the lines of a thresholds file; {@code source} names it in errors.
   *
   * @throws IllegalArgumentException naming the source, line, key and reason of the first bad line
   */
  public Thresholds parse(String text, String source) {
    Map<Threshold, String> v = new EnumMap<>(values);
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      String where = source + ", line " + (i + 1);
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            where + ": expected 'key = value', found '" + shown(line) + "'");
      }
      String key = line.substring(0, eq).strip();
      Threshold t = Threshold.of(key);
      if (t == null) {
        throw new IllegalArgumentException(
            where + ": no threshold '" + shown(key) + "' (spil flows thresholds lists them)");
      }
      String value = line.substring(eq + 1).strip();
      String problem = problem(t, value);
      if (problem != null) {
        throw new IllegalArgumentException(where + ": " + key + ": " + problem);
      }
      v.put(t, value);
    }
    return new Thresholds(v);
  }

  /**
   * These values with one changed.
   *
   * @throws IllegalArgumentException naming the key and why the value is refused
   */
  public Thresholds with(Threshold t, String value) {
    String problem = problem(t, value);
    if (problem != null) {
      throw new IllegalArgumentException(t.key() + ": " + problem);
    }
    Map<Threshold, String> v = new EnumMap<>(values);
    v.put(t, value);
    return new Thresholds(v);
  }

  /** Why a value does not suit a threshold, or null when it does. */
  static String problem(Threshold t, String value) {
    if (t.type() == Threshold.Type.NAMES) {
      for (int i = 0; i < value.length(); i++) {
        if (Character.isISOControl(value.charAt(i))) {
          return "a name holds a control character";
        }
      }
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return "'" + shown(value) + "' is not a number";
    }
    if (Double.isNaN(d) || d < t.min() || d > t.max()) {
      return "'" + shown(value) + "' is outside " + plain(t.min()) + " to " + plain(t.max());
    }
    boolean whole = t.type() == Threshold.Type.DAYS || t.type() == Threshold.Type.COUNT;
    if (whole && d != Math.rint(d)) {
      return "'" + shown(value) + "' is not a whole number";
    }
    return null;
  }

  /** A value as an error shows it: control characters escaped, long values cut. */
  private static String shown(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
    }
    return s.length() > 80 ? b + "..." : b.toString();
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** A threshold of whole days or things. */
  public int whole(Threshold t) {
    return (int) Double.parseDouble(values.get(t));
  }

  /** An amount, share or factor. */
  public double number(Threshold t) {
    return Double.parseDouble(values.get(t));
  }

  /** A list of names, in the order given, without empty ones. */
  public List<String> names(Threshold t) {
    List<String> out = new ArrayList<>();
    for (String n : values.get(t).split(",")) {
      if (!n.isBlank()) {
        out.add(n.strip());
      }
    }
    return out;
  }

  /** The value as written. */
  public String value(Threshold t) {
    return values.get(t);
  }

  /**
   * These values as a thresholds file: every key with its meaning as a comment, grouped by
   * typology, that {@link #parse} reads back to the same values.
   */
  public String file() {
    StringBuilder b =
        new StringBuilder(
            "# Thresholds of the money-flow typologies (spil flows typologies --thresholds FILE).\n"
                + "# Amounts are in the currency of the payments compared.\n");
    String group = "";
    for (Threshold t : Threshold.values()) {
      String g = t.key().substring(0, t.key().indexOf('.'));
      if (!g.equals(group)) {
        b.append('\n');
        group = g;
      }
      b.append("# ").append(t.meaning()).append('\n');
      b.append(t.key()).append(" = ").append(values.get(t)).append('\n');
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Thresholds other && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return Arrays.toString(values.entrySet().toArray());
  }
}
