package org.spil.store;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;
import org.spil.model.ChatMessage;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;
import org.spil.policy.Grant;
import org.spil.policy.Viewer;
import org.spil.policy.Visibility;

/**
 * The embedded warehouse: a DuckDB file holding batches (provenance, once per batch), statements
 * (narrow rows pointing at their batch) and rejects. It is the truth; the search index is derived
 * from it. Writes go through {@link BatchWriter}, which stages a batch and applies it in one
 * transaction, so a crash leaves the warehouse as it was.
 *
 * <p>NOTE: one process may hold the file open for writing; readers open it read-only.
 */
public final class Warehouse implements AutoCloseable {
  private volatile Connection connection;
  private final boolean readOnly;

  /**
   * Whether the entity rows carry {@code entity_key}, DuckDB's hash of the entity id, which point
   * lookups scan; a warehouse written before it, or by a DuckDB that hashes differently, is keyed
   * afresh when opened for writing and read by ids alone until then.
   */
  private boolean entityKeys;

  /** Whether {@code batch_entity} has the source file and line columns. */
  private boolean sourcePositions;

  private final Path spoolDir;
  private final Path dir;

  private Warehouse(Connection connection, boolean readOnly, Path dir) {
    this.connection = connection;
    this.readOnly = readOnly;
    this.dir = dir;
    this.spoolDir = dir.resolve("spool");
  }

  /**
   * DuckDB's memory limit: {@code SPIL_DUCKDB_MEMORY} (e.g. "8GB") when set, else 80% of the memory
   * the machine has beyond the JVM's largest heap, at least 1 GB. DuckDB alone would take 80% of
   * the machine, and with a large heap beside it the process outgrows the machine (the kernel
   * killed a 1M-person ingest with a 12 GB heap on a 24 GB machine). Reading a large batch back for
   * the search index needs more than 7.7 GB at scale 1,000,000 (60% of what a 10 GB heap left was
   * too little).
   */
  static String memoryLimit() {
    String set = System.getenv("SPIL_DUCKDB_MEMORY");
    if (set != null) {
      if (!set.strip().matches("\\d+(\\.\\d+)?\\s*[KMGT]i?B")) {
        throw new StoreException(
            "SPIL_DUCKDB_MEMORY must be a size such as 8GB or 512MB, not: " + set);
      }
      return set.strip();
    }
    long physical =
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    long spare = physical - Runtime.getRuntime().maxMemory();
    long mb = Math.max(1024, (long) (spare * 0.8) >> 20);
    return mb + "MB";
  }

