package org.spil.model.types;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.spil.model.EntityIds;
import org.spil.model.NormaliseContext;
import org.spil.model.Normalised;
import org.spil.model.PropertyType;

/**
 * Every property type Spil knows, by the name used in {@code schemata.txt}: the FollowTheMoney
 * types (name, date, country, phone, email, iban, identifier, address, entity, url, ip, number,
 * topic, gender, language, text, string, ...) and identifier formats with check digits ({@code
 * identifier:imo}, {@code identifier:container}, {@code identifier:bic}, {@code identifier:lei},
 * {@code identifier:crypto}, {@code identifier:locode}), plus {@code amount} and {@code currency}.
 */
public final class PropertyTypeCatalog {
  private PropertyTypeCatalog() {}

  private static final Pattern IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");
  private static final Pattern TOPIC = Pattern.compile("^[a-z][a-z0-9_.]{0,63}$");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Map<String, String> GENDERS =
      Map.ofEntries(
          Map.entry("male", "male"),
          Map.entry("m", "male"),
          Map.entry("man", "male"),
          Map.entry("homme", "male"),
          Map.entry("h", "male"),
          Map.entry("mannelijk", "male"),
          Map.entry("maennlich", "male"),
          Map.entry("mannlich", "male"),
          Map.entry("female", "female"),
          Map.entry("f", "female"),
          Map.entry("v", "female"),
          Map.entry("vrouw", "female"),
          Map.entry("femme", "female"),
          Map.entry("vrouwelijk", "female"),
          Map.entry("weiblich", "female"),
          Map.entry("w", "female"),
          Map.entry("woman", "female"),
          Map.entry("other", "other"),
          Map.entry("x", "other"),
          Map.entry("o", "other"));

  static final Map<String, PropertyType> ALL = build();

  public static Map<String, PropertyType> all() {
    return ALL;
  }

  private static List<String> compactKey(String value) {
    String compact = Text.compact(value);
    return compact.isEmpty() ? List.of() : List.of(compact);
  }

  private static Map<String, PropertyType> build() {
    List<PropertyType> types = new ArrayList<>();
    types.add(new NameType());
    types.add(new SimpleType("string", false, (s, c) -> limit(s, 10_000), List::of));
    types.add(new SimpleType("text", false, (s, c) -> limit(s, 1_000_000), v -> List.of()));
    types.add(new SimpleType("html", false, (s, c) -> limit(s, 1_000_000), v -> List.of()));
    types.add(new SimpleType("json", false, (s, c) -> limit(s, 1_000_000), v -> List.of()));
    types.add(
        new SimpleType(
            "checksum", false, (s, c) -> Normalised.valid(s.toLowerCase(Locale.ROOT)), List::of));
    types.add(
        new SimpleType(
            "mimetype", false, (s, c) -> Normalised.valid(s.toLowerCase(Locale.ROOT)), List::of));
    types.add(
        new SimpleType("address", true, (s, c) -> limit(s, 1_000), v -> List.of(Text.fold(v))));
    types.add(new SimpleType("entity", false, PropertyTypeCatalog::entityRef, List::of));
    types.add(
        new SimpleType(
            "date", false, (s, c) -> PartialDates.normalise(s, c.dateFormats()), List::of));
    types.add(new SimpleType("country", false, (s, c) -> Countries.normalise(s), List::of));
    types.add(
        new SimpleType("phone", true, (s, c) -> Phones.normalise(s, c.phoneRegion()), List::of));
    types.add(new SimpleType("email", true, (s, c) -> email(s), List::of));
    types.add(new SimpleType("iban", true, (s, c) -> Iban.normalise(s), List::of));
    types.add(
        new SimpleType(
            "identifier", true, (s, c) -> Identifiers.generic(s), PropertyTypeCatalog::compactKey));
    types.add(new SimpleType("identifier:bic", true, (s, c) -> Identifiers.bic(s), List::of));
    types.add(new SimpleType("identifier:lei", true, (s, c) -> Identifiers.lei(s), List::of));
    types.add(
        new SimpleType(
            "identifier:imo", true, (s, c) -> Identifiers.imo(s), v -> List.of(v, v.substring(3))));
    types.add(
        new SimpleType("identifier:container", true, (s, c) -> Identifiers.container(s), List::of));
    types.add(
        new SimpleType("identifier:locode", false, (s, c) -> Identifiers.locode(s), List::of));
    types.add(
        new SimpleType("identifier:crypto", true, (s, c) -> CryptoAddress.normalise(s), List::of));
    types.add(new SimpleType("url", false, (s, c) -> url(s), List::of));
    types.add(new SimpleType("ip", true, (s, c) -> ip(s), List::of));
    types.add(new SimpleType("number", false, (s, c) -> Amounts.normalise(s), List::of));
    types.add(new SimpleType("amount", false, (s, c) -> Amounts.normalise(s), List::of));
    types.add(new SimpleType("currency", false, (s, c) -> Amounts.currency(s), List::of));
    types.add(new SimpleType("topic", false, (s, c) -> topic(s), List::of));
    types.add(new SimpleType("gender", false, (s, c) -> gender(s), List::of));
    types.add(new SimpleType("language", false, (s, c) -> language(s), List::of));
    Map<String, PropertyType> map = new LinkedHashMap<>();
    for (PropertyType t : types) {
      map.put(t.name(), t);
    }
    return Map.copyOf(map);
  }

