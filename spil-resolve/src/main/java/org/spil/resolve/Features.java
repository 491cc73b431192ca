package org.spil.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.types.NameKeys;
import org.spil.model.types.Text;

/**
 * The comparison of two records, feature by feature, each as a level (0 = strongest agreement,
 * higher = weaker, {@link Comparison#Comparison.MISSING} when either side lacks the value), in the
 * order of {@link Comparison}, whose level labels explain a score. Records are prepared once
 * ({@link Prepared}) so that comparing is cheap.
 */
final class Features {
  private Features() {}

  /** A record with its comparison keys computed. */
  record Prepared(
      ResolveRecord record,
      String folded,
      Set<String> tokens,
      Set<String> sounds,
      Set<String> documents,
      Set<String> registrations,
      Set<String> phones,
      boolean initials,
      String legalForm,
      StreetAddress address) {}

  /**
   * Whether a name gives its given name as an initial: in the name of someone who is not a firm, a
   * one-letter token first or last ("M. Yilmaz", "YILMAZ M", "K. van den Berg"), or first after the
   * comma of "Surname, Given" ("Smit, J."). A one-letter token between full names is a middle
   * initial ("John A. Smith"), which abbreviates nothing. In a firm's name a single letter is a
   * particle ("Restrepo y García") or part of the trade name.
   */
  static boolean initials(String name, Set<String> tokens, boolean firm) {
    if (firm) {
      return false;
    }
    boolean any = false;
    for (String t : tokens) {
      any |= t.length() == 1;
    }
    if (!any) {
      return false;
    }
    int comma = name.indexOf(',');
    String[] words = Text.fold(comma < 0 ? name : name.substring(comma + 1)).split(" ");
    if (words.length == 0 || words[0].isEmpty()) {
      return false;
    }
    return words[0].length() == 1 || (comma < 0 && words[words.length - 1].length() == 1);
  }

  static Prepared prepare(ResolveRecord r) {
    Set<String> documents = new TreeSet<>();
    Set<String> registrations = new TreeSet<>();
    Set<String> phones = new TreeSet<>();
    boolean firm = r.kind() == ResolveRecord.Kind.COMPANY;
    for (String id : r.identifiers()) {
      if (id.startsWith("phone:")) {
        phones.add(id);
      } else if (firm && !id.startsWith("iban:") && !id.startsWith("email:")) {
        registrations.add(id);
      } else {
        documents.add(id);
      }
    }
    StreetAddress address = StreetAddress.parse(r.address());
    if (r.name() == null || r.name().isBlank()) {
      return new Prepared(
          r, null, Set.of(), Set.of(), documents, registrations, phones, false, null, address);
    }
    Set<String> tokens = new TreeSet<>(NameKeys.tokens(r.name()));
    boolean company =
        r.kind() == ResolveRecord.Kind.COMPANY
            || (r.kind() == ResolveRecord.Kind.EITHER && LegalForms.has(tokens));
    if (r.kind() != ResolveRecord.Kind.PERSON) {
      Set<String> bare = new TreeSet<>(tokens);
      // an account holder may be a person whose one-letter tokens are initials; they are
      // legal-form letters ("B.V.") only when the name has a legal form
      Set<String> mistyped = company ? LegalForms.mistyped(r.name()).keySet() : Set.of();
      bare.removeIf(
          t -> (company || t.length() > 1) && (LegalForms.isWord(t) || mistyped.contains(t)));
      if (!bare.isEmpty()) {
        tokens = bare;
      }
    }
    String fp = String.join(" ", tokens);
    return new Prepared(
        r,
        fp,
        tokens,
        NameKeys.phonetic(tokens),
        documents,
        registrations,
        phones,
        initials(r.name(), tokens, company),
        company ? LegalForms.of(r.name()) : null,
        address);
  }

  static void compare(Prepared a, Prepared b, byte[] out) {
    out[Comparison.NAME.index()] = name(a, b);
    out[Comparison.DOB.index()] = dob(a.record().dob(), b.record().dob());
    out[Comparison.IDENTIFIER.index()] = documents(a.documents(), b.documents());
    out[Comparison.REGISTRATION.index()] = registrations(a.registrations(), b.registrations());
    out[Comparison.PHONE.index()] = identifiers(a.phones(), b.phones());
    out[Comparison.COUNTRY.index()] = countries(a.record().countries(), b.record().countries());
    out[Comparison.CITY.index()] = city(a.record().city(), b.record().city());
    out[Comparison.LEGAL_FORM.index()] = legalForm(a.legalForm(), b.legalForm());
    out[Comparison.ADDRESS.index()] = address(a.address(), b.address());
  }

