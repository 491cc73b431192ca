package org.spil.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * A CSV file DuckDB wrote with {@code COPY ... TO} (see {@link #sqlOptions}), read field by field
 * straight from its bytes: the way back out of the warehouse. Reading a batch's eleven million
 * statements through JDBC took 18 s, through a file DuckDB writes and this reads about a third of
 * that. Fields are quoted when they hold a comma, quote or line break, quotes inside doubled; NULL
 * and the empty string both read as "" (the columns read here are never NULL).
 *
 * <p>NOTE: not thread-safe.
 */
final class ExportFile implements AutoCloseable {
  private final Path file;
  private final InputStream in;
  private final byte[] buffer;
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] scratch = new byte[256];
  private long line = 1;

  /** The COPY options of a file this class reads. */
  static String sqlOptions() {
    return "(FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"')";
  }

  /**
   * Has DuckDB write the rows of {@code select}, ordered by its first column, to {@code file} in
   * the form this class reads.
   */
  static void copy(Statement s, String select, Path file) throws SQLException {
    s.execute(
        "COPY (" + select + " ORDER BY 1) TO " + Warehouse.sqlPath(file) + " " + sqlOptions());
  }

  ExportFile(Path file) throws IOException {
    this(file, 1 << 20);
  }

  /** With a buffer of the given size (tests make fields cross its end). */
  ExportFile(Path file, int bufferSize) throws IOException {
    this.file = file;
    this.in = Files.newInputStream(file);
    this.buffer = new byte[bufferSize];
  }

  /** Whether the file has no further row. */
  boolean atEnd() throws IOException {
    return pos == limit && !fill();
  }

  /** Refills the buffer, keeping nothing; false at the end of the file. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** The next byte, or -1 at the end of the file. */
  private int next() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buffer[pos++] & 0xff;
  }

  /** Reads an unquoted decimal field (the row's first or a middle one). */
  long readLong() throws IOException {
    long v = 0;
    boolean negative = false;
    int digits = 0;
    int c = next();
    if (c == '-') {
      negative = true;
      c = next();
    }
    while (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      digits++;
      c = next();
    }
    if (digits == 0 || (c != ',' && c != '\n')) {
      throw malformed("a number");
    }
    if (c == '\n') {
      line++;
    }
    return negative ? -v : v;
  }

  /** Reads a text field and the delimiter or line break after it. */
  String readString() throws IOException {
    if (pos == limit && !fill()) {
      throw malformed("a field");
    }
    if (buffer[pos] == '"') {
      return readSlowly();
    }
    // unquoted: usually whole within the buffer, read in place
    int start = pos;
    boolean ascii = true;
    for (int i = start; i < limit; i++) {
      byte b = buffer[i];
      if (b == ',' || b == '\n') {
        pos = i + 1;
        if (b == '\n') {
          line++;
        }
        return ascii
            ? new String(buffer, start, i - start, StandardCharsets.ISO_8859_1)
            : new String(buffer, start, i - start, StandardCharsets.UTF_8);
      }
      ascii &= b >= 0;
    }
    return readSlowly();
  }

  /** A field that is quoted or crosses the end of the buffer, collected byte by byte. */
  private String readSlowly() throws IOException {
    int len = 0;
    int c = next();
    if (c == '"') {
      while (true) {
        c = next();
        if (c < 0) {
          throw malformed("a closing quote");
        }
        if (c == '"') {
          if (pos == limit && !fill()) {
            break;
          }
          if (buffer[pos] != '"') {
            break;
          }
          pos++;
        } else if (c == '\n') {
          line++;
        }
        len = append(len, c);
      }
      c = next();
    } else {
      while (c >= 0 && c != ',' && c != '\n') {
        len = append(len, c);
        c = next();
      }
    }
    if (c == '\n') {
      line++;
    } else if (c < 0) {
      // DuckDB ends every row with a line break: a file that stops within one was cut short
      throw malformed("a line break before the end of the file");
    } else if (c != ',') {
      throw malformed("a delimiter after a quoted field");
    }
    return new String(scratch, 0, len, StandardCharsets.UTF_8);
  }

  private int append(int len, int c) {
    if (len == scratch.length) {
      scratch = Arrays.copyOf(scratch, len * 2);
    }
    scratch[len] = (byte) c;
    return len + 1;
  }

  private StoreException malformed(String expected) {
    return new StoreException(file + ":" + line + ": expected " + expected + " in DuckDB's export");
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
