package org.spil.store;

import java.util.Map;

/**
 * Counts of what a viewer may see: entities and statements in total and per dataset, schema, agency
 * and handling code, each breakdown with most statements first. Built only from visible batches, so
 * counts never reveal what is hidden.
 */
public record Stats(
    long entities,
    long statements,
    Map<String, Count> datasets,
    Map<String, Count> schemata,
    Map<String, Count> agencies,
    Map<String, Count> handlingCodes) {
  /** Entities and statements under one key. */
  public record Count(long entities, long statements) {}
}
