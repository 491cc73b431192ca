package org.spil.resolve;

/**
 * Jaro-Winkler similarity on two strings, without allocation for strings of up to 64 characters
 * (name tokens: the matched positions are bits of two longs), with two boolean arrays beyond.
 */
final class JaroWinkler {
  private JaroWinkler() {}

  static double similarity(String a, String b) {
    if (a.equals(b)) {
      return a.isEmpty() ? 0 : 1;
    }
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return 0;
    }
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    if (la <= 64 && lb <= 64) {
      return short64(a, b, la, lb, window);
    }
    boolean[] ma = new boolean[la];
    boolean[] mb = new boolean[lb];
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!mb[j] && a.charAt(i) == b.charAt(j)) {
          ma[i] = true;
          mb[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int t = 0;
    int k = 0;
    for (int i = 0; i < la; i++) {
      if (ma[i]) {
        while (!mb[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          t++;
        }
        k++;
      }
    }
    return winkler(a, b, la, lb, matches, t);
  }

  private static double short64(String a, String b, int la, int lb, int window) {
    long ma = 0;
    long mb = 0;
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      char c = a.charAt(i);
      for (int j = from; j <= to; j++) {
        if ((mb & (1L << j)) == 0 && c == b.charAt(j)) {
          ma |= 1L << i;
          mb |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int t = 0;
    int k = 0;
    for (int i = 0; i < la; i++) {
      if ((ma & (1L << i)) != 0) {
        while ((mb & (1L << k)) == 0) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          t++;
        }
        k++;
      }
    }
    return winkler(a, b, la, lb, matches, t);
  }

  private static double winkler(String a, String b, int la, int lb, int matches, int t) {
    double m = matches;
    double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
    int prefix = 0;
    for (int i = 0; i < Math.min(4, Math.min(la, lb)) && a.charAt(i) == b.charAt(i); i++) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }
}
