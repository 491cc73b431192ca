package org.spil.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Counts of what a viewer may see: entities and statements in total and per dataset, schema, agency
 * and handling code, each breakdown with most statements first. Built only from visible batches, so
 * counts never reveal what is hidden; for a counts-only reader (strategic analysis), from the
 * batches it may count, without datasets, rounded and with small groups left out as {@code
 * disclosure} says.
 */
public record Stats(
    long entities,
    long statements,
    Map<String, Count> datasets,
    Map<String, Count> schemata,
    Map<String, Count> agencies,
    Map<String, Count> handlingCodes,
    @JsonInclude(JsonInclude.Include.NON_NULL) String disclosure) {
  /** Entities and statements under one key. */
  public record Count(long entities, long statements) {}
}
