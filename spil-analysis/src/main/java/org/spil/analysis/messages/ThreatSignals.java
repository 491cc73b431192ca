package org.spil.analysis.messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.spil.model.InvalidField;
import org.spil.model.types.Text;

/**
 * The signals of threats to life that the triage of messages looks for, as a list the users
 * maintain ({@code threat-signals.txt}): per line a language, a category, a weight and the words.
 * The built-in list covers Dutch, English and French threats, weapons, informants and urgency; a
 * data directory's own file replaces it. {@link #parse} names the file, line and field of anything
 * it cannot read.
 */
public final class ThreatSignals {
  /** What a signal is a sign of; only threats and weapons bring a message into the queue. */
  public enum Category {
    THREAT,
    WEAPON,
    INFORMANT,
    URGENCY;

    /** Whether a message with a signal of this category is a candidate for the queue. */
    public boolean brings() {
      return this == THREAT || this == WEAPON;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The languages a signal may name; {@code any} is looked for in every message. */
  public static final Set<String> LANGUAGES = Set.of("nld", "eng", "fra", "any");

  /**
   * One signal: its words as folded tokens ({@code *} alone is any one word; a token ending in
   * {@code *} any word that starts so), as the file wrote them, and the line it was on.
   */
  public record Signal(
      String language,
      Category category,
      double weight,
      List<String> tokens,
      String words,
      int line) {
    public Signal {
      tokens = List.copyOf(tokens);
    }

    /** Whether a message of the language is looked at for this signal. */
    boolean appliesTo(String messageLanguage) {
      return language.equals("any") || language.equals(messageLanguage) || messageLanguage == null;
    }
  }

  private final List<Signal> signals;
  private final String source;

  private ThreatSignals(List<Signal> signals, String source) {
    this.signals = List.copyOf(signals);
    this.source = source;
  }

  public List<Signal> signals() {
    return signals;
  }

  /** Where the list came from: a file's path, or {@code built-in}. */
  public String source() {
    return source;
  }

  /** The built-in list. */
  public static ThreatSignals defaults() {
    try (InputStream in = ThreatSignals.class.getResourceAsStream("threat-signals.txt")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in");
    } catch (IOException e) {
      throw new IllegalStateException("the built-in threat signals cannot be read", e);
    }
  }

  /** The built-in list as text, for a user to copy and change. */
  public static String defaultText() {
    try (InputStream in = ThreatSignals.class.getResourceAsStream("threat-signals.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("the built-in threat signals cannot be read", e);
    }
  }

  /** The most signals a list may hold. */
  static final int MAX_SIGNALS = 10_000;

  /**
   * Reads a list: blank lines and lines starting with {@code #} are skipped; every other line is
   * {@code LANGUAGE CATEGORY WEIGHT WORDS...}. A line that does not parse is refused as {@code
   * signals} with the file, line, field and reason.
   */
  public static ThreatSignals parse(String text, String file) {
    List<Signal> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int no = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!Text.printable(line)) {
        throw refused(file, no, "words", "control or direction-changing characters");
      }
      String[] parts = line.split("\\s+", 4);
      if (parts.length < 4) {
        throw refused(
            file,
            no,
            "line",
            "give LANGUAGE CATEGORY WEIGHT WORDS, e.g. 'nld threat 0.8 moet weg'");
      }
      String language = parts[0].toLowerCase(Locale.ROOT);
      if (!LANGUAGES.contains(language)) {
        throw refused(file, no, "language", "'" + parts[0] + "' is not nld, eng, fra or any");
      }
      Category category;
      try {
        category = Category.valueOf(parts[1].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw refused(
            file, no, "category", "'" + parts[1] + "' is not threat, weapon, informant or urgency");
      }
      double weight;
      try {
        weight = Double.parseDouble(parts[2]);
      } catch (NumberFormatException e) {
        weight = Double.NaN;
      }
      if (!(weight >= 0.01 && weight <= 0.99)) {
        throw refused(file, no, "weight", "'" + parts[2] + "' is not a number from 0.01 to 0.99");
      }
      List<String> tokens = new ArrayList<>();
      for (String raw : parts[3].split("\\s+")) {
        List<String> folded = raw.equals("*") ? List.of("*") : fold(raw);
        if (folded.isEmpty()) {
          throw refused(file, no, "words", "'" + raw + "' holds no letter or digit");
        }
        tokens.addAll(folded);
      }
      if (tokens.stream().allMatch(t -> t.equals("*"))) {
        throw refused(file, no, "words", "a signal needs a word besides *");
      }
      if (tokens.size() > 8) {
        throw refused(file, no, "words", "at most 8 words");
      }
      if (out.size() == MAX_SIGNALS) {
        throw refused(file, no, "line", "a list holds at most " + MAX_SIGNALS + " signals");
      }
      out.add(new Signal(language, category, weight, tokens, parts[3], no));
    }
    if (out.stream().noneMatch(s -> s.category().brings())) {
      throw refused(
          file, lines.length, "signals", "no threat or weapon signal: nothing would be found");
    }
    return new ThreatSignals(out, file);
  }

  /**
   * A word of a signal as messages are split ({@link ThreatScorer#words}): folded (lower case, no
   * accents) and split where a message would be ("c'est" is two words), a final * kept on the last.
   */
  static List<String> fold(String raw) {
    boolean prefix = raw.endsWith("*") && raw.length() > 1;
    String core = Text.fold(prefix ? raw.substring(0, raw.length() - 1) : raw);
    if (core.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(List.of(core.split(" ")));
    if (prefix) {
      out.set(out.size() - 1, out.get(out.size() - 1) + "*");
    }
    return out;
  }

  private static InvalidField refused(String file, int line, String field, String reason) {
    return new InvalidField("signals", file + ":" + line + ": " + field + ": " + reason);
  }
}
