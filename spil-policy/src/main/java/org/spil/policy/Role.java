package org.spil.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a user does. Analysts and investigators read for the legal tasks the legal-bases table lets
 * their agency and role claim, and for their cases; a privacy officer reads the audit log of the
 * agency and reviews grants; an administrator manages users and cases. Defence counsel and the
 * court are roles of their own: they read only for a case they are members of, and there only the
 * subsets approved for them; the defence's reads are audited apart, for the court to oversee.
 */
public enum Role {
  ANALYST,
  INVESTIGATOR,
  PRIVACY_OFFICER,
  ADMINISTRATOR,
  DEFENCE_COUNSEL,
  COURT;

  public static Role parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new PolicyException(
          "unknown role '"
              + s
              + "'; roles are "
              + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
    }
  }

  /** Whether this role reads only what is approved for a case: defence counsel and the court. */
  public boolean isOutsideParty() {
    return this == DEFENCE_COUNSEL || this == COURT;
  }

  public String label() {
    return name().toLowerCase().replace('_', '-');
  }
}
