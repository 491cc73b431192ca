package org.spil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.spil.policy.PolicyException;

/**
 * Access requests turn a hit into a grant: a requester names the opaque reference of a hit, a
 * purpose and a reason; a user of the owning agency grants (until a date) or refuses. A grant makes
 * exactly the referenced entity's statements of that batch visible to the requester, for that
 * purpose, until it expires.
 */
final class AccessRequests {
  /** One request as stored. */
  record Request(
      String id,
      String reference,
      long batchId,
      String entityId,
      String ownerAgency,
      String requester,
      String purpose,
      String reason,
      String status,
      String decidedBy,
      LocalDate until,
      String note) {}

  private final Connection connection;

  AccessRequests(Connection connection) {
    this.connection = connection;
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS access_request (id VARCHAR PRIMARY KEY, ref VARCHAR NOT NULL,"
            + " batch_id BIGINT NOT NULL, entity_id VARCHAR NOT NULL, owner_agency VARCHAR NOT NULL,"
            + " requester VARCHAR NOT NULL, purpose VARCHAR NOT NULL, reason VARCHAR NOT NULL,"
            + " status VARCHAR NOT NULL, created TIMESTAMP NOT NULL, decided_by VARCHAR, decided TIMESTAMP,"
            + " until DATE, note VARCHAR)");
  }

  /** The batch and entity behind a reference, or null. */
  long[] resolve(String reference, List<String> entityOut) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT DISTINCT batch_id, entity_id FROM match_code WHERE ref = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        entityOut.add(rs.getString(2));
        return new long[] {rs.getLong(1)};
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot resolve reference: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  String add(
      String reference,
      long batchId,
      String entityId,
      String owner,
      String requester,
      String purpose,
      String reason) {
    String id;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM access_request")) {
      rs.next();
      id = String.format("REQ-%05d", rs.getLong(1) + 1);
    } catch (SQLException e) {
      throw new StoreException("cannot number request: " + Warehouse.firstLine(e.getMessage()), e);
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO access_request VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', current_timestamp, NULL, NULL, NULL, NULL)")) {
      ps.setString(1, id);
      ps.setString(2, reference);
      ps.setLong(3, batchId);
      ps.setString(4, entityId);
      ps.setString(5, owner);
      ps.setString(6, requester);
      ps.setString(7, purpose);
      ps.setString(8, reason);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store request: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return id;
  }

  List<Request> list(String where, String... args) {
    List<Request> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, ref, batch_id, entity_id, owner_agency, requester, purpose, reason, status, decided_by, until, note"
                + " FROM access_request "
                + where
                + " ORDER BY id")) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Request(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getObject(11, LocalDate.class),
                  rs.getString(12)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read requests: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  Request get(String id) {
    List<Request> found = list("WHERE id = ?", id);
    if (found.isEmpty()) {
      throw new PolicyException("unknown request '" + id + "' (spil request list shows yours)");
    }
    return found.get(0);
  }

  /**
   * Records the decision; a grant also creates the access_grant row. Returns the grant id or null.
   */
  String decide(Request r, String by, boolean grant, LocalDate until, String note) {
    try {
      connection.setAutoCommit(false);
      String grantId = null;
      try (PreparedStatement ps =
          connection.prepareStatement(
              "UPDATE access_request SET status = ?, decided_by = ?, decided = current_timestamp, until = ?, note = ? WHERE id = ? AND status = 'pending'")) {
        ps.setString(1, grant ? "granted" : "refused");
        ps.setString(2, by);
        ps.setObject(3, until);
        ps.setString(4, note);
        ps.setString(5, r.id());
        if (ps.executeUpdate() != 1) {
          throw new PolicyException("request " + r.id() + " is not pending");
        }
      }
      if (grant) {
        grantId = "GR-" + r.id().substring(4);
        try (PreparedStatement ps =
            connection.prepareStatement(
                "INSERT INTO access_grant VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp)")) {
          ps.setString(1, grantId);
          ps.setString(2, r.requester());
          ps.setString(3, r.purpose());
          ps.setLong(4, r.batchId());
          ps.setString(5, r.entityId());
          ps.setObject(6, until);
          ps.setString(7, by);
          ps.executeUpdate();
        }
      }
      connection.commit();
      return grantId;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the original failure is what matters
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new StoreException("cannot record decision: " + Warehouse.firstLine(e.getMessage()), e);
    } finally {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // connection is closed with the store
      }
    }
  }
}
