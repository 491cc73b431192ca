package org.spil.policy;

/**
 * What a user does. Analysts and investigators read for their purposes; a privacy officer also
 * reads the audit log and reviews grants; an administrator manages users and cases. Roles never
 * widen what statements a user sees: that is decided by agency, purpose, sharing and grants.
 */
public enum Role {
  ANALYST,
  INVESTIGATOR,
  PRIVACY_OFFICER,
  ADMINISTRATOR;

  public static Role parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new PolicyException(
          "unknown role '"
              + s
              + "'; roles are analyst, investigator, privacy-officer, administrator");
    }
  }

  public String label() {
    return name().toLowerCase().replace('_', '-');
  }
}
