package org.spil.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.types.NameKeys;

/**
 * The comparison of two records, feature by feature, each as a level (0 = strongest agreement,
 * higher = weaker, {@link #MISSING} when either side lacks the value). The level labels explain a
 * score. Records are prepared once ({@link Prepared}) so that comparing is cheap.
 */
final class Features {
  static final byte MISSING = -1;
  static final String[] NAMES = {"name", "dob", "identifier", "phone", "country", "city"};
  static final String[][] LEVELS = {
    {
      "exact",
      "same tokens in another script or order",
      "close (every token >= 0.85, mean >= 0.92)",
      "similar (>= 0.82 or same sound)",
      "different"
    },
    {"exact", "day and month swapped", "one digit or one day off", "same year", "different"},
    {"shared", "both have, none shared"},
    {"shared", "both have, none shared"},
    {"same", "different"},
    {"same", "close", "different"}
  };

  private Features() {}

  /** A record with its comparison keys computed. */
  record Prepared(
      ResolveRecord record,
      String folded,
      Set<String> tokens,
      Set<String> sounds,
      Set<String> documents,
      Set<String> phones) {}

  static Prepared prepare(ResolveRecord r) {
    Set<String> documents = new TreeSet<>();
    Set<String> phones = new TreeSet<>();
    for (String id : r.identifiers()) {
      (id.startsWith("phone:") ? phones : documents).add(id);
    }
    if (r.name() == null || r.name().isBlank()) {
      return new Prepared(r, null, Set.of(), Set.of(), documents, phones);
    }
    Set<String> tokens = new TreeSet<>(NameKeys.tokens(r.name()));
    if (r.kind() != ResolveRecord.Kind.PERSON) {
      Set<String> bare = new TreeSet<>(tokens);
      // an account holder may be a person whose one-letter tokens are initials; they are
      // legal-form letters ("B.V.") only when the name has a legal form
      boolean company = r.kind() == ResolveRecord.Kind.COMPANY || LegalForms.has(tokens);
      bare.removeIf(t -> LegalForms.WORDS.contains(t) && (company || t.length() > 1));
      if (!bare.isEmpty()) {
        tokens = bare;
      }
    }
    String fp = String.join(" ", tokens);
    return new Prepared(r, fp, tokens, NameKeys.phonetic(tokens), documents, phones);
  }

  static void compare(Prepared a, Prepared b, byte[] out) {
    out[0] = name(a, b);
    out[1] = dob(a.record().dob(), b.record().dob());
    out[2] = identifiers(a.documents(), b.documents());
    out[3] = identifiers(a.phones(), b.phones());
    out[4] = countries(a.record().countries(), b.record().countries());
    out[5] = city(a.record().city(), b.record().city());
  }

  static byte name(Prepared a, Prepared b) {
    if (a.folded() == null || b.folded() == null) {
      return MISSING;
    }
    if (a.folded().equals(b.folded())) {
      return 0;
    }
    if (!initialsAgree(a.tokens(), b.tokens()) || !initialsAgree(b.tokens(), a.tokens())) {
      return 4;
    }
    int common = 0;
    for (String t : a.tokens()) {
      if (b.tokens().contains(t)) {
        common++;
      }
    }
    double jaccard = (double) common / (a.tokens().size() + b.tokens().size() - common);
    if (jaccard >= 0.75) {
      return 1;
    }
    double weakest = tokenwise(a.tokens(), b.tokens());
    double mean = tokenMean(a.tokens(), b.tokens());
    if (weakest >= 0.80 && mean >= 0.90) {
      return 2;
    }
    double jw = weakest;
    int sound = 0;
    for (String s : a.sounds()) {
      if (b.sounds().contains(s)) {
        sound++;
      }
    }
    if (jw >= 0.85 || (sound > 0 && sound >= Math.max(a.sounds().size(), b.sounds().size()))) {
      return 3;
    }
    return 4;
  }

