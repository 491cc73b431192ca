package org.spil.model.types;

import java.util.Locale;
import java.util.Set;
import org.spil.model.Normalised;

/**
 * Check-digit identifiers: BIC (ISO 9362), LEI (ISO 17442), IMO ship numbers, ISO 6346 container
 * numbers and UN/LOCODE port codes. Each normaliser returns the compact upper-case form or says
 * which rule the value breaks.
 */
public final class Identifiers {
  private Identifiers() {}

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public static Normalised bic(String raw) {
    String bic = Text.compact(raw);
    if (bic.length() != 8 && bic.length() != 11) {
      return Normalised.rejected("not a BIC: must have 8 or 11 characters, has " + bic.length());
    }
    for (int i = 0; i < 6; i++) {
      if (!Character.isLetter(bic.charAt(i))) {
        return Normalised.rejected("not a BIC: the first six characters must be letters");
      }
    }
    String country = bic.substring(4, 6);
    if (!COUNTRIES.contains(country) && !country.equals("XK")) {
      return Normalised.rejected("not a BIC: unknown country " + country);
    }
    return Normalised.valid(bic);
  }

  public static Normalised lei(String raw) {
    String lei = Text.compact(raw);
    if (lei.length() != 20) {
      return Normalised.rejected("not an LEI: must have 20 characters, has " + lei.length());
    }
    if (!Character.isDigit(lei.charAt(18)) || !Character.isDigit(lei.charAt(19))) {
      return Normalised.rejected("not an LEI: must end in two check digits");
    }
    if (Iban.mod97(lei) != 1) {
      return Normalised.rejected("LEI check digits do not match");
    }
    return Normalised.valid(lei);
  }

  public static Normalised imo(String raw) {
    String imo = Text.compact(raw);
    if (imo.startsWith("IMO")) {
      imo = imo.substring(3);
    }
    if (imo.length() != 7 || !imo.chars().allMatch(Character::isDigit)) {
      return Normalised.rejected("not an IMO number: must be 7 digits");
    }
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (imo.charAt(i) - '0') * (7 - i);
    }
    if (sum % 10 != imo.charAt(6) - '0') {
      return Normalised.rejected("IMO check digit does not match");
    }
    return Normalised.valid("IMO" + imo);
  }

  /** The IMO check digit for six leading digits. */
  public static int imoCheckDigit(String sixDigits) {
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (sixDigits.charAt(i) - '0') * (7 - i);
    }
    return sum % 10;
  }

  public static Normalised container(String raw) {
    String c = Text.compact(raw);
    if (c.length() != 11) {
      return Normalised.rejected(
          "not a container number: must have 11 characters, has " + c.length());
    }
    for (int i = 0; i < 4; i++) {
      if (!Character.isLetter(c.charAt(i))) {
        return Normalised.rejected("not a container number: must start with four letters");
      }
    }
    if ("UJZ".indexOf(c.charAt(3)) < 0) {
      return Normalised.rejected("not a container number: category letter must be U, J or Z");
    }
    for (int i = 4; i < 11; i++) {
      if (!Character.isDigit(c.charAt(i))) {
        return Normalised.rejected("not a container number: must end in seven digits");
      }
    }
    if (containerCheckDigit(c.substring(0, 10)) != c.charAt(10) - '0') {
      return Normalised.rejected("container check digit does not match");
    }
    return Normalised.valid(c);
  }

  /** The ISO 6346 check digit of the first ten characters (owner, category, serial). */
  public static int containerCheckDigit(String tenChars) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      char ch = tenChars.charAt(i);
      int v;
      if (Character.isDigit(ch)) {
        v = ch - '0';
      } else {
        // A=10, skipping multiples of 11 (11, 22, 33)
        v = 10 + (ch - 'A');
        v += (v - 1) / 10;
      }
      sum += v << i;
    }
    return sum % 11 % 10;
  }

  public static Normalised locode(String raw) {
    String code = Text.compact(raw);
    if (code.length() != 5) {
      return Normalised.rejected("not a UN/LOCODE: must be 5 characters such as NLRTM");
    }
    String country = code.substring(0, 2);
    if (!COUNTRIES.contains(country) && !country.equals("XK")) {
      return Normalised.rejected("not a UN/LOCODE: unknown country " + country);
    }
    for (int i = 2; i < 5; i++) {
      char ch = code.charAt(i);
      if (!(Character.isLetter(ch) || (ch >= '2' && ch <= '9'))) {
        return Normalised.rejected("not a UN/LOCODE: location part must be letters or digits 2-9");
      }
    }
    return Normalised.valid(code);
  }

  /** A generic identifier keeps its spelling; its search key is the compact upper-case form. */
  public static Normalised generic(String raw) {
    if (raw.length() > 200) {
      return Normalised.rejected("identifier longer than 200 characters");
    }
    if (Text.compact(raw).isEmpty()) {
      return Normalised.rejected("identifier has no letters or digits");
    }
    return Normalised.valid(raw);
  }
}
