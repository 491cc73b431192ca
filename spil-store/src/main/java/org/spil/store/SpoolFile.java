package org.spil.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file of staged statements written straight as UTF-8 bytes: numbers without intermediate
 * strings, ASCII fields copied byte by byte, fields quoted only when they hold a comma, quote or
 * line break. DuckDB's reader loads it at commit.
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

  /** One field; empty strings are quoted so that they stay distinct from NULL. */
  void writeField(String v) throws IOException {
    int n = v.length();
    boolean ascii = true;
    boolean quote = n == 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c >= 0x80) {
        ascii = false;
      } else if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
      }
    }
    if (ascii && !quote) {
      ensure(n);
      for (int i = 0; i < n; i++) {
        buffer[used++] = (byte) v.charAt(i);
      }
      return;
    }
    String text = quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length);
    if (bytes.length > buffer.length) {
      out.write(bytes);
      return;
    }
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
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
