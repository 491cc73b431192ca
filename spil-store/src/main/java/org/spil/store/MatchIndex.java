package org.spil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.types.Text;
import org.spil.policy.MatchCodes;

/**
 * The shared match index for hit/no-hit: per batch and entity, keyed codes of names, dates of
 * birth, IBANs, phone numbers and identifiers ({@link MatchCodes}), and an opaque reference, never
 * a value. Built for each committed batch; the deployment secret lives in {@code DIR/match.key}
 * (created with owner-only permissions on first use) and never leaves the server.
 */
final class MatchIndex {
  /** A record of another agency that matches a hit query. */
  record Match(long batchId, String entityId, String reference, double score, List<String> on) {}

  static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("name", "name"),
          Map.entry("alias", "name"),
          Map.entry("birthDate", "dob"),
          Map.entry("iban", "iban"),
          Map.entry("phone", "phone"),
          Map.entry("number", "id"),
          Map.entry("idNumber", "id"),
          Map.entry("passportNumber", "id"),
          Map.entry("registrationNumber", "id"),
          Map.entry("taxNumber", "id"),
          Map.entry("documentNumber", "id"),
          Map.entry("email", "id"));

  private final Connection connection;
  private final MatchCodes codes;
  private final Path spoolDir;

  MatchIndex(Connection connection, MatchCodes codes, Path spoolDir) {
    this.connection = connection;
    this.codes = codes;
    this.spoolDir = spoolDir;
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS match_code (batch_id BIGINT NOT NULL, entity_id VARCHAR NOT NULL,"
            + " kind VARCHAR NOT NULL, code VARCHAR NOT NULL, ref VARCHAR NOT NULL)");
    s.execute("CREATE TABLE IF NOT EXISTS match_indexed (batch_id BIGINT PRIMARY KEY)");
  }

  /** The deployment secret, created on first use. */
  static byte[] secret(Path dir, boolean write) {
    Path file = dir.resolve("match.key");
    try {
      if (!Files.exists(file)) {
        if (!write) {
          return null;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // only the owner may read it from the start: no moment in which another account could
        Files.createFile(file, OwnerOnly.file());
        Files.write(file, key);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StoreException(
          "cannot read or create the match secret " + file + ": " + e.getMessage(), e);
    }
  }

  /** The value as the index keys it, or null when it gives no code of that kind. */
  static String normalise(String kind, String value) {
    return switch (kind) {
      case "dob" -> value.length() == 10 ? value : null;
      case "iban", "id" -> {
        String c = Text.compact(value);
        yield c.length() >= 4 ? c : null;
      }
      case "phone" -> value.startsWith("+") ? value : null;
      default -> value;
    };
  }

  /** The keyed code of a value of a kind, or null when it gives none. */
  private String code(String kind, String raw) {
    String value = normalise(kind, raw);
    if (value == null) {
      return null;
    }
    if (!kind.equals("name")) {
      return codes.exact(kind, value);
    }
    long[] filter = codes.name(value);
    return filter == null ? null : MatchCodes.encode(filter);
  }

  /** The committed batches not yet coded. */
  Set<Long> uncoded(Warehouse warehouse) {
    Set<Long> done = new HashSet<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT batch_id FROM match_indexed")) {
      while (rs.next()) {
        done.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the match index: " + Warehouse.firstLine(e.getMessage()), e);
    }
    Set<Long> out = new TreeSet<>();
    for (Batch b : warehouse.batches()) {
      if (!done.contains(b.id())) {
        out.add(b.id());
      }
    }
    return out;
  }

  /**
   * Codes every committed batch not yet in the index (those a search-index pass did not code along
   * the way); returns how many batches.
   */
  int catchUp(Warehouse warehouse) {
    Set<Long> uncoded = uncoded(warehouse);
    for (long batchId : uncoded) {
      try (BatchCodes codes = codes(batchId)) {
        BatchCodes.Part part = codes.part();
        warehouse.forEachEntityOfBatch(
            batchId, (entityId, schema, props) -> part.add(entityId, props));
        codes.store();
      }
    }
    return uncoded.size();
  }

  /** Forgets every batch's codes, in one transaction, before the index is rebuilt. */
  void forgetAll() {
    try {
      Warehouse.inTransaction(
          connection,
          () -> {
            try (Statement s = connection.createStatement()) {
              s.executeUpdate("DELETE FROM match_code");
              s.executeUpdate("DELETE FROM match_indexed");
            }
          });
    } catch (SQLException e) {
      throw new StoreException(
          "cannot reset the match index: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /** Starts coding one batch; its codes are stored by {@link BatchCodes#store}. */
  BatchCodes codes(long batchId) {
    return new BatchCodes(batchId);
  }

  /**
   * The codes of one batch while they are computed, possibly by several threads, each writing a
   * {@link Part} of its own. {@link #store} loads them with one INSERT per part in the same
   * transaction as the batch's {@code match_indexed} row, so that a crash leaves the batch either
   * coded whole or not at all. (Row by row through DuckDB's appender, which commits every 2,048
   * rows, the 6M codes of a million persons took a minute.)
   */
  final class BatchCodes implements AutoCloseable {
    private final long batchId;
    private final List<Part> parts = new ArrayList<>();

    private BatchCodes(long batchId) {
      this.batchId = batchId;
    }

    /** A part for one thread to write. */
    synchronized Part part() {
      try {
        OwnerOnly.createDirectories(spoolDir);
        Path file = Files.createTempFile(spoolDir, "match-" + batchId + "-", ".parquet");
        Part p = new Part(file);
        parts.add(p);
        return p;
      } catch (IOException e) {
        throw new StoreException(
            "cannot spool the match index in " + spoolDir + ": " + e.getMessage(), e);
      }
    }

    /** Stores every part's codes and marks the batch coded, in one transaction. */
    synchronized void store() {
      try {
        for (Part p : parts) {
          p.out.close();
        }
        Warehouse.inTransaction(
            connection,
            () -> {
              try (Statement s = connection.createStatement()) {
                for (Part p : parts) {
                  s.executeUpdate(
                      "INSERT INTO match_code SELECT "
                          + batchId
                          + ", entity_id, kind, code, ref FROM read_parquet("
                          + Warehouse.sqlPath(p.file)
                          + ")");
                }
                s.executeUpdate("INSERT INTO match_indexed VALUES (" + batchId + ")");
              }
            });
      } catch (SQLException e) {
        throw new StoreException(
            "cannot build the match index: " + Warehouse.firstLine(e.getMessage()), e);
      } catch (IOException e) {
        throw new StoreException(
            "cannot spool the match index in " + spoolDir + ": " + e.getMessage(), e);
      }
    }

    /** Removes the spool files, whether stored or not. */
    @Override
    public synchronized void close() {
      for (Part p : parts) {
        try {
          p.out.close();
          Files.deleteIfExists(p.file);
        } catch (IOException e) {
          // a leftover spool file is removed at the next open
        }
      }
    }

    private static final List<ParquetSpool.Column> COLUMNS =
        List.of(
            ParquetSpool.Column.text("entity_id"),
            ParquetSpool.Column.text("kind"),
            ParquetSpool.Column.text("code"),
            ParquetSpool.Column.text("ref"));

    /**
     * One thread's share of a batch's codes: a spool file of (entity, kind, code, reference) rows.
     *
     * <p>NOTE: not thread-safe; one part per thread.
     */
    final class Part {
      private final Path file;
      private final ParquetSpool out;

      private Part(Path file) throws IOException {
        this.file = file;
        this.out = new ParquetSpool(file, COLUMNS);
      }

      /** Codes one entity's values of the kinds the index keeps (each entity once per batch). */
      void add(String entityId, Map<String, List<String>> props) {
        String ref = null;
        try {
          for (Map.Entry<String, List<String>> e : props.entrySet()) {
            String kind = KINDS.get(e.getKey());
            if (kind == null) {
              continue;
            }
            for (String v : e.getValue()) {
              String code = code(kind, v);
              if (code == null) {
                continue;
              }
              if (ref == null) {
                ref = codes.reference(batchId, entityId);
              }
              out.writeText(entityId);
              out.writeText(kind);
              out.writeText(code);
              out.writeText(ref);
            }
          }
        } catch (IOException e) {
          throw new StoreException(
              "cannot spool the match index in " + spoolDir + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Records of the candidate batches matching the query: exact codes are looked up, name filters
   * compared by Dice coefficient (at least {@code nameThreshold}). The score is the name's Dice
   * coefficient (1 without a name), raised to 1 by a matching identifier.
   */
  List<Match> find(
      Set<Long> batches, Map<String, String> exact, String name, double nameThreshold) {
    List<Match> out = new ArrayList<>();
    if (batches.isEmpty()) {
      return out;
    }
    String in = Warehouse.inList(batches);
    Map<String, Match> byEntity = new LinkedHashMap<>();
    try {
      if (name != null) {
        long[] query = codes.name(name);
        if (query != null) {
          try (Statement s = connection.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT batch_id, entity_id, code, ref FROM match_code WHERE kind = 'name' AND batch_id IN "
                          + in)) {
            while (rs.next()) {
              double d = MatchCodes.dice(query, MatchCodes.decode(rs.getString(3)));
              if (d >= nameThreshold) {
                String key = rs.getLong(1) + "/" + rs.getString(2);
                Match m = byEntity.get(key);
                if (m == null || m.score() < d) {
                  byEntity.put(
                      key,
                      new Match(
                          rs.getLong(1), rs.getString(2), rs.getString(4), d, List.of("name")));
                }
              }
            }
          }
        }
      }
      for (Map.Entry<String, String> e : exact.entrySet()) {
        String value = normalise(e.getKey(), e.getValue());
        if (value == null) {
          continue;
        }
        try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT batch_id, entity_id, ref FROM match_code WHERE kind = ? AND code = ? AND batch_id IN "
                    + in)) {
          ps.setString(1, e.getKey());
          ps.setString(2, codes.exact(e.getKey(), value));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String key = rs.getLong(1) + "/" + rs.getString(2);
              Match m = byEntity.get(key);
              List<String> on = new ArrayList<>(m == null ? List.of() : m.on());
              on.add(e.getKey());
              boolean identifier = !e.getKey().equals("dob");
              double score = m == null ? (identifier ? 1.0 : 0.0) : (identifier ? 1.0 : m.score());
              byEntity.put(
                  key,
                  new Match(
                      rs.getLong(1), rs.getString(2), rs.getString(3), score, List.copyOf(on)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot search the match index: " + Warehouse.firstLine(e.getMessage()), e);
    }
    for (Match m : byEntity.values()) {
      boolean onlyDob = m.on().size() == 1 && m.on().get(0).equals("dob");
      if (!onlyDob) {
        out.add(m);
      }
    }
    out.sort((a, b) -> Double.compare(b.score(), a.score()));
    return out;
  }
}
