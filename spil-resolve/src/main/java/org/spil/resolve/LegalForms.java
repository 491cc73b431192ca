package org.spil.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.model.types.Text;

/**
 * Words of legal forms, folded as name tokens are ("B.V." gives "b" and "v", "Ltd. Şti." gives
 * "ltd" and "sti"). Company names are compared without them, so "Maas Fresh Import B.V.", "MAAS
 * FRESH IMPORT BV" and "Maas Fresh Import besloten vennootschap" are the same name, and "Kroon
 * Trading B.V." is not close to "Noordzee Trading B.V." because of its legal form. The form itself
 * is compared apart, normalised to one code ({@link #of}): "B.V.", "BV", "besloten vennootschap"
 * and the Belgian "BVBA" are all {@code bv}; a B.V. and a V.O.F. of one trade name are two firms.
 */
final class LegalForms {
  private LegalForms() {}

  static final Set<String> WORDS =
      Set.of(
          "b",
          "v",
          "bv",
          "n",
          "nv",
          "vof",
          "o",
          "f",
          "besloten",
          "vennootschap",
          "naamloze",
          "onder",
          "firma",
          "met",
          "beperkte",
          "aansprakelijkheid",
          "bvba",
          "srl",
          "r",
          "l",
          "s",
          "sa",
          "sas",
          "a",
          "societe",
          "responsabilite",
          "limitee",
          "llc",
          "c",
          "fze",
          "z",
          "e",
          "free",
          "zone",
          "establishment",
          "limited",
          "liability",
          "company",
          "ltd",
          "sti",
          "sirketi",
          "limitada",
          "ltda",
          "sociedad",
          "anonima",
          "gmbh",
          "sarl",
          "inc",
          "corp",
          "co",
          "plc",
          "ag",
          "kg",
          "holding");

  /**
   * Each legal form's code and the ways it is written, as folded words; longer spellings are tried
   * first so that "limited sirketi" is not read as "limited".
   */
  private static final Map<String, List<String>> FORMS =
      Map.ofEntries(
          Map.entry(
              "bv",
              List.of(
                  "besloten vennootschap met beperkte aansprakelijkheid",
                  "besloten vennootschap",
                  "b v b a",
                  "bvba",
                  "b v",
                  "bv")),
          Map.entry("nv", List.of("naamloze vennootschap", "n v", "nv")),
          Map.entry("vof", List.of("vennootschap onder firma", "v o f", "vof")),
          Map.entry(
              "srl",
              List.of("societe a responsabilite limitee", "s a r l", "sarl", "s r l", "srl")),
          Map.entry("fze", List.of("free zone establishment", "f z e", "fze")),
          Map.entry("llc", List.of("limited liability company", "l l c", "llc")),
          Map.entry("ltd sti", List.of("limited sirketi", "ltd sti")),
          Map.entry("ltd", List.of("limited", "ltd")),
          Map.entry("sas", List.of("sociedad por acciones simplificada", "s a s", "sas")),
          Map.entry("sa", List.of("sociedad anonima", "societe anonyme", "s a", "sa")),
          Map.entry("ltda", List.of("limitada", "ltda")),
          Map.entry("gmbh", List.of("gesellschaft mit beschrankter haftung", "gmbh")),
          Map.entry("ag", List.of("aktiengesellschaft", "ag")),
          Map.entry("inc", List.of("incorporated", "inc")),
          Map.entry("corp", List.of("corporation", "corp")),
          Map.entry("plc", List.of("public limited company", "plc")));

  /** Every spelling as words with its code, longest spellings first. */
  private static final List<Map.Entry<String[], String>> SPELLINGS =
      FORMS.entrySet().stream()
          .flatMap(e -> e.getValue().stream().map(s -> Map.entry(s.split(" "), e.getKey())))
          .sorted((x, y) -> Integer.compare(y.getKey().length, x.getKey().length))
          .toList();

  /**
   * The code of the legal form a company name ends with or contains last ("bv", "vof", "ltd sti",
   * "sa"), or null when it has none: "Maas Fresh Import besloten vennootschap" and "MAAS FRESH
   * IMPORT B.V" both give {@code bv}.
   */
  static String of(String name) {
    if (name == null) {
      return null;
    }
    String[] words = Text.fold(name).split(" ");
    Map<String, String> mistyped = mistyped(words);
    for (int i = 0; i < words.length; i++) {
      words[i] = mistyped.getOrDefault(words[i], words[i]);
    }
    String found = null;
    int i = 0;
    while (i < words.length) {
      int matched = 0;
      for (Map.Entry<String[], String> s : SPELLINGS) {
        if (startsAt(words, i, s.getKey())) {
          found = s.getValue();
          matched = s.getKey().length;
          break;
        }
      }
      i += Math.max(1, matched);
    }
    return found;
  }

  private static boolean startsAt(String[] words, int at, String[] phrase) {
    if (at + phrase.length > words.length) {
      return false;
    }
    for (int k = 0; k < phrase.length; k++) {
      if (!words[at + k].equals(phrase[k])) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> LETTERS =
      Set.of("b", "v", "n", "o", "f", "s", "a", "l", "c", "z", "e", "r");

  /**
   * Whether a token is a legal-form word, allowing one typing error (a letter added, left out,
   * changed, or two swapped) in words of six letters or more ("Limied", "besloen", "vennootshcap"),
   * which would otherwise stay in the name and set two spellings apart.
   */
  static boolean isWord(String t) {
    if (WORDS.contains(t)) {
      return true;
    }
    if (t.length() < 5) {
      return false;
    }
    for (String w : WORDS) {
      if (w.length() >= 6 && Edits.typo(t, w, 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of a name (folded) that are shorter legal-form words mistyped, each with the word
   * meant: "fira" in "vennootschap onder fira", "tLd" and "LLtd." ending a name. A word of three to
   * five letters is taken for one only where a legal form stands, at the end of the name or next to
   * another legal-form word, so that "Wonder" in "Wonder Trading B.V." stays a name.
   */
  static Map<String, String> mistyped(String name) {
    return name == null ? Map.of() : mistyped(Text.fold(name).split(" "));
  }

  private static Map<String, String> mistyped(String[] words) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < words.length; i++) {
      String t = words[i];
      if (t.length() < 3 || WORDS.contains(t)) {
        continue;
      }
      boolean where =
          i == words.length - 1 || exactWord(words[i + 1]) || (i > 0 && exactWord(words[i - 1]));
      for (String w : WORDS) {
        if (w.length() >= 3 && (w.length() >= 6 || where) && Edits.typo(t, w, 1)) {
          out.put(t, w);
          break;
        }
      }
    }
    return out;
  }

  private static boolean exactWord(String t) {
    return t.length() > 1 && WORDS.contains(t);
  }

  /** Whether name tokens carry a legal form: a legal word, or two or more legal-form letters. */
  static boolean has(Set<String> tokens) {
    int letters = 0;
    for (String t : tokens) {
      if (t.length() > 1 && isWord(t)) {
        return true;
      }
      if (LETTERS.contains(t)) {
        letters++;
      }
    }
    return letters >= 2;
  }
}
