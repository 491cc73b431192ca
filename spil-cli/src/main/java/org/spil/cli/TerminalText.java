package org.spil.cli;

/**
 * Text that came from data (a file's header, a path, a parser's complaint), made safe to print on a
 * terminal: control characters, which can move the cursor, recolour or retitle a terminal or hide
 * the rest of a line, and the bidirectional overrides that can show text in another order than it
 * is read, are printed as {@code \}{@code uXXXX} escapes. Line breaks and tabs stay.
 */
final class TerminalText {
  private TerminalText() {}

  static String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  static boolean unsafe(char c) {
    return (Character.isISOControl(c) && c != '\n' && c != '\t')
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
