package org.spil.ingest;

import java.util.List;
import java.util.Map;

/**
 * A query of a FollowTheMoney mapping: the source files it reads, the row filters ({@code filters}
 * keep rows whose column has one of the values, {@code filters_not} drop them), reading options,
 * and the entities it makes from each row.
 */
public record QueryMapping(
    List<String> sources,
    Map<String, List<String>> filters,
    Map<String, List<String>> filtersNot,
    RecordSources.Options options,
    List<EntityMapping> entities) {

  public QueryMapping {
    sources = List.copyOf(sources);
    filters = Map.copyOf(filters);
    filtersNot = Map.copyOf(filtersNot);
    entities = List.copyOf(entities);
  }

  /** True when the row passes {@code filters} and {@code filters_not}. */
  public boolean accepts(SourceRecord row) {
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      String v = row.get(f.getKey());
      if (v == null || !f.getValue().contains(v.strip())) {
        return false;
      }
    }
    for (Map.Entry<String, List<String>> f : filtersNot.entrySet()) {
      String v = row.get(f.getKey());
      if (v != null && f.getValue().contains(v.strip())) {
        return false;
      }
    }
    return true;
  }
}
