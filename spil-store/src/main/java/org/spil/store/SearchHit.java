package org.spil.store;

import java.util.List;
import java.util.Map;

/**
 * One entity found by a search, assembled from the statements the viewer may see: id, schema,
 * caption, relevance score and visible property values.
 */
public record SearchHit(
    String id,
    String schema,
    String caption,
    float score,
    String handlingCode,
    Map<String, List<String>> properties) {}
