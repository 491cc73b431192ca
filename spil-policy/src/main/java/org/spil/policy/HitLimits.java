package org.spil.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much hit/no-hit one user may ask in a day, so that the exchange cannot be used as an oracle:
 * a hit names the keys that matched, so trying one name with date after date would find a date of
 * birth. {@code queriesPerDay} bounds all of a user's hit queries; {@code variantsNotice} and
 * {@code variantsMax} bound the distinct sets of details (date of birth, IBAN, phone, identifier)
 * tried with one name: reaching the first raises a notice to the agency's privacy officers, passing
 * the second refuses that name for the rest of the day. The defaults allow a day's honest work
 * (checking a list of names, each with what is known of it, and a typo or two) and stop enumeration
 * at the sixth date. Read from {@code DIR/hit-limits.txt} when present:
 *
 * <pre>
 * queries-per-day: 300
 * variants-notice: 3
 * variants-max: 5
 * </pre>
 */
public record HitLimits(int queriesPerDay, int variantsNotice, int variantsMax) {
  public static final HitLimits DEFAULTS = new HitLimits(300, 3, 5);

  public HitLimits {
    if (queriesPerDay < 1 || variantsNotice < 1 || variantsMax < 1) {
      throw new PolicyException("hit limits are at least 1");
    }
    if (variantsNotice > variantsMax) {
      throw new PolicyException(
          "variants-notice ("
              + variantsNotice
              + ") must not exceed variants-max ("
              + variantsMax
              + "): the notice comes before the refusal");
    }
  }

  /**
   * Parses {@code key: value} lines ({@code #} comments); a key not given keeps its default. A line
   * that does not parse fails with {@code file:line: reason}.
   */
  public static HitLimits parse(String text, String file) {
    Map<String, Integer> values = new LinkedHashMap<>();
    values.put("queries-per-day", DEFAULTS.queriesPerDay);
    values.put("variants-notice", DEFAULTS.variantsNotice);
    values.put("variants-max", DEFAULTS.variantsMax);
    Map<String, Integer> seen = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      int colon = line.indexOf(':');
      String key = colon < 0 ? line : line.substring(0, colon).strip();
      if (colon < 0 || !values.containsKey(key)) {
        throw new PolicyException(
            where
                + "expected 'queries-per-day: N', 'variants-notice: N' or 'variants-max: N', got '"
                + shown(line)
                + "'");
      }
      Integer first = seen.putIfAbsent(key, i + 1);
      if (first != null) {
        throw new PolicyException(where + key + " given twice (first on line " + first + ")");
      }
      String value = line.substring(colon + 1).strip();
      if (!value.matches("[0-9]{1,7}")) {
        throw new PolicyException(
            where + key + ": a whole number from 1 to 9999999, not '" + shown(value) + "'");
      }
      values.put(key, Integer.parseInt(value));
    }
    try {
      return new HitLimits(
          values.get("queries-per-day"), values.get("variants-notice"), values.get("variants-max"));
    } catch (PolicyException e) {
      throw new PolicyException(file + ": " + e.getMessage());
    }
  }

  /** A value as an error message quotes it: at most 60 characters. */
  private static String shown(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
