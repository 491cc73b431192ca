package org.spil.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.spil.model.Provenance;

/**
 * A committed ingest: its id, provenance, when it was ingested and as of which day, the hash of the
 * files it was made from, and what it counted. A statement's provenance is its batch's.
 */
public record Batch(
    long id,
    Provenance provenance,
    Instant ingestedAt,
    LocalDate asOf,
    String filesSha256,
    long rows,
    long entities,
    long statements,
    long newStatements,
    long rejectedRows,
    List<String> sourceFiles,
    long messages) {}
