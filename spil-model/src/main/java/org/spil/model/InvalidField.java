package org.spil.model;

/**
 * Bad input in one named field of a request: a date of birth that is not a date, a threshold out of
 * range, a reason left empty. The field is named as the operations name it ({@code dob}, {@code
 * reason}); each front end shows it its own way (the command line as its flag {@code --dob}, the
 * HTTP API as the JSON key).
 */
public class InvalidField extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String reason;

  public InvalidField(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The field's name, as the operation calls it. */
  public String field() {
    return field;
  }

  /** What is wrong with it, without the field's name. */
  public String reason() {
    return reason;
  }
}
