package org.spil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.spil.model.ChatMessage;
import org.spil.model.Provenance;

/**
 * Writes one batch of statements and applies it atomically. The warehouse keeps an entity's id and
 * schema once per run of its statements ({@code batch_entity}, numbered within the batch) and each
 * statement as a narrow row pointing at that number ({@code statement_row}); the {@code statement}
 * view joins them back together (see {@link Warehouse}). Statements are spooled to Parquet chunk
 * files in the data directory (duplicates within the batch dropped on the way, see {@link
 * #accept}); a loader thread inserts each finished chunk with DuckDB's parallel Parquet reader
 * while the next one is written, all inside one transaction. {@link #commit} then, in the same
 * transaction, moves {@code last_seen} of statements the dataset had already supplied, removes
 * their new copies, records the batch and its rejects, and commits. A process killed before that
 * commit leaves the warehouse as it was (stale spool files are removed at the next open).
 *
 * <p>Chat messages ({@link #message}) are spooled and loaded the same way into the {@code message}
 * table, a row per message with the batch's number and its own within the batch; at the commit a
 * message id the batch repeats, or that an earlier batch of the dataset holds, keeps only its first
 * row.
 *
 * <p>NOTE: {@link #accept} is for one thread; one batch at a time per warehouse.
 */
public final class BatchWriter implements AutoCloseable {
  private static final int CHUNK_STATEMENTS = 1 << 23;
  private static final int CHUNK_MESSAGES = 1 << 21;
  private final Warehouse warehouse;
  private final DuckDBConnection connection;
  private final Provenance provenance;
  private final LocalDate asOf;
  private final String filesSha256;
  private final String dataset;
  private final long batchId;
  private final Path spoolDir;

  /**
   * Entities that have had a run in this batch (64 bits of a hash of dataset and entity id). Two
   * entities that share those bits cost time, not statements: the second is treated as seen again,
   * so its statements are checked against the set of later runs (whole 128-bit statement hashes)
   * and the commit's SQL, which compares entity ids, finds nothing to merge.
   */
  private final LongSet seenEntities = new LongSet(1 << 20);

  /** Statements of the runs of entities seen again, the only ones checked against a set. */
  private final IdSet laterRuns = new IdSet(1 << 10);

  private final Run run = new Run();

  /** Whether the current run's entity had an earlier run, and whether any had. */
  private boolean seenAgain;

  private boolean repeats;
  private final ExecutorService loader;
  private final List<Future<?>> loads = new ArrayList<>();
  private final List<Path> spools = new ArrayList<>();
  private Chunk chunk;
  private int inChunk;
  private long appended;
  private MessageChunk messageChunk;
  private int inMessageChunk;
  private long messagesAppended;

  /** The files statements were read from, numbered from 1 in the order first seen. */
  private final Map<String, Integer> files = new LinkedHashMap<>();

  private String lastFile;
  private int lastFileNo;

  /** Where the current run of statements was read: its file's number and its line. */
  private int runFile;

  private long runLine;
  private boolean done;

  /** The entity whose statements arrive now: one {@code batch_entity} row once it holds any. */
  private String entityId;

  private String schema;
  private long entityNo;
  private boolean stated;
  private boolean hasRows;

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

  /**
   * Adds one statement; {@code originalValue} null when equal to the value. The {@code id}
   * statement that says an entity exists (value: the entity id) is kept as a flag of the entity's
   * row rather than as a row of its own (its language, if the dataset gave one, is not kept: an id
   * has none).
   *
   * <p>Duplicates are dropped in three places, so that the common case costs no lookup in a set of
   * every statement of the batch (at a million rows that set alone took a third of this thread's
   * time): within a run of one entity's statements, by comparing with the run; across the runs of
   * an entity seen again, by a set of the statements of those later runs only; and between an
   * entity's first run and its later ones, by the warehouse at {@link #commit}.
   */
  public void accept(
      String entityId,
      String schema,
      String prop,
      String value,
      String originalValue,
      String lang) {
    accept(entityId, schema, prop, value, originalValue, lang, null, 0);
  }

