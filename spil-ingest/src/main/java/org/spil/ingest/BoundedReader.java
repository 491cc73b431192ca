package org.spil.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a record longer than a limit, so that a file of one endless line (or a CSV
 * quote opened and never closed) fails with a clear error instead of filling the heap. A record
 * ends at a line break; for CSV, at a line break outside a quoted field, following the quoting
 * rules of RFC 4180 as Commons CSV reads them (a quote opens a quoted field only at the start of a
 * field; two quotes inside it are one). The limit counts characters, so memory per record stays
 * within about twice the limit in bytes.
 */
final class BoundedReader extends FilterReader {
  /** How many characters one record may hold: 32 Mi, far above any real row or FtM entity. */
  static final int MAX_RECORD_CHARS = 1 << 25;

  /** The record was longer than the limit; {@link #line()} is where it started. */
  static final class RecordTooLong extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    RecordTooLong(long line, int limit) {
      super(
          "a record longer than "
              + limit
              + " characters (a line without its end, or a quote opened and never closed?)");
      this.line = line;
    }

    long line() {
      return line;
    }
  }

  // where a CSV reader is within a record: states of a small automaton, kept as ints for speed
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private final int limit;
  private final boolean csv;
  private final char delimiter;
  private int state = FIELD_START;
  private int length;
  private long line = 1;
  private long recordLine = 1;

  private BoundedReader(Reader in, int limit, boolean csv, char delimiter) {
    super(in);
    this.limit = limit;
    this.csv = csv;
    this.delimiter = delimiter;
  }

  /** Records are lines. */
  static BoundedReader lines(Reader in, int limit) {
    return new BoundedReader(in, limit, false, '\0');
  }

  /** Records are CSV rows, which may hold line breaks inside quoted fields. */
  static BoundedReader csv(Reader in, int limit, char delimiter) {
    return new BoundedReader(in, limit, true, delimiter);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      scan(new char[] {(char) c}, 0, 1);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int off, int len) throws IOException {
    int n = super.read(buffer, off, len);
    if (n > 0) {
      scan(buffer, off, off + n);
    }
    return n;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void scan(char[] buffer, int from, int to) throws RecordTooLong {
    int s = state;
    int count = length;
    try {
      for (int i = from; i < to; i++) {
        char c = buffer[i];
        if (c == '\n') {
          line++;
          if (s != QUOTED) {
            count = 0;
            recordLine = line;
            s = FIELD_START;
            continue;
          }
        } else if (csv) {
          s = next(s, c);
        }
        if (++count > limit) {
          throw new RecordTooLong(recordLine, limit);
        }
      }
    } finally {
      state = s;
      length = count;
    }
  }

  private int next(int s, char c) {
    switch (s) {
      case FIELD_START:
        return c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
      case UNQUOTED:
        return c == delimiter ? FIELD_START : UNQUOTED;
      case QUOTED:
        return c == '"' ? QUOTE_IN_QUOTED : QUOTED;
      default:
        return c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
    }
  }
}
