package org.spil.model.types;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.spil.model.Normalised;

/**
 * Countries as lower-case ISO 3166-1 alpha-2 codes (FollowTheMoney's convention, e.g. {@code nl}),
 * recognised from alpha-2 and alpha-3 codes and from names in English, Dutch, French, Spanish and
 * German ("Netherlands", "Nederland", "Pays-Bas", "Países Bajos", "Niederlande"), plus common
 * informal names (Holland, UK, USA, UAE).
 */
public final class Countries {
  private Countries() {}

  private static final Map<String, String> BY_FOLDED = build();

  public static Normalised normalise(String raw) {
    String code = lookup(raw);
    return code == null
        ? Normalised.rejected("unknown country '" + raw + "'")
        : Normalised.valid(code);
  }

  /** The lower-case alpha-2 code, or null. */
  public static String lookup(String raw) {
    return BY_FOLDED.get(Text.fold(raw));
  }

  private static Map<String, String> build() {
    Map<String, String> map = new HashMap<>();
    Locale[] languages = {
      Locale.ENGLISH,
      Locale.forLanguageTag("nl"),
      Locale.FRENCH,
      Locale.forLanguageTag("es"),
      Locale.GERMAN
    };
    for (String cc : Locale.getISOCountries()) {
      String code = cc.toLowerCase(Locale.ROOT);
      Locale country = new Locale("", cc);
      map.put(code, code);
      try {
        map.put(Text.fold(country.getISO3Country()), code);
      } catch (MissingResourceException e) {
        // no alpha-3 code known for this entry
      }
      for (Locale language : languages) {
        map.putIfAbsent(Text.fold(country.getDisplayCountry(language)), code);
      }
    }
    String[][] aliases = {
      {"holland", "nl"},
      {"the netherlands", "nl"},
      {"kingdom of the netherlands", "nl"},
      {"nederlandse antillen", "cw"},
      {"uk", "gb"},
      {"great britain", "gb"},
      {"england", "gb"},
      {"scotland", "gb"},
      {"wales", "gb"},
      {"northern ireland", "gb"},
      {"britain", "gb"},
      {"usa", "us"},
      {"america", "us"},
      {"united states of america", "us"},
      {"verenigde staten van amerika", "us"},
      {"uae", "ae"},
      {"emirates", "ae"},
      {"vae", "ae"},
      {"turkiye", "tr"},
      {"turkije", "tr"},
      {"kosovo", "xk"},
      {"xk", "xk"},
      {"xkx", "xk"},
      {"russia", "ru"},
      {"russian federation", "ru"},
      {"rusland", "ru"},
      {"south korea", "kr"},
      {"korea", "kr"},
      {"north korea", "kp"},
      {"ivory coast", "ci"},
      {"czech republic", "cz"},
      {"tsjechie", "cz"},
      {"macedonia", "mk"},
      {"burma", "mm"},
      {"vatican", "va"},
      {"hong kong", "hk"},
      {"hongkong", "hk"},
      {"macau", "mo"},
      {"macao", "mo"},
      {"china", "cn"},
      {"taiwan", "tw"},
      {"iran", "ir"},
      {"syria", "sy"},
      {"laos", "la"},
      {"vietnam", "vn"},
      {"bolivia", "bo"},
      {"venezuela", "ve"},
      {"tanzania", "tz"},
      {"moldova", "md"},
      {"palestine", "ps"},
      {"cape verde", "cv"},
      {"swaziland", "sz"},
      {"east timor", "tl"},
      {"congo", "cg"},
      {"drc", "cd"},
      {"dr congo", "cd"},
      {"curacao", "cw"},
      {"sint maarten", "sx"},
      {"belgie", "be"},
      {"belgique", "be"},
      {"duitsland", "de"},
      {"marokko", "ma"},
      {"maroc", "ma"},
      {"colombie", "co"},
      {"ecuador", "ec"},
      {"suriname", "sr"},
      {"spanje", "es"}
    };
    for (String[] a : aliases) {
      map.put(Text.fold(a[0]), a[1]);
    }
    return Map.copyOf(map);
  }
}
