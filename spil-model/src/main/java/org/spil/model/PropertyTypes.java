package org.spil.model;

import java.util.Map;
import org.spil.model.types.PropertyTypeCatalog;

/** Looks property types up by the names used in {@code schemata.txt} and mappings. */
public final class PropertyTypes {
  private PropertyTypes() {}

  public static PropertyType get(String name) {
    PropertyType type = PropertyTypeCatalog.all().get(name);
    if (type == null) {
      throw new UnknownSchemaException("unknown property type '" + name + "'");
    }
    return type;
  }

  public static Map<String, PropertyType> all() {
    return PropertyTypeCatalog.all();
  }
}
