package org.spil.model.types;

import java.text.Normalizer;

/** Small text operations shared by the property types: whitespace, accents, case. */
public final class Text {
  private Text() {}

  /**
   * Whether a text shows as it reads: no control character, no line or paragraph separator and no
   * character that changes the direction text is shown in (a name that would print reversed, or
   * move what follows it, is refused where people type names and notes).
   */
  public static boolean printable(String s) {
    return s.codePoints()
        .noneMatch(
            c ->
                Character.isISOControl(c)
                    || c == 0x2028
                    || c == 0x2029
                    || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069));
  }

  /** NFC, control characters removed, runs of white space collapsed to one space, trimmed. */
  public static String clean(String raw) {
    if (raw == null) {
      return "";
    }
    if (isClean(raw)) {
      return raw;
    }
    String s = raw;
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFC);
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The common case, checked without allocating: no character that NFC could change (all below
   * U+0300), no control characters, single inner spaces, nothing to trim.
   */
  private static boolean isClean(String s) {
    int n = s.length();
    if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return n == 0;
    }
    char previous = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x300 || c < 0x20 || (c >= 0x7f && c <= 0xa0) || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** Lower case without accents or marks: "Pays-Bas" and "PAYS BAS" fold alike. */
  public static String fold(String raw) {
    String s = Normalizer.normalize(clean(raw), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }

  /** Upper-case letters and digits only: "nl91 abna 0417 1643 00" becomes "NL91ABNA0417164300". */
  public static String compact(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        out.append(c);
      } else if (c >= 'a' && c <= 'z') {
        out.append((char) (c - 32));
      }
    }
    return out.toString();
  }
}
