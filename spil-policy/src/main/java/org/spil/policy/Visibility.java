package org.spil.policy;

/**
 * The policy's answer for a statement and a viewer: seen in full; only known to exist (the viewer
 * may learn that the owning agency holds something and whom to ask, never a value); only counted (a
 * strategic analyst's totals include it, never a value, an id or a hit); or not at all.
 */
public enum Visibility {
  VISIBLE,
  HIT_ONLY,
  COUNT_ONLY,
  INVISIBLE
}
