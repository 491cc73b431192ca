package org.spil.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * How strongly a hit matches, as the requester is told: {@link #STRONG} on an identifier (IBAN,
 * phone, document number) or on a name with the same date of birth; {@link #MEDIUM} on a name alone
 * that agrees closely; {@link #WEAK} on a name that is only similar. It says how much to trust the
 * hit before asking for access, never which value matched.
 */
public enum HitStrength {
  STRONG,
  MEDIUM,
  WEAK;

  /** Keyed name filters at least this alike count as a medium hit without a date of birth. */
  static final double MEDIUM_NAME_SCORE = 0.85;

  /**
   * The strength of a match on these keys ({@code name}, {@code dob}, identifier kinds) with this
   * name score, where {@code nameThreshold} is the score at which a name is a hit at all.
   */
  static HitStrength of(List<String> on, double score, double nameThreshold) {
    boolean identifier = on.stream().anyMatch(k -> !k.equals("name") && !k.equals("dob"));
    if (identifier || (on.contains("dob") && score >= nameThreshold)) {
      return STRONG;
    }
    return score >= MEDIUM_NAME_SCORE ? MEDIUM : WEAK;
  }

  /** The word users read and JSON carries: lower case. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
