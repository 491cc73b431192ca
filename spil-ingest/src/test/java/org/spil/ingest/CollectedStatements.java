package org.spil.ingest;

import java.util.ArrayList;
import java.util.List;

/** A statement sink for tests that keeps everything in a list. */
final class CollectedStatements implements StatementSink {
  record Row(
      String entityId,
      String schema,
      String prop,
      String value,
      String originalValue,
      String lang,
      String file,
      long line) {}

  final List<Row> rows = new ArrayList<>();

  @Override
  public void accept(
      String entityId,
      String schema,
      String prop,
      String value,
      String originalValue,
      String lang,
      String file,
      long line) {
    rows.add(new Row(entityId, schema, prop, value, originalValue, lang, file, line));
  }

  List<String> values(String prop) {
    return rows.stream().filter(r -> r.prop().equals(prop)).map(Row::value).toList();
  }

  List<Row> of(String schema) {
    return rows.stream().filter(r -> r.schema().equals(schema)).toList();
  }
}
