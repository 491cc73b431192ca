package org.spil.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who counts as a suspect, one rule for every analysis that asks: an entity whose position or role
 * in any source the viewer may see names it a suspect ("verdachte", "suspect", "prévenu" ...), and
 * every party to a court case (the prosecution's cases list their defendants). The network flags
 * them "underworld" (with the accounts of criminal phone services), seizure chains and port
 * insiders read that flag, and targeting calls a consignee linked when such a person directs or
 * owns it.
 */
final class Suspects {
  /** The properties whose values can name a suspect. */
  static final List<String> PROPERTIES = List.of("position", "role");

  private static final Set<String> WORDS =
      Set.of("verdachte", "suspect", "verdacht", "prévenu", "inculpé", "verdächtiger", "accused");

  private Suspects() {}

  /** Whether a position or role names a suspect. */
  static boolean word(String value) {
    return names(value, WORDS);
  }

  /** Whether an entity's values of {@link #PROPERTIES} name it a suspect. */
  static boolean named(Map<String, List<String>> props) {
    for (String p : PROPERTIES) {
      for (String v : props.getOrDefault(p, List.of())) {
        if (word(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a value is one of the words, starts with one followed by a space, or has one after a
   * space, ignoring case ("verdachte", "verdachte (voorlopig)", "mede verdachte").
   */
  static boolean names(String value, Set<String> words) {
    String lower = value.toLowerCase(Locale.ROOT).strip();
    for (String w : words) {
      if (lower.equals(w) || lower.startsWith(w + " ") || lower.contains(" " + w)) {
        return true;
      }
    }
    return false;
  }
}
