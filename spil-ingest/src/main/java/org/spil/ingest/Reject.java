package org.spil.ingest;

/**
 * A value that failed validation and was not stored, with where it was found: {@code file:line:
 * column: reason}. Rejects are kept with their batch so the data owner can fix the source.
 */
public record Reject(String file, long line, String column, String value, String reason) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + column + ": " + reason;
  }
}
