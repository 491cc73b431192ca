package org.spil.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file of staged statements written straight as UTF-8 bytes: numbers without intermediate
 * strings, fields copied as their bytes and quoted only when they hold a comma, quote or line
 * break. DuckDB's reader loads it at commit.
 *
 * <p>NOTE: not thread-safe.
 */
final class SpoolFile implements AutoCloseable {
  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 20];
  private int used;
  private boolean closed;

  /**
   * The DuckDB table function that reads a spool file with the given columns (a DuckDB struct
   * literal such as {@code {'a': 'BIGINT'}}); the line break is fixed, not sniffed, because quoted
   * values may contain carriage returns.
   */
  static String sqlRead(Path file, String columns) {
    return "read_csv("
        + Warehouse.sqlPath(file)
        + ", header = false, delim = ',', quote = '\"',"
        + " escape = '\"', new_line = '\\n', auto_detect = false, columns = "
        + columns
        + ")";
  }

  SpoolFile(Path file) throws IOException {
    this.out = Files.newOutputStream(file);
  }

  void writeLong(long v) throws IOException {
    ensure(20);
    if (v == Long.MIN_VALUE) {
      byte[] b = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, buffer, used, b.length);
      used += b.length;
      return;
    }
    if (v < 0) {
      buffer[used++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long bound = 10; digits < 19 && v >= bound; bound *= 10) {
      digits++;
    }
    int at = used + digits;
    used = at;
    while (v >= 100) {
      int pair = (int) (v % 100) * 2;
      v /= 100;
      buffer[--at] = PAIRS[pair + 1];
      buffer[--at] = PAIRS[pair];
    }
    if (v >= 10) {
      buffer[--at] = PAIRS[(int) v * 2 + 1];
      buffer[--at] = PAIRS[(int) v * 2];
    } else {
      buffer[--at] = (byte) ('0' + v);
    }
  }

  /** "00" to "99", two bytes each: numbers are written two digits per division. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  void writeByte(char c) throws IOException {
    ensure(1);
    buffer[used++] = (byte) c;
  }

  /**
   * One field; empty strings are quoted so that they stay distinct from NULL. The string is encoded
   * once (for the usual ASCII string the JDK copies its bytes in one step) and the special
   * characters are looked for in the bytes: in UTF-8 a byte below 0x80 is always that character.
   */
  void writeField(String v) throws IOException {
    byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    boolean quote = n == 0;
    for (int i = 0; i < n && !quote; i++) {
      byte b = bytes[i];
      quote = b == ',' || b == '"' || b == '\n' || b == '\r';
    }
    if (!quote) {
      write(bytes, n);
      return;
    }
    int quotes = 0;
    for (byte b : bytes) {
      if (b == '"') {
        quotes++;
      }
    }
    byte[] quoted = new byte[n + quotes + 2];
    int at = 0;
    quoted[at++] = '"';
    for (byte b : bytes) {
      quoted[at++] = b;
      if (b == '"') {
        quoted[at++] = '"';
      }
    }
    quoted[at] = '"';
    write(quoted, quoted.length);
  }

  private void write(byte[] bytes, int n) throws IOException {
    ensure(n);
    if (n > buffer.length) {
      out.write(bytes, 0, n);
      return;
    }
    System.arraycopy(bytes, 0, buffer, used, n);
    used += n;
  }

  private void ensure(int bytes) throws IOException {
    if (used + bytes > buffer.length) {
      out.write(buffer, 0, used);
      used = 0;
    }
  }

  /** Writes what is buffered and closes the file; closing again does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    out.write(buffer, 0, used);
    used = 0;
    out.close();
  }
}
