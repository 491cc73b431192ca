package org.spil.policy;

/**
 * A refusal: a read or change the policy does not allow or cannot evaluate (unknown user, purpose
 * the user may not use, expired grant, unreadable policy table). The message says what is wrong and
 * is shown to the user and written to the audit log.
 */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public PolicyException(String message) {
    super(message);
    this.field = null;
  }

  /** A refusal about one field of the request ({@code user}, {@code purpose}, {@code until}). */
  public PolicyException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field of the request the refusal is about, or null. */
  public String field() {
    return field;
  }
}
