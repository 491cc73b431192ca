package org.spil.policy;

/**
 * A refusal: a read or change the policy does not allow or cannot evaluate (unknown user, purpose
 * the user may not use, expired grant, unreadable policy table). The message says what is wrong and
 * is shown to the user and written to the audit log.
 */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }
}
