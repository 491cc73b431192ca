package org.spil.model;

/**
 * The outcome of normalising one raw value: either the value to store, or the reason it cannot be
 * stored. Rejections are data, not exceptions, so that ingest can report them per row.
 */
public sealed interface Normalised {

  /** A valid value in its stored form. */
  record Valid(String value) implements Normalised {}

  /** An invalid value and why. */
  record Rejected(String reason) implements Normalised {}

  /** An empty value, which is skipped silently (a blank cell is not an error). */
  record Empty() implements Normalised {}

  static Normalised valid(String value) {
    return new Valid(value);
  }

  static Normalised rejected(String reason) {
    return new Rejected(reason);
  }

  static Normalised empty() {
    return EMPTY;
  }

  Empty EMPTY = new Empty();
}
