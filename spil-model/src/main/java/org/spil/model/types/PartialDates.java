package org.spil.model.types;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.spil.model.Normalised;

/**
 * Dates that may be partial, stored as ISO 8601 prefixes: {@code 1985}, {@code 1985-03}, {@code
 * 1985-03-12} or {@code 1985-03-12T14:05:00}. Sources declare their formats in strftime style
 * ({@code %d-%m-%Y}, {@code %d/%m/%y}, {@code %d %b %Y}); each is tried in order, then ISO forms.
 * Impossible dates (30 February) are rejected rather than guessed.
 */
public final class PartialDates {
  private PartialDates() {}

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("mrt", 3),
          Map.entry("maa", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("mei", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("okt", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12),
          Map.entry("janv", 1),
          Map.entry("fev", 2),
          Map.entry("mars", 3),
          Map.entry("avr", 4),
          Map.entry("mai", 5),
          Map.entry("juin", 6),
          Map.entry("juil", 7),
          Map.entry("aou", 8),
          Map.entry("sept", 9),
          Map.entry("dez", 12),
          Map.entry("mrz", 3),
          Map.entry("maerz", 3));

  public static Normalised normalise(String raw, List<String> formats) {
    String s = raw.strip();
    for (String format : formats) {
      String parsed = parse(s, format);
      if (parsed != null) {
        return Normalised.valid(parsed);
      }
    }
    String iso = iso(s);
    if (iso != null) {
      return Normalised.valid(iso);
    }
    return Normalised.rejected(
        "not a date"
            + (formats.isEmpty()
                ? " in ISO form (YYYY, YYYY-MM, YYYY-MM-DD)"
                : " in format " + String.join(" or ", formats)));
  }

  /** ISO forms: YYYY, YYYY-MM, YYYY-MM-DD, optionally THH:MM[:SS[.fff]][Z|+hh:mm]; null if not. */
  static String iso(String s) {
    String dateFormat;
    if (s.length() == 4) {
      dateFormat = "%Y";
    } else if (s.length() == 7) {
      dateFormat = "%Y-%m";
    } else if (s.length() == 10) {
      dateFormat = "%Y-%m-%d";
    } else if (s.length() >= 16 && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
      String time = s.substring(11);
      int cut = indexOfZone(time);
      String zoneless = cut < 0 ? time : time.substring(0, cut);
      int dot = zoneless.indexOf('.');
      if (dot >= 0) {
        zoneless = zoneless.substring(0, dot);
      }
      String fmt = zoneless.length() == 5 ? "%Y-%m-%d %H:%M" : "%Y-%m-%d %H:%M:%S";
      return parse(s.substring(0, 10) + " " + zoneless, fmt);
    } else {
      return null;
    }
    return parse(s, dateFormat);
  }

  private static int indexOfZone(String time) {
    for (int i = 5; i < time.length(); i++) {
      char c = time.charAt(i);
      if (c == 'Z' || c == '+' || c == '-') {
        return i;
      }
    }
    return -1;
  }

  /** The strftime directives {@link #parse} reads. */
  private static final String DIRECTIVES = "YymdHMSbB%";

  /**
   * Checks a format before any value meets it: every {@code %} is followed by a directive this
   * parser reads; throws {@link IllegalArgumentException} naming the first that is not.
   */
  public static void checkFormat(String format) {
    for (int i = 0; i < format.length(); i++) {
      if (format.charAt(i) == '%') {
        if (i + 1 >= format.length()) {
          throw new IllegalArgumentException("a lone % at the end of " + format);
        }
        char d = format.charAt(++i);
        if (DIRECTIVES.indexOf(d) < 0) {
          throw new IllegalArgumentException("unsupported date directive %" + d + " in " + format);
        }
      }
    }
  }

  /** Parses with one strftime format; null when the value does not fit it or is impossible. */
  public static String parse(String s, String format) {
    int year = -1;
    int month = -1;
    int day = -1;
    int hour = -1;
    int minute = -1;
    int second = -1;
    int pos = 0;
    for (int i = 0; i < format.length(); i++) {
      char f = format.charAt(i);
      if (f == '%' && i + 1 < format.length()) {
        char d = format.charAt(++i);
        int[] read;
        switch (d) {
          case 'Y' -> {
            read = digits(s, pos, 4, 4);
            if (read == null) {
              return null;
            }
            year = read[0];
          }
          case 'y' -> {
            read = digits(s, pos, 2, 2);
            if (read == null) {
              return null;
            }
            year = read[0] < 50 ? 2000 + read[0] : 1900 + read[0];
          }
          case 'm' -> {
            read = digits(s, pos, 1, 2);
            if (read == null) {
              return null;
            }
            month = read[0];
          }
          case 'd' -> {
            read = digits(s, pos, 1, 2);
            if (read == null) {
              return null;
            }
            day = read[0];
          }
          case 'H' -> {
            read = digits(s, pos, 1, 2);
            if (read == null) {
              return null;
            }
            hour = read[0];
          }
          case 'M' -> {
            read = digits(s, pos, 2, 2);
            if (read == null) {
              return null;
            }
            minute = read[0];
          }
          case 'S' -> {
            read = digits(s, pos, 2, 2);
            if (read == null) {
              return null;
            }
            second = read[0];
          }
          case 'b', 'B' -> {
            int end = pos;
            while (end < s.length() && Character.isLetter(s.charAt(end))) {
              end++;
            }
            String word = Text.fold(s.substring(pos, end));
            Integer m = null;
            for (int len = Math.min(5, word.length()); len >= 3 && m == null; len--) {
              m = MONTHS.get(word.substring(0, len));
            }
            if (m == null) {
              return null;
            }
            month = m;
            read = new int[] {m, end - pos};
          }
          case '%' -> {
            if (pos >= s.length() || s.charAt(pos) != '%') {
              return null;
            }
            read = new int[] {0, 1};
          }
          default ->
              throw new IllegalArgumentException(
                  "unsupported date directive %" + d + " in " + format);
        }
        pos += read[1];
      } else {
        if (pos >= s.length() || s.charAt(pos) != f) {
          return null;
        }
        pos++;
      }
    }
    if (pos != s.length() || year < 1 || year > 9999) {
      return null;
    }
    return render(year, month, day, hour, minute, second);
  }

  private static String render(int year, int month, int day, int hour, int minute, int second) {
    StringBuilder out = new StringBuilder(19);
    pad(out, year, 4);
    if (month < 0) {
      return day < 0 ? out.toString() : null;
    }
    if (month < 1 || month > 12) {
      return null;
    }
    pad(out.append('-'), month, 2);
    if (day < 0) {
      return out.toString();
    }
    if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    pad(out.append('-'), day, 2);
    if (hour < 0) {
      return out.toString();
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    pad(out.append('T'), hour, 2);
    pad(out.append(':'), Math.max(minute, 0), 2);
    pad(out.append(':'), Math.max(second, 0), 2);
    return out.toString();
  }

  /** Appends a non-negative number zero-padded to the width (String.format is far slower). */
  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }

  /** {value, length} of a run of min..max digits at pos, or null. */
  private static int[] digits(String s, int pos, int min, int max) {
    int end = pos;
    int value = 0;
    while (end < s.length() && end - pos < max && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
      value = value * 10 + (s.charAt(end) - '0');
      end++;
    }
    return end - pos < min ? null : new int[] {value, end - pos};
  }
}
