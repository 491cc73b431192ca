package org.spil.resolve;

import java.util.Set;

/**
 * Words of legal forms, folded as name tokens are ("B.V." gives "b" and "v", "Ltd. Şti." gives
 * "ltd" and "sti"). Company names are compared without them, so "Maas Fresh Import B.V.", "MAAS
 * FRESH IMPORT BV" and "Maas Fresh Import besloten vennootschap" are the same name, and "Kroon
 * Trading B.V." is not close to "Noordzee Trading B.V." because of its legal form.
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

  private static final Set<String> LETTERS =
      Set.of("b", "v", "n", "o", "f", "s", "a", "l", "c", "z", "e", "r");

  /**
   * Whether a token is a legal-form word, allowing one typing error in words of six letters or more
   * ("Limied", "besloen"), which would otherwise stay in the name and set two spellings apart.
   */
  static boolean isWord(String t) {
    if (WORDS.contains(t)) {
      return true;
    }
    if (t.length() < 5) {
      return false;
    }
    for (String w : WORDS) {
      if (w.length() >= 6 && Edits.atMost(t, w, 1)) {
        return true;
      }
    }
    return false;
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