  private static Normalised limit(String s, int max) {
    return s.length() > max
        ? Normalised.rejected("value longer than " + max + " characters")
        : Normalised.valid(s);
  }

  private static Normalised entityRef(String s, NormaliseContext c) {
    if (!EntityIds.isSafe(s)) {
      return Normalised.rejected(EntityIds.UNSAFE);
    }
    return Normalised.valid(s);
  }

  static Normalised email(String s) {
    String e = s.startsWith("mailto:") ? s.substring(7) : s;
    e = e.strip();
    if (e.length() > 254 || !isEmail(e)) {
      return Normalised.rejected("not an email address");
    }
    int at = e.lastIndexOf('@');
    return Normalised.valid(
        e.substring(0, at) + "@" + e.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  private static final String LOCAL_SPECIALS = ".!#$%&'*+/=?^_`{|}~-";

  /** local@domain.tld with RFC 5322 "atext" in the local part and DNS labels in the domain. */
  static boolean isEmail(String e) {
    int at = e.lastIndexOf('@');
    if (at < 1 || at > 64 || at == e.length() - 1) {
      return false;
    }
    for (int i = 0; i < at; i++) {
      char c = e.charAt(i);
      if (!(isAsciiAlnum(c) || LOCAL_SPECIALS.indexOf(c) >= 0)) {
        return false;
      }
    }
    int labels = 0;
    int start = at + 1;
    for (int i = start; i <= e.length(); i++) {
      if (i == e.length() || e.charAt(i) == '.') {
        int len = i - start;
        if (len < 1 || len > 63 || e.charAt(start) == '-' || e.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        start = i + 1;
      } else if (!(isAsciiAlnum(e.charAt(i)) || e.charAt(i) == '-')) {
        return false;
      }
    }
    return labels >= 2;
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static Normalised url(String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http")
              || scheme.equalsIgnoreCase("https")
              || scheme.equalsIgnoreCase("ftp"))) {
        return Normalised.rejected("not a URL: needs http, https or ftp");
      }
      if (uri.getHost() == null) {
        return Normalised.rejected("not a URL: no host");
      }
      return Normalised.valid(uri.normalize().toString());
    } catch (URISyntaxException e) {
      return Normalised.rejected("not a URL: " + e.getReason());
    }
  }

  static Normalised ip(String s) {
    if (IPV4.matcher(s).matches()) {
      return Normalised.valid(s);
    }
    if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
      try {
        return Normalised.valid(InetAddress.getByName("[" + s + "]").getHostAddress());
      } catch (UnknownHostException e) {
        return Normalised.rejected("not an IP address");
      }
    }
    return Normalised.rejected("not an IP address");
  }

  static Normalised topic(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    return TOPIC.matcher(t).matches() ? Normalised.valid(t) : Normalised.rejected("not a topic");
  }

  static Normalised gender(String s) {
    String g = GENDERS.get(Text.fold(s));
    return g == null ? Normalised.rejected("unknown gender '" + s + "'") : Normalised.valid(g);
  }

  static Normalised language(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    if (l.length() == 2 && LANGUAGES.contains(l)) {
      return Normalised.valid(new Locale(l).getISO3Language());
    }
    if (l.length() == 3 && l.chars().allMatch(Character::isLetter)) {
      return Normalised.valid(l);
    }
    return Normalised.rejected("not an ISO 639 language code");
  }
}
