package org.spil.ingest;

/**
 * Where ingest puts the statements it makes: the warehouse's open batch, or a test's list. The sink
 * decides ids and provenance; ingest supplies entity, schema, property and values.
 */
public interface StatementSink {

  /**
   * One statement; {@code originalValue} is null when it equals {@code value}. {@code file} and
   * {@code line} say where in the dataset it was read (the file as rejects name it, the line where
   * its row or record starts); null and 0 when it has no place in a file.
   */
  void accept(
      String entityId,
      String schema,
      String prop,
      String value,
      String originalValue,
      String lang,
      String file,
      long line);

  /**
   * A block of statements, in order; a sink that passes statements to another thread takes the
   * block whole instead of one statement at a time.
   */
  default void acceptAll(StatementBlock block) {
    block.forEach(this);
  }
}
