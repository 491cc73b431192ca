package org.spil.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name closest to a misspelt one, for the "did you mean" hints of error messages
 * (schemata, properties, manifest keys). Case-insensitive Levenshtein distance on two rows.
 */
public final class Nearest {
  private Nearest() {}

  /** The closest known name within {@code maxDistance} edits, if any. */
  public static Optional<String> to(String name, Collection<String> known, int maxDistance) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= maxDistance ? Optional.ofNullable(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
