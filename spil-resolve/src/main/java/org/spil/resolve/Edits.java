package org.spil.resolve;

/**
 * Typing errors between two strings: bounded Levenshtein distance (at most k insertions, deletions
 * or substitutions, computed in a diagonal band of width 2k+1 so that the cost stays linear in the
 * length for the small k used) and two neighbouring letters swapped.
 */
final class Edits {
  private Edits() {}

  static boolean atMost(String a, String b, int k) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > k) {
      return false;
    }
    int big = k + 1;
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j <= k ? j : big;
    }
    for (int i = 1; i <= n; i++) {
      int from = Math.max(1, i - k);
      int to = Math.min(m, i + k);
      cur[0] = i <= k ? i : big;
      if (from > 1) {
        cur[from - 1] = big;
      }
      int rowMin = cur[0];
      for (int j = from; j <= to; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(prev[j - 1] + cost, Math.min(prev[j] + 1, cur[j - 1] + 1));
        cur[j] = Math.min(v, big);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (to < m) {
        cur[to + 1] = big;
      }
      if (rowMin > k) {
        return false;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m] <= k;
  }

  /** At most {@code k} letters added, left out or changed, or two neighbours swapped. */
  static boolean typo(String a, String b, int k) {
    return atMost(a, b, k) || swapped(a, b);
  }

  /** Whether two strings differ only by two neighbouring characters swapped. */
  static boolean swapped(String x, String y) {
    if (x.length() != y.length()) {
      return false;
    }
    int i = 0;
    while (i < x.length() && x.charAt(i) == y.charAt(i)) {
      i++;
    }
    return i + 1 < x.length()
        && x.charAt(i) == y.charAt(i + 1)
        && x.charAt(i + 1) == y.charAt(i)
        && x.regionMatches(i + 2, y, i + 2, x.length() - i - 2);
  }
}
