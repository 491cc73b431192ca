package org.spil.server;

/**
 * An answer other than success, with its HTTP status, the message a user may read and the field
 * (query parameter, header or body key) it is about, if any. Rendered as {@code {"error",
 * "field"}}, never with a stack trace.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String field;

  ApiError(int status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}
