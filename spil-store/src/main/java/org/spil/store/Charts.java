package org.spil.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spil.model.EntityIds;
import org.spil.model.InvalidField;
import org.spil.model.types.Text;
import org.spil.policy.Viewer;

/**
 * Network charts saved for a team (the members of a case, or an agency's users for a legal task): a
 * name and the nodes an analyst placed, by id and position. A chart keeps no caption or link:
 * whoever opens it sees each node only if it is in that reader's own network, with what that reader
 * may see of it, so that a chart never carries one member's view to another. Saving and opening are
 * audited. Obtained from {@link Store#charts()}.
 */
public final class Charts {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Most nodes a chart keeps. */
  public static final int MAX_NODES = 2000;

  private final Store store;
  private final Warehouse warehouse;

  Charts(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS chart (id VARCHAR PRIMARY KEY, team VARCHAR NOT NULL, name"
            + " VARCHAR NOT NULL, user_name VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL, nodes"
            + " VARCHAR NOT NULL)");
  }

  /** A node of a chart: the entity's id and where the analyst placed it. */
  public record Placed(String id, double x, double y) {}

  /** A chart as saved: id, name, who saved it when, and its nodes. */
  public record Chart(String id, String name, String savedBy, String savedAt, List<Placed> nodes) {}

  /** A chart as its list shows it. */
  public record Listed(String id, String name, String savedBy, String savedAt) {}

  /** Saves a chart for the viewer's team; its id. */
  public String save(Viewer viewer, String name, List<Placed> nodes) {
    warehouse.requireWritable();
    if (name == null || name.isBlank() || name.length() > 200 || !Text.printable(name)) {
      throw new InvalidField("name", "give the chart a name of at most 200 printable characters");
    }
    if (nodes.isEmpty() || nodes.size() > MAX_NODES) {
      throw new InvalidField("nodes", "a chart has 1 to " + MAX_NODES + " nodes");
    }
    for (Placed p : nodes) {
      if (p.id() == null
          || p.id().isEmpty()
          || p.id().length() > 200
          || !EntityIds.isSafe(p.id())
          || !Double.isFinite(p.x())
          || !Double.isFinite(p.y())) {
        throw new InvalidField("nodes", "each node needs an id and a finite x and y");
      }
    }
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    String id = "CH-" + HexFormat.of().formatHex(b);
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement("INSERT INTO chart VALUES (?, ?, ?, ?, current_timestamp, ?)")) {
      ps.setString(1, id);
      ps.setString(2, viewer.team());
      ps.setString(3, name.strip());
      ps.setString(4, viewer.user().name());
      ps.setString(5, JSON.writeValueAsString(nodes));
      ps.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreException("cannot save the chart: " + e.getMessage(), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("chart", id);
    detail.put("team", viewer.team());
    detail.put("nodes", nodes.size());
    store.audited(viewer, "chart-save", detail);
    return id;
  }

  /** The charts of the viewer's team, newest first. */
  public List<Listed> list(Viewer viewer) {
    List<Listed> out = new ArrayList<>();
    if (!warehouse.hasTable("chart")) {
      return out;
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT id, name, user_name, saved_at FROM chart WHERE team = ?"
                    + " ORDER BY saved_at DESC, id")) {
      ps.setString(1, viewer.team());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Listed(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getTimestamp(4).toLocalDateTime().toString()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read charts: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /**
   * A chart of the viewer's team, audited; empty for a chart of another team and one that does not
   * exist alike.
   */
  public Optional<Chart> open(Viewer viewer, String id) {
    Chart found = null;
    if (warehouse.hasTable("chart")) {
      try (PreparedStatement ps =
          warehouse
              .connection()
              .prepareStatement(
                  "SELECT id, name, user_name, saved_at, nodes FROM chart WHERE id = ? AND team = ?")) {
        ps.setString(1, id);
        ps.setString(2, viewer.team());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            found =
                new Chart(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toLocalDateTime().toString(),
                    JSON.readValue(rs.getString(5), new TypeReference<List<Placed>>() {}));
          }
        }
      } catch (SQLException | JsonProcessingException e) {
        throw new StoreException("cannot read the chart: " + e.getMessage(), e);
      }
    }
    store.audited(viewer, "chart-open", Map.of("chart", id, "found", found != null ? "yes" : "no"));
    return Optional.ofNullable(found);
  }
}
