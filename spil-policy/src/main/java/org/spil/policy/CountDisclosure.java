package org.spil.policy;

/**
 * How counts over count-only data are shown to a reader of a counts-only task (strategic analysis):
 * rounded to the nearest ten, and a group of fewer than ten left out, so that a count does not
 * single out a person or a small operation. Every aggregate over count-only data (totals, flows,
 * monitoring) shows its numbers through this.
 */
public final class CountDisclosure {
  /** Counts are rounded to multiples of this, and groups smaller than it are left out. */
  public static final int GRANULE = 10;

  /** How a reader is told what was done to the numbers. */
  public static final String NOTE =
      "counts-only: rounded to the nearest "
          + GRANULE
          + "; groups of fewer than "
          + GRANULE
          + " left out";

  private CountDisclosure() {}

  /** Whether a group of {@code n} is too small to be shown at all. */
  public static boolean suppressed(long n) {
    return n < GRANULE;
  }

  /** The count as shown: rounded half up to the nearest ten. */
  public static long rounded(long n) {
    return (n + GRANULE / 2) / GRANULE * GRANULE;
  }
}
