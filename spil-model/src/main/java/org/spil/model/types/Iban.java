package org.spil.model.types;

import java.util.Map;
import org.spil.model.Normalised;

/**
 * International Bank Account Numbers (ISO 13616): country-specific length and the mod-97 check
 * digits. Stored compact and upper case, e.g. {@code NL91ABNA0417164300}.
 */
public final class Iban {
  private Iban() {}

  static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AE", 23),
          Map.entry("AL", 28),
          Map.entry("AT", 20),
          Map.entry("AZ", 28),
          Map.entry("BA", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("BH", 22),
          Map.entry("BI", 27),
          Map.entry("BR", 29),
          Map.entry("BY", 28),
          Map.entry("CH", 21),
          Map.entry("CR", 22),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DJ", 27),
          Map.entry("DK", 18),
          Map.entry("DO", 28),
          Map.entry("EE", 20),
          Map.entry("EG", 29),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FK", 18),
          Map.entry("FO", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GE", 22),
          Map.entry("GI", 23),
          Map.entry("GL", 18),
          Map.entry("GR", 27),
          Map.entry("GT", 28),
          Map.entry("HN", 28),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IL", 23),
          Map.entry("IQ", 23),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("JO", 30),
          Map.entry("KW", 30),
          Map.entry("KZ", 20),
          Map.entry("LB", 28),
          Map.entry("LC", 32),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("LY", 25),
          Map.entry("MC", 27),
          Map.entry("MD", 24),
          Map.entry("ME", 22),
          Map.entry("MK", 19),
          Map.entry("MN", 20),
          Map.entry("MR", 27),
          Map.entry("MT", 31),
          Map.entry("MU", 30),
          Map.entry("NI", 28),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("OM", 23),
          Map.entry("PK", 24),
          Map.entry("PL", 28),
          Map.entry("PS", 29),
          Map.entry("PT", 25),
          Map.entry("QA", 29),
          Map.entry("RO", 24),
          Map.entry("RS", 22),
          Map.entry("RU", 33),
          Map.entry("SA", 24),
          Map.entry("SC", 31),
          Map.entry("SD", 18),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("SO", 23),
          Map.entry("ST", 25),
          Map.entry("SV", 28),
          Map.entry("TL", 23),
          Map.entry("TN", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("VA", 22),
          Map.entry("VG", 24),
          Map.entry("XK", 20),
          Map.entry("YE", 30));

  public static Normalised normalise(String raw) {
    String iban = Text.compact(raw);
    if (iban.startsWith("IBAN")) {
      iban = iban.substring(4);
    }
    if (iban.length() < 5
        || !Character.isLetter(iban.charAt(0))
        || !Character.isLetter(iban.charAt(1))) {
      return Normalised.rejected("not an IBAN: must start with a two-letter country code");
    }
    Integer length = LENGTHS.get(iban.substring(0, 2));
    if (length == null) {
      return Normalised.rejected("not an IBAN: no IBAN country " + iban.substring(0, 2));
    }
    if (iban.length() != length) {
      return Normalised.rejected(
          "not an IBAN: "
              + iban.substring(0, 2)
              + " IBANs have "
              + length
              + " characters, not "
              + iban.length());
    }
    if (!Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
      return Normalised.rejected("not an IBAN: check digits must be digits");
    }
    if (mod97(iban.substring(4) + iban.substring(0, 4)) != 1) {
      return Normalised.rejected("IBAN check digits do not match");
    }
    return Normalised.valid(iban);
  }

  /** The ISO 7064 mod-97-10 remainder of an alphanumeric string (letters count A=10 .. Z=35). */
  static int mod97(String s) {
    int remainder = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
    }
    return remainder;
  }

  /** Fills in correct check digits for a country code and basic bank account number. */
  public static String withCheckDigits(String country, String bban) {
    int check = 98 - mod97(bban + country + "00");
    return country + (check < 10 ? "0" : "") + check + bban;
  }
}