  /**
   * Two addresses, from the same dwelling to different places (the levels of {@link
   * Comparison#ADDRESS}). Postcodes of different areas, or places that differ, mean different
   * addresses however alike the street and number ("Kerkstraat 12" is in every Dutch town).
   */
  static byte address(StreetAddress a, StreetAddress b) {
    if (a == null || b == null) {
      return Comparison.MISSING;
    }
    boolean areas = a.area() != null && b.area() != null;
    if ((areas && !a.area().equals(b.area()))
        || (!areas
            && a.place() != null
            && b.place() != null
            && !a.place().equals(b.place())
            && JaroWinkler.similarity(a.place(), b.place()) < 0.88)) {
      return 6;
    }
    boolean sameStreet = a.street() != null && a.street().equals(b.street());
    boolean sameNumber = a.number() != null && a.number().equals(b.number());
    // a street a typing error apart matters only where the numbers do not already differ: two
    // numbers on two streets are two houses however alike the streets' names
    boolean closeStreet =
        !sameStreet
            && (sameNumber || a.number() == null || b.number() == null)
            && a.street() != null
            && b.street() != null
            && Math.min(a.street().length(), b.street().length()) >= 5
            && JaroWinkler.similarity(a.street(), b.street()) >= 0.9;
    boolean samePostcode = a.postcode() != null && a.postcode().equals(b.postcode());
    if (sameNumber && a.sameHouse(b)) {
      if (sameStreet) {
        return 0;
      }
      if (closeStreet || (samePostcode && (a.street() == null || b.street() == null))) {
        return 1;
      }
    }
    boolean street = sameStreet || closeStreet;
    if (sameNumber && (street || samePostcode)) {
      return 2;
    }
    if ((street || samePostcode) && (a.number() == null || b.number() == null)) {
      return 3;
    }
    if (street) {
      return 4;
    }
    return a.area() != null && a.area().equals(b.area()) ? (byte) 5 : (byte) 6;
  }

  /** Two firms' legal forms as codes: the same, different, or missing when either has none. */
  static byte legalForm(String a, String b) {
    if (a == null || b == null) {
      return Comparison.MISSING;
    }
    return a.equals(b) ? (byte) 0 : (byte) 1;
  }

  static byte name(Prepared a, Prepared b) {
    if (a.folded() == null || b.folded() == null) {
      return Comparison.MISSING;
    }
    // an initial stands for any of many given names: "M. Yilmaz" is weaker evidence than a full
    // name
    boolean abbreviated = a.initials() || b.initials();
    if (a.folded().equals(b.folded()) || writtenApart(a.tokens(), b.tokens())) {
      return abbreviated ? Comparison.NAME_PART : 0;
    }
    // an initial that starts no word of the other name is another given name when the other name
    // has a word of its own too ("P. de Vries", "Jan de Vries"; "John A. Smith", "John B. Smith");
    // beside a name that is all accounted for it is a middle initial more ("Joseph I. Wekeeld")
    if ((!initialsAgree(a.tokens(), b.tokens()) && unexplained(b.tokens(), a.tokens()))
        || (!initialsAgree(b.tokens(), a.tokens()) && unexplained(a.tokens(), b.tokens()))) {
      return Comparison.NAME_DIFFERENT;
    }
    if (sameButInitials(a.tokens(), b.tokens())) {
      return abbreviated ? Comparison.NAME_PART : 1;
    }
    int common = 0;
    for (String t : a.tokens()) {
      if (b.tokens().contains(t)) {
        common++;
      }
    }
    // one token more in a person's name is a middle name; in a company's it may be what sets two
    // firms apart ("Vos Antwerpen Fresh Import", "Vos Fresh Import")
    double jaccard = (double) common / (a.tokens().size() + b.tokens().size() - common);
    boolean firm = firm(a) || firm(b);
    if (jaccard >= 0.75 && !firm) {
      return abbreviated ? Comparison.NAME_PART : 1;
    }
    TokenMatrix m = new TokenMatrix(a.tokens(), b.tokens(), firm);
    // a firm whose name is part of another's is another firm, however close the words: "Dragon
    // Pearl Ho Trading" is not "Dragon Pearl Ho & Chow Trading" ("Chow" is near "Ho" letter by
    // letter)
    if (firm && (m.part(true) || m.part(false))) {
      return Comparison.NAME_DIFFERENT;
    }
    int sound = 0;
    for (String s : a.sounds()) {
      if (b.sounds().contains(s)) {
        sound++;
      }
    }
    boolean sounds = sound > 0 && sound >= Math.max(a.sounds().size(), b.sounds().size());
    if (firm) {
      // two firms' names differ by a word, where two spellings of one name differ by a letter or
      // two: "Harbour Star Chan & Law" is not "Harbour Star Cheung & Law", nor "Noordzee Dijk"
      // "Noordzee Dijkstra", however close letter by letter
      if (withinTypos(a.tokens(), b.tokens()) && withinTypos(b.tokens(), a.tokens())) {
        return 2;
      }
      return sounds ? 3 : Comparison.NAME_DIFFERENT;
    }
    double weakest = Math.min(m.weakestBest(true), m.weakestBest(false));
    double mean = m.meanBest();
    if (weakest >= 0.80 && mean >= 0.90) {
      return 2;
    }
    if (weakest >= 0.85 || sounds) {
      return 3;
    }
    return m.part(true) || m.part(false) ? Comparison.NAME_PART : Comparison.NAME_DIFFERENT;
  }

