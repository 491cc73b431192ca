package org.spil.resolve;

import java.util.List;
import java.util.Locale;

/**
 * The comparisons of two records, feature by feature, in the order a comparison vector holds them:
 * each owns its ordered levels, strongest agreement first (level 0), and their labels, which
 * explain a score ("name: similar (>= 0.85 or same sound)"). {@link #MISSING} is the level when
 * either record lacks the value. How a pair is compared lives in {@code Features}; how much each
 * level weighs, in {@code FellegiSunter}.
 */
public enum Comparison {
  NAME(
      "same (in any script, order, spacing or legal form)",
      "same tokens but one (a middle name)",
      "close (a firm's words each a typing error apart; a person's tokens >= 0.80, mean >= 0.90)",
      "similar (>= 0.85 or same sound)",
      "one name is part or initials of the other",
      "different"),
  DOB(
      "exact",
      "day and month swapped",
      "one digit or one day off",
      "two digits off",
      "agree as far as both go (one gives only the year or month)",
      "same year, month or day differ",
      "different"),
  IDENTIFIER("shared", "an email one or two characters apart", "both have, none shared"),
  REGISTRATION("same", "both registered, numbers differ"),
  PHONE("shared", "both have, none shared"),
  COUNTRY("same", "different"),
  CITY("same", "close", "different"),
  LEGAL_FORM("same", "different"),
  ADDRESS(
      "same street, house number and addition",
      "same house number and addition, street a typing error apart or same postcode",
      "same building, another or no addition",
      "same street or postcode, no house number on one side or both",
      "same street, another house number",
      "same postcode area, another street",
      "different");

  /** The level of a comparison when either record lacks the value. */
  public static final byte MISSING = -1;

  /** The name level: one name is part or initials of the other. */
  public static final byte NAME_PART = 4;

  /** The name level: different names. */
  public static final byte NAME_DIFFERENT = 5;

  /** How many comparisons a vector holds. */
  public static final int COUNT = values().length;

  private static final Comparison[] ALL = values();

  private final List<String> levels;

  Comparison(String... levels) {
    this.levels = List.of(levels);
  }

  /** The comparison at a position of a vector. */
  public static Comparison at(int index) {
    return ALL[index];
  }

  /** Its position in a comparison vector. */
  public int index() {
    return ordinal();
  }

  /** What explanations call it: {@code name}, {@code legal form}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The labels of its levels, strongest agreement first. */
  public List<String> levels() {
    return levels;
  }

  /** How a level reads in an explanation: {@code "dob: exact"}, {@code "city: missing"}. */
  public String describe(byte level) {
    return label() + ": " + (level == MISSING ? "missing" : levels.get(level));
  }
}
