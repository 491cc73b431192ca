package org.spil.ingest;

import java.util.List;

/**
 * One entity that a query makes from each row: its name within the query (for references), its
 * schema, the key columns whose values (with the key literal and dataset name) hash to its id, and
 * its property mappings.
 */
public record EntityMapping(
    String name,
    String schema,
    List<String> keys,
    String keyLiteral,
    List<PropertyMapping> properties) {

  public EntityMapping {
    keys = List.copyOf(keys);
    properties = List.copyOf(properties);
  }
}
