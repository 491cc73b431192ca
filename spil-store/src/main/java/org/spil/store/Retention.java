package org.spil.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retention: batches past their {@code retain_until} date, and their purge (statement ids to the
 * audit log first, never values; then deleted in one transaction and dropped from the search
 * index). Reads hide expired batches on their own. Obtained from {@link Store#retention()}.
 */
public final class Retention {
  private final Store store;
  private final Warehouse warehouse;
  private final AccessPolicy policy;
  private final AuditLog audit;

  Retention(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
    this.policy = store.policy();
    this.audit = store.audit();
  }

  /** A batch past its retention date, with the number of statements it still holds. */
  public record Expired(Batch batch, long statements) {}

  /** Batches past {@code retain_until} on the store's day that still hold statements. */
  public List<Expired> expired() {
    List<Expired> out = new ArrayList<>();
    for (Batch b : warehouse.batches()) {
      if (b.provenance().retainUntil().isBefore(policy.today())) {
        long n = warehouse.count("SELECT count(*) FROM statement WHERE batch_id = " + b.id());
        if (n > 0) {
          out.add(new Expired(b, n));
        }
      }
    }
    return out;
  }

  /** What a purge did: the batches purged, and the compaction of the warehouse (null if none). */
  public record Purged(List<Expired> batches, Warehouse.Compaction compaction) {}

  /**
   * Purges the statements and rejects of every batch past its retention date: the audit log first
   * receives the ids of the statements (never their values), then they are deleted in one
   * transaction and dropped from the search index, whose segments are merged so that no deleted
   * document stays in them; the warehouse file is rewritten so that no freed block keeps a value.
   * Reads hid them already. Returns what was purged.
   */
  public Purged purge(String by) {
    warehouse.requireWritable();
    return purge(by, expired());
  }

  /**
   * Purges the given batches whatever their retention date, as {@link #purge(String)} does: for a
   * batch that the lake this warehouse loads from has purged ({@link Lake#load}).
   */
  Purged purgeBatches(String by, List<Long> batches) {
    warehouse.requireWritable();
    Map<Long, Batch> byId = warehouse.batchesById();
    List<Expired> chosen = new ArrayList<>();
    for (long id : batches) {
      long n = warehouse.count("SELECT count(*) FROM statement WHERE batch_id = " + id);
      chosen.add(new Expired(byId.get(id), n));
    }
    return purge(by, chosen);
  }

  private Purged purge(String by, List<Expired> expired) {
    if (expired.isEmpty()) {
      return new Purged(expired, null);
    }
    Connection c = warehouse.connection();
    try {
      for (Expired e : expired) {
        List<AuditLog.Event> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT "
                        + Exports.STATEMENT_ID
                        + " FROM statement s JOIN batch b USING (batch_id) WHERE s.batch_id = "
                        + e.batch().id()
                        + " ORDER BY 1")) {
          while (rs.next()) {
            ids.add(rs.getString(1));
            if (ids.size() == 10_000) {
              events.add(purgeEvent(by, e, ids));
              ids = new ArrayList<>();
            }
          }
        }
        if (!ids.isEmpty()) {
          events.add(purgeEvent(by, e, ids));
        }
        audit.append(events);
      }
      try {
        Warehouse.inTransaction(c, () -> deleteExpired(c, expired));
      } finally {
        warehouse.changed();
      }
      if (!expired.isEmpty()) {
        store.recordAuditPosition("purge");
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot purge: " + Warehouse.firstLine(ex.getMessage()), ex);
    }
    Set<Long> ids = new HashSet<>();
    expired.forEach(e -> ids.add(e.batch().id()));
    store.index().dropBatches(ids);
    store.messageIndex().dropBatches(ids);
    Warehouse.Compaction compaction = warehouse.compact();
    store.writeLake(n -> {});
    return new Purged(expired, compaction);
  }

  /** Deletes the statements, rejects and match codes of expired batches and marks them purged. */
  private static void deleteExpired(Connection c, List<Expired> expired) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (Expired e : expired) {
        st.execute("DELETE FROM statement_row WHERE batch_id = " + e.batch().id());
        st.execute("DELETE FROM batch_entity WHERE batch_id = " + e.batch().id());
        st.execute("DELETE FROM reject WHERE batch_id = " + e.batch().id());
        st.execute("DELETE FROM message WHERE batch_id = " + e.batch().id());
        st.execute("DELETE FROM match_code WHERE batch_id = " + e.batch().id());
        // an alert keeps that it was raised, not what it named
        st.execute(
            "UPDATE watch_alert SET entity_id = NULL, contact = NULL, reference = NULL, strength ="
                + " NULL, matched_on = NULL, explanation = '"
                + Watches.PURGED
                + "' WHERE batch_id = "
                + e.batch().id());
        st.execute(
            "UPDATE batch SET purged_at = current_timestamp WHERE batch_id = " + e.batch().id());
      }
      // saved resolution models count (hashed) names, possibly of the purged batches: they go
      // too, and the next resolution estimates afresh
      if (!expired.isEmpty()) {
        st.execute("DELETE FROM team_resolution_model");
      }
    }
  }

  private static AuditLog.Event purgeEvent(String by, Expired e, List<String> statementIds) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("batch", e.batch().id());
    detail.put("dataset", e.batch().provenance().dataset());
    detail.put("agency", e.batch().provenance().agency());
    detail.put("retain_until", e.batch().provenance().retainUntil().toString());
    detail.put("statements", statementIds);
    return new AuditLog.Event(by, null, "purge", detail);
  }
}
