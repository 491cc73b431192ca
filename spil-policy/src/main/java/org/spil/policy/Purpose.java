package org.spil.policy;

import java.util.Objects;

/**
 * Why a user reads: a legal task from the {@link LegalBases} table ({@code wpg-art-10}) or a case
 * the user is a member of. The legal task decides which legal bases of the data are compatible; a
 * case purpose also opens the case's own compartment.
 */
public record Purpose(String token, Case investigation) {
  public Purpose {
    Objects.requireNonNull(token, "token");
  }

  public static Purpose task(String token) {
    return new Purpose(token, null);
  }

  public static Purpose of(Case c) {
    return new Purpose(c.id(), c);
  }

  public boolean isCase() {
    return investigation != null;
  }

  /** The legal task this purpose serves: the token itself, or the case's task. */
  public String legalTask() {
    return investigation != null ? investigation.legalTask() : token;
  }
}
