package org.spil.store;

import java.util.List;
import java.util.Map;

/** An entity assembled for one viewer: every visible value with its provenance, by property. */
public record EntityRecord(
    String id, String schema, String caption, Map<String, List<ValueRecord>> properties) {}