  /**
   * Adds one statement read at a line of a file of the dataset (null and 0 when it has no place in
   * a file), so that an entity page shows where each value came from. A run of an entity's
   * statements is read from one line: a statement of the same entity from another line starts a new
   * run (and entity row), which keeps the position once per run rather than per statement.
   */
  public void accept(
      String entityId,
      String schema,
      String prop,
      String value,
      String originalValue,
      String lang,
      String file,
      long line) {
    appended++;
    try {
      if (!entityId.equals(this.entityId)
          || !schema.equals(this.schema)
          || line != runLine
          || (file != lastFile && runFile != fileNo(file))) {
        // chunks end between runs, so that a run is not split into two entity rows
        if (inChunk >= CHUNK_STATEMENTS) {
          finishChunk();
        }
        if (chunk == null) {
          chunk = new Chunk();
        }
        endEntity();
        this.entityId = entityId;
        this.schema = schema;
        this.entityNo++;
        this.runFile = fileNo(file);
        this.runLine = line;
        long[] key = org.spil.model.Statement.hash(dataset, entityId, "", "");
        seenAgain = !seenEntities.add(key[0]);
        repeats |= seenAgain;
      }
      if (seenAgain) {
        long[] id = org.spil.model.Statement.hash(dataset, entityId, prop, value);
        if (!laterRuns.add(id[0], id[1])) {
          return;
        }
      } else if (!run.add(prop, value)) {
        return;
      }
      if (prop.equals(org.spil.model.Statement.ID_PROP) && value.equals(entityId)) {
        stated = true;
      } else {
        hasRows = true;
        chunk.row(entityNo, prop, value, originalValue, lang);
      }
      inChunk++;
    } catch (IOException e) {
      throw new StoreException("cannot spool statement to " + spoolDir + ": " + e.getMessage(), e);
    }
  }

  /** Adds one chat message to the batch's message table. */
  public void message(ChatMessage m) {
    try {
      if (messageChunk == null) {
        messageChunk = new MessageChunk();
      }
      messageChunk.write(++messagesAppended, m, fileNo(m.file()));
      if (++inMessageChunk >= CHUNK_MESSAGES) {
        finishMessageChunk();
      }
    } catch (IOException e) {
      throw new StoreException("cannot spool message to " + spoolDir + ": " + e.getMessage(), e);
    }
  }

  /** Closes the current message chunk and hands it to the loader thread. */
  private void finishMessageChunk() throws IOException {
    if (messageChunk == null) {
      return;
    }
    messageChunk.out.close();
    Path file = messageChunk.file;
    messageChunk = null;
    inMessageChunk = 0;
    loads.add(
        loader.submit(
            () -> {
              loadMessages(file);
              return null;
            }));
  }

  /** One spool file of messages; recipients joined by U+001F, the time in milliseconds. */
  private final class MessageChunk {
    private final Path file;
    private final ParquetSpool out;

    MessageChunk() throws IOException {
      OwnerOnly.createDirectories(spoolDir);
      file = Files.createTempFile(spoolDir, "batch-" + batchId + "-messages-", ".parquet");
      spools.add(file);
      out = new ParquetSpool(file, MESSAGE_COLUMNS);
    }

    void write(long no, ChatMessage m, int fileNo) throws IOException {
      out.writeLong(no);
      out.writeText(m.id());
      out.writeLong(m.time().toEpochMilli());
      out.writeText(m.sender());
      out.writeText(String.join("\u001f", m.recipients()));
      out.writeText(m.device());
      out.writeText(m.conversation());
      out.writeText(m.body());
      out.writeText(m.language());
      out.writeText(m.attachments());
      out.writeText(m.service());
      out.writeLong(fileNo);
      out.writeLong(m.line());
    }
  }

  private static final List<ParquetSpool.Column> MESSAGE_COLUMNS =
      List.of(
          ParquetSpool.Column.number("message_no"),
          ParquetSpool.Column.text("message_id"),
          ParquetSpool.Column.number("sent_ms"),
          ParquetSpool.Column.text("sender"),
          ParquetSpool.Column.text("recipients"),
          ParquetSpool.Column.optionalText("device"),
          ParquetSpool.Column.text("conversation"),
          ParquetSpool.Column.text("body"),
          ParquetSpool.Column.optionalText("language"),
          ParquetSpool.Column.optionalText("attachments"),
          ParquetSpool.Column.optionalText("service"),
          ParquetSpool.Column.number("source_file"),
          ParquetSpool.Column.number("source_line"));

