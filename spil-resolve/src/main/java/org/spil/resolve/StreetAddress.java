package org.spil.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spil.model.types.Text;

/**
 * A postal address reduced to what tells two dwellings apart: the street as a key (folded,
 * abbreviations written out, ordinals as numbers, words joined: "W. 22nd St." and "West 22 Street"
 * are {@code west22street}, "Burg. de Raadtsingel" and "Burgemeester de Raadtsingel" one street,
 * "Kerkstr." {@code kerkstraat}, "El Dorado" and "Eldorado" alike), the house number, its addition
 * ("12a", "12-A", "12 bis", "Apt 4"), the postcode (compact, upper case) and the place (folded, the
 * words after the postcode or the last comma), each null when the text lacks it. Read from one
 * free-text line as sources write it, Dutch, Belgian, French or English: "Kruiskade 12a, 3012 EE
 * Rotterdam", "123 W 22nd St Apt 4, New York, NY 10011".
 */
record StreetAddress(String street, String number, String addition, String postcode, String place) {

  /** A Dutch postcode, a British one or an American ZIP code, anywhere in the text. */
  private static final Pattern POSTCODE =
      Pattern.compile(
          "\\b([1-9][0-9]{3} ?[A-Z]{2}|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|[0-9]{5}(?:-[0-9]{4})?)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A Belgian or French postcode before a place name, after the street line's comma. */
  private static final Pattern PLACE_CODE = Pattern.compile("^\\s*((?:[A-Z]-)?[0-9]{4,5})\\b");

  /** A house number with what is written onto it: "12", "12a", "12-A", "93/2", "12 bis". */
  private static final Pattern HOUSE =
      Pattern.compile("^([0-9]{1,5})(?:\\s*[-/]?\\s*([a-z]{1,2}|[0-9]{1,4}|bis|ter))?$");

  private static final Pattern ORDINAL = Pattern.compile("^([0-9]{1,3})(st|nd|rd|th|e|de|ste)$");

  /** Words written short in addresses, as they are written out. */
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("st", "street"),
          Map.entry("str", "straat"),
          Map.entry("rd", "road"),
          Map.entry("ave", "avenue"),
          Map.entry("av", "avenue"),
          Map.entry("blvd", "boulevard"),
          Map.entry("bd", "boulevard"),
          Map.entry("ln", "lane"),
          Map.entry("dr", "drive"),
          Map.entry("ct", "court"),
          Map.entry("pl", "place"),
          Map.entry("sq", "square"),
          Map.entry("hwy", "highway"),
          Map.entry("pkwy", "parkway"),
          Map.entry("ter", "terrace"),
          Map.entry("cir", "circle"),
          Map.entry("mt", "mount"),
          Map.entry("ft", "fort"),
          Map.entry("n", "north"),
          Map.entry("s", "south"),
          Map.entry("e", "east"),
          Map.entry("w", "west"),
          Map.entry("burg", "burgemeester"),
          Map.entry("mr", "meester"),
          Map.entry("prof", "professor"),
          Map.entry("pr", "prins"),
          Map.entry("kon", "koningin"),
          Map.entry("v", "van"),
          Map.entry("pln", "plein"),
          Map.entry("ch", "chaussee"),
          Map.entry("stwg", "steenweg"),
          Map.entry("r", "rue"));

  /** Words that say a flat or unit number follows, which is the house number's addition. */
  private static final List<String> UNIT =
      List.of("apt", "apartment", "unit", "flat", "bus", "app");

  /** Street keys end in these written short ("Kerkstr", "Stationsln") for the whole word. */
  private static final Map<String, String> SUFFIXES =
      Map.of("str", "straat", "ln", "laan", "pln", "plein", "wg", "weg", "gr", "gracht");

