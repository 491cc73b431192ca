package org.spil.ingest;

import java.util.List;

/**
 * What one ingest of a dataset did: rows read, statements made, rows with at least one rejected
 * value, rejected values, and the rejects themselves (kept whole with the batch).
 */
public record IngestReport(long rows, long statements, long rejectedRows, List<Reject> rejects) {

  public IngestReport {
    rejects = List.copyOf(rejects);
  }
}
