package org.spil.model;

/**
 * The handling code a provider attaches to its information, as in police information exchange: what
 * a receiver may do with it without asking the provider again.
 */
public enum HandlingCode {
  /** Use for crime-fighting only. */
  H0,
  /** Not to be used in court without the provider's consent. */
  H1,
  /** Not to be passed on without the provider's consent. */
  H2,
  /** Other restrictions, stated in a handling note. */
  H3;

  public static HandlingCode parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "handling_code must be one of H0, H1, H2, H3, not '" + s + "'");
    }
  }
}