  /** The address a text gives, or null when it has neither a street nor a postcode. */
  static StreetAddress parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String clean = Text.clean(text);
    String postcode = null;
    int comma = clean.indexOf(',');
    String line = comma < 0 ? clean : clean.substring(0, comma);
    Matcher pm = POSTCODE.matcher(clean);
    int cut = -1;
    int end = -1;
    while (pm.find()) {
      // a postcode in the street line itself is a house number and a word ("12 AB"), unless the
      // line is all there is and the code comes after the street
      if (comma >= 0 && pm.start() < comma) {
        continue;
      }
      postcode = pm.group(1).replace(" ", "").toUpperCase(Locale.ROOT);
      cut = pm.start();
      end = pm.end();
      break;
    }
    if (postcode == null && comma >= 0) {
      Matcher bm = PLACE_CODE.matcher(clean.substring(comma + 1).toUpperCase(Locale.ROOT));
      if (bm.find()) {
        postcode = bm.group(1);
      }
    }
    String place = placeOf(clean, comma, end);
    if (comma < 0 && cut > 0) {
      line = clean.substring(0, cut);
    } else if (comma < 0 && cut == 0) {
      line = "";
    }
    List<String> words = new ArrayList<>(List.of(Text.fold(line.replace("-", " - ")).split(" ")));
    words.removeIf(String::isEmpty);
    String number = null;
    String addition = null;
    int numberAt = -1;
    for (int i = 0; i < words.size() && numberAt < 0; i++) {
      String w = words.get(i);
      if (!Character.isDigit(w.charAt(0)) || ORDINAL.matcher(w).matches() && i + 1 < words.size()) {
        continue;
      }
      Matcher hm = HOUSE.matcher(w);
      if (!hm.matches()) {
        continue;
      }
      number = hm.group(1);
      addition = hm.group(2);
      numberAt = i;
    }
    List<String> street = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (i == numberAt) {
        continue;
      }
      if (i > numberAt && numberAt >= 0 && addition == null) {
        // what follows the number in the line: its addition ("12 a", "12 - b", "Apt 4")
        if (UNIT.contains(w) && i + 1 < words.size()) {
          addition = words.get(i + 1);
          i++;
          continue;
        }
        // a word of one or two letters after a number that follows the street ("Kruiskade 12 a");
        // after a number that comes first, it begins the street ("7 El Dorado Road")
        if (numberAt > 0
            && i == numberAt + 1
            && (w.length() <= 2 || w.equals("bis"))
            && !WORDS.containsKey(w)) {
          addition = w;
          continue;
        }
      }
      if (UNIT.contains(w) && i + 1 < words.size()) {
        i++;
        continue;
      }
      Matcher om = ORDINAL.matcher(w);
      if (om.matches()) {
        street.add(om.group(1));
        continue;
      }
      // an abbreviation is written out; "St" first is a saint ("St Johns Road")
      String whole = WORDS.get(w);
      if (whole != null && !(w.equals("st") && street.isEmpty())) {
        street.add(whole);
      } else if (!w.equals("-")) {
        street.add(w);
      }
    }
    String key = String.join("", street);
    for (Map.Entry<String, String> s : SUFFIXES.entrySet()) {
      if (key.length() > s.getKey().length() + 2 && key.endsWith(s.getKey())) {
        key = key.substring(0, key.length() - s.getKey().length()) + s.getValue();
        break;
      }
    }
    if (key.isEmpty()) {
      key = null;
    }
    if (key == null && postcode == null) {
      return null;
    }
    return new StreetAddress(key, number, addition, postcode, place);
  }

  /**
   * The place: the words after the postcode, else after the last comma when there is one; null when
   * they are digits only or missing.
   */
  private static String placeOf(String text, int comma, int postcodeEnd) {
    String after;
    if (postcodeEnd >= 0) {
      after = text.substring(postcodeEnd);
    } else if (comma >= 0) {
      after = text.substring(text.lastIndexOf(',') + 1);
    } else {
      return null;
    }
    String folded = Text.fold(after).replaceAll("[0-9]", "").strip();
    return folded.isEmpty() ? null : folded;
  }

  /** Whether both give a number and the numbers and their additions (or their lack) agree. */
  boolean sameHouse(StreetAddress o) {
    return number != null
        && number.equals(o.number)
        && (addition == null ? o.addition == null : addition.equals(o.addition));
  }

  /**
   * The key of the dwelling, for blocking and for counting who lives there: street (or postcode)
   * and number with addition; null without a number.
   */
  String house() {
    if (number == null) {
      return null;
    }
    String where = street != null ? street : postcode;
    return where + "|" + number + (addition == null ? "" : addition);
  }

  /** The postcode's area: a Dutch code's four digits, a British code's outward part. */
  String area() {
    if (postcode == null) {
      return null;
    }
    if (postcode.length() == 6 && Character.isDigit(postcode.charAt(0))) {
      return postcode.substring(0, 4);
    }
    if (!Character.isDigit(postcode.charAt(0)) && postcode.length() >= 5) {
      // a British code's sector: "TQ13 8DF" is in TQ13 8
      return postcode.substring(0, postcode.length() - 2);
    }
    return postcode;
  }
}
