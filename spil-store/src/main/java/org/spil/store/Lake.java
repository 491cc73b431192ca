package org.spil.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lake: a warehouse's statements as partitioned Parquet in a directory (a shared file system,
 * or an object store mounted as one), where engines beyond one machine read them and from which
 * other warehouses load them. Every committed batch is one partition per table, {@code
 * TABLE/dataset=D/batch=N/part-gG.parquet}, for the tables {@code statement} (every statement of
 * the batch with its provenance and policy columns: agency, legal basis, handling code, grades,
 * retention, share-with, case), {@code entity}, {@code message} and {@code reject}; {@code
 * batches/batch-N-gG.parquet} holds the batch's row as the warehouse has it, and {@code
 * batches/batch-N.json} its manifest: identity, the parts with their row counts and SHA-256, and
 * the revision of its statements' last-seen dates. The manifest is written last and replaced at
 * once, so a reader finds a batch whole or not at all; {@code G}, the generation, grows when a
 * later batch of the dataset moves last-seen dates and the partition is written again, the old
 * files going only once the new manifest names the new ones. A purged batch keeps a manifest saying
 * so and nothing else. One warehouse writes a lake (under a file lock); any number load from it.
 * Obtained from {@link Store#lake}.
 */
public final class Lake {
  /** The version of the layout this class writes and reads. */
  public static final int VERSION = 1;

  /** The file that makes a directory a lake. */
  static final String MARKER = "spil-lake.json";

  /** The tables of a partition, in the order they are written and loaded. */
  static final List<String> TABLES = List.of("entity", "statement", "message", "reject");

  private static final Pattern DATASET = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,63}$");
  private static final Pattern MANIFEST = Pattern.compile("^batch-(\\d{1,18})\\.json$");
  private static final int MANIFEST_LIMIT = 1 << 20;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final Path root;
  private final Store store;
  private final Warehouse warehouse;

  Lake(Store store, Path root) {
    this.store = store;
    this.warehouse = store.warehouse();
    this.root = root.toAbsolutePath().normalize();
  }

  /** A lake only to be read, without a warehouse. */
  private Lake(Path root) {
    this.store = null;
    this.warehouse = null;
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** One part of a batch's partition: its table, rows and the SHA-256 of its file. */
  public record Part(String table, long rows, String sha256) {}

  /**
   * What the lake says of one batch: who made it from which files and when (to tell it from another
   * warehouse's batch of the same number), whether it was purged, through which batch of its
   * dataset its last-seen dates were checked, their revision, the generation of its files, the
   * SHA-256 of its batch row's file, and its parts.
   */
  public record Manifest(
      int version,
      long batch,
      String dataset,
      String agency,
      String filesSha256,
      String ingestedAt,
      boolean purged,
      long seenThrough,
      String revision,
      int generation,
      String batchSha256,
      List<Part> parts) {

    /** How many statements the batch holds in the lake. */
    public long statements() {
      return parts.stream().filter(p -> p.table.equals("statement")).mapToLong(Part::rows).sum();
    }
  }

  /** What a write did: batches written for the first time, written again, purged, left alone. */
  public record Written(int added, int rewritten, int purged, int unchanged, long statements) {}

  /** What a load did: batches added, refreshed, purged, left alone, and statements added. */
  public record Loaded(int added, int refreshed, int purged, int unchanged, long statements) {}

  /** The manifests of the lake by batch number; an empty map for a lake not yet written. */
  public TreeMap<Long, Manifest> manifests() {
    return manifests(root);
  }

  /**
   * The manifests of the lake in {@code root} by batch number, for readers without a warehouse (the
   * cluster's jobs); refused when {@code root} is not a lake.
   */
  public static TreeMap<Long, Manifest> manifestsOf(Path root) {
    new Lake(root).requireLake();
    return manifests(root);
  }

  /** The file of a table's part of a batch, which the manifest lists; null when it has none. */
  public static Path partFile(Path root, Manifest m, String table) {
    if (m.parts().stream().noneMatch(p -> p.table().equals(table))) {
      return null;
    }
    return new Lake(root).partDir(table, m.dataset(), m.batch()).resolve(partName(m.generation()));
  }

  private static TreeMap<Long, Manifest> manifests(Path root) {
    TreeMap<Long, Manifest> out = new TreeMap<>();
    Path dir = root.resolve("batches");
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Matcher m = MANIFEST.matcher(f.getFileName().toString());
        if (m.matches()) {
          Manifest manifest = readManifest(f);
          if (manifest.batch() != Long.parseLong(m.group(1))) {
            throw new StoreException(f + ": names batch " + manifest.batch() + ", not its own");
          }
          out.put(manifest.batch(), manifest);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Manifest readManifest(Path f) {
    try {
      if (Files.size(f) > MANIFEST_LIMIT) {
        throw new StoreException(f + ": larger than 1 MB, not a batch manifest");
      }
      Manifest m = JSON.readValue(f.toFile(), Manifest.class);
      if (m.version() != VERSION) {
        throw new StoreException(f + ": version " + m.version() + ", this build reads " + VERSION);
      }
      if (m.dataset() == null || !DATASET.matcher(m.dataset()).matches()) {
        throw new StoreException(f + ": dataset: not a dataset name");
      }
      if (m.parts() == null || m.generation() < 1) {
        throw new StoreException(f + ": parts or generation missing");
      }
      for (Part p : m.parts()) {
        if (!TABLES.contains(p.table()) || p.rows() < 0 || p.sha256() == null) {
          throw new StoreException(f + ": parts: not a table of the lake: " + p.table());
        }
      }
      return m;
    } catch (IOException e) {
      throw new StoreException(
          f + ": not a batch manifest: " + Warehouse.firstLine(e.getMessage()));
    }
  }

  /**
   * Brings the lake up to the warehouse: writes the batches it lacks, writes again those whose
   * last-seen dates a later batch of their dataset moved, and empties those purged since. Refused
   * when the lake holds a batch this warehouse did not make (another warehouse writes it). Each
   * batch written is audited as written by {@code by} (none when a commit or a purge wrote it).
   */
  public Written write(String by, LongConsumer progress) {
    requireEmptyOrLake();
    try (FileChannel lockFile = writerLock();
        FileLock lock = lockFile.lock()) {
      if (!lock.isValid()) {
        throw new StoreException("cannot lock " + root + " for writing");
      }
      markLake();
      TreeMap<Long, Manifest> have = manifests();
      Map<Long, Batch> batches = warehouse.batchesById();
      for (Manifest m : have.values()) {
        Batch b = batches.get(m.batch());
        if (b == null || !sameBatch(m, b)) {
          throw new StoreException(
              root
                  + " holds batch "
                  + m.batch()
                  + " of "
                  + m.dataset()
                  + " that this warehouse did not make: one warehouse writes a lake");
        }
      }
      Map<String, Long> latest = new HashMap<>();
      for (Batch b : batches.values()) {
        latest.merge(b.provenance().dataset(), b.id(), Math::max);
      }
      java.util.Set<Long> purged = purgedBatches();
      int added = 0;
      int rewritten = 0;
      int emptied = 0;
      int unchanged = 0;
      long statements = 0;
      for (Batch b : warehouse.batches()) {
        Manifest m = have.get(b.id());
        long seenThrough = latest.get(b.provenance().dataset());
        if (purged.contains(b.id())) {
          if (m == null || !m.purged()) {
            audited(
                by,
                "lake-purge",
                writeBatch(b, m == null ? 1 : m.generation() + 1, seenThrough, true));
            emptied++;
          } else {
            unchanged++;
          }
        } else if (m == null) {
          statements += audited(by, "lake-write", writeBatch(b, 1, seenThrough, false));
          added++;
        } else if (m.purged()) {
          throw new StoreException(
              "batch " + b.id() + " is purged in " + root + " but not in this warehouse");
        } else if (seenThrough > m.seenThrough()) {
          if (revision(b.id()).equals(m.revision())) {
            writeManifest(withSeenThrough(m, seenThrough));
            unchanged++;
          } else {
            statements +=
                audited(by, "lake-write", writeBatch(b, m.generation() + 1, seenThrough, false));
            rewritten++;
          }
        } else {
          unchanged++;
        }
        progress.accept(b.statements());
      }
      OwnerOnly.secure(root);
      return new Written(added, rewritten, emptied, unchanged, statements);
    } catch (IOException e) {
      throw new StoreException("cannot write the lake " + root + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot write the lake " + root + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  private FileChannel writerLock() throws IOException {
    OwnerOnly.createDirectories(root);
    Path f = root.resolve(".writer.lock");
    if (!Files.exists(f)) {
      try {
        Files.createFile(f, OwnerOnly.file());
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another process made it first
      }
    }
    return FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** Refuses a directory that holds files but is no lake: nothing of it is to be overwritten. */
  private void requireEmptyOrLake() {
    if (!Files.isDirectory(root) || Files.exists(root.resolve(MARKER))) {
      return;
    }
    try (Stream<Path> files = Files.list(root)) {
      if (files.anyMatch(p -> !p.getFileName().toString().equals(".writer.lock"))) {
        throw new StoreException(
            root + " is neither empty nor a lake (no " + MARKER + "): give an empty directory");
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private void markLake() throws IOException {
    Path marker = root.resolve(MARKER);
    if (Files.exists(marker)) {
      requireLake();
      return;
    }
    OwnerOnly.replace(marker, "{\"format\": \"spil-lake\", \"version\": " + VERSION + "}\n");
  }

  private void requireLake() {
    Path marker = root.resolve(MARKER);
    try {
      if (!Files.isRegularFile(marker) || Files.size(marker) > 4096) {
        throw new StoreException(root + " is not a lake: no " + MARKER);
      }
      Map<?, ?> m = JSON.readValue(marker.toFile(), Map.class);
      if (!"spil-lake".equals(m.get("format"))
          || !Integer.valueOf(VERSION).equals(m.get("version"))) {
        throw new StoreException(marker + ": not a lake of version " + VERSION);
      }
    } catch (IOException e) {
      throw new StoreException(marker + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  private static boolean sameBatch(Manifest m, Batch b) {
    return m.dataset().equals(b.provenance().dataset())
        && m.agency().equals(b.provenance().agency())
        && m.filesSha256().equals(b.filesSha256())
        && m.ingestedAt().equals(b.ingestedAt().toString());
  }

  private java.util.Set<Long> purgedBatches() throws SQLException {
    java.util.Set<Long> out = new java.util.HashSet<>();
    try (Statement s = warehouse.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT batch_id FROM batch WHERE purged_at IS NOT NULL")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /**
   * The revision of a batch's statements: their number and the sum of their last-seen days, per
   * table. Last-seen dates only move forward, so any move changes it.
   */
  String revision(long batch) throws SQLException {
    String days = "count(*) || ':' || coalesce(sum(last_seen - DATE '1970-01-01'), 0)";
    try (Statement s = warehouse.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT "
                    + days
                    + " FROM batch_entity WHERE batch_id = "
                    + batch
                    + ") || '/' || (SELECT "
                    + days
                    + " FROM statement_row WHERE batch_id = "
                    + batch
                    + ")")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Manifest withSeenThrough(Manifest m, long seenThrough) {
    return new Manifest(
        m.version(),
        m.batch(),
        m.dataset(),
        m.agency(),
        m.filesSha256(),
        m.ingestedAt(),
        m.purged(),
        seenThrough,
        m.revision(),
        m.generation(),
        m.batchSha256(),
        m.parts());
  }

  /** The SQL of each table's rows of one batch, as the lake keeps them. */
  private static String select(String table, long batch) {
    String n = Long.toString(batch);
    return switch (table) {
      case "entity" ->
          "SELECT entity_no, entity_id, schema, stated, first_seen, last_seen, source_file,"
              + " source_line FROM batch_entity WHERE batch_id = "
              + n
              + " ORDER BY entity_no";
      case "statement" ->
          "WITH s AS (SELECT r.entity_no, e.entity_id, e.schema, r.prop, r.value,"
              + " r.original_value, r.lang, r.first_seen, r.last_seen, e.source_file,"
              + " e.source_line FROM statement_row r JOIN batch_entity e ON r.batch_id ="
              + " e.batch_id AND r.entity_no = e.entity_no WHERE r.batch_id = "
              + n
              + " UNION ALL SELECT entity_no, entity_id, schema, '"
              + org.spil.model.Statement.ID_PROP
              + "', entity_id, NULL, NULL, first_seen, last_seen, source_file, source_line"
              + " FROM batch_entity WHERE batch_id = "
              + n
              + " AND stated) SELECT md5(b.dataset || chr(0) || s.entity_id || chr(0) || s.prop"
              + " || chr(0) || s.value) AS id, s.entity_id, s.entity_no, s.schema, s.prop,"
              + " s.value, s.original_value, s.lang, s.first_seen, s.last_seen,"
              + " b.source_files[s.source_file] AS source_file, s.source_line, b.agency,"
              + " b.legal_basis, b.handling_code, b.handling_note, b.source_grade, b.info_grade,"
              + " b.retain_until, b.share_with, b.case_id, b.as_of FROM s, batch b WHERE"
              + " b.batch_id = "
              + n
              + " ORDER BY s.entity_no, s.prop, s.value";
      case "message" ->
          "SELECT * EXCLUDE (batch_id) FROM message WHERE batch_id = " + n + " ORDER BY message_no";
      case "reject" -> "SELECT * EXCLUDE (batch_id) FROM reject WHERE batch_id = " + n;
      default -> throw new IllegalArgumentException(table);
    };
  }

  Path partDir(String table, String dataset, long batch) {
    if (!DATASET.matcher(dataset).matches()) {
      throw new StoreException("not a dataset name for a lake path: " + dataset);
    }
    return root.resolve(table).resolve("dataset=" + dataset).resolve("batch=" + batch);
  }

  private static String partName(int generation) {
    return "part-g" + generation + ".parquet";
  }

  private Path batchFile(long batch, int generation) {
    return root.resolve("batches").resolve("batch-" + batch + "-g" + generation + ".parquet");
  }

  private Path manifestFile(long batch) {
    return root.resolve("batches").resolve("batch-" + batch + ".json");
  }

  /** Writes one batch's files and then its manifest; removes the files of earlier generations. */
  private Manifest writeBatch(Batch b, int generation, long seenThrough, boolean purged)
      throws IOException, SQLException {
    String dataset = b.provenance().dataset();
    List<Part> parts = new ArrayList<>();
    if (!purged) {
      for (String table : TABLES) {
        Path dir = partDir(table, dataset, b.id());
        OwnerOnly.createDirectories(dir);
        long rows = copy(select(table, b.id()), dir.resolve(partName(generation)));
        if (rows > 0) {
          parts.add(new Part(table, rows, sha256(dir.resolve(partName(generation)))));
        } else {
          Files.delete(dir.resolve(partName(generation)));
        }
      }
    }
    OwnerOnly.createDirectories(root.resolve("batches"));
    Path row = batchFile(b.id(), generation);
    copy("SELECT * FROM batch WHERE batch_id = " + b.id(), row);
    Manifest m =
        new Manifest(
            VERSION,
            b.id(),
            dataset,
            b.provenance().agency(),
            b.filesSha256(),
            b.ingestedAt().toString(),
            purged,
            seenThrough,
            purged ? "" : revision(b.id()),
            generation,
            sha256(row),
            List.copyOf(parts));
    writeManifest(m);
    for (String table : TABLES) {
      Path dir = partDir(table, dataset, b.id());
      String keep =
          parts.stream().anyMatch(p -> p.table().equals(table)) ? partName(generation) : "";
      removeOthers(dir, keep);
    }
    for (int g = 1; g < generation; g++) {
      Files.deleteIfExists(batchFile(b.id(), g));
    }
    return m;
  }

  private void writeManifest(Manifest m) throws IOException {
    OwnerOnly.replace(manifestFile(m.batch()), JSON.writeValueAsString(m) + "\n");
  }

  /** Removes a partition's files but {@code keep}, and the directory once it is empty. */
  private static void removeOthers(Path dir, String keep) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(keep)) {
          Files.delete(f);
        }
      }
    }
    if (keep.isEmpty()) {
      Files.delete(dir);
      try (Stream<Path> left = Files.list(dir.getParent())) {
        if (left.findAny().isEmpty()) {
          Files.delete(dir.getParent());
        }
      }
    }
  }

  /** Writes a query's rows to a Parquet file, beside it first and then moved over it at once. */
  private long copy(String select, Path file) throws SQLException, IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try (Statement s = warehouse.connection().createStatement()) {
      s.execute(
          "COPY ("
              + select
              + ") TO "
              + Warehouse.sqlPath(tmp)
              + " (FORMAT parquet, COMPRESSION zstd)");
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + read(tmp))) {
        rs.next();
        rows = rs.getLong(1);
      }
      OwnerOnly.restrict(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return rows;
    }
  }

  /**
   * DuckDB's read of one of the lake's files, as it is: without the columns that reading the
   * partition directories' names would add.
   */
  private static String read(Path file) {
    return "read_parquet(" + Warehouse.sqlPath(file) + ", hive_partitioning = false)";
  }

  static String sha256(Path file) throws IOException {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /**
   * Loads the lake into this warehouse: batches it lacks are added whole (a purged one as its row
   * only), batches whose last-seen dates moved in the lake are replaced, batches purged in the lake
   * are purged here; then the derived indexes catch up. Every file is checked against its
   * manifest's SHA-256 before anything is written, and everything is written in one transaction, so
   * a lake changed or damaged halfway leaves the warehouse as it was. Refused when a batch of the
   * lake and one of the warehouse share a number but not their origin. Audited as made by {@code
   * by}.
   */
  public Loaded load(String by, LongConsumer progress) {
    warehouse.requireWritable();
    requireLake();
    TreeMap<Long, Manifest> manifests = manifests();
    Map<Long, Batch> here = warehouse.batchesById();
    long lastHere = here.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    List<Manifest> add = new ArrayList<>();
    List<Manifest> refresh = new ArrayList<>();
    List<Long> purge = new ArrayList<>();
    int unchanged = 0;
    try {
      java.util.Set<Long> purgedHere = purgedBatches();
      for (Manifest m : manifests.values()) {
        Batch b = here.get(m.batch());
        if (b == null) {
          add.add(m);
        } else if (!sameBatch(m, b)) {
          throw new StoreException(
              "batch "
                  + m.batch()
                  + " of "
                  + root
                  + " is "
                  + m.dataset()
                  + " of "
                  + m.ingestedAt()
                  + ", this warehouse's is "
                  + b.provenance().dataset()
                  + " of "
                  + b.ingestedAt()
                  + ": a warehouse that ingests itself cannot load a lake another writes");
        } else if (purgedHere.contains(b.id())) {
          unchanged++;
        } else if (m.purged()) {
          purge.add(b.id());
        } else if (!revision(b.id()).equals(m.revision())) {
          refresh.add(m);
        } else {
          unchanged++;
        }
      }
      List<Manifest> toRead = new ArrayList<>(add);
      toRead.addAll(refresh);
      for (Manifest m : toRead) {
        verify(m);
      }
      long[] statements = {0};
      Connection c = warehouse.connection();
      try {
        Warehouse.inTransaction(
            c,
            () -> {
              for (Manifest m : add) {
                insertBatchRow(c, m);
                statements[0] += insertParts(c, m);
                progress.accept(m.statements());
              }
              for (Manifest m : refresh) {
                deleteParts(c, m.batch());
                insertParts(c, m);
                progress.accept(m.statements());
              }
            });
      } finally {
        warehouse.changed();
      }
      for (Manifest m : add) {
        audited(by, "load", m);
      }
      for (Manifest m : refresh) {
        audited(by, "reload", m);
      }
      if (!add.isEmpty() || !refresh.isEmpty()) {
        store.recordAuditPosition("load");
      }
      if (!purge.isEmpty()) {
        store.retention().purgeBatches(by, purge);
      }
      boolean appended = add.stream().allMatch(m -> m.batch() > lastHere);
      if (appended && refresh.isEmpty()) {
        store.updateIndex(progress);
      } else {
        store.reindex(progress);
      }
      return new Loaded(add.size(), refresh.size(), purge.size(), unchanged, statements[0]);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot load " + root + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /**
   * Audits a batch written to or loaded from the lake, by {@code by} (none when a commit or purge
   * wrote it); returns its statements.
   */
  private long audited(String by, String action, Manifest m) {
    Map<String, Object> detail = new java.util.LinkedHashMap<>();
    detail.put("lake", root.toString());
    detail.put("dataset", m.dataset());
    detail.put("agency", m.agency());
    detail.put("batch", m.batch());
    detail.put("statements", m.statements());
    detail.put("generation", m.generation());
    store.audit().append(new AuditLog.Event(by, null, action, detail));
    return m.statements();
  }

  /** Checks that a manifest's files are there and hash as it says. */
  private void verify(Manifest m) {
    List<Path> files = new ArrayList<>();
    List<String> sums = new ArrayList<>();
    files.add(batchFile(m.batch(), m.generation()));
    sums.add(m.batchSha256());
    for (Part p : m.parts()) {
      files.add(partDir(p.table(), m.dataset(), m.batch()).resolve(partName(m.generation())));
      sums.add(p.sha256());
    }
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      try {
        if (!sha256(f).equals(sums.get(i))) {
          throw new StoreException(
              f + ": does not hash as batch-" + m.batch() + ".json says (damaged or replaced)");
        }
      } catch (NoSuchFileException e) {
        throw new StoreException(
            f + ": missing, though batch-" + m.batch() + ".json names it (the lake changed?)");
      } catch (IOException e) {
        throw new StoreException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
  }

  private void insertBatchRow(Connection c, Manifest m) throws SQLException {
    Path f = batchFile(m.batch(), m.generation());
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO batch BY NAME SELECT * FROM " + read(f));
      try (ResultSet rs = s.executeQuery("SELECT * FROM batch WHERE batch_id = " + m.batch())) {
        if (!rs.next()) {
          throw new StoreException(f + ": holds no row of batch " + m.batch());
        }
        Batch b;
        try {
          b = Warehouse.batch(rs);
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new StoreException(f + ": not a batch's provenance: " + e.getMessage());
        }
        if (!sameBatch(m, b) || rs.next()) {
          throw new StoreException(f + ": its batch row is not the one its manifest names");
        }
      }
      if (m.purged()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM batch WHERE purged_at IS NULL AND batch_id = " + m.batch())) {
          rs.next();
          if (rs.getLong(1) > 0) {
            throw new StoreException(f + ": purged in its manifest but not in its row");
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(f + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  private static void deleteParts(Connection c, long batch) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String t : List.of("statement_row", "batch_entity", "message", "reject")) {
        s.executeUpdate("DELETE FROM " + t + " WHERE batch_id = " + batch);
      }
    }
  }

  /** Inserts a batch's parts; returns its statements. */
  private long insertParts(Connection c, Manifest m) throws SQLException {
    long statements = 0;
    for (Part p : m.parts()) {
      Path f = partDir(p.table(), m.dataset(), m.batch()).resolve(partName(m.generation()));
      String read = read(f);
      String n = Long.toString(m.batch());
      String sql =
          switch (p.table()) {
            case "entity" ->
                "INSERT INTO batch_entity (batch_id, entity_no, entity_id, schema, stated,"
                    + " first_seen, last_seen, entity_key, source_file, source_line) SELECT "
                    + n
                    + ", entity_no, entity_id, schema, stated, first_seen, last_seen,"
                    + " hash(entity_id), source_file, source_line FROM "
                    + read;
            case "statement" ->
                "INSERT INTO statement_row (batch_id, entity_no, prop, value, original_value,"
                    + " lang, first_seen, last_seen) SELECT "
                    + n
                    + ", entity_no, prop, value, original_value, lang, first_seen, last_seen FROM "
                    + read
                    + " WHERE NOT (prop = '"
                    + org.spil.model.Statement.ID_PROP
                    + "' AND value = entity_id)";
            case "message" ->
                "INSERT INTO message BY NAME SELECT " + n + " AS batch_id, * FROM " + read;
            case "reject" ->
                "INSERT INTO reject BY NAME SELECT " + n + " AS batch_id, * FROM " + read;
            default -> throw new IllegalStateException(p.table());
          };
      try (Statement s = c.createStatement()) {
        long rows = s.executeUpdate(sql);
        if (p.table().equals("statement")) {
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FROM batch_entity WHERE stated AND batch_id = " + n)) {
            rs.next();
            rows += rs.getLong(1);
          }
          statements = rows;
        }
        if (rows != p.rows()) {
          throw new StoreException(f + ": " + rows + " rows, its manifest says " + p.rows());
        }
      } catch (SQLException e) {
        throw new StoreException(f + ": " + Warehouse.firstLine(e.getMessage()), e);
      }
    }
    return statements;
  }
}
