package org.spil.ingest;

import java.util.List;

/**
 * How one property of a mapped entity gets its values, in FollowTheMoney's mapping terms: from a
 * {@code column}, from several {@code columns} (joined by {@code join} into one value, or one value
 * each), from {@code literal} values, or as a reference to another {@code entity} of the same
 * query. {@code formats} are the date formats for date properties; {@code split} cuts a cell into
 * several values.
 */
public record PropertyMapping(
    String prop,
    List<String> columns,
    String join,
    List<String> literals,
    String entity,
    List<String> formats,
    String split) {

  public PropertyMapping {
    columns = List.copyOf(columns);
    literals = List.copyOf(literals);
    formats = List.copyOf(formats);
  }
}