  /**
   * Each token of the shorter name matched to its most similar token of the other (Jaro-Winkler, or
   * a prefix such as "rob" of "robert"), averaged: robust to nicknames, order and one typo per
   * token.
   */
  static double tokenwise(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return Math.min(directed(a, b), directed(b, a));
  }

  /** The mean over both names' tokens of each token's best match in the other name. */
  static double tokenMean(Set<String> a, Set<String> b) {
    int n = a.size() + b.size();
    return n == 0 ? 0 : (sumOfBest(a, b) + sumOfBest(b, a)) / n;
  }

  private static double sumOfBest(Set<String> from, Set<String> to) {
    double sum = 0;
    for (String x : from) {
      double best = 0;
      for (String y : to) {
        best = Math.max(best, similarity(x, y));
      }
      sum += best;
    }
    return sum;
  }

  private static double similarity(String x, String y) {
    double s = JaroWinkler.similarity(x, y);
    if (x.length() >= 3 && y.length() >= 3 && (x.startsWith(y) || y.startsWith(x))) {
      s = Math.max(s, 0.93);
    }
    return s;
  }

  /** The weakest best match of a token of {@code from} (particles and initials excluded). */
  private static double directed(Set<String> from, Set<String> to) {
    double min = 1;
    boolean any = false;
    for (String x : from) {
      if (x.length() <= 2) {
        continue;
      }
      any = true;
      double best = 0;
      for (String y : to) {
        double s = JaroWinkler.similarity(x, y);
        if (x.length() >= 3 && y.length() >= 3 && (x.startsWith(y) || y.startsWith(x))) {
          s = Math.max(s, 0.93);
        }
        best = Math.max(best, s);
      }
      min = Math.min(min, best);
    }
    return any ? min : 0;
  }

  /** Every one-letter token (an initial) of {@code a} starts some token of {@code b}. */
  static boolean initialsAgree(Set<String> a, Set<String> b) {
    for (String t : a) {
      if (t.length() == 1) {
        boolean found = false;
        for (String u : b) {
          if (u.charAt(0) == t.charAt(0)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
    }
    return true;
  }

  static byte dob(String a, String b) {
    if (a == null || b == null || a.length() < 4 || b.length() < 4) {
      return MISSING;
    }
    if (a.equals(b) && a.length() == 10) {
      return 0;
    }
    if (a.length() == 10 && b.length() == 10) {
      if (a.substring(0, 4).equals(b.substring(0, 4))
          && a.substring(5, 7).equals(b.substring(8, 10))
          && a.substring(8, 10).equals(b.substring(5, 7))) {
        return 1;
      }
      int diff = 0;
      for (int i = 0; i < 10; i++) {
        if (a.charAt(i) != b.charAt(i)) {
          diff++;
        }
      }
      if (diff == 1
          || (a.substring(0, 8).equals(b.substring(0, 8)) && Math.abs(day(a) - day(b)) == 1)) {
        return 2;
      }
    }
    return a.substring(0, 4).equals(b.substring(0, 4)) ? (byte) 3 : (byte) 4;
  }

  private static int day(String iso) {
    return Integer.parseInt(iso.substring(8, 10));
  }

  static byte identifiers(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return MISSING;
    }
    for (String x : a) {
      if (b.contains(x)) {
        return 0;
      }
    }
    return 1;
  }

  static byte countries(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return MISSING;
    }
    for (String x : a) {
      if (b.contains(x)) {
        return 0;
      }
    }
    return 1;
  }

  static byte city(String a, String b) {
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      return MISSING;
    }
    String x = a.strip().toLowerCase();
    String y = b.strip().toLowerCase();
    if (x.equals(y)) {
      return 0;
    }
    return JaroWinkler.similarity(x, y) >= 0.88 ? (byte) 1 : (byte) 2;
  }

  /** Human-readable levels of a comparison. */
  static List<String> describe(byte[] levels) {
    List<String> out = new ArrayList<>();
    for (int f = 0; f < NAMES.length; f++) {
      out.add(NAMES[f] + ": " + (levels[f] == MISSING ? "missing" : LEVELS[f][levels[f]]));
    }
    return out;
  }
}
