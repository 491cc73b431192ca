package org.spil.resolve;

import org.spil.model.InvalidField;

/**
 * Two different entities in canonical order ({@code a} before {@code b}): the key of a judgement
 * and of a candidate pair, the same whichever way round it was named.
 */
public record EntityPair(String a, String b) {
  public EntityPair {
    if (a == null || b == null) {
      throw new InvalidField("entity", "a pair needs two entities");
    }
    if (a.compareTo(b) >= 0) {
      throw new IllegalArgumentException(
          "an entity pair is in canonical order with two different ids; use EntityPair.of");
    }
  }

  /** The pair of two different entities, in canonical order. */
  public static EntityPair of(String x, String y) {
    if (x != null && x.equals(y)) {
      throw new InvalidField("entity", "a pair needs two different entities, not " + x + " twice");
    }
    if (x == null || y == null) {
      throw new InvalidField("entity", "a pair needs two entities");
    }
    return x.compareTo(y) < 0 ? new EntityPair(x, y) : new EntityPair(y, x);
  }

  /** Whether {@code id} is one of the two. */
  public boolean contains(String id) {
    return a.equals(id) || b.equals(id);
  }
}
