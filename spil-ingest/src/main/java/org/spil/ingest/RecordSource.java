package org.spil.ingest;

import java.util.Iterator;
import java.util.Set;

/**
 * A tabular source file opened for reading: its columns and its rows in order. Implementations
 * exist for CSV, Excel .xlsx and JSON lines; {@link RecordSources#open} picks one by extension.
 */
public interface RecordSource extends Iterator<SourceRecord>, AutoCloseable {

  Set<String> columns();

  @Override
  void close();
}
