package org.spil.policy;

/**
 * The policy's answer for a statement and a viewer: seen in full, only known to exist (the viewer
 * may learn that the owning agency holds something and whom to ask, never a value), or not at all.
 */
public enum Visibility {
  VISIBLE,
  HIT_ONLY,
  INVISIBLE
}
