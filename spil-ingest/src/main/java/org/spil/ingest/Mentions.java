package org.spil.ingest;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spil.model.ChatMessage;
import org.spil.model.Normalised;
import org.spil.model.types.Amounts;
import org.spil.model.types.CryptoAddress;
import org.spil.model.types.Iban;
import org.spil.model.types.Identifiers;
import org.spil.model.types.Phones;

/**
 * Finds identifiers in the text of a chat message: phone numbers, IBANs, crypto addresses,
 * container numbers, IMO numbers, amounts of money, days or times ("morgen 6 uur", "maandag",
 * "demain" resolved against the time the message was sent), vessels ("met de MSC Aurora"), ports by
 * name or UN/LOCODE and other places by name with their country ({@link Places}), and the names
 * persons are called by ({@link Nicknames}). Each candidate a pattern finds is kept only when the
 * normaliser of its property type accepts it, the same one structured data goes through, so that a
 * container written in a chat is the container customs declared (its check digit holds) and a phone
 * number is the one in a police record (in E.164). Each is a {@link Mention} of a property of the
 * {@code ChatMention} schema, with the text it was read from.
 */
public final class Mentions {
  private Mentions() {}

  /** A value found: the property it is of, its normalised value, and the text it was read from. */
  public record Mention(String prop, String value, String original) {}

  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w+])(?:\\+|00)?\\d(?:[ \\-./]?\\d){7,15}(?![\\w])");

  /** An IBAN in capitals, in groups of four or not, or written compact in any case. */
  private static final Pattern IBAN =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?"
              + "|(?i:[a-z]{2}\\d{2}[a-z0-9]{11,30}))(?![A-Za-z0-9])");

  private static final Pattern CRYPTO =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:bc1[a-z0-9]{25,62}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40}|T[a-km-zA-HJ-NP-Z1-9]{33})(?![A-Za-z0-9])");
  private static final Pattern CONTAINER =
      Pattern.compile("(?i)(?<![A-Z0-9])[A-Z]{3}[UJZ] ?\\d{6} ?-?\\d(?![A-Z0-9])");
  private static final Pattern IMO = Pattern.compile("(?i)\\bIMO[ :.]*(\\d{7})\\b");

  /** An amount: a currency before or after a number, or a number of thousands ("40k"). */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?i)(?:(€|eur|euro|\\$|usd|£|gbp)\\s?(\\d{1,3}(?:[.,\\s]\\d{3})+(?:[.,]\\d{2})?|\\d+(?:[.,]\\d{2})?)(?![\\d.,]*\\d))"
              + "|(?:(?<![\\w.,])(\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d{2})?|\\d+(?:[.,]\\d{2})?)\\s?(€|eur|euros?|\\$|usd|dollars?|£|gbp)\\b)"
              + "|(?:(?<![\\w.,])(\\d{1,4})\\s?k\\b)");

  private static final Map<String, String> CURRENCIES =
      Map.ofEntries(
          Map.entry("€", "EUR"),
          Map.entry("eur", "EUR"),
          Map.entry("euro", "EUR"),
          Map.entry("euros", "EUR"),
          Map.entry("$", "USD"),
          Map.entry("usd", "USD"),
          Map.entry("dollar", "USD"),
          Map.entry("dollars", "USD"),
          Map.entry("£", "GBP"),
          Map.entry("gbp", "GBP"));

  /** Words for a day relative to the day a message is sent, in Dutch, English and French. */
  private static final Map<String, Integer> RELATIVE_DAYS =
      Map.ofEntries(
          Map.entry("vandaag", 0),
          Map.entry("vanavond", 0),
          Map.entry("vannacht", 0),
          Map.entry("morgen", 1),
          Map.entry("overmorgen", 2),
          Map.entry("today", 0),
          Map.entry("tonight", 0),
          Map.entry("tomorrow", 1),
          Map.entry("aujourd'hui", 0),
          Map.entry("ce soir", 0),
          Map.entry("cette nuit", 0),
          Map.entry("demain", 1),
          Map.entry("après-demain", 2));

  private static final Map<String, DayOfWeek> WEEKDAYS =
      Map.ofEntries(
          Map.entry("maandag", DayOfWeek.MONDAY),
          Map.entry("dinsdag", DayOfWeek.TUESDAY),
          Map.entry("woensdag", DayOfWeek.WEDNESDAY),
          Map.entry("donderdag", DayOfWeek.THURSDAY),
          Map.entry("vrijdag", DayOfWeek.FRIDAY),
          Map.entry("zaterdag", DayOfWeek.SATURDAY),
          Map.entry("zondag", DayOfWeek.SUNDAY),
          Map.entry("monday", DayOfWeek.MONDAY),
          Map.entry("tuesday", DayOfWeek.TUESDAY),
          Map.entry("wednesday", DayOfWeek.WEDNESDAY),
          Map.entry("thursday", DayOfWeek.THURSDAY),
          Map.entry("friday", DayOfWeek.FRIDAY),
          Map.entry("saturday", DayOfWeek.SATURDAY),
          Map.entry("sunday", DayOfWeek.SUNDAY),
          Map.entry("lundi", DayOfWeek.MONDAY),
          Map.entry("mardi", DayOfWeek.TUESDAY),
          Map.entry("mercredi", DayOfWeek.WEDNESDAY),
          Map.entry("jeudi", DayOfWeek.THURSDAY),
          Map.entry("vendredi", DayOfWeek.FRIDAY),
          Map.entry("samedi", DayOfWeek.SATURDAY),
          Map.entry("dimanche", DayOfWeek.SUNDAY));

  private static final Pattern DAY_WORD =
      Pattern.compile("(?iu)(?<![\\p{L}'-])(" + alternatives() + ")(?![\\p{L}'-])");

  /** An hour after a day word: "6 uur", "6u", "10u30", "18:30", "6h", "at 6", "à 6h". */
  private static final Pattern HOUR =
      Pattern.compile(
          "(?iu)^\\s*(?:om|at|à|a)?\\s*(\\d{1,2})(?:(?::|u|h)(\\d{2})|\\s?(?:uur|u|h|o'clock)\\b)");

  private static String alternatives() {
    List<String> words = new ArrayList<>(RELATIVE_DAYS.keySet());
    words.addAll(WEEKDAYS.keySet());
    words.sort((a, b) -> b.length() - a.length());
    return String.join("|", words.stream().map(Pattern::quote).toList());
  }

  /**
   * The identifiers in a message's text: phone numbers read in {@code region} (ISO 3166) when
   * written without a country code; days and times in {@code zone}, against the time the message
   * was sent. Each value once per property.
   */
  public static List<Mention> find(ChatMessage m, String region, ZoneId zone) {
    return find(m, region, zone, Places.NONE);
  }

  /**
   * As {@link #find(ChatMessage, String, ZoneId)}, with the ports of {@code places} recognised by
   * name ("Lomé", "Antwerpen") or UN/LOCODE ("NLRTM") as {@code portMentioned}, and its other
   * places by name ("Medellín", "in Pernis") as {@code placeMentioned} and {@code
   * countryMentioned}.
   */
  public static List<Mention> find(ChatMessage m, String region, ZoneId zone, Places places) {
    String text = m.body();
    List<Mention> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    List<int[]> taken = new ArrayList<>();
    scan(CONTAINER, text, taken, s -> Identifiers.container(s), "containerNumber", out);
    scan(IBAN, text, taken, Iban::normalise, "iban", out);
    scan(CRYPTO, text, taken, CryptoAddress::normalise, "cryptoAddress", out);
    Matcher imo = IMO.matcher(text);
    while (imo.find()) {
      if (Identifiers.imo("IMO" + imo.group(1)) instanceof Normalised.Valid v) {
        add(out, "imoNumber", v.value(), imo.group());
        taken.add(new int[] {imo.start(), imo.end()});
      }
    }
    scan(PHONE, text, taken, s -> Phones.normalise(s, region), "phone", out);
    amounts(text, taken, out);
    days(m, zone, out);
    vessels(text, places, taken, out);
    ports(text, places, taken, out);
    for (Nicknames.Found name : Nicknames.find(text, taken)) {
      add(out, "nicknameMentioned", name.name(), name.name());
    }
    return out;
  }

  /** A vessel after words that announce one ("met de", "aan boord van", "the vessel"). */
  private static final Pattern VESSEL_CUE =
      Pattern.compile(
          "(?iu)\\b(?:met de|aan boord van|het schip|de boot|the vessel|the ship|on board|le navire"
              + "|le bateau|m/v|mv)\\s+(?-i)((?:\\p{Lu}[\\p{L}'-]*)(?:\\s\\p{Lu}[\\p{L}'-]*){0,2})");

  /** A vessel named after its line: "MSC Aurora", "CMA CGM Lotus", "Ever Given". */
  private static final Pattern VESSEL_LINE =
      Pattern.compile(
          "(?u)\\b(MSC|Maersk|MAERSK|CMA CGM|COSCO|Cosco|Evergreen|Ever|HMM|ZIM|Hapag-Lloyd)\\s"
              + "(\\p{Lu}[\\p{L}'-]+(?:\\s\\p{Lu}[\\p{L}'-]+)?)");

  /**
   * Vessel names: a name of capitalised words after words that announce a vessel, or a name after a
   * shipping line's prefix; not a port's name ("met de Rotterdam" is rather a place).
   */
  private static void vessels(String text, Places places, List<int[]> taken, List<Mention> out) {
    for (Pattern p : List.of(VESSEL_CUE, VESSEL_LINE)) {
      Matcher v = p.matcher(text);
      while (v.find()) {
        int start = p == VESSEL_CUE ? v.start(1) : v.start();
        String name = text.substring(start, v.end()).replaceAll("\\s+", " ").strip();
        if (overlaps(taken, start, v.end()) || places.byName(name) != null) {
          continue;
        }
        add(out, "vesselMentioned", name, name);
        taken.add(new int[] {start, v.end()});
      }
    }
  }

  /** A UN/LOCODE as written: two capitals, a space or not, three capitals or digits 2-9. */
  private static final Pattern LOCODE =
      Pattern.compile("(?<![\\p{L}\\d])[A-Z]{2} ?[A-Z2-9]{3}(?![\\p{L}\\d])");

  /** Words that make a place's name an airport's ("Rotterdam The Hague Airport"). */
  private static final Pattern AIRPORT =
      Pattern.compile("(?iu)airport|luchthaven|aéroport|airfield");

  /** Whether one of the three words from {@code from} on says the name is an airport's. */
  private static boolean airport(String text, List<int[]> words, int from) {
    for (int k = from; k < Math.min(words.size(), from + 3); k++) {
      if (AIRPORT.matcher(text.substring(words.get(k)[0], words.get(k)[1])).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A word of a place name. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'.]*");

  /**
   * Ports by UN/LOCODE or by name, and other places by name: at each capitalised word the longest
   * run of words that names a port, else the longest that names a place ({@link Cities}: the word
   * before may say a place follows), not within what was found before, nor an airport's name.
   */
  private static void ports(String text, Places places, List<int[]> taken, List<Mention> out) {
    Cities cities = places.cities();
    if (places.size() == 0 && cities.size() == 0) {
      return;
    }
    Matcher code = LOCODE.matcher(text);
    while (code.find()) {
      String compact = code.group().replace(" ", "");
      if (!overlaps(taken, code.start(), code.end()) && places.isCode(compact)) {
        add(out, "portMentioned", compact, code.group());
        taken.add(new int[] {code.start(), code.end()});
      }
    }
    List<int[]> words = new ArrayList<>();
    Matcher w = WORD.matcher(text);
    while (w.find()) {
      words.add(new int[] {w.start(), w.end()});
    }
    for (int i = 0; i < words.size(); i++) {
      int[] first = words.get(i);
      if (!Character.isUpperCase(text.codePointAt(first[0]))) {
        continue;
      }
      String word = text.substring(first[0], first[1]);
      int found = 0;
      if (places.beginsName(word)) {
        found = port(text, places, words, i, taken, out);
      }
      if (found == 0 && cities.beginsName(word)) {
        found = city(text, cities, words, i, taken, out);
      }
      i += Math.max(0, found - 1);
    }
  }

  /** The port named from word {@code i} on, if any: how many words it takes (or 0). */
  private static int port(
      String text, Places places, List<int[]> words, int i, List<int[]> taken, List<Mention> out) {
    for (int n = Math.min(places.longestName(), words.size() - i); n >= 1; n--) {
      int start = words.get(i)[0];
      int end = words.get(i + n - 1)[1];
      String name = text.substring(start, end);
      String locode = overlaps(taken, start, end) ? null : places.byName(name);
      if (locode != null && airport(text, words, i + n)) {
        return n;
      }
      if (locode != null) {
        add(out, "portMentioned", locode, name);
        taken.add(new int[] {start, end});
        return n;
      }
    }
    return 0;
  }

  /**
   * The place named from word {@code i} on, if any, as {@code placeMentioned} (the gazetteer's
   * name) and {@code countryMentioned}: how many words it takes (or 0).
   */
  private static int city(
      String text, Cities cities, List<int[]> words, int i, List<int[]> taken, List<Mention> out) {
    String before = i == 0 ? null : text.substring(words.get(i - 1)[0], words.get(i - 1)[1]);
    for (int n = Math.min(cities.longestName(), words.size() - i); n >= 1; n--) {
      int start = words.get(i)[0];
      int end = words.get(i + n - 1)[1];
      String name = text.substring(start, end);
      Cities.City city = overlaps(taken, start, end) ? null : cities.byName(name, before);
      if (city != null && airport(text, words, i + n)) {
        return n;
      }
      if (city != null) {
        add(out, "placeMentioned", city.name(), name);
        add(out, "countryMentioned", city.country().toLowerCase(Locale.ROOT), name);
        taken.add(new int[] {start, end});
        return n;
      }
    }
    return 0;
  }

  /**
   * Every match of a pattern that does not overlap what was found before and that the normaliser
   * accepts.
   */
  private static void scan(
      Pattern p,
      String text,
      List<int[]> taken,
      Function<String, Normalised> n,
      String prop,
      List<Mention> out) {
    Matcher matcher = p.matcher(text);
    while (matcher.find()) {
      if (overlaps(taken, matcher.start(), matcher.end())) {
        continue;
      }
      if (n.apply(matcher.group()) instanceof Normalised.Valid v) {
        add(out, prop, v.value(), matcher.group());
        taken.add(new int[] {matcher.start(), matcher.end()});
      }
    }
  }

  private static boolean overlaps(List<int[]> taken, int start, int end) {
    for (int[] t : taken) {
      if (start < t[1] && t[0] < end) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<Mention> out, String prop, String value, String original) {
    for (Mention m : out) {
      if (m.prop().equals(prop) && m.value().equals(value)) {
        return;
      }
    }
    out.add(new Mention(prop, value, original.strip()));
  }

  /**
   * Amounts as "92000 EUR" (a currency named) or "40000" (thousands, "40k", without one): the
   * number read by the amount type's parser, in either decimal convention.
   */
  private static void amounts(String text, List<int[]> taken, List<Mention> out) {
    Matcher a = AMOUNT.matcher(text);
    while (a.find()) {
      if (overlaps(taken, a.start(), a.end())) {
        continue;
      }
      String number;
      String currency = null;
      BigDecimal factor = BigDecimal.ONE;
      if (a.group(2) != null) {
        number = a.group(2);
        currency = CURRENCIES.get(a.group(1).toLowerCase(Locale.ROOT));
      } else if (a.group(3) != null) {
        number = a.group(3);
        currency = CURRENCIES.get(a.group(4).toLowerCase(Locale.ROOT));
      } else {
        number = a.group(5);
        factor = BigDecimal.valueOf(1000);
      }
      BigDecimal value;
      try {
        value = Amounts.parse(thousands(number)).value().multiply(factor);
      } catch (IllegalArgumentException e) {
        continue;
      }
      String plain = value.stripTrailingZeros().toPlainString();
      add(out, "amountMentioned", currency == null ? plain : plain + " " + currency, a.group());
      taken.add(new int[] {a.start(), a.end()});
    }
  }

  /** "92.000" and "92,000" and "92 000" are thousands in chat, not decimals. */
  private static String thousands(String number) {
    return number.matches("\\d{1,3}([.,\\s]\\d{3})+") ? number.replaceAll("[.,\\s]", "") : number;
  }

  /**
   * Days and times said relative to the message: "morgen" is the day after it was sent, a weekday
   * the next such day after it (one to seven days on), "vannacht" and "tonight" the day itself; an
   * hour right after ("morgen 6 uur", "demain à 6h", "vrijdag 18:30") makes it a time.
   */
  private static void days(ChatMessage m, ZoneId zone, List<Mention> out) {
    Matcher d = DAY_WORD.matcher(m.body());
    ZonedDateTime sent = m.time().atZone(zone);
    while (d.find()) {
      String word = d.group(1).toLowerCase(Locale.ROOT);
      LocalDate day;
      Integer plus = RELATIVE_DAYS.get(word);
      if (plus != null) {
        day = sent.toLocalDate().plusDays(plus);
      } else {
        DayOfWeek weekday = WEEKDAYS.get(word);
        int ahead = (weekday.getValue() - sent.getDayOfWeek().getValue() + 7) % 7;
        day = sent.toLocalDate().plusDays(ahead == 0 ? 7 : ahead);
      }
      Matcher hour = HOUR.matcher(m.body().substring(d.end()));
      String value = day.toString();
      String original = d.group();
      if (hour.find()) {
        int h = Integer.parseInt(hour.group(1));
        int min = hour.group(2) == null ? 0 : Integer.parseInt(hour.group(2));
        if (h < 24 && min < 60) {
          value = LocalDateTime.of(day, java.time.LocalTime.of(h, min)).toString();
          original = d.group() + hour.group();
        }
      }
      add(out, "dateMentioned", value, original);
    }
  }
}
