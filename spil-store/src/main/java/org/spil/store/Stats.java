package org.spil.store;

import java.util.List;

/**
 * Counts of what a viewer may see: entities and statements in total and per dataset, schema and
 * agency. Built only from visible batches, so counts never reveal what is hidden.
 */
public record Stats(
    long entities,
    long statements,
    List<Count> byDataset,
    List<Count> bySchema,
    List<Count> byAgency,
    List<Count> byHandlingCode) {

  /** Entities and statements under one key. */
  public record Count(String key, long entities, long statements) {}
}
