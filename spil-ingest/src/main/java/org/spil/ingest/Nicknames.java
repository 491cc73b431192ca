package org.spil.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.spil.model.types.Text;

/**
 * The names a chat calls persons by, read from one message's text alone: a capitalised word where a
 * language puts a person, not a place, port or vessel found before it. Three places are read: the
 * person addressed ("Tank, alles klaar?", "alles goed Tank?"; not after "naar" or "in", where a
 * place is named), the person after a word that names one ("ligt klaar bij Tank", "met Prof", "chez
 * Gringo"), and the person who does something ("Tank regelt de uithaal", "Joker is talking",
 * "Gringo parle aux flics"). Pronouns, articles, question words, days and months are never names.
 * What a name is the object of ("maak Tank koud") is not read: a capitalised word there is as often
 * a place or a thing. No list of nicknames is consulted, so what one agency records as an alias
 * does not decide what another's messages hold.
 */
final class Nicknames {
  private Nicknames() {}

  /** A capitalised word of three letters or more, not written in capitals only. */
  private static final Pattern WORD = Pattern.compile("(?u)\\p{Lu}\\p{Ll}[\\p{Ll}'-]+");

  /** Words after which a person is named. */
  private static final Set<String> BEFORE =
      Set.of("bij", "aan", "met", "voor", "tegen", "with", "for", "avec", "chez", "pour");

  /** Words after which a place rather than a person is named. */
  private static final Set<String> PLACE =
      Set.of(
          "naar",
          "in",
          "op",
          "uit",
          "vanuit",
          "richting",
          "nabij",
          "via",
          "van",
          "to",
          "from",
          "at",
          "near",
          "à",
          "vers",
          "de",
          "depuis",
          "dans");

  /** Verbs that follow a person who does something, in Dutch, English and French. */
  private static final Set<String> DOES =
      Set.of(
          "moet", "moest", "regelt", "weet", "praat", "zegt", "heeft", "had", "komt", "kwam",
          "gaat", "ging", "wil", "kan", "zit", "doet", "belt", "betaalt", "haalt", "brengt",
          "wacht", "is", "was", "wordt", "has", "says", "knows", "wants", "will", "can", "must",
          "called", "sent", "got", "paid", "est", "doit", "parle", "dit", "sait", "veut", "peut",
          "va", "vient", "arrive", "appelle");

  /** Words that begin sentences and are never names: pronouns, articles, question words, days. */
  private static final Set<String> NEVER =
      Set.of(
          "ik",
          "jij",
          "je",
          "hij",
          "zij",
          "ze",
          "wij",
          "we",
          "jullie",
          "het",
          "dat",
          "dit",
          "die",
          "deze",
          "er",
          "hier",
          "daar",
          "wie",
          "wat",
          "waar",
          "wanneer",
          "hoe",
          "waarom",
          "alles",
          "iedereen",
          "niemand",
          "niets",
          "morgen",
          "vandaag",
          "gisteren",
          "straks",
          "nu",
          "dan",
          "toen",
          "ook",
          "maar",
          "want",
          "dus",
          "een",
          "mijn",
          "jouw",
          "zijn",
          "haar",
          "ons",
          "onze",
          "hun",
          "geen",
          "elke",
          "welke",
          "the",
          "you",
          "she",
          "they",
          "this",
          "that",
          "these",
          "those",
          "who",
          "what",
          "where",
          "when",
          "how",
          "why",
          "everyone",
          "nobody",
          "nothing",
          "tomorrow",
          "today",
          "now",
          "then",
          "your",
          "his",
          "her",
          "our",
          "their",
          "every",
          "elle",
          "nous",
          "vous",
          "ils",
          "elles",
          "cela",
          "qui",
          "que",
          "quoi",
          "quand",
          "comment",
          "demain",
          "mon",
          "ton",
          "son",
          "personne",
          "rien",
          "tout",
          "tous",
          "une",
          "maandag",
          "dinsdag",
          "woensdag",
          "donderdag",
          "vrijdag",
          "zaterdag",
          "zondag",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "lundi",
          "mardi",
          "mercredi",
          "jeudi",
          "vendredi",
          "samedi",
          "dimanche",
          "januari",
          "februari",
          "maart",
          "april",
          "mei",
          "juni",
          "juli",
          "augustus",
          "september",
          "oktober",
          "november",
          "december",
          "january",
          "february",
          "march",
          "may",
          "june",
          "july",
          "august",
          "october",
          "janvier",
          "février",
          "mars",
          "avril",
          "juin",
          "juillet",
          "août",
          "septembre",
          "octobre",
          "novembre",
          "décembre",
          "god",
          "allah",
          "ok",
          "oke",
          "top",
          "yes",
          "nee",
          "wel",
          "niet",
          "nog",
          "toch",
          "even",
          "veel",
          "weinig",
          "iets",
          "niks",
          "alle",
          "beide",
          "soms",
          "altijd",
          "nooit",
          "misschien",
          "echt",
          "gewoon",
          "eerst",
          "daarna",
          "nou",
          "sorry",
          "thanks",
          "please",
          "maybe",
          "also",
          "still",
          "just",
          "only",
          "never",
          "always",
          "there",
          "here",
          "which",
          "each",
          "some",
          "many",
          "other",
          "both",
          "such",
          "any",
          "none",
          "one",
          "everything",
          "something",
          "anything",
          "someone",
          "somebody",
          "anyone",
          "everybody",
          "ici",
          "aussi",
          "encore",
          "toujours",
          "jamais",
          "chacun",
          "quelqu'un",
          "airport",
          "luchthaven",
          "aéroport");

