package org.spil.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.spil.model.Normalised;
import org.spil.model.types.Identifiers;
import org.spil.model.types.Text;

/**
 * The ports that extraction recognises in a chat's text, by name or by UN/LOCODE, and the other
 * places it recognises by name ({@link Cities}, a gazetteer, when given): of the ports the main and
 * alternate names of the World Port Index (NGA Pub. 150) with their codes. A name that several
 * ports share ("Santa Cruz") is left out, as are names shorter than four letters and a few that are
 * words of the chats' languages more often than ports ("Nice", "Bath"): a port named in a chat
 * becomes the same UN/LOCODE a customs declaration gives as its port of loading.
 */
public final class Places {
  /** No places: nothing recognised by name or code. */
  public static final Places NONE = new Places(Map.of(), Set.of(), 0, Cities.NONE);

  /** Names of ports that are words of Dutch, English or French more often than places. */
  private static final Set<String> WORDS =
      Set.of(
          "nice",
          "bath",
          "drag",
          "gary",
          "eden",
          "orca",
          "para",
          "hope",
          "best",
          "goes",
          "mobile",
          "sale",
          "split",
          "male",
          "port",
          "deal",
          "moss",
          "camp",
          "mission",
          "union",
          "victoria",
          "rose",
          "sept",
          "pointe",
          "leer",
          "ross",
          "bluff");

  private final Map<String, String> byName;
  private final Set<String> firstWords = new HashSet<>();
  private final Set<String> codes;
  private final int longest;
  private final Cities cities;

  private Places(Map<String, String> byName, Set<String> codes, int longest, Cities cities) {
    this.byName = byName;
    this.codes = codes;
    this.longest = longest;
    this.cities = cities;
    byName.keySet().forEach(k -> firstWords.add(k.split(" ", 2)[0]));
  }

  /**
   * The places of a World Port Index CSV file.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or lacks the columns
   */
  public static Places read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      var records =
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
      for (String column : new String[] {"UN/LOCODE", "Main Port Name"}) {
        if (!records.getHeaderMap().containsKey(column)) {
          throw new IllegalArgumentException(
              file + ":1: no '" + column + "' column; is it the World Port Index (Pub. 150)?");
        }
      }
      boolean alternates = records.getHeaderMap().containsKey("Alternate Port Name");
      Map<String, String> byName = new HashMap<>();
      Set<String> shared = new HashSet<>();
      Set<String> codes = new HashSet<>();
      int longest = 1;
      for (CSVRecord r : records) {
        if (!r.isConsistent()
            || !(Identifiers.locode(r.get("UN/LOCODE")) instanceof Normalised.Valid code)) {
          continue;
        }
        codes.add(code.value());
        String names =
            r.get("Main Port Name") + (alternates ? ";" + r.get("Alternate Port Name") : "");
        for (String name : names.split(";")) {
          String key = key(name);
          if (key.replace(" ", "").length() < 4 || WORDS.contains(key)) {
            continue;
          }
          String before = byName.putIfAbsent(key, code.value());
          if (before != null && !before.equals(code.value())) {
            shared.add(key);
          }
          longest = Math.max(longest, key.split(" ").length);
        }
      }
      byName.keySet().removeAll(shared);
      return new Places(Map.copyOf(byName), Set.copyOf(codes), longest, Cities.NONE);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * These ports with the cities, towns and villages of a gazetteer: a name that names a port stays
   * the port's; the others name places ({@code placeMentioned}).
   */
  public Places withCities(Cities cities) {
    return new Places(byName, codes, longest, cities);
  }

  /** The places that are no ports. */
  Cities cities() {
    return cities;
  }

  /** A place name as compared: accents, case and punctuation folded ({@link Text#fold}). */
  static String key(String name) {
    return Text.fold(name);
  }

  /**
   * Whether a word (as written) begins a recognised name: a cheap test before names of several
   * words are tried from it, on every capitalised word of every message.
   */
  boolean beginsName(String word) {
    return firstWords.contains(key(word));
  }

  /** The UN/LOCODE of the port a name (of one or more words) names, or null. */
  String byName(String name) {
    return byName.get(key(name));
  }

  /** Whether the code (compact, upper case) is a port's UN/LOCODE. */
  boolean isCode(String code) {
    return codes.contains(code);
  }

  /** The most words a recognised name has. */
  int longestName() {
    return longest;
  }

  /** How many names of ports are recognised. */
  public int size() {
    return byName.size();
  }
}