  /**
   * Whether two names are the same but for two words written together in one ("Mary Carole Smith",
   * "MaryCarole Smith"; "Jan Peter", "Janpeter"): every other token is in both.
   */
  static boolean writtenApart(Set<String> a, Set<String> b) {
    if (a.size() == b.size() + 1) {
      return joined(b, a);
    }
    return b.size() == a.size() + 1 && joined(a, b);
  }

  /** Whether {@code fewer} is {@code more} with two of its tokens written as one. */
  private static boolean joined(Set<String> fewer, Set<String> more) {
    String one = null;
    for (String t : fewer) {
      if (!more.contains(t)) {
        if (one != null) {
          return false;
        }
        one = t;
      }
    }
    if (one == null) {
      return false;
    }
    String x = null;
    String y = null;
    for (String t : more) {
      if (!fewer.contains(t)) {
        if (x == null) {
          x = t;
        } else if (y == null) {
          y = t;
        } else {
          return false;
        }
      }
    }
    return y != null && (one.equals(x + y) || one.equals(y + x));
  }

  /** Whether a record is a firm's: a company, or an account holder whose name has a legal form. */
  private static boolean firm(Prepared p) {
    return p.record().kind() == ResolveRecord.Kind.COMPANY || p.legalForm() != null;
  }

  /**
   * Whether two persons' names differ only by typing errors ({@link #withinTypos}) and forms of a
   * given name ("Tom", "Thomas"), word for word both ways.
   */
  static boolean mistyped(Set<String> a, Set<String> b) {
    return typosOrForms(a, b) && typosOrForms(b, a);
  }