  /** A name found: the word as written and where it stands. */
  record Found(String name, int start, int end) {}

  /** The names in a text, outside what was found before ({@code taken}: start and end). */
  static List<Found> find(String text, List<int[]> taken) {
    List<Found> out = new ArrayList<>();
    int n = text.length();
    int at = 0;
    while (at < n) {
      if (!wordChar(text.charAt(at))) {
        at++;
        continue;
      }
      int start = at;
      at = wordEnd(text, at);
      // most words are not capitalised: nothing more is done for them
      if (!Character.isUpperCase(text.charAt(start))) {
        continue;
      }
      String word = text.substring(start, at);
      if (!WORD.matcher(word).matches()
          || NEVER.contains(word.toLowerCase(Locale.ROOT))
          || overlaps(taken, start, at)) {
        continue;
      }
      int[] previous = previous(text, start);
      int next = next(text, at);
      String before = previous == null ? null : lower(text, previous);
      String after = next < 0 ? null : lower(text, new int[] {next, wordEnd(text, next)});
      String between = text.substring(at, next < 0 ? n : next);
      String preceding = previous == null ? "" : text.substring(previous[1], start);
      boolean addressed =
          (previous == null && between.strip().startsWith(","))
              || (next < 0
                  && previous != null
                  && !PLACE.contains(before)
                  && (preceding.contains(",") || between.contains("?") || between.contains("!")));
      boolean named = before != null && BEFORE.contains(before) && !sentenceStart(text, start);
      boolean does = after != null && DOES.contains(after) && between.isBlank();
      if (addressed || named || does) {
        out.add(new Found(word, start, at));
      }
    }
    return out;
  }

  /**
   * Whether a character is part of a word: a letter or digit, or an apostrophe or hyphen in one.
   */
  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  /** Where the word that begins at {@code from} ends. */
  private static int wordEnd(String text, int from) {
    int at = from + 1;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (!wordChar(c) && c != '\'' && c != '-') {
        break;
      }
      at++;
    }
    return at;
  }

  /** The word before {@code at} (its start and end), or null. */
  private static int[] previous(String text, int at) {
    int end = at;
    while (end > 0 && !wordChar(text.charAt(end - 1))) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    int start = end;
    while (start > 0) {
      char c = text.charAt(start - 1);
      if (!wordChar(c) && c != '\'' && c != '-') {
        break;
      }
      start--;
    }
    return new int[] {start, end};
  }

  /** Where the word after {@code at} begins, or -1. */
  private static int next(String text, int at) {
    for (int k = at; k < text.length(); k++) {
      if (wordChar(text.charAt(k))) {
        return k;
      }
    }
    return -1;
  }

  private static String lower(String text, int[] word) {
    return Text.fold(text.substring(word[0], word[1]));
  }

  /** Whether only spaces, or the end of a sentence, stand between the text's start and here. */
  private static boolean sentenceStart(String text, int at) {
    for (int k = at - 1; k >= 0; k--) {
      char c = text.charAt(k);
      if (c == '.' || c == '!' || c == '?') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean overlaps(List<int[]> taken, int start, int end) {
    for (int[] t : taken) {
      if (start < t[1] && t[0] < end) {
        return true;
      }
    }
    return false;
  }
}
