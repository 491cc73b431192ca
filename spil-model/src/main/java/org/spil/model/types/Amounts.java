package org.spil.model.types;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.spil.model.Normalised;

/**
 * Money amounts and currencies. An amount may be written in either decimal convention ({@code
 * 1,234.56} or {@code 1.234,56}), with a sign, spaces or apostrophes as thousands separators, and a
 * currency code or symbol before or after it ({@code EUR 1.250,00}, {@code €1250}, {@code 1250
 * USD}). The stored amount is a plain decimal ({@code 1250.00}); a currency found in the value is
 * reported separately so the mapping can store it under the schema's currency property.
 */
public final class Amounts {
  private Amounts() {}

  /** A parsed amount: the plain decimal and the ISO 4217 currency found beside it, or null. */
  public record Amount(BigDecimal value, String currency) {}

  private static final Map<String, String> SYMBOLS =
      Map.of("€", "EUR", "$", "USD", "£", "GBP", "¥", "JPY", "₺", "TRY", "₽", "RUB", "₿", "XBT");

  public static Normalised normalise(String raw) {
    try {
      return Normalised.valid(parse(raw).value().toPlainString());
    } catch (IllegalArgumentException e) {
      return Normalised.rejected(e.getMessage());
    }
  }

  public static Normalised currency(String raw) {
    String code = currencyCode(raw.strip());
    return code == null
        ? Normalised.rejected("unknown currency '" + raw + "'")
        : Normalised.valid(code);
  }

  static String currencyCode(String s) {
    String symbol = SYMBOLS.get(s);
    if (symbol != null) {
      return symbol;
    }
    String upper = s.toUpperCase(Locale.ROOT);
    if (upper.equals("XBT") || upper.equals("BTC") || upper.equals("ETH") || upper.equals("USDT")) {
      return upper.equals("XBT") ? "BTC" : upper;
    }
    if (upper.length() != 3) {
      return null;
    }
    try {
      return Currency.getInstance(upper).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Parses an amount; throws IllegalArgumentException with a reason when it is not one. */
  public static Amount parse(String raw) {
    String s = raw.strip();
    String currency = null;
    int start = 0;
    int end = s.length();
    while (start < end && !isNumberChar(s.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isDigit(s.charAt(end - 1))) {
      end--;
    }
    String prefix = s.substring(0, start).strip();
    String suffix = s.substring(end).strip();
    for (String part : new String[] {prefix, suffix}) {
      if (!part.isEmpty()) {
        String code = currencyCode(part);
        if (code == null || currency != null) {
          throw new IllegalArgumentException("not an amount: unexpected '" + part + "'");
        }
        currency = code;
      }
    }
    String number = s.substring(start, end).replace(" ", "").replace("'", "").replace("\u00a0", "");
    if (number.isEmpty()) {
      throw new IllegalArgumentException("not an amount: no digits");
    }
    int lastDot = number.lastIndexOf('.');
    int lastComma = number.lastIndexOf(',');
    String plain;
    if (lastDot >= 0 && lastComma >= 0) {
      char decimal = lastDot > lastComma ? '.' : ',';
      char group = decimal == '.' ? ',' : '.';
      plain = number.replace(String.valueOf(group), "").replace(decimal, '.');
    } else if (lastComma >= 0) {
      // 1,5 or 1234,56 is a decimal comma; 1,234 or 1,234,567 groups thousands
      boolean grouping = number.indexOf(',') != lastComma || number.length() - lastComma - 1 == 3;
      plain = grouping ? number.replace(",", "") : number.replace(',', '.');
    } else if (lastDot >= 0 && number.indexOf('.') != lastDot) {
      plain = number.replace(".", "");
    } else {
      plain = number;
    }
    try {
      return new Amount(new BigDecimal(plain), currency);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an amount: '" + raw + "'");
    }
  }

  private static boolean isNumberChar(char c) {
    return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
  }
}
