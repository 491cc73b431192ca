package org.spil.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file being written: header first, then rows, quoted where needed (RFC 4180), in the
 * encoding and with the delimiter the simulated source system uses. Knows the line number of the
 * next row so that planted invalid values can be recorded with their place. Null is written as an
 * empty field.
 */
final class Csv implements AutoCloseable {
  private final Writer out;
  private final char delimiter;
  private final String file;
  private long line;

  private Csv(Path path, Charset charset, char delimiter, boolean bom, String... header) {
    try {
      OutputStream stream = Files.newOutputStream(path);
      if (bom) {
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      this.out = new BufferedWriter(new OutputStreamWriter(stream, charset), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.delimiter = delimiter;
    this.file = path.getFileName().toString();
    row((Object[]) header);
  }

  static Csv utf8(Path path, String... header) {
    return new Csv(path, StandardCharsets.UTF_8, ',', false, header);
  }

  static Csv of(Path path, Charset charset, char delimiter, boolean bom, String... header) {
    return new Csv(path, charset, delimiter, bom, header);
  }

  String file() {
    return file;
  }

  /** The line number the next row will have (the header is line 1). */
  long nextLine() {
    return line + 1;
  }

  void row(Object... values) {
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(delimiter);
        }
        Object v = values[i];
        if (v != null) {
          write(v.toString());
        }
      }
      out.write("\r\n");
      line++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String s) throws IOException {
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.write(s);
      return;
    }
    out.write('"');
    out.write(s.replace("\"", "\"\""));
    out.write('"');
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
