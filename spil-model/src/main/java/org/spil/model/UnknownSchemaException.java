package org.spil.model;

/** Thrown when a schema or property name is not part of the model; the message names it. */
public final class UnknownSchemaException extends IllegalArgumentException {
  public UnknownSchemaException(String message) {
    super(message);
  }
}