  private void loadMessages(Path file) throws SQLException, IOException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "INSERT INTO message (batch_id, message_no, message_id, sent_at, sender, recipients, device,"
              + " conversation, body, language, attachments, service, source_file, source_line)"
              + " SELECT "
              + batchId
              + ", message_no, message_id, make_timestamp(sent_ms * 1000), sender, CASE WHEN recipients = ''"
              + " THEN []::VARCHAR[] ELSE string_split(recipients, chr(31)) END, device,"
              + " conversation, body, language, attachments, service, nullif(source_file, 0),"
              + " nullif(source_line, 0) FROM read_parquet("
              + Warehouse.sqlPath(file)
              + ")");
    }
    Files.deleteIfExists(file);
  }

  /**
   * Keeps one row per message id: the first of those the batch repeats, none of those an earlier
   * batch of the dataset holds (a delivery that overlaps the last). Returns the messages kept.
   */
  private long settleMessages(String earlier) throws SQLException {
    String b = Long.toString(batchId);
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "DELETE FROM message WHERE batch_id = "
              + b
              + " AND rowid IN (SELECT rid FROM (SELECT rowid AS rid, row_number() OVER"
              + " (PARTITION BY message_id ORDER BY source_file, source_line) AS copy FROM message"
              + " WHERE batch_id = "
              + b
              + " AND message_id IN (SELECT message_id FROM message WHERE batch_id = "
              + b
              + " GROUP BY message_id HAVING count(*) > 1)) WHERE copy > 1)");
      if (earlier != null) {
        s.executeUpdate(
            "DELETE FROM message WHERE batch_id = "
                + b
                + " AND message_id IN (SELECT message_id FROM message WHERE batch_id IN "
                + earlier
                + ")");
      }
    }
    return count("SELECT count(*) FROM message WHERE batch_id = ");
  }

  /** The number of a file (from 1), 0 for none; the last file is remembered. */
  private int fileNo(String file) {
    if (file == null) {
      return 0;
    }
    if (file != lastFile) {
      lastFile = file;
      lastFileNo = files.computeIfAbsent(file, f -> files.size() + 1);
    }
    return lastFileNo;
  }

  /**
   * The properties and values of the current run of one entity's statements, to drop a repeat
   * within the run: compared one by one while the run is short, in a hash set once it is long.
   */
  private static final class Run {
    private static final int SHORT = 16;
    private final String[] props = new String[SHORT];
    private final String[] values = new String[SHORT];
    private int size;
    private final Set<String> many = new HashSet<>();

    void clear() {
      if (size > SHORT) {
        many.clear();
      }
      size = 0;
    }

    /** Adds the statement to the run; false when the run already holds it. */
    boolean add(String prop, String value) {
      if (size < SHORT) {
        for (int i = 0; i < size; i++) {
          // the property first: within a run most differ, and short names that differ are told
          // apart at their length or first letters, before any value is compared
          if (props[i].equals(prop) && values[i].equals(value)) {
            return false;
          }
        }
        props[size] = prop;
        values[size] = value;
        size++;
        return true;
      }
      if (size == SHORT) {
        for (int i = 0; i < SHORT; i++) {
          many.add(props[i] + '\u0000' + values[i]);
        }
      }
      if (!many.add(prop + '\u0000' + value)) {
        return false;
      }
      size++;
      return true;
    }
  }

  /** Writes the current entity's row when it holds its id statement or any other. */
  private void endEntity() throws IOException {
    if (entityId != null && (stated || hasRows)) {
      chunk.entity(entityNo, entityId, schema, stated, runFile, runLine);
    }
    entityId = null;
    schema = null;
    stated = false;
    hasRows = false;
    run.clear();
  }

  /** Closes the current chunk files and hands them to the loader thread. */
  private void finishChunk() throws IOException {
    if (chunk == null) {
      return;
    }
    endEntity();
    chunk.close();
    Chunk done = chunk;
    chunk = null;
    inChunk = 0;
    loads.add(
        loader.submit(
            () -> {
              load(done);
              return null;
            }));
  }

  /** The two spool files of one chunk: entity rows and statement rows. */
  private final class Chunk {
    private final Path entityFile;
    private final Path rowFile;
    private final ParquetSpool entityOut;
    private final ParquetSpool rowOut;

    Chunk() throws IOException {
      OwnerOnly.createDirectories(spoolDir);
      entityFile = Files.createTempFile(spoolDir, "batch-" + batchId + "-entities-", ".parquet");
      spools.add(entityFile);
      rowFile = Files.createTempFile(spoolDir, "batch-" + batchId + "-rows-", ".parquet");
      spools.add(rowFile);
      entityOut = new ParquetSpool(entityFile, ENTITY_COLUMNS);
      rowOut = new ParquetSpool(rowFile, ROW_COLUMNS);
    }

    void entity(long no, String id, String schema, boolean stated, int fileNo, long line)
        throws IOException {
      entityOut.writeLong(no);
      entityOut.writeText(id);
      entityOut.writeText(schema);
      entityOut.writeLong(stated ? 1 : 0);
      entityOut.writeLong(fileNo);
      entityOut.writeLong(line);
    }

    void row(long no, String prop, String value, String originalValue, String lang)
        throws IOException {
      rowOut.writeLong(no);
      rowOut.writeText(prop);
      rowOut.writeText(value);
      rowOut.writeText(originalValue);
      rowOut.writeText(lang);
    }

    void close() throws IOException {
      entityOut.close();
      rowOut.close();
    }
  }

  private static final List<ParquetSpool.Column> ENTITY_COLUMNS =
      List.of(
          ParquetSpool.Column.number("entity_no"),
          ParquetSpool.Column.text("entity_id"),
          ParquetSpool.Column.text("schema"),
          ParquetSpool.Column.number("stated"),
          ParquetSpool.Column.number("source_file"),
          ParquetSpool.Column.number("source_line"));

  private static final List<ParquetSpool.Column> ROW_COLUMNS =
      List.of(
          ParquetSpool.Column.number("entity_no"),
          ParquetSpool.Column.text("prop"),
          ParquetSpool.Column.text("value"),
          ParquetSpool.Column.optionalText("original_value"),
          ParquetSpool.Column.optionalText("lang"));

  private void load(Chunk c) throws SQLException, IOException {
    String dates = "DATE '" + asOf + "', DATE '" + asOf + "'";
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "INSERT INTO batch_entity (batch_id, entity_no, entity_id, schema, stated, first_seen,"
              + " last_seen, entity_key, source_file, source_line) SELECT "
              + batchId
              + ", entity_no, entity_id, schema, stated = 1, "
              + dates
              + ", hash(entity_id), nullif(source_file, 0), nullif(source_line, 0) FROM read_parquet("
              + Warehouse.sqlPath(c.entityFile)
              + ")");
      s.executeUpdate(
          "INSERT INTO statement_row (batch_id, entity_no, prop, value, original_value, lang,"
              + " first_seen, last_seen) SELECT "
              + batchId
              + ", entity_no, prop, value, original_value, lang, "
              + dates
              + " FROM read_parquet("
              + Warehouse.sqlPath(c.rowFile)
              + ")");
    }
    Files.deleteIfExists(c.entityFile);
    Files.deleteIfExists(c.rowFile);
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
      finishMessageChunk();
      awaitLoads();
      loader.shutdown();
      if (repeats) {
        dropRepeats();
      }
      long entities = count("SELECT count(*) FROM batch_entity WHERE stated AND batch_id = ");
      String earlier = earlierBatchesOfDataset();
      if (earlier != null) {
        dropResupplied(earlier);
      }
      if (repeats || earlier != null) {
        dropEmptyEntityRows();
      }
      long messages = messagesAppended == 0 ? 0 : settleMessages(earlier);
      long inserted =
          count("SELECT count(*) FROM batch_entity WHERE stated AND batch_id = ")
              + count("SELECT count(*) FROM statement_row WHERE batch_id = ");
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " NULL, ?, NULL)")) {
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
        ps.setTimestamp(13, Timestamp.from(Instant.now()));
        ps.setObject(14, asOf);
        ps.setString(15, filesSha256);
        ps.setLong(16, rows);
        ps.setLong(17, entities);
        ps.setLong(18, appended);
        ps.setLong(19, inserted);
        ps.setLong(20, rejectedRows);
        ps.setArray(21, connection.createArrayOf("VARCHAR", files.keySet().toArray()));
        ps.executeUpdate();
      }
      if (messages > 0) {
        try (Statement s = connection.createStatement()) {
          s.executeUpdate(
              "UPDATE batch SET messages = " + messages + " WHERE batch_id = " + batchId);
        }
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
      throw new StoreException(
          "cannot write spool files in " + spoolDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Statements of this batch that an earlier batch of the same dataset already holds (same entity,
   * property and value) keep their old row, whose {@code last_seen} moves to this batch's date; the
   * new copies are removed, and so is the id flag of the new entity rows.
   */
  private void dropResupplied(String earlier) throws SQLException {
    String date = "DATE '" + asOf + "'";
    String idProp = "'" + org.spil.model.Statement.ID_PROP + "'";
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP TABLE resupplied AS SELECT entity_id, prop, value FROM statement"
              + " WHERE batch_id = "
              + batchId
              + " INTERSECT SELECT entity_id, prop, value FROM statement WHERE batch_id IN "
              + earlier);
      s.executeUpdate(
          "UPDATE statement_row SET last_seen = greatest(statement_row.last_seen, "
              + date
              + ") FROM batch_entity e, resupplied r WHERE statement_row.batch_id IN "
              + earlier
              + " AND e.batch_id = statement_row.batch_id AND e.entity_no = statement_row.entity_no"
              + " AND r.entity_id = e.entity_id AND r.prop = statement_row.prop"
              + " AND r.value = statement_row.value");
      s.executeUpdate(
          "UPDATE batch_entity SET last_seen = greatest(batch_entity.last_seen, "
              + date
              + ") FROM resupplied r WHERE batch_entity.batch_id IN "
              + earlier
              + " AND batch_entity.stated AND r.prop = "
              + idProp
              + " AND r.entity_id = batch_entity.entity_id");
      s.executeUpdate(
          "DELETE FROM statement_row USING batch_entity e, resupplied r"
              + " WHERE statement_row.batch_id = "
              + batchId
              + " AND e.batch_id = statement_row.batch_id AND e.entity_no = statement_row.entity_no"
              + " AND r.entity_id = e.entity_id AND r.prop = statement_row.prop"
              + " AND r.value = statement_row.value");
      s.executeUpdate(
          "UPDATE batch_entity SET stated = false FROM resupplied r WHERE batch_entity.batch_id = "
              + batchId
              + " AND batch_entity.stated AND r.prop = "
              + idProp
              + " AND r.entity_id = batch_entity.entity_id");
      s.execute("DROP TABLE resupplied");
    }
  }

  /**
   * Drops the copies of statements that an entity's later runs in this batch repeat from its first
   * run (the copy of the earliest run stays), and the id flag of all but its first stated row.
   */
  private void dropRepeats() throws SQLException {
    String b = Long.toString(batchId);
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP TABLE repeated AS SELECT entity_id FROM batch_entity WHERE batch_id = "
              + b
              + " GROUP BY entity_id HAVING count(*) > 1");
      s.executeUpdate(
          "DELETE FROM statement_row WHERE batch_id = "
              + b
              + " AND rowid IN (SELECT rid FROM (SELECT r.rowid AS rid, row_number() OVER"
              + " (PARTITION BY e.entity_id, r.prop, r.value ORDER BY r.entity_no) AS copy"
              + " FROM statement_row r JOIN batch_entity e ON e.batch_id = r.batch_id AND e.entity_no = r.entity_no"
              + " WHERE r.batch_id = "
              + b
              + " AND e.entity_id IN (SELECT entity_id FROM repeated)) WHERE copy > 1)");
      s.executeUpdate(
          "UPDATE batch_entity SET stated = false WHERE batch_id = "
              + b
              + " AND stated AND entity_id IN (SELECT entity_id FROM repeated) AND entity_no >"
              + " (SELECT min(x.entity_no) FROM batch_entity x WHERE x.batch_id = "
              + b
              + " AND x.stated AND x.entity_id = batch_entity.entity_id)");
      s.execute("DROP TABLE repeated");
    }
  }

  /** Removes this batch's entity rows left with neither statements nor the id flag. */
  private void dropEmptyEntityRows() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "DELETE FROM batch_entity WHERE batch_id = "
              + batchId
              + " AND NOT stated AND entity_no NOT IN (SELECT entity_no FROM statement_row"
              + " WHERE batch_id = "
              + batchId
              + ")");
    }
  }

  /** A count whose SQL ends with "batch_id = ", completed with this batch's id. */
  private long count(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql + batchId)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The SQL list of the dataset's committed batches, or null when it has none. */
  private String earlierBatchesOfDataset() throws SQLException {
    Set<Long> ids = new HashSet<>();
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
      if (chunk != null) {
        chunk.close();
        chunk = null;
      }
      if (messageChunk != null) {
        messageChunk.out.close();
        messageChunk = null;
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
      loader.awaitTermination(1, TimeUnit.HOURS);
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
