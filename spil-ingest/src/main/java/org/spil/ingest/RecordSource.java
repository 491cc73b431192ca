package org.spil.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A tabular source file opened for reading: its columns and its rows in order. Implementations
 * exist for CSV, Excel .xlsx and JSON lines; {@link RecordSources#open} picks one by extension.
 */
public interface RecordSource extends Iterator<SourceRecord>, AutoCloseable {

  Set<String> columns();

  /** What the source noticed about the file that the reader should know, e.g. mixed encodings. */
  default List<String> warnings() {
    return List.of();
  }

  @Override
  void close();
}
