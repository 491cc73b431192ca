package org.spil.model.types;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The match keys of a personal or company name. No single transliteration is right, so a name in
 * Cyrillic or Arabic script is romanised twice (ICU's generic {@code Any-Latin} and the BGN/PCGN
 * rules that passports follow) and each form is folded to ASCII. From those forms come: tokens
 * (lower case, titles dropped, particles such as "el" or "van" also joined to the next token), a
 * fingerprint (sorted tokens), Double Metaphone codes and consonant skeletons. "Мухаммед Юсупов",
 * "Muhammad Yusupov" and "YUSUPOV, Mohammed" share the token {@code yusupov} and the phonetic and
 * skeleton keys of the first name.
 *
 * <p>NOTE: ICU transliterators are not thread-safe; each thread gets its own, and its own memory of
 * recent names and tokens.
 */
public final class NameKeys {
  private NameKeys() {}

  private static final ThreadLocal<Transliterator> ANY_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
  private static final ThreadLocal<Transliterator> CYRILLIC_BGN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII"));
  private static final ThreadLocal<DoubleMetaphone> METAPHONE =
      ThreadLocal.withInitial(
          () -> {
            DoubleMetaphone m = new DoubleMetaphone();
            m.setMaxCodeLen(6);
            return m;
          });

  /** How many names, and how many tokens, each thread remembers the keys of. */
  private static final int RECENT_LIMIT = 4096;

  /**
   * Each thread's recent results. Names recur (given names and common surnames on every page of a
   * register), and indexing asks for the tokens of one name twice in a row, for the search index
   * and for the match codes: transliterating, folding and Double Metaphone were a tenth of the time
   * that building the derived indexes of a 1M-person register took. Each map is emptied when full.
   */
  private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

  /** A thread's recent token sets by name, and Double Metaphone codes by token ("" for none). */
  private static final class Recent {
    final Map<String, Set<String>> tokens = new HashMap<>();
    final Map<String, String> phonetic = new HashMap<>();
  }

  private static final Set<String> TITLES =
      Set.of(
          "mr", "mrs", "ms", "miss", "dr", "drs", "prof", "ir", "ing", "herr", "frau", "dhr",
          "mevr", "mw", "mme", "mlle", "sir", "sr", "sra", "jr", "sheikh", "hr");
  private static final Set<String> PARTICLES =
      Set.of(
          "el", "al", "van", "de", "der", "den", "ter", "ten", "von", "di", "da", "le", "la", "bin",
          "ibn", "abu", "ben", "mc", "mac", "op", "du", "dos", "del");

  /** The ASCII romanisations of a name: one for Latin script, two for other scripts. */
  public static List<String> romanisations(String name) {
    List<String> forms = new ArrayList<>(2);
    boolean ascii = true;
    for (int i = 0; i < name.length() && ascii; i++) {
      ascii = name.charAt(i) < 0x80;
    }
    if (ascii) {
      forms.add(name);
      return forms;
    }
    boolean cyrillic = false;
    for (int i = 0; i < name.length() && !cyrillic; i++) {
      char c = name.charAt(i);
      cyrillic = c >= 0x400 && Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
    }
    String stripped = stripApostrophes(name);
    forms.add(ANY_LATIN.get().transliterate(stripped));
    if (cyrillic) {
      forms.add(CYRILLIC_BGN.get().transliterate(stripped));
    }
    return forms;
  }

  private static String stripApostrophes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\''
          && c != '\u2019'
          && c != '\u02bf'
          && c != '\u02be'
          && c != '`'
          && c != '\u02bb') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Lower-case ASCII tokens from every romanisation, titles removed, particles also joined; in
   * order, unmodifiable.
   */
  public static Set<String> tokens(String name) {
    Map<String, Set<String>> recent = RECENT.get().tokens;
    Set<String> known = recent.get(name);
    if (known != null) {
      return known;
    }
    Set<String> result = Collections.unmodifiableSet(tokensOfEveryForm(name));
    if (recent.size() >= RECENT_LIMIT) {
      recent.clear();
    }
    recent.put(name, result);
    return result;
  }

  /** {@link #tokens} as computed, without the thread's memory of recent names. */
  static Set<String> tokensOfEveryForm(String name) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String form : romanisations(name)) {
      tokens.addAll(tokensOf(form));
    }
    return tokens;
  }

  static List<String> tokensOf(String romanised) {
    String folded = Text.fold(romanised);
    List<String> words = new ArrayList<>();
    for (String w : folded.split(" ")) {
      if (!w.isEmpty() && !TITLES.contains(w)) {
        words.add(w);
      }
    }
    List<String> out = new ArrayList<>(words);
    for (int i = 0; i + 1 < words.size(); i++) {
      if (PARTICLES.contains(words.get(i))) {
        out.add(words.get(i) + words.get(i + 1));
      }
    }
    return out;
  }

  /** Sorted unique tokens of the first romanisation: order- and case-free identity of a name. */
  public static String fingerprint(String name) {
    List<String> words = new ArrayList<>(new TreeSet<>(tokensOf(romanisations(name).get(0))));
    return String.join(" ", words);
  }

  /** Double Metaphone codes (primary) of every token of two or more letters. */
  public static Set<String> phonetic(Set<String> tokens) {
    Set<String> codes = new LinkedHashSet<>();
    for (String t : tokens) {
      if (t.length() >= 2 && Character.isLetter(t.charAt(0))) {
        String code = phonetic(t);
        if (!code.isEmpty()) {
          codes.add(code);
        }
      }
    }
    return codes;
  }

  /** The Double Metaphone code of a token, "" when it has none. */
  private static String phonetic(String token) {
    Map<String, String> recent = RECENT.get().phonetic;
    String known = recent.get(token);
    if (known != null) {
      return known;
    }
    String result = metaphone(token);
    if (recent.size() >= RECENT_LIMIT) {
      recent.clear();
    }
    recent.put(token, result);
    return result;
  }

  /** The Double Metaphone code of a token as computed, "" when it has none. */
  static String metaphone(String token) {
    String code = METAPHONE.get().doubleMetaphone(token);
    return code == null ? "" : code;
  }

  /**
   * The consonant skeleton of a token: upper case, vowels and Y, W, H after a consonant dropped,
   * doubled letters collapsed ("Mohammed" and "Muhammad" give MHMD, "Elamrani" gives LMRN).
   */
  public static String skeleton(String token) {
    StringBuilder out = new StringBuilder(token.length());
    char last = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = Character.toUpperCase(token.charAt(i));
      if (c < 'A' || c > 'Z' || "AEIOUYW".indexOf(c) >= 0) {
        continue;
      }
      if (c == 'H' && last != 0 && "CSTPKGZ".indexOf(last) >= 0) {
        continue;
      }
      if (c != last) {
        out.append(c);
      }
      last = c;
    }
    return out.toString();
  }

  /** Skeletons of all tokens with at least two consonants. */
  public static Set<String> skeletons(Set<String> tokens) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tokens) {
      String s = skeleton(t);
      if (s.length() >= 2) {
        out.add(s);
      }
    }
    return out;
  }
}
