package org.spil.policy;

/**
 * What an agency is, as the legal-bases table says ({@code agency politie-nl: police}): the table's
 * readers of a legal task are kinds or agencies, and one rule follows the kind (H1 data, not for
 * court without consent, is never shown in full to prosecution).
 */
public enum AgencyKind {
  POLICE,
  MILITARY_POLICE,
  CUSTOMS,
  FISCAL,
  PROSECUTION,
  FOREIGN_POLICE;

  /** The kind a table names, {@code police} or {@code military-police}; null when none is. */
  static AgencyKind parse(String s) {
    for (AgencyKind k : values()) {
      if (k.label().equals(s)) {
        return k;
      }
    }
    return null;
  }

  public String label() {
    return name().toLowerCase().replace('_', '-');
  }
}
