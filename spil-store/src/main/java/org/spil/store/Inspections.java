package org.spil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;

/**
 * What a team's inspections of shipments found: {@code found} (drugs, precursors or other goods
 * that should not be there), {@code nothing}, or {@code open} to withdraw an outcome recorded in
 * error, with a note. Shipment targeting learns its weights from them and shows each shipment's
 * outcome. An outcome belongs to the team that recorded it (a case's members, or an agency's users
 * for a legal task); the latest counts, every one stays. Each is audited. Obtained from {@link
 * Store#inspections()}.
 */
public final class Inspections {
  /** The outcomes a team may record. */
  public static final Set<String> OUTCOMES = Set.of("found", "nothing", "open");

  private final Store store;
  private final Warehouse warehouse;

  Inspections(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS inspection (team VARCHAR NOT NULL, shipment_id VARCHAR NOT"
            + " NULL, outcome VARCHAR NOT NULL, note VARCHAR, user_name VARCHAR NOT NULL,"
            + " recorded_at TIMESTAMP NOT NULL)");
  }

  /** An outcome as recorded: which, the note, by whom, when. */
  public record Outcome(String outcome, String note, String by, String at) {}

  /**
   * Records the viewer's team's outcome of inspecting a shipment (which the caller has checked the
   * viewer may see).
   *
   * @throws InvalidField for an unknown outcome, or a note that is too long or holds control
   *     characters
   */
  public void record(Viewer viewer, String shipmentId, String outcome, String note) {
    warehouse.requireWritable();
    if (!OUTCOMES.contains(outcome)) {
      throw new InvalidField("outcome", "one of found, nothing, open");
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null
        && (text.length() > 2000
            || text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
      throw new InvalidField("note", "at most 2,000 characters, no control characters");
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement("INSERT INTO inspection VALUES (?, ?, ?, ?, ?, current_timestamp)")) {
      ps.setString(1, viewer.team());
      ps.setString(2, shipmentId);
      ps.setString(3, outcome);
      ps.setString(4, text);
      ps.setString(5, viewer.user().name());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the inspection: " + e.getMessage(), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("shipment", shipmentId);
    detail.put("outcome", outcome);
    detail.put("team", viewer.team());
    if (text != null) {
      detail.put("note", text);
    }
    store.audited(viewer, "inspection", detail);
  }

  /**
   * The latest outcome of the viewer's team per shipment, withdrawn ones ({@code open}) left out.
   */
  public Map<String, Outcome> latest(Viewer viewer) {
    Map<String, Outcome> out = new HashMap<>();
    if (!warehouse.hasTable("inspection")) {
      return out;
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT shipment_id, outcome, note, user_name, recorded_at FROM inspection"
                    + " WHERE team = ? ORDER BY recorded_at, rowid")) {
      ps.setString(1, viewer.team());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new Outcome(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toLocalDateTime().toString()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read inspections: " + Warehouse.firstLine(e.getMessage()), e);
    }
    out.values().removeIf(o -> o.outcome().equals("open"));
    return out;
  }
}
