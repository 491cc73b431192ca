package org.spil.model;

/**
 * A property of a {@link Schema}: its name, the {@link PropertyType} that validates and normalises
 * its values, for entity references the schema a referenced entity must have, and whether it is
 * Spil's own ({@code extension}: FollowTheMoney has no such property on that schema). Properties
 * are defined once in {@code schemata.txt} and shared by every schema that inherits them.
 */
public record Property(
    String schema, String name, PropertyType type, String range, boolean extension) {

  /** True when values are ids of other entities. */
  public boolean isEntityRef() {
    return type.name().equals("entity");
  }
}
