package org.spil.resolve;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.spil.model.InvalidField;

/**
 * An analyst's verdict on whether two records are the same entity: {@link #SAME} merges them in
 * every later resolution, {@link #DIFFERENT} keeps them apart, {@link #UNSURE} records the doubt
 * and steers nothing.
 */
public enum Verdict {
  SAME,
  DIFFERENT,
  UNSURE;

  /** The word users type and read: lower case. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verdict of a word, or a refusal naming the three there are. */
  public static Verdict parse(String word) {
    for (Verdict v : values()) {
      if (v.label().equals(word)) {
        return v;
      }
    }
    throw new InvalidField(
        "verdict", "a judgement is same, different or unsure, not '" + word + "'");
  }

  /** Whether the verdict steers resolution (same or different). */
  public boolean decides() {
    return this != UNSURE;
  }
}
