package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Property
  void nothingUnsafeIsLeftAndSafeTextIsKept(@ForAll String text) {
    String safe = TerminalText.safe(text);
    assertThat(safe.chars().noneMatch(c -> TerminalText.unsafe((char) c))).isTrue();
    if (text.chars().noneMatch(c -> TerminalText.unsafe((char) c))) {
      assertThat(safe).isSameAs(text);
    }
    if (!text.contains("\\u")) {
      assertThat(unescape(safe)).isEqualTo(text);
    }
  }

  /** Reverses the escapes (for text that held no backslash-u of its own). */
  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
        char c = (char) Integer.parseInt(s.substring(i + 2, i + 6), 16);
        if (TerminalText.unsafe(c)) {
          out.append(c);
          i += 5;
          continue;
        }
      }
      out.append(s.charAt(i));
    }
    return out.toString();
  }

  @Test
  void escapesTheSequencesThatDriveATerminal() {
    assertThat(TerminalText.safe("column '\u001b]0;owned\u0007' missing\nnext\tline"))
        .isEqualTo("column '\\u001b]0;owned\\u0007' missing\nnext\tline");
    assertThat(TerminalText.safe("invoice\u202egpj.exe")).isEqualTo("invoice\\u202egpj.exe");
  }
}
