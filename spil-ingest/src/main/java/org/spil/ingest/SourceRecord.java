package org.spil.ingest;

import java.util.Map;

/**
 * One row of a source file: its values by column and the line where it starts, for error messages.
 * Columns are looked up through the shared header index to keep rows small.
 */
public final class SourceRecord {
  private final String file;
  private final long line;
  private final Map<String, Integer> header;
  private final String[] values;

  public SourceRecord(String file, long line, Map<String, Integer> header, String[] values) {
    this.file = file;
    this.line = line;
    this.header = header;
    this.values = values;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  /** The value of a column, or null when the row is too short or the column absent. */
  public String get(String column) {
    Integer i = header.get(column);
    return i == null || i >= values.length ? null : values[i];
  }
}
