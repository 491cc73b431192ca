package org.spil.model;

/**
 * A property of a {@link Schema}: its name, the {@link PropertyType} that validates and normalises
 * its values, and for entity references the schema a referenced entity must have. Properties are
 * defined once in {@code schemata.txt} and shared by every schema that inherits them.
 */
public record Property(String schema, String name, PropertyType type, String range) {

  /** True when values are ids of other entities. */
  public boolean isEntityRef() {
    return type.name().equals("entity");
  }
}