  private static boolean typosOrForms(Set<String> a, Set<String> b) {
    for (String t : a) {
      if (b.contains(t) || withinTypos(Set.of(t), b)) {
        continue;
      }
      boolean form = false;
      for (String u : b) {
        form |= GivenNames.variants(t, u) || (t.length() >= 3 && u.startsWith(t));
      }
      if (!form) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every token of {@code a} is in {@code b} or a typing error away from one of its tokens:
   * two neighbours swapped, or, in a token of four to seven letters one letter added, left out or
   * changed, of eight or more two.
   */
  static boolean withinTypos(Set<String> a, Set<String> b) {
    for (String t : a) {
      if (b.contains(t)) {
        continue;
      }
      boolean found = false;
      for (String u : b) {
        int shorter = Math.min(t.length(), u.length());
        int edits = shorter < 4 ? 0 : shorter < 8 ? 1 : 2;
        if (edits > 0 ? Edits.typo(t, u, edits) : Edits.swapped(t, u)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * The similarity of every token of one name with every token of the other (Jaro-Winkler, raised
   * to 0.93 when one token of three letters or more is a prefix of the other, "rob" of "robert", or
   * when in a person's name both are forms of one given name, "kees" and "cornelis"), computed once
   * per comparison; the name levels read it row-wise and column-wise.
   */
  static final class TokenMatrix {
    private final String[] a;
    private final String[] b;
    private final double[] sim;

    /** Tokens shorter than this are left out of {@link #weakestBest}. */
    private final int shortest;

    /**
     * The matrix of two names' tokens; {@code firm} when either is a firm's, whose tokens of two
     * letters count and whose words are never taken for given names ("Art Gallery").
     */
    TokenMatrix(Set<String> x, Set<String> y, boolean firm) {
      this.shortest = firm ? 2 : 3;
      a = x.toArray(new String[0]);
      b = y.toArray(new String[0]);
      sim = new double[a.length * b.length];
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < b.length; j++) {
          sim[i * b.length + j] = similarity(a[i], b[j], !firm);
        }
      }
    }

    private String[] from(boolean rows) {
      return rows ? a : b;
    }

    private String[] to(boolean rows) {
      return rows ? b : a;
    }

    private double at(boolean rows, int i, int j) {
      return rows ? sim[i * b.length + j] : sim[j * b.length + i];
    }

    /** The best match in the other name of token {@code i} of one side. */
    private double best(boolean rows, int i) {
      double best = 0;
      for (int j = 0; j < to(rows).length; j++) {
        best = Math.max(best, at(rows, i, j));
      }
      return best;
    }

    /**
     * The weakest best match of a token of one side (particles and initials excluded: in a person's
     * name tokens of two letters or fewer, in a firm's one letter, since "Ho" in "Leung & Ho
     * Trading" is a founder), 0 when that side has no such token: robust to nicknames, order and
     * one typo per token.
     */
    double weakestBest(boolean rows) {
      if (a.length == 0 || b.length == 0) {
        return 0;
      }
      double min = 1;
      boolean any = false;
      String[] f = from(rows);
      for (int i = 0; i < f.length; i++) {
        if (f[i].length() < shortest) {
          continue;
        }
        any = true;
        min = Math.min(min, best(rows, i));
      }
      return any ? min : 0;
    }

    /** The mean over both names' tokens of each token's best match in the other name. */
    double meanBest() {
      int n = a.length + b.length;
      if (n == 0) {
        return 0;
      }
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += best(true, i);
      }
      for (int j = 0; j < b.length; j++) {
        sum += best(false, j);
      }
      return sum / n;
    }

    /**
     * Whether one side is a shortened form of the other: each of its tokens (at least one of three
     * letters or more) closely matches a token of the other, and it has fewer tokens or gives a
     * given name as an initial (which {@link #initialsAgree} has checked): "Theodore" against
     * "Theodore Morris", a record that lost its surname, or "T. de Jong" against "Thijs de Jong".
     */
    boolean part(boolean rows) {
      String[] f = from(rows);
      String[] t = to(rows);
      boolean any = false;
      boolean initial = false;
      for (int i = 0; i < f.length; i++) {
        if (f[i].length() == 1) {
          initial |= !Arrays.asList(t).contains(f[i]);
          continue;
        }
        if (best(rows, i) < 0.88) {
          return false;
        }
        any |= f[i].length() >= 3;
      }
      return any && (initial || f.length < t.length);
    }
  }

  /**
   * Jaro-Winkler between two tokens, raised for a nickname prefix; between two tokens of three
   * letters or fewer that differ by more than a swap of neighbouring letters, at most 0.75: one
   * letter in three is a different name ("Lam", "Law", "Lau"), not a typing error.
   */
  private static double similarity(String x, String y, boolean person) {
    double s = JaroWinkler.similarity(x, y);
    if (x.length() >= 3 && y.length() >= 3 && (x.startsWith(y) || y.startsWith(x))) {
      s = Math.max(s, 0.93);
    }
    if (x.length() <= 3 && y.length() <= 3 && !x.equals(y) && !Edits.swapped(x, y)) {
      s = Math.min(s, 0.75);
    }
    if (person && s < 0.93 && GivenNames.variants(x, y)) {
      // "Kees" for Cornelis, "Karl" for Charles: as close as a prefix ("Rob" of "Robert")
      s = 0.93;
    }
    return s;
  }

  /**
   * Whether some token of {@code a} is not in {@code b}, is not started by one of b's initials, is
   * not an initial of one of b's words and is no typing error or form of a given name of one of b's
   * tokens.
   */
  static boolean unexplained(Set<String> a, Set<String> b) {
    for (String t : a) {
      if (b.contains(t)) {
        continue;
      }
      boolean explained = false;
      for (String u : b) {
        if (t.charAt(0) == u.charAt(0) && (u.length() == 1 || t.length() == 1)
            || (t.length() > 1 && u.length() > 1 && similarity(t, u, true) >= 0.88)) {
          explained = true;
          break;
        }
      }
      if (!explained) {
        return true;
      }
    }
    return false;
  }

  /** Whether two names have the same words of two letters or more and differ in initials only. */
  static boolean sameButInitials(Set<String> a, Set<String> b) {
    int words = 0;
    for (String t : a) {
      if (t.length() > 1) {
        words++;
        if (!b.contains(t)) {
          return false;
        }
      }
    }
    for (String t : b) {
      if (t.length() > 1) {
        words--;
      }
    }
    return words == 0;
  }

  /**
   * Every one-letter token (an initial) of {@code a} is in {@code b} or starts a token of {@code b}
   * that {@code a} does not have: the initial of "S. Stok" stands for a given name, never for the
   * surname both names share ("Pieter Stok").
   */
  static boolean initialsAgree(Set<String> a, Set<String> b) {
    for (String t : a) {
      if (t.length() == 1) {
        boolean found = b.contains(t);
        for (String u : b) {
          if (!found && u.charAt(0) == t.charAt(0) && !a.contains(u)) {
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
      return Comparison.MISSING;
    }
    if (a.length() == 10 && b.length() == 10) {
      if (a.equals(b)) {
        return 0;
      }
      if (a.regionMatches(0, b, 0, 4)
          && a.regionMatches(5, b, 8, 2)
          && a.regionMatches(8, b, 5, 2)) {
        return 1;
      }
      int diff = 0;
      for (int i = 0; i < 10; i++) {
        if (a.charAt(i) != b.charAt(i)) {
          diff++;
        }
      }
      if (diff == 1 || (a.regionMatches(0, b, 0, 8) && Math.abs(day(a) - day(b)) == 1)) {
        return 2;
      }
      if (diff == 2) {
        return 3;
      }
      return a.regionMatches(0, b, 0, 4) ? (byte) 5 : (byte) 6;
    }
    // one date is partial (a year, or a year and month): consistent as far as it goes, or not
    int shorter = Math.min(a.length(), b.length());
    if (a.regionMatches(0, b, 0, shorter)) {
      return 4;
    }
    return a.regionMatches(0, b, 0, 4) ? (byte) 5 : (byte) 6;
  }

  private static int day(String iso) {
    return (iso.charAt(8) - '0') * 10 + (iso.charAt(9) - '0');
  }

  static byte identifiers(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Comparison.MISSING;
    }
    for (String x : a) {
      if (b.contains(x)) {
        return 0;
      }
    }
    return 1;
  }

  /**
   * Shared document, account or email; else an email one or two edits from one of the other's (a
   * typing error: "j.lee86@roberson.com", "j.lee86@ro6berson.com"). Other identifiers that close
   * are distinct numbers (consecutive accounts or passports), so only emails get the middle level.
   * Identifiers of different kinds (a passport number against an IBAN) say nothing: missing.
   */
  static byte documents(Set<String> a, Set<String> b) {
    byte shared = identifiers(a, b);
    if (shared != 1) {
      return shared;
    }
    for (String x : a) {
      if (x.startsWith("email:")) {
        for (String y : b) {
          if (y.startsWith("email:") && Edits.atMost(x, y, 2)) {
            return 1;
          }
        }
      }
    }
    return sameKind(a, b) ? 2 : Comparison.MISSING;
  }

  /** Whether some identifier of {@code a} is of the same kind ("iban:", "doc:") as one of b's. */
  private static boolean sameKind(Set<String> a, Set<String> b) {
    for (String x : a) {
      String kind = x.substring(0, x.indexOf(':') + 1);
      for (String y : b) {
        if (y.startsWith(kind)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A company's registration, tax or customs (EORI) numbers: a shared one, or numbers of the same
   * kind that all differ (two firms of one name, each with its own number), else missing. Kept
   * apart from persons' identifiers because a person's records often carry each source's own
   * number.
   */
  static byte registrations(Set<String> a, Set<String> b) {
    byte shared = identifiers(a, b);
    if (shared != 1) {
      return shared;
    }
    return sameKind(a, b) ? 1 : Comparison.MISSING;
  }

  static byte countries(Set<String> a, Set<String> b) {
    return identifiers(a, b);
  }

  static byte city(String a, String b) {
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      return Comparison.MISSING;
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
    for (int f = 0; f < Comparison.COUNT; f++) {
      out.add(Comparison.at(f).describe(levels[f]));
    }
    return out;
  }
}