  /** A connection to a warehouse file with the settings every Spil connection has. */
  private static Connection connect(Path file, Properties props) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    try (Statement s = c.createStatement()) {
      // statements have no meaningful order; letting DuckDB insert in parallel loads ~30% faster
      s.execute("SET preserve_insertion_order = false");
      s.execute("SET memory_limit = '" + memoryLimit() + "'");
    }
    return c;
  }

  /** What a compaction did: the file's size before and after, and how long it took. */
  public record Compaction(long bytesBefore, long bytesAfter, long millis) {}

  /**
   * Rewrites the warehouse file by copying its tables, views and sequences into a new file that
   * then takes the old one's place. DuckDB leaves deleted rows in freed blocks of the file until
   * they are overwritten; after a purge the values would stay in its bytes. The copy holds only
   * what is live. Costs a full copy of the warehouse, on disk and in time; the file is replaced
   * atomically, so a crash leaves the old one (and a stale copy the next compaction removes).
   */
  public Compaction compact() {
    requireWritable();
    long start = System.nanoTime();
    Path file = dir.resolve("warehouse.duckdb");
    Path copy = dir.resolve("warehouse.compacting.duckdb");
    try {
      Files.deleteIfExists(copy);
      Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + ".wal"));
      long before = Files.size(file);
      try (Statement s = connection.createStatement()) {
        s.execute("CHECKPOINT");
        String name;
        try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
          rs.next();
          name = rs.getString(1);
        }
        s.execute(
            "ATTACH '" + copy.toAbsolutePath().toString().replace("'", "''") + "' AS compacted");
        s.execute("COPY FROM DATABASE \"" + name.replace("\"", "\"\"") + "\" TO compacted");
        s.execute("DETACH compacted");
      }
      connection.close();
      OwnerOnly.restrict(copy);
      Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
      connection = connect(file, new Properties());
      changed();
      return new Compaction(before, Files.size(file), (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException | IOException e) {
      throw new StoreException(
          "cannot compact the warehouse " + file + ": " + firstLine(String.valueOf(e.getMessage())),
          e);
    }
  }

  /** Opens (creating if needed) the warehouse in {@code dir/warehouse.duckdb}. */
  public static Warehouse open(Path dir, boolean readOnly) {
    Path file = dir.resolve("warehouse.duckdb");
    try {
      if (readOnly && !Files.exists(file)) {
        // a read creates nothing: a mistyped --data must not leave a data directory behind
        throw new StoreException(
            "no Spil data directory at "
                + dir
                + " (nothing ingested there yet, or a mistyped --data or SPIL_DATA)");
      }
      OwnerOnly.createDirectories(dir);
      Properties props = new Properties();
      if (readOnly) {
        props.setProperty("duckdb.read_only", "true");
      }
      Connection c = connect(file, props);
      Warehouse w = new Warehouse(c, readOnly, dir);
      if (!readOnly) {
        WarehouseSchema.create(c);
        w.dropStaleSpools();
      }
      if (readOnly) {
        try (Statement s = c.createStatement()) {
          w.entityKeys = WarehouseSchema.entityKeysSound(s);
        }
        w.sourcePositions = w.hasColumn("batch_entity", "source_line");
      } else {
        // WarehouseSchema.create has just made them sound, and added the columns
        w.entityKeys = true;
        w.sourcePositions = true;
      }
      return w;
    } catch (SQLException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      // another process holds the lock; within one process DuckDB says the file is open already
      if (msg.contains("lock") || msg.contains("same database file")) {
        String server = Serving.url(dir);
        if (server != null) {
          throw new StoreException(
              dir
                  + " is served by the Spil server at "
                  + server
                  + ", which holds it alone: log in there (spil login --server "
                  + server
                  + " --user USER) and run the command again, or stop the server first",
              e);
        }
        throw new StoreException(
            "warehouse " + file + " is in use by another spil process (" + firstLine(msg) + ")", e);
      }
      throw new StoreException("cannot open warehouse " + file + ": " + firstLine(msg), e);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Whether a table has a column (one written by an older version may lack it). */
  private boolean hasColumn(String table, String column) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND column_name = ?")) {
      ps.setString(1, table);
      ps.setString(2, column);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  /** The number an SQL count query gives. */
  long count(String sql) {
    try (Statement st = connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count: " + firstLine(e.getMessage()), e);
    }
  }

  /** Whether the warehouse has this table (one written by an older version may lack it). */
  boolean hasTable(String name) {
    try (PreparedStatement ps =
        connection()
            .prepareStatement("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the catalogue: " + firstLine(e.getMessage()), e);
    }
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  Connection connection() {
    Pin pin = pinned.get();
    if (pin != null) {
      return pin.connection();
    }
    Connection own = lent.get();
    return own != null ? own : connection;
  }

  /**
   * What a thread reading a snapshot uses instead of the shared connection and caches: its own
   * connection in a read transaction, and the batches as they were when the snapshot was made.
   */
  private record Pin(Connection connection, List<Batch> batches) {}

  private final ThreadLocal<Pin> pinned = new ThreadLocal<>();

  /**
   * A connection of its own in a read transaction whose snapshot is taken now: later commits on
   * other connections do not change what it reads.
   */
  Connection snapshotConnection() throws SQLException {
    Connection own = connection.unwrap(DuckDBConnection.class).duplicate();
    try {
      own.setAutoCommit(false);
      // DuckDB fixes a transaction's snapshot when it first reads the database
      try (Statement s = own.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM batch")) {
        rs.next();
      }
      return own;
    } catch (SQLException e) {
      own.close();
      throw e;
    }
  }

  /**
   * Runs work on a snapshot's connection with the batches it was made with; the shared caches are
   * neither read nor filled meanwhile, so that nothing of an older snapshot reaches other threads.
   */
  <T> T pinned(Connection snapshot, List<Batch> batches, Reading<T> work) throws Exception {
    if (pinned.get() != null || lent.get() != null) {
      throw new IllegalStateException("a thread reads one snapshot at a time, outside other reads");
    }
    pinned.set(new Pin(snapshot, batches));
    try {
      return work.run();
    } finally {
      pinned.remove();
    }
  }

  /** A connection of a thread's own, while it reads in parallel with others ({@link #reading}). */
  private final ThreadLocal<Connection> lent = new ThreadLocal<>();

  /** Work on the warehouse that may throw. */
  interface Reading<T> {
    T run() throws Exception;
  }

  /**
   * Runs work on a connection of its own to the same database, so that reads run in parallel (a
   * DuckDB connection serves one statement at a time; connections of one database see the same
   * committed data). The caller keeps writers out meanwhile.
   */
  <T> T reading(Reading<T> work) throws Exception {
    if (lent.get() != null) {
      return work.run();
    }
    try (Connection own = connection.unwrap(DuckDBConnection.class).duplicate()) {
      lent.set(own);
      return work.run();
    } finally {
      lent.remove();
    }
  }

  boolean hasEntityKeys() {
    return entityKeys;
  }

  /** Whether entity rows carry where they were read (a warehouse written before may not). */
  boolean hasSourcePositions() {
    return sourcePositions;
  }

  /** Work on a connection that is to commit whole or not at all. */
  interface SqlWork {
    void run() throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  static void inTransaction(Connection connection, SqlWork work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Where staged files wait for DuckDB to load them; emptied at every open for writing. */
  Path spoolDir() {
    return spoolDir;
  }

  /** A new empty file in the spool directory; the next writable open removes any left behind. */
  Path newSpoolFile(String prefix, String suffix) throws IOException {
    OwnerOnly.createDirectories(spoolDir);
    return Files.createTempFile(spoolDir, prefix, suffix);
  }

  /** Removes spool files of batches that never committed (a crash mid-ingest). */
  private void dropStaleSpools() throws IOException {
    if (!Files.isDirectory(spoolDir)) {
      return;
    }
    try (var files = Files.list(spoolDir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  /** Starts a batch; nothing is visible until {@link BatchWriter#commit}. */
  public BatchWriter begin(Provenance provenance, LocalDate asOf, String filesSha256) {
    requireWritable();
    try {
      return new BatchWriter(
          this, (DuckDBConnection) connection, provenance, asOf, filesSha256, spoolDir);
    } catch (SQLException e) {
      throw new StoreException("cannot start batch: " + firstLine(e.getMessage()), e);
    }
  }

  void requireWritable() {
    if (readOnly) {
      throw new StoreException("warehouse opened read-only");
    }
  }

  /** The latest batch of a dataset made from exactly these files, if any. */
  public Optional<Batch> batchWithFiles(String dataset, String filesSha256) {
    return batches().stream()
        .filter(
            b -> b.provenance().dataset().equals(dataset) && b.filesSha256().equals(filesSha256))
        .reduce((a, b) -> b);
  }

  /**
   * Every committed batch, oldest first. Cached until this warehouse commits, purges or changes
   * grants ({@link #changed}); another process's commits show after reopening.
   */
  public List<Batch> batches() {
    Pin pin = pinned.get();
    if (pin != null) {
      return pin.batches();
    }
    List<Batch> cached = batchCache;
    if (cached != null) {
      return cached;
    }
    List<Batch> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM batch ORDER BY batch_id")) {
      while (rs.next()) {
        out.add(batch(rs));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read batches: " + firstLine(e.getMessage()), e);
    }
    batchCache = List.copyOf(out);
    return batchCache;
  }

  /** Every batch by its id. */
  Map<Long, Batch> batchesById() {
    Map<Long, Batch> byId = new HashMap<>();
    for (Batch b : batches()) {
      byId.put(b.id(), b);
    }
    return byId;
  }

  private volatile List<Batch> batchCache;
  private volatile Map<String, List<Grant>> grantCache;

  /**
   * Forgets cached batches and grants after a change made through this warehouse (a batch, a purge,
   * a grant, a user or case), and moves the generation on, so that what others derived from them
   * (viewers' scopes, the directory) is derived afresh.
   */
  void changed() {
    batchCache = null;
    grantCache = null;
    generation++;
  }

  private volatile long generation;

  /** How many changes this warehouse has made since it was opened. */
  long generation() {
    return generation;
  }

  /** The grants made to a user; every user's are read at once and kept until a change. */
  List<Grant> grantsFor(String user) {
    if (pinned.get() != null) {
      // a snapshot reads with the scope it was made with
      throw new IllegalStateException("grants are not read in a snapshot");
    }
    Map<String, List<Grant>> all = grantCache;
    if (all == null) {
      all = new DirectoryTables(connection).grants();
      grantCache = all;
    }
    return all.getOrDefault(user, List.of());
  }

  /**
   * The batch's source files by number (from 1); empty for a batch written before they were kept.
   */
  private static List<String> sourceFiles(ResultSet rs) throws SQLException {
    boolean present = false;
    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
      present |= rs.getMetaData().getColumnName(c).equals("source_files");
    }
    Array files = present ? rs.getArray("source_files") : null;
    if (files == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) files.getArray()) {
      out.add(String.valueOf(o));
    }
    return List.copyOf(out);
  }

  static Batch batch(ResultSet rs) throws SQLException {
    Set<String> share = new TreeSet<>();
    Array array = rs.getArray("share_with");
    if (array != null) {
      for (Object o : (Object[]) array.getArray()) {
        share.add(String.valueOf(o));
      }
    }
    Provenance p =
        new Provenance(
            rs.getString("dataset"),
            rs.getString("title"),
            rs.getString("agency"),
            rs.getString("legal_basis"),
            HandlingCode.valueOf(rs.getString("handling_code")),
            rs.getString("handling_note"),
            SourceGrade.valueOf(rs.getString("source_grade")),
            rs.getInt("info_grade"),
            rs.getObject("retain_until", LocalDate.class),
            share,
            rs.getString("case_id"));
    Timestamp at = rs.getTimestamp("ingested_at");
    return new Batch(
        rs.getLong("batch_id"),
        p,
        at.toInstant(),
        rs.getObject("as_of", LocalDate.class),
        rs.getString("files_sha256"),
        rs.getLong("rows"),
        rs.getLong("entities"),
        rs.getLong("statements"),
        rs.getLong("new_statements"),
        rs.getLong("rejected_rows"),
        sourceFiles(rs),
        rs.getLong("messages"));
  }

  /** Ids of the batches a viewer may see in full under the policy. */
  public Set<Long> visibleBatches(Viewer viewer, AccessPolicy policy) {
    List<Grant> grants = grantsFor(viewer.user().name());
    Set<Long> ids = new HashSet<>();
    for (Batch b : batches()) {
      if (policy.decide(viewer, b, grants) == Visibility.VISIBLE) {
        ids.add(b.id());
      }
    }
    return ids;
  }

  static String inList(Set<Long> ids) {
    if (ids.isEmpty()) {
      return "(NULL)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (Long id : ids) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(id.longValue());
    }
    return sb.append(')').toString();
  }

  /** The quoted SQL literal of a file's path, for DuckDB's COPY and read functions. */
  static String sqlPath(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** Entity numbers of a batch read per pair of export files: bounds their size. */
  static final long EXPORT_RANGE = 1 << 19;

  /**
   * The statements of a batch grouped by entity (and schema), for the derived indexes. DuckDB
   * writes a range of the batch's entity rows and their statements, each ordered by entity number,
   * to two CSV files in the spool directory, which are read back and merged here (through JDBC,
   * string by string, the same took three times as long). An entity whose statements came in
   * several runs (an account on many rows of a bank statement) has several entity rows; those are
   * merged here and handed on at the end, so that each entity and schema arrives once. Each
   * property's values arrive sorted.
   */
  void forEachEntityOfBatch(long batchId, EntityStatementsConsumer consumer) {
    Map<List<String>, Map<String, List<String>>> repeated = new LinkedHashMap<>();
    long maxNo;
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT entity_id, schema FROM batch_entity WHERE batch_id = "
                  + batchId
                  + " GROUP BY ALL HAVING count(*) > 1")) {
        while (rs.next()) {
          repeated.put(List.of(rs.getString(1), rs.getString(2)), new TreeMap<>());
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(max(entity_no), 0) FROM batch_entity WHERE batch_id = " + batchId)) {
        rs.next();
        maxNo = rs.getLong(1);
      }
      for (long from = 0; from <= maxNo; from += EXPORT_RANGE) {
        readRange(s, batchId, from, from + EXPORT_RANGE, repeated, consumer);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read batch " + batchId + ": " + firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new StoreException(
          "cannot read batch " + batchId + " through " + spoolDir + ": " + e.getMessage(), e);
    }
    repeated.forEach(
        (key, props) -> {
          props.values().forEach(Collections::sort);
          consumer.accept(key.get(0), key.get(1), props);
        });
  }

  /** Exports and hands on the entities numbered from {@code from} to before {@code to}. */
  private void readRange(
      Statement s,
      long batchId,
      long from,
      long to,
      Map<List<String>, Map<String, List<String>>> repeated,
      EntityStatementsConsumer consumer)
      throws SQLException, IOException {
    Path entities = newSpoolFile("export-" + batchId + "-entities-", ".csv");
    Path rows = newSpoolFile("export-" + batchId + "-rows-", ".csv");
    try {
      String range =
          " WHERE batch_id = " + batchId + " AND entity_no >= " + from + " AND entity_no < " + to;
      ExportFile.copy(s, "SELECT entity_no, entity_id, schema FROM batch_entity" + range, entities);
      ExportFile.copy(s, "SELECT entity_no, prop, value FROM statement_row" + range, rows);
      try (ExportFile e = new ExportFile(entities);
          ExportFile r = new ExportFile(rows)) {
        long rowNo = r.atEnd() ? Long.MAX_VALUE : r.readLong();
        long previous = -1;
        while (!e.atEnd()) {
          long no = e.readLong();
          String entityId = e.readString();
          String schema = e.readString();
          if (no <= previous || rowNo < no) {
            throw new StoreException(
                "DuckDB exported batch "
                    + batchId
                    + " out of entity order, or statements without their entity row, at "
                    + Math.min(no, rowNo));
          }
          previous = no;
          Map<String, List<String>> props = new TreeMap<>();
          while (rowNo == no) {
            props.computeIfAbsent(r.readString(), k -> new ArrayList<>(1)).add(r.readString());
            rowNo = r.atEnd() ? Long.MAX_VALUE : r.readLong();
          }
          Map<String, List<String>> merged =
              repeated.isEmpty() ? null : repeated.get(List.of(entityId, schema));
          if (merged == null) {
            for (List<String> v : props.values()) {
              if (v.size() > 1) {
                Collections.sort(v);
              }
            }
            consumer.accept(entityId, schema, props);
          } else {
            props.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
          }
        }
        if (rowNo != Long.MAX_VALUE) {
          throw new StoreException(
              "batch " + batchId + " has statements of entity row " + rowNo + ", which it lacks");
        }
      }
    } finally {
      Files.deleteIfExists(entities);
      Files.deleteIfExists(rows);
    }
  }

  /**
   * The SQL aggregate listing a group's statements as "property NUL value" strings: one list, so
   * that properties and values cannot come apart, and one array to cross JDBC instead of two.
   */
  static final String STATEMENT_LIST = "list(prop || chr(0) || value)";

  /**
   * The list {@link #STATEMENT_LIST} made in column {@code column} as a property map, by property
   * name and each property's values in order, so the result does not depend on the order DuckDB
   * aggregated them in. A null list (an entity with no statement but its id) gives an empty map.
   */
  static Map<String, List<String>> grouped(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    Map<String, List<String>> grouped = new TreeMap<>();
    if (array == null) {
      return grouped;
    }
    for (Object o : (Object[]) array.getArray()) {
      String statement = (String) o;
      int cut = statement.indexOf('\u0000');
      grouped
          .computeIfAbsent(statement.substring(0, cut), k -> new ArrayList<>(1))
          .add(statement.substring(cut + 1));
    }
    for (List<String> v : grouped.values()) {
      if (v.size() > 1) {
        Collections.sort(v);
      }
    }
    return grouped;
  }

  /** Messages read per query when a batch's messages are read whole. */
  static final long MESSAGE_RANGE = 1 << 16;

  /**
   * Every message of a batch in the order it was read, a range of message numbers per query (a
   * batch may hold tens of millions); {@code file} is the name of its source file.
   */
  void forEachMessageOfBatch(long batchId, java.util.function.Consumer<ChatMessage> consumer) {
    List<String> files =
        batches().stream().filter(b -> b.id() == batchId).findFirst().orElseThrow().sourceFiles();
    try (Statement s = connection.createStatement()) {
      long max;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(max(message_no), 0) FROM message WHERE batch_id = " + batchId)) {
        rs.next();
        max = rs.getLong(1);
      }
      for (long from = 0; from <= max; from += MESSAGE_RANGE) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT message_id, epoch_ms(sent_at), sender, recipients, device, conversation,"
                    + " body, language, attachments, service, source_file, source_line FROM message"
                    + " WHERE batch_id = "
                    + batchId
                    + " AND message_no > "
                    + from
                    + " AND message_no <= "
                    + (from + MESSAGE_RANGE)
                    + " ORDER BY message_no")) {
          while (rs.next()) {
            consumer.accept(message(rs, files));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the messages of batch " + batchId + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** A message of a row of the columns {@link #forEachMessageOfBatch} selects. */
  static ChatMessage message(ResultSet rs, List<String> files) throws SQLException {
    Object[] to = (Object[]) rs.getArray(4).getArray();
    List<String> recipients = new ArrayList<>(to.length);
    for (Object o : to) {
      recipients.add((String) o);
    }
    int file = rs.getInt(11);
    return new ChatMessage(
        rs.getString(1),
        Instant.ofEpochMilli(rs.getLong(2)),
        rs.getString(3),
        recipients,
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        file > 0 && file <= files.size() ? files.get(file - 1) : null,
        rs.getLong(12));
  }

  /** Receives one entity's statements of one batch. */
  public interface EntityStatementsConsumer {
    void accept(String entityId, String schema, Map<String, List<String>> props);
  }

  long maxBatchId() {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(batch_id), 0) FROM batch")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read batches: " + firstLine(e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close warehouse: " + firstLine(e.getMessage()), e);
    }
  }
}
