package org.spil.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The commands' standard output and error as a terminal may show them: every character {@link
 * TerminalText} holds unsafe (control characters but line breaks and tabs, bidirectional overrides)
 * is written as a {@code \}{@code uXXXX} escape, whatever printed it. Values, ids and messages
 * quote partners' data, so no command has to remember to escape; in JSON output the escapes are
 * JSON's own and read back as the same characters.
 */
final class TerminalWriter extends FilterWriter {
  TerminalWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    if (TerminalText.unsafe((char) c)) {
      out.write(String.format("\\u%04x", c & 0xffff));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (TerminalText.unsafe(buf[i])) {
        out.write(buf, start, i - start);
        out.write(String.format("\\u%04x", (int) buf[i]));
        start = i + 1;
      }
    }
    out.write(buf, start, off + len - start);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    write(s.toCharArray(), off, len);
  }
}
