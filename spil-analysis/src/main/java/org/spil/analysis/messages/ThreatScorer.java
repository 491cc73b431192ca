package org.spil.analysis.messages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.spil.model.types.Text;

/**
 * Scores a chat message from 0 to 1 for how likely it is a threat to life, with the signals that
 * made the score. The signals found in the message count at their weight, those found in the
 * messages before it in its conversation (its context) at half their weight, each signal once; they
 * combine as independent evidence, {@code 1 - (1 - w1)(1 - w2)...}. A message without a threat or
 * weapon signal of its own scores at most {@link #WITHOUT_THREAT}: talk of informants or of tonight
 * is a reason to look only beside a threat.
 */
public final class ThreatScorer {
  /** The highest score of a message with no threat or weapon signal of its own. */
  public static final double WITHOUT_THREAT = 0.2;

  private final ThreatSignals signals;

  public ThreatScorer(ThreatSignals signals) {
    this.signals = signals;
  }

  /** A signal found: where (the message itself or its context) and the words that matched. */
  public record Reason(
      String category,
      String signal,
      String language,
      double weight,
      boolean context,
      String matched) {
    @Override
    public String toString() {
      return category
          + ": '"
          + signal
          + "'"
          + (context ? " in the conversation before" : "")
          + " ("
          + language
          + ", "
          + weight
          + ")";
    }
  }

  /** A message's score and the signals behind it, strongest first. */
  public record Score(double value, List<Reason> reasons) {
    public Score {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The score of a message in {@code language} (ISO 639-3, or null for any) with the texts of the
   * messages before it in its conversation.
   */
  public Score score(String text, String language, List<String> context) {
    List<String> words = words(text);
    List<List<String>> before = new ArrayList<>();
    for (String c : context) {
      before.add(words(c));
    }
    double keep = 1;
    boolean brought = false;
    List<Reason> reasons = new ArrayList<>();
    Set<ThreatSignals.Signal> seen = new LinkedHashSet<>();
    for (ThreatSignals.Signal s : signals.signals()) {
      if (!s.appliesTo(language)) {
        continue;
      }
      String own = find(words, s.tokens());
      if (own != null) {
        seen.add(s);
        keep *= 1 - s.weight();
        brought |= s.category().brings();
        reasons.add(
            new Reason(s.category().label(), s.words(), s.language(), s.weight(), false, own));
        continue;
      }
      for (List<String> c : before) {
        String there = find(c, s.tokens());
        if (there != null && seen.add(s)) {
          keep *= 1 - s.weight() / 2;
          reasons.add(
              new Reason(
                  s.category().label(), s.words(), s.language(), s.weight() / 2, true, there));
          break;
        }
      }
    }
    double value = 1 - keep;
    if (!brought) {
      value = Math.min(value, WITHOUT_THREAT);
    }
    reasons.sort((a, b) -> Double.compare(b.weight(), a.weight()));
    return new Score(value, reasons);
  }

  /** A text as signals are matched: folded words (lower case, no accents, no punctuation). */
  public static List<String> words(String text) {
    String folded = Text.fold(text == null ? "" : text);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  /** The words of the text that match the signal's tokens in sequence, or null. */
  static String find(List<String> words, List<String> tokens) {
    int n = tokens.size();
    for (int i = 0; i + n <= words.size(); i++) {
      boolean all = true;
      for (int k = 0; k < n && all; k++) {
        all = matches(words.get(i + k), tokens.get(k));
      }
      if (all) {
        return String.join(" ", words.subList(i, i + n));
      }
    }
    return null;
  }

  private static boolean matches(String word, String token) {
    if (token.equals("*")) {
      return true;
    }
    if (token.endsWith("*")) {
      return word.startsWith(token.substring(0, token.length() - 1));
    }
    return word.equals(token);
  }
}
