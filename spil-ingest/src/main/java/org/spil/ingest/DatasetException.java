package org.spil.ingest;

/**
 * A dataset that cannot be ingested at all: a missing or malformed {@code dataset.yml}, an unknown
 * schema or property, an unreadable or undecodable file, a column the mapping needs but the file
 * lacks. The message names the file, line when known, field and reason; nothing is written.
 */
public final class DatasetException extends RuntimeException {
  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
