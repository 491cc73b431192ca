package org.spil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.spil.model.Provenance;

/**
 * Collects one batch of statements and applies it atomically. Everything happens in one
 * transaction: statements are appended to a temporary staging table, then {@link #commit} records
 * the batch, inserts the statements not yet stored, moves {@code last_seen} of those already
 * stored, keeps the rejects and commits. A process killed before that commit leaves the warehouse
 * as it was.
 *
 * <p>NOTE: not thread-safe; one writer per batch.
 */
public final class BatchWriter implements AutoCloseable {
  private final Warehouse warehouse;
  private final DuckDBConnection connection;
  private final Provenance provenance;
  private final LocalDate asOf;
  private final String filesSha256;
  private final String stage;
  private final String dataset;
  private DuckDBAppender appender;
  private long appended;
  private final IdSet staged = new IdSet(1 << 16);
  private boolean done;

  BatchWriter(
      Warehouse warehouse,
      DuckDBConnection connection,
      Provenance provenance,
      LocalDate asOf,
      String filesSha256)
      throws SQLException {
    this.warehouse = warehouse;
    this.connection = connection;
    this.provenance = provenance;
    this.asOf = asOf;
    this.filesSha256 = filesSha256;
    this.dataset = provenance.dataset();
    this.stage = "stage_" + UUID.randomUUID().toString().replace("-", "");
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE "
              + stage
              + " (id_hi BIGINT, id_lo BIGINT, entity_id VARCHAR, schema VARCHAR, prop VARCHAR,"
              + " value VARCHAR, original_value VARCHAR, lang VARCHAR)");
    }
    this.appender = connection.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, stage);
  }

  /** Adds one statement; {@code originalValue} null when equal to the value. */
  public void accept(
      String entityId,
      String schema,
      String prop,
      String value,
      String originalValue,
      String lang) {
    long[] id = org.spil.model.Statement.hash(dataset, entityId, prop, value);
    appended++;
    if (!staged.add(id[0], id[1])) {
      return;
    }
    try {
      appender.beginRow();
      appender.append(id[0]);
      appender.append(id[1]);
      appender.append(entityId);
      appender.append(schema);
      appender.append(prop);
      appender.append(value);
      if (originalValue == null) {
        appender.appendNull();
      } else {
        appender.append(originalValue);
      }
      if (lang == null) {
        appender.appendNull();
      } else {
        appender.append(lang);
      }
      appender.endRow();
    } catch (SQLException e) {
      throw new StoreException("cannot stage statement: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  public long appended() {
    return appended;
  }

  /** One rejected value, kept with the batch. */
  public record RejectRow(String file, long line, String column, String value, String reason) {}

  /** Applies the batch in one transaction and returns it with its counts. */
  public Batch commit(long rows, long rejectedRows, List<RejectRow> rejects) {
    try {
      appender.close();
      appender = null;
      long batchId;
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT coalesce(max(batch_id), 0) + 1 FROM batch")) {
        rs.next();
        batchId = rs.getLong(1);
      }
      long inserted;
      long entities;
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(DISTINCT entity_id) FROM " + stage)) {
        rs.next();
        entities = rs.getLong(1);
      }
      try (Statement s = connection.createStatement()) {
        s.executeUpdate(
            "UPDATE statement SET last_seen = greatest(last_seen, DATE '"
                + asOf
                + "') FROM "
                + stage
                + " st WHERE statement.id_hi = st.id_hi AND statement.id_lo = st.id_lo");
        inserted =
            s.executeUpdate(
                "INSERT INTO statement SELECT st.id_hi, st.id_lo, "
                    + batchId
                    + ", st.entity_id, st.schema, st.prop, st.value,"
                    + " st.original_value, st.lang, DATE '"
                    + asOf
                    + "', DATE '"
                    + asOf
                    + "'"
                    + " FROM "
                    + stage
                    + " st"
                    + " ANTI JOIN statement s ON s.id_hi = st.id_hi AND s.id_lo = st.id_lo");
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, batchId);
        ps.setString(2, provenance.dataset());
        ps.setString(3, provenance.title());
        ps.setString(4, provenance.agency());
        ps.setString(5, provenance.legalBasis());
        ps.setString(6, provenance.handlingCode().name());
        ps.setString(7, provenance.handlingNote());
        ps.setString(8, provenance.sourceGrade().name());
        ps.setInt(9, provenance.infoGrade());
        ps.setObject(10, provenance.retainUntil());
        ps.setArray(11, connection.createArrayOf("VARCHAR", provenance.shareWith().toArray()));
        ps.setString(12, provenance.caseId());
        ps.setTimestamp(13, Timestamp.from(Warehouse.now()));
        ps.setObject(14, asOf);
        ps.setString(15, filesSha256);
        ps.setLong(16, rows);
        ps.setLong(17, entities);
        ps.setLong(18, appended);
        ps.setLong(19, inserted);
        ps.setLong(20, rejectedRows);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          connection.prepareStatement("INSERT INTO reject VALUES (?, ?, ?, ?, ?, ?)")) {
        for (RejectRow r : rejects) {
          ps.setLong(1, batchId);
          ps.setString(2, r.file());
          ps.setLong(3, r.line());
          ps.setString(4, r.column());
          ps.setString(5, r.value());
          ps.setString(6, r.reason());
          ps.addBatch();
        }
        if (!rejects.isEmpty()) {
          ps.executeBatch();
        }
      }
      try (Statement s = connection.createStatement()) {
        s.execute("DROP TABLE " + stage);
      }
      connection.commit();
      connection.setAutoCommit(true);
      done = true;
      return warehouse.batches().stream().filter(b -> b.id() == batchId).findFirst().orElseThrow();
    } catch (SQLException e) {
      abort();
      throw new StoreException("cannot commit batch: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /** Discards the batch. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      if (appender != null) {
        appender.close();
        appender = null;
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      try (Statement s = connection.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + stage);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot discard batch: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    abort();
  }
}
