package org.spil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the audit log stood at each change of the warehouse (a batch, a purge, a user, a case, an
 * approval, a grant): the last entry's number and hash, kept in the warehouse. A log cut short, or
 * rewritten up to one of these entries, or removed with its head, is then detected by {@code spil
 * audit verify}, which compares the log with them.
 */
final class AuditPositions {
  private AuditPositions() {}

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS audit_position (seq BIGINT NOT NULL, hash VARCHAR NOT NULL,"
            + " action VARCHAR NOT NULL, recorded TIMESTAMP NOT NULL)");
  }

  static void record(Connection c, AuditLog.Checkpoint p, String action) {
    try (PreparedStatement st =
        c.prepareStatement("INSERT INTO audit_position VALUES (?, ?, ?, current_timestamp)")) {
      st.setLong(1, p.seq());
      st.setString(2, p.hash());
      st.setString(3, action);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot record the audit position: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /** Every recorded position, oldest first, as checkpoints naming the change. */
  static List<AuditLog.Checkpoint> all(Connection c) {
    List<AuditLog.Checkpoint> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT seq, hash, action, strftime(recorded, '%Y-%m-%d %H:%M:%S') FROM audit_position"
                    + " ORDER BY seq")) {
      while (rs.next()) {
        out.add(
            new AuditLog.Checkpoint(
                rs.getLong(1),
                rs.getString(2),
                "the warehouse (at its " + rs.getString(3) + " of " + rs.getString(4) + " UTC)"));
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the audit positions: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }
}
