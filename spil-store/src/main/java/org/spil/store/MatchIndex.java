package org.spil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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

  MatchIndex(Connection connection, MatchCodes codes) {
    this.connection = connection;
    this.codes = codes;
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
        Files.write(file, key);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the data directory's own permissions protect the key
        }
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

  /** Codes every committed batch not yet in the index; returns how many batches. */
  int catchUp(Warehouse warehouse) {
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
    int n = 0;
    for (Batch b : warehouse.batches()) {
      if (!done.contains(b.id())) {
        index(b.id());
        n++;
      }
    }
    return n;
  }

  private void index(long batchId) {
    String sql =
        "SELECT entity_id, prop, value FROM statement WHERE batch_id = ? AND prop IN ("
            + String.join(",", KINDS.keySet().stream().map(k -> "'" + k + "'").toList())
            + ")";
    try (PreparedStatement ps = connection.prepareStatement(sql);
        DuckDBAppender appender =
            ((DuckDBConnection) connection)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "match_code")) {
      ps.setLong(1, batchId);
      Map<String, String> refs = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String entity = rs.getString(1);
          String kind = KINDS.get(rs.getString(2));
          String value = normalise(kind, rs.getString(3));
          if (value == null) {
            continue;
          }
          String code;
          if (kind.equals("name")) {
            long[] filter = codes.name(value);
            if (filter == null) {
              continue;
            }
            code = MatchCodes.encode(filter);
          } else {
            code = codes.exact(kind, value);
          }
          String ref = refs.computeIfAbsent(entity, e -> codes.reference(batchId, e));
          appender.beginRow();
          appender.append(batchId);
          appender.append(entity);
          appender.append(kind);
          appender.append(code);
          appender.append(ref);
          appender.endRow();
        }
      }
      appender.flush();
      try (PreparedStatement done =
          connection.prepareStatement("INSERT INTO match_indexed VALUES (?)")) {
        done.setLong(1, batchId);
        done.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot build the match index: " + Warehouse.firstLine(e.getMessage()), e);
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
