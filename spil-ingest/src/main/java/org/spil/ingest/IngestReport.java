package org.spil.ingest;

import java.util.List;

/**
 * What one ingest of a dataset did: rows read, statements made, rows with at least one rejected
 * value, the rejects themselves (kept whole with the batch), and warnings about what was read but
 * may be wrong (a file that mixes encodings), each naming the file and the lines.
 */
public record IngestReport(
    long rows, long statements, long rejectedRows, List<Reject> rejects, List<String> warnings) {

  public IngestReport {
    rejects = List.copyOf(rejects);
    warnings = List.copyOf(warnings);
  }
}
