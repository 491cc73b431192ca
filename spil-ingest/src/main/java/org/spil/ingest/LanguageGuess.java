package org.spil.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses whether a short chat message is Dutch, English or French from its commonest words, for
 * the message store's language-specific analysis when the export names no language. Chat is terse:
 * a message of a word or two often holds none of them, and then the dataset's language stands. Each
 * word of the text that is in exactly one language's list counts for that language; the language
 * with most wins if no other has as many.
 */
public final class LanguageGuess {
  private LanguageGuess() {}

  private static final Map<String, Set<String>> WORDS =
      Map.of(
          "nld",
          Set.of(
              "de", "het", "een", "en", "ik", "je", "jij", "niet", "wat", "waar", "hoe", "dat",
              "die", "van", "voor", "met", "op", "is", "zijn", "ben", "heb", "hebt", "morgen",
              "vandaag", "bel", "me", "mij", "ze", "hij", "wij", "we", "jullie", "maar", "ook",
              "nog", "al", "naar", "komt", "kom", "moet", "gaat", "ga", "goed", "er", "hier",
              "daar", "wanneer", "hoeveel", "geld", "zo", "laat", "weet", "bericht", "uur"),
          "eng",
          Set.of(
              "the",
              "a",
              "an",
              "and",
              "i",
              "you",
              "not",
              "what",
              "where",
              "how",
              "that",
              "this",
              "of",
              "for",
              "with",
              "on",
              "is",
              "are",
              "am",
              "have",
              "has",
              "tomorrow",
              "today",
              "call",
              "me",
              "my",
              "they",
              "he",
              "she",
              "we",
              "but",
              "also",
              "still",
              "to",
              "come",
              "must",
              "go",
              "going",
              "good",
              "there",
              "here",
              "when",
              "much",
              "many",
              "money",
              "so",
              "late",
              "know",
              "it",
              "will",
              "can",
              "do",
              "did",
              "your",
              "at",
              "get"),
          "fra",
          Set.of(
              "le",
              "la",
              "les",
              "un",
              "une",
              "et",
              "je",
              "tu",
              "vous",
              "pas",
              "quoi",
              "ou",
              "comment",
              "que",
              "qui",
              "ce",
              "cette",
              "du",
              "des",
              "pour",
              "avec",
              "sur",
              "est",
              "sont",
              "suis",
              "ai",
              "as",
              "demain",
              "aujourd'hui",
              "appelle",
              "moi",
              "ils",
              "il",
              "elle",
              "nous",
              "mais",
              "aussi",
              "encore",
              "viens",
              "dois",
              "faut",
              "va",
              "bien",
              "ici",
              "quand",
              "combien",
              "argent",
              "sais",
              "tard",
              "mon",
              "ton",
              "ça",
              "c'est",
              "on",
              "se",
              "voit",
              "ne",
              "y",
              "en",
              "au",
              "aux",
              "dans",
              "parle",
              "fais"));

  /** The ISO 639-3 code of the text's language, or {@code fallback} when the words do not say. */
  public static String guess(String text, String fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    int nld = 0;
    int eng = 0;
    int fra = 0;
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
      if (word.isEmpty()) {
        continue;
      }
      boolean n = WORDS.get("nld").contains(word);
      boolean e = WORDS.get("eng").contains(word);
      boolean f = WORDS.get("fra").contains(word);
      if (n && !e && !f) {
        nld++;
      } else if (e && !n && !f) {
        eng++;
      } else if (f && !n && !e) {
        fra++;
      }
    }
    int best = Math.max(nld, Math.max(eng, fra));
    int ties = (nld == best ? 1 : 0) + (eng == best ? 1 : 0) + (fra == best ? 1 : 0);
    if (best == 0 || ties > 1) {
      return fallback;
    }
    return nld == best ? "nld" : eng == best ? "eng" : "fra";
  }
}
