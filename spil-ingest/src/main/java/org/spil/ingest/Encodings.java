package org.spil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the character encoding of a text file when the dataset does not declare it: a byte-order
 * mark decides; otherwise a file that decodes as strict UTF-8 is UTF-8, and anything else is read
 * as Windows-1252 (the superset of ISO-8859-1 that Dutch, French and German office software
 * writes).
 */
public final class Encodings {
  private Encodings() {}

  /**
   * The detected encoding, the number of BOM bytes to skip, and, for a file read as Windows-1252
   * that also holds lines in UTF-8, those lines (they will read as "Ã©" for "é"), at most {@link
   * #MIXED_LINES_SHOWN}.
   */
  public record Detected(Charset charset, int bomLength, List<Long> utf8Lines) {
    Detected(Charset charset, int bomLength) {
      this(charset, bomLength, List.of());
    }
  }

  /** How many lines a warning of mixed encodings names. */
  static final int MIXED_LINES_SHOWN = 10;

  public static Detected detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      if (head.length >= 3
          && (head[0] & 0xff) == 0xEF
          && (head[1] & 0xff) == 0xBB
          && (head[2] & 0xff) == 0xBF) {
        return new Detected(StandardCharsets.UTF_8, 3);
      }
      if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
        return new Detected(StandardCharsets.UTF_16LE, 2);
      }
      if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
        return new Detected(StandardCharsets.UTF_16BE, 2);
      }
    }
    if (isUtf8(file)) {
      return new Detected(StandardCharsets.UTF_8, 0);
    }
    return new Detected(Charset.forName("windows-1252"), 0, utf8Lines(file));
  }

  /**
   * The lines of a file that are valid UTF-8 and hold characters beyond ASCII: in a file that is
   * not UTF-8 as a whole, the lines someone wrote in UTF-8 (an export appended to by another
   * program), which Windows-1252 will garble. At most {@link #MIXED_LINES_SHOWN}.
   */
  static List<Long> utf8Lines(Path file) throws IOException {
    List<Long> out = new ArrayList<>();
    byte[] buffer = new byte[1 << 16];
    long lineNo = 1;
    Utf8Check check = new Utf8Check();
    boolean valid = true;
    boolean beyondAscii = false;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); ; n = in.read(buffer)) {
        int from = 0;
        for (int i = 0; i < Math.max(n, 0); i++) {
          byte b = buffer[i];
          if (b == '\n') {
            valid = valid && check.feed(buffer, from, i - from);
            if (beyondAscii && valid && check.complete()) {
              out.add(lineNo);
              if (out.size() == MIXED_LINES_SHOWN) {
                return out;
              }
            }
            lineNo++;
            check = new Utf8Check();
            valid = true;
            beyondAscii = false;
            from = i + 1;
          } else if (b < 0) {
            beyondAscii = true;
          }
        }
        if (n < 0) {
          if (beyondAscii && valid && check.complete()) {
            out.add(lineNo);
          }
          return out;
        }
        valid = valid && check.feed(buffer, from, n - from);
      }
    }
  }

  /** Declared names: utf-8, utf-8-sig, windows-1252, cp1252, iso-8859-1, latin-1, ... */
  public static Charset forName(String name) {
    String n = name.trim().toLowerCase();
    if (n.equals("utf-8-sig") || n.equals("utf8")) {
      return StandardCharsets.UTF_8;
    }
    if (n.equals("cp1252")) {
      return Charset.forName("windows-1252");
    }
    if (n.equals("latin-1") || n.equals("latin1")) {
      return StandardCharsets.ISO_8859_1;
    }
    return Charset.forName(n);
  }

  static boolean isUtf8(Path file) throws IOException {
    Utf8Check check = new Utf8Check();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (!check.feed(buffer, 0, n)) {
          return false;
        }
      }
    }
    return check.complete();
  }
}
