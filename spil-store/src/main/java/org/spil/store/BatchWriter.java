package org.spil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duckdb.DuckDBConnection;
import org.spil.model.Provenance;

/**
 * Writes one batch of statements and applies it atomically. Statements are spooled to CSV chunk
 * files in the data directory (duplicates within the batch dropped on the way, with a primitive id
 * set); a loader thread inserts each finished chunk with DuckDB's parallel CSV reader while the
 * next one is written, all inside one transaction. This is several times faster than appending row
 * by row through JDBC. {@link #commit} then, in the same transaction, moves {@code last_seen} of
 * statements the dataset had already supplied, removes their new copies, records the batch and its
 * rejects, and commits. A process killed before that commit leaves the warehouse as it was (stale
 * spool files are removed at the next open).
 *
 * <p>NOTE: {@link #accept} is for one thread; one batch at a time per warehouse.
 */
public final class BatchWriter implements AutoCloseable {
  private static final int CHUNK_STATEMENTS = 1 << 22;
  private final Warehouse warehouse;
  private final DuckDBConnection connection;
  private final Provenance provenance;
  private final LocalDate asOf;
  private final String filesSha256;
  private final String dataset;
  private final long batchId;
  private final Path spoolDir;
  private final IdSet staged = new IdSet(1 << 16);
  private final ExecutorService loader;
  private final List<Future<?>> loads = new ArrayList<>();
  private final List<Path> spools = new ArrayList<>();
  private Path spool;
  private SpoolFile out;
  private int inChunk;
  private long appended;
  private long entities;
  private boolean done;

  BatchWriter(
      Warehouse warehouse,
      DuckDBConnection connection,
      Provenance provenance,
      LocalDate asOf,
      String filesSha256,
      Path spoolDir)
      throws SQLException {
    this.warehouse = warehouse;
    this.connection = connection;
    this.provenance = provenance;
    this.asOf = asOf;
    this.filesSha256 = filesSha256;
    this.dataset = provenance.dataset();
    this.spoolDir = spoolDir;
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(batch_id), 0) + 1 FROM batch")) {
      rs.next();
      this.batchId = rs.getLong(1);
    }
    this.loader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "spil-load-batch-" + batchId);
              t.setDaemon(true);
              return t;
            });
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
    if (prop.equals(org.spil.model.Statement.ID_PROP)) {
      entities++;
    }
    try {
      if (out == null) {
        Files.createDirectories(spoolDir);
        spool = Files.createTempFile(spoolDir, "batch-" + batchId + "-", ".csv");
        spools.add(spool);
        out = new SpoolFile(spool);
      }
      out.writeLong(id[0]);
      out.writeByte(',');
      out.writeLong(id[1]);
      out.writeByte(',');
      out.writeField(entityId);
      out.writeByte(',');
      out.writeField(schema);
      out.writeByte(',');
      out.writeField(prop);
      out.writeByte(',');
      out.writeField(value);
      out.writeByte(',');
      if (originalValue != null) {
        out.writeField(originalValue);
      }
      out.writeByte(',');
      if (lang != null) {
        out.writeField(lang);
      }
      out.writeByte('\n');
      if (++inChunk == CHUNK_STATEMENTS) {
        finishChunk();
      }
    } catch (IOException e) {
      throw new StoreException("cannot spool statement to " + spoolDir + ": " + e.getMessage(), e);
    }
  }

  /** Closes the current chunk file and hands it to the loader thread. */
  private void finishChunk() throws IOException {
    if (out == null) {
      return;
    }
    out.close();
    out = null;
    inChunk = 0;
    Path file = spool;
    loads.add(
        loader.submit(
            () -> {
              load(file);
              return null;
            }));
  }

  private void load(Path file) throws SQLException, IOException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "INSERT INTO statement SELECT id_hi, id_lo, "
              + batchId
              + ", entity_id, schema, prop, value, original_value, lang, DATE '"
              + asOf
              + "', DATE '"
              + asOf
              + "' FROM "
              + SpoolFile.sqlRead(
                  file,
                  "{'id_hi': 'BIGINT', 'id_lo': 'BIGINT', 'entity_id': 'VARCHAR', 'schema': 'VARCHAR', 'prop': 'VARCHAR',"
                      + " 'value': 'VARCHAR', 'original_value': 'VARCHAR', 'lang': 'VARCHAR'}"));
    }
    Files.deleteIfExists(file);
  }

  /** One rejected value, kept with the batch. */
  public record RejectRow(String file, long line, String column, String value, String reason) {}

  /** Waits for every chunk to be loaded; rethrows the first failure. */
  private void awaitLoads() throws SQLException, IOException {
    for (Future<?> f : loads) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while loading batch " + batchId, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new StoreException(
            "cannot load batch " + batchId + ": " + e.getCause(), e.getCause());
      }
    }
  }

  /** Applies the batch in one transaction and returns it with its counts. */
  public Batch commit(long rows, long rejectedRows, List<RejectRow> rejects) {
    try {
      finishChunk();
      awaitLoads();
      loader.shutdown();
      long inserted = staged.size();
      String earlier = earlierBatchesOfDataset();
      if (earlier != null) {
        try (Statement s = connection.createStatement()) {
          // statements this dataset supplied before: keep the old row (first_seen, batch), move
          // last_seen
          s.executeUpdate(
              "UPDATE statement SET last_seen = greatest(last_seen, DATE '"
                  + asOf
                  + "') FROM (SELECT id_hi, id_lo FROM statement"
                  + " WHERE batch_id = "
                  + batchId
                  + ") n WHERE statement.batch_id IN "
                  + earlier
                  + " AND statement.id_hi = n.id_hi AND statement.id_lo = n.id_lo");
          inserted -=
              s.executeUpdate(
                  "DELETE FROM statement WHERE batch_id = "
                      + batchId
                      + " AND (id_hi, id_lo) IN (SELECT (id_hi, id_lo) FROM statement"
                      + " WHERE batch_id IN "
                      + earlier
                      + ")");
        }
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
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
        ps.setTimestamp(13, Timestamp.from(java.time.Instant.now()));
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
      connection.commit();
      warehouse.changed();
      connection.setAutoCommit(true);
      done = true;
      return warehouse.batches().stream().filter(b -> b.id() == batchId).findFirst().orElseThrow();
    } catch (SQLException e) {
      abort();
      throw new StoreException("cannot commit batch: " + Warehouse.firstLine(e.getMessage()), e);
    } catch (IOException e) {
      abort();
      throw new StoreException("cannot write spool file " + spool + ": " + e.getMessage(), e);
    }
  }

  /** The SQL list of the dataset's committed batches, or null when it has none. */
  private String earlierBatchesOfDataset() throws SQLException {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT batch_id FROM batch WHERE dataset = ?")) {
      ps.setString(1, dataset);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids.isEmpty() ? null : Warehouse.inList(ids);
  }

  private void deleteSpools() {
    for (Path p : spools) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a leftover spool file is removed at the next open
      }
    }
  }

  /** Discards the batch. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      if (out != null) {
        out.close();
        out = null;
      }
    } catch (IOException e) {
      // the spool is deleted below either way
    }
    // skip chunks not yet loading, let the one being loaded finish: the connection is not to be
    // used by two threads at once
    for (Future<?> f : loads) {
      f.cancel(false);
    }
    loader.shutdown();
    try {
      loader.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteSpools();
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
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
