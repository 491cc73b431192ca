package org.spil.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The warehouse's tables and views, created when missing and brought up to date when a data
 * directory written by an earlier version is opened for writing: the narrow statement layout (a
 * wide table is converted in place, in one transaction), entity keys, source positions, and the
 * tables of the directory, match codes, requests and team resolutions.
 */
final class WarehouseSchema {
  private WarehouseSchema() {}

  /**
   * Whether {@code batch_entity} has entity keys that this DuckDB computes alike: the first
   * thousand rows are checked, since keys are missing only where a warehouse was written before
   * them (all rows) and wrong only if another DuckDB version hashes differently (all rows).
   */
  static boolean entityKeysSound(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'batch_entity'"
                + " AND column_name = 'entity_key'")) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return false;
      }
    }
    try (ResultSet rs =
        s.executeQuery(
            "SELECT count(*) FROM (SELECT entity_key, entity_id FROM batch_entity LIMIT 1000)"
                + " WHERE entity_key IS DISTINCT FROM hash(entity_id)")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }

  static void create(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          CREATE TABLE IF NOT EXISTS batch (
            batch_id BIGINT PRIMARY KEY, dataset VARCHAR NOT NULL, title VARCHAR, agency VARCHAR NOT NULL,
            legal_basis VARCHAR NOT NULL, handling_code VARCHAR NOT NULL, handling_note VARCHAR,
            source_grade VARCHAR NOT NULL, info_grade INTEGER NOT NULL, retain_until DATE NOT NULL,
            share_with VARCHAR[] NOT NULL, case_id VARCHAR, ingested_at TIMESTAMP NOT NULL, as_of DATE NOT NULL,
            files_sha256 VARCHAR NOT NULL, rows BIGINT, entities BIGINT, statements BIGINT, new_statements BIGINT, rejected_rows BIGINT)""");
      createStatementTables(connection, s);
      s.execute("ALTER TABLE batch ADD COLUMN IF NOT EXISTS purged_at TIMESTAMP");
      // the files of the dataset, by number: where a statement row's source_file points
      s.execute("ALTER TABLE batch ADD COLUMN IF NOT EXISTS source_files VARCHAR[]");
      // chat messages kept in the message table (not statements)
      s.execute("ALTER TABLE batch ADD COLUMN IF NOT EXISTS messages BIGINT");
      // one row per chat message, with its batch's provenance: 10^8 of them would be 10^9
      // statements
      s.execute(
          """
          CREATE TABLE IF NOT EXISTS message (
            batch_id BIGINT NOT NULL, message_no BIGINT NOT NULL, message_id VARCHAR NOT NULL, sent_at TIMESTAMP NOT NULL,
            sender VARCHAR NOT NULL, recipients VARCHAR[] NOT NULL, device VARCHAR,
            conversation VARCHAR NOT NULL, body VARCHAR NOT NULL, language VARCHAR,
            attachments VARCHAR, service VARCHAR, source_file INTEGER, source_line BIGINT)""");
      DirectoryTables.create(s);
      MatchIndex.create(s);
      AccessRequests.create(s);
      Approvals.create(s);
      AuditPositions.create(s);
      ApiTokens.create(s);
      Charts.create(s);
      Watches.create(s);
      AlertVerdicts.create(s);
      Inspections.create(s);
      Resolutions.create(s);
      s.execute(
          """
          CREATE TABLE IF NOT EXISTS reject (
            batch_id BIGINT NOT NULL, file VARCHAR, line BIGINT, "column" VARCHAR, value VARCHAR, reason VARCHAR)""");
    }
  }

  /**
   * The statements, stored narrow. {@code batch_entity} holds an entity's id and schema once per
   * run of its statements in a batch, numbered within the batch, with {@code stated} when the batch
   * supplied the entity's {@code id} statement (that it exists); {@code statement_row} holds every
   * other statement with the number of its entity row. The {@code statement} view joins them into
   * the one-row-per-statement form every reader uses, the {@code id} statements included. Storing
   * the 40-character entity id and the schema once per entity instead of once per statement halves
   * what DuckDB writes per batch (measured in docs/decisions.md). A warehouse of the earlier
   * layout, one wide {@code statement} table, is converted in place in one transaction.
   */
  private static void createStatementTables(Connection connection, Statement s)
      throws SQLException {
    boolean wide;
    try (ResultSet rs =
        s.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'statement'")) {
      rs.next();
      wide = rs.getLong(1) > 0;
    }
    s.execute(
        """
        CREATE TABLE IF NOT EXISTS batch_entity (
          batch_id BIGINT NOT NULL, entity_no BIGINT NOT NULL, entity_id VARCHAR NOT NULL, schema VARCHAR NOT NULL,
          stated BOOLEAN NOT NULL, first_seen DATE NOT NULL, last_seen DATE NOT NULL)""");
    // a 64-bit hash of the entity id beside it: finding an entity's rows scans these numbers
    // instead of the 40-character ids (7 ms instead of 51 among two million entity rows; an index
    // of the ids answered in 1 ms but made the 1M-row ingest a quarter slower)
    s.execute("ALTER TABLE batch_entity ADD COLUMN IF NOT EXISTS entity_key UBIGINT");
    s.execute(
        """
        CREATE TABLE IF NOT EXISTS statement_row (
          batch_id BIGINT NOT NULL, entity_no BIGINT NOT NULL, prop VARCHAR NOT NULL, value VARCHAR NOT NULL,
          original_value VARCHAR, lang VARCHAR, first_seen DATE NOT NULL, last_seen DATE NOT NULL)""");
    // where each run of statements was read: the number of its file in the batch's source_files
    // (from 1) and the line where its row or record starts; NULL for runs written before they
    // were kept
    s.execute("ALTER TABLE batch_entity ADD COLUMN IF NOT EXISTS source_file INTEGER");
    s.execute("ALTER TABLE batch_entity ADD COLUMN IF NOT EXISTS source_line BIGINT");
    if (wide) {
      convertWideStatements(connection, s);
    }
    if (!entityKeysSound(s)) {
      s.execute(
          "UPDATE batch_entity SET entity_key = hash(entity_id)"
              + " WHERE entity_key IS DISTINCT FROM hash(entity_id)");
    }
    // an entity page at a million persons (11.7M entity rows in the scenario) scanned the keys for
    // 10-16 ms, most of the page; the index finds them in under 2 ms (see Entities.rowsOf)
    s.execute("CREATE INDEX IF NOT EXISTS batch_entity_key ON batch_entity(entity_key)");
    s.execute(
        """
        CREATE OR REPLACE VIEW statement AS
          SELECT r.batch_id, e.entity_id, e.schema, r.prop, r.value, r.original_value, r.lang,
            r.first_seen, r.last_seen, e.source_file, e.source_line
          FROM statement_row r JOIN batch_entity e ON r.batch_id = e.batch_id AND r.entity_no = e.entity_no
          UNION ALL
          SELECT batch_id, entity_id, schema, 'id' AS prop, entity_id AS value, NULL AS original_value,
            NULL AS lang, first_seen, last_seen, source_file, source_line
          FROM batch_entity WHERE stated""");
  }

  /** Moves the statements of the earlier wide table into the narrow tables, in one transaction. */
  private static void convertWideStatements(Connection connection, Statement s)
      throws SQLException {
    Warehouse.inTransaction(
        connection,
        () -> {
          s.execute(
              """
          CREATE TEMP TABLE wide_entity AS
            SELECT batch_id, row_number() OVER (PARTITION BY batch_id ORDER BY entity_id, schema) AS entity_no,
              entity_id, schema, stated, first_seen, last_seen
            FROM (SELECT batch_id, entity_id, schema,
                bool_or(prop = 'id' AND value = entity_id) AS stated,
                min(first_seen) FILTER (WHERE prop = 'id') AS first_seen,
                max(last_seen) FILTER (WHERE prop = 'id') AS last_seen
              FROM statement GROUP BY batch_id, entity_id, schema)""");
          s.execute(
              """
          INSERT INTO batch_entity (batch_id, entity_no, entity_id, schema, stated, first_seen,
            last_seen, entity_key) SELECT batch_id, entity_no, entity_id, schema, stated,
            coalesce(first_seen, DATE '1970-01-01'), coalesce(last_seen, DATE '1970-01-01'),
            hash(entity_id) FROM wide_entity""");
          s.execute(
              """
          INSERT INTO statement_row (batch_id, entity_no, prop, value, original_value, lang,
            first_seen, last_seen) SELECT w.batch_id, e.entity_no, w.prop, w.value, w.original_value,
            w.lang, w.first_seen, w.last_seen
          FROM statement w JOIN wide_entity e
            ON w.batch_id = e.batch_id AND w.entity_id = e.entity_id AND w.schema = e.schema
          WHERE NOT (w.prop = 'id' AND w.value = w.entity_id)""");
          s.execute("DROP TABLE wide_entity");
          s.execute("DROP TABLE statement");
        });
  }
}
