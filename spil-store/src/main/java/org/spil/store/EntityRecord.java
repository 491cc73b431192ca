package org.spil.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An entity assembled for one viewer: every visible value with its provenance, by property. A
 * resolved entity (a canonical {@code NK-} id) also lists the member entities its values come from;
 * a single entity lists none.
 */
public record EntityRecord(
    String id,
    String schema,
    String caption,
    Map<String, List<ValueRecord>> properties,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> members) {

  /** A single entity, not merged from others. */
  public EntityRecord(
      String id, String schema, String caption, Map<String, List<ValueRecord>> properties) {
    this(id, schema, caption, properties, List.of());
  }
}
