package org.spil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.spil.policy.PolicyException;
import org.spil.policy.Viewer;
import org.spil.resolve.EntityPair;
import org.spil.resolve.Resolution;
import org.spil.resolve.Verdict;

/**
 * The stored state of entity resolution, shared by a team ({@link Viewer#team()}: the members of a
 * case, or an agency's users reading for one legal task): analysts' judgements on pairs (with who
 * made them), the clusters (canonical id to member entities) and the model of the team's last
 * resolution. A judgement made in a team steers every later resolution in it, whoever runs it;
 * canonical ids stay stable within the team. Reads are restricted to what the reader may see now: a
 * cluster the reader cannot see whole is shown as its visible members apart, so that no merge rests
 * on a record the reader may not see. Obtained from {@link Store#resolutions()}.
 */
public final class Resolutions {
  private final Store store;
  private final Warehouse warehouse;

  Resolutions(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  /** Creates the team tables and moves resolutions and judgements kept per user into them. */
  static void create(Statement s) throws SQLException {
    s.execute(
        """
        CREATE TABLE IF NOT EXISTS team_judgement (team VARCHAR NOT NULL, a VARCHAR NOT NULL,
          b VARCHAR NOT NULL, verdict VARCHAR NOT NULL, user_name VARCHAR NOT NULL,
          purpose VARCHAR NOT NULL, created TIMESTAMP NOT NULL, PRIMARY KEY (team, a, b))""");
    s.execute(
        """
        CREATE TABLE IF NOT EXISTS team_resolution (team VARCHAR NOT NULL, canonical_id VARCHAR NOT NULL,
          entity_id VARCHAR NOT NULL, resolved_by VARCHAR NOT NULL, created TIMESTAMP NOT NULL)""");
    s.execute(
        """
        CREATE TABLE IF NOT EXISTS team_resolution_model (team VARCHAR PRIMARY KEY,
          model VARCHAR NOT NULL, resolved_by VARCHAR NOT NULL, created TIMESTAMP NOT NULL)""");
    // the team of a row kept per user and purpose: the case's, or the user's agency's for the task
    String team =
        "CASE WHEN purpose IN (SELECT id FROM app_case) THEN 'case:' || purpose ELSE 'agency:' ||"
            + " coalesce((SELECT agency FROM app_user u WHERE u.name = user_name), '?') || ':' ||"
            + " purpose END";
    if (exists(s, "judgement")) {
      s.execute(
          "INSERT OR REPLACE INTO team_judgement SELECT "
              + team
              + ", a, b, verdict, user_name, purpose, created FROM judgement ORDER BY created");
      s.execute("DROP TABLE judgement");
    }
    if (exists(s, "resolution")) {
      // a team keeps the latest of its members' resolutions
      s.execute(
          "INSERT INTO team_resolution SELECT team, canonical_id, entity_id, user_name, created"
              + " FROM (SELECT *, "
              + team
              + " AS team, max(created) OVER (PARTITION BY "
              + team
              + ") AS latest FROM resolution) WHERE created = latest");
      s.execute("DROP TABLE resolution");
    }
    if (exists(s, "resolution_model")) {
      s.execute(
          "INSERT OR REPLACE INTO team_resolution_model SELECT "
              + team
              + ", model, user_name, created FROM resolution_model ORDER BY created");
      s.execute("DROP TABLE resolution_model");
    }
  }

  private static boolean exists(Statement s, String table) throws SQLException {
    try (ResultSet rs =
        s.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = '" + table + "'")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  /** An analyst's judgement on a pair of entities, in a team, with who made it and why. */
  public record Judgement(
      EntityPair pair, Verdict verdict, String team, String user, String purpose) {}

  /**
   * Records a judgement for the viewer's team. Both entities must be visible to the judge; a
   * judgement that contradicts the team's earlier one on the same pair needs {@code revise}.
   * Audited; nothing of the source records changes.
   */
  public Judgement judge(Viewer viewer, EntityPair pair, Verdict verdict, boolean revise) {
    warehouse.requireWritable();
    Scope scope = store.scope(viewer);
    for (String id : List.of(pair.a(), pair.b())) {
      if (!store.entities().sees(scope, id)) {
        store.audited(
            viewer,
            "refused",
            Map.of("reason", "judgement on an unknown or invisible entity", "entity", id));
        throw new PolicyException(
            "entity",
            "no entity '"
                + id
                + "' visible to "
                + viewer.user().name()
                + " for "
                + viewer.purpose().token());
      }
    }
    String team = viewer.team();
    Connection c = warehouse.connection();
    try {
      Verdict earlier = null;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT verdict FROM team_judgement WHERE team = ? AND a = ? AND b = ?")) {
        ps.setString(1, team);
        ps.setString(2, pair.a());
        ps.setString(3, pair.b());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            earlier = Verdict.parse(rs.getString(1));
          }
        }
      }
      if (earlier != null && earlier != verdict && !revise) {
        throw new PolicyException(
            "revise",
            "the pair was judged '"
                + earlier.label()
                + "' before; revise the judgement to change it to '"
                + verdict.label()
                + "'");
      }
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT OR REPLACE INTO team_judgement VALUES (?, ?, ?, ?, ?, ?, current_timestamp)")) {
        ins.setString(1, team);
        ins.setString(2, pair.a());
        ins.setString(3, pair.b());
        ins.setString(4, verdict.label());
        ins.setString(5, viewer.user().name());
        ins.setString(6, viewer.purpose().token());
        ins.executeUpdate();
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("team", team);
      detail.put("a", pair.a());
      detail.put("b", pair.b());
      detail.put("verdict", verdict.label());
      if (earlier != null) {
        detail.put("revised_from", earlier.label());
      }
      store.audited(viewer, "judge", detail);
      return new Judgement(pair, verdict, team, viewer.user().name(), viewer.purpose().token());
    } catch (SQLException e) {
      throw new StoreException(
          "cannot record judgement: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /**
   * The judgements of the viewer's team that steer resolution (same or different; unsure ones do
   * not), in pair order.
   */
  public List<Judgement> judgements(Viewer viewer) {
    List<Judgement> out = new ArrayList<>();
    if (!warehouse.hasTable("team_judgement")) {
      return out;
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT a, b, verdict, user_name, purpose FROM team_judgement"
                    + " WHERE team = ? AND verdict <> 'unsure' ORDER BY a, b")) {
      ps.setString(1, viewer.team());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Judgement(
                  new EntityPair(rs.getString(1), rs.getString(2)),
                  Verdict.parse(rs.getString(3)),
                  viewer.team(),
                  rs.getString(4),
                  rs.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read judgements: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /**
   * Replaces the team's resolution (canonical id to member entity ids) and the model it was weighed
   * with (opaque text, kept for incremental runs and match by example; it holds weights, no
   * values); audited.
   */
  public void save(Viewer viewer, Map<String, List<String>> clusters, String model) {
    warehouse.requireWritable();
    Connection c = warehouse.connection();
    String team = viewer.team();
    String by = viewer.user().name();
    try {
      Warehouse.inTransaction(
          c,
          () -> {
            try (PreparedStatement del =
                    c.prepareStatement("DELETE FROM team_resolution WHERE team = ?");
                DuckDBAppender ins =
                    ((DuckDBConnection) c)
                        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "team_resolution")) {
              del.setString(1, team);
              del.executeUpdate();
              // appended, not inserted row by row: a million members as one JDBC batch ran DuckDB
              // out of 10 GB
              LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
              for (Map.Entry<String, List<String>> e : clusters.entrySet()) {
                for (String member : e.getValue()) {
                  ins.beginRow();
                  ins.append(team);
                  ins.append(e.getKey());
                  ins.append(member);
                  ins.append(by);
                  ins.append(now);
                  ins.endRow();
                }
              }
              ins.flush();
            }
            try (PreparedStatement im =
                c.prepareStatement(
                    "INSERT OR REPLACE INTO team_resolution_model VALUES (?, ?, ?, current_timestamp)")) {
              im.setString(1, team);
              im.setString(2, model);
              im.setString(3, by);
              im.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw new StoreException("cannot save resolution: " + Warehouse.firstLine(e.getMessage()), e);
    }
    // networks and entity pages merge by the team's clusters: what was derived from them is stale
    warehouse.changed();
    store.audited(viewer, "resolve", Map.of("team", team, "clusters", clusters.size()));
  }

  /**
   * The team's last resolution as the viewer may see it now: canonical id to members. A cluster
   * with a member the viewer cannot see (another agency's record in a joint case, an expired grant)
   * is shown as its visible members, each on its own under the id a cluster of one would have.
   */
  public Map<String, List<String>> clusters(Viewer viewer) {
    Map<String, List<String>> out = visibleClusters(viewer, store.scope(viewer));
    store.audited(viewer, "clusters", Map.of("clusters", out.size()));
    return out;
  }

  /**
   * The visible members of one cluster of the team's last resolution, as {@link #clusters} would
   * give them under that canonical id (empty when it gives none), read for that cluster alone: an
   * entity page or a seizure chain needs a few clusters, not the million of a large warehouse. Not
   * audited: the read of the members that follows is.
   */
  public Optional<List<String>> members(Viewer viewer, String canonicalId) {
    Scope scope = store.scope(viewer);
    if (scope.isEmpty() || !warehouse.hasTable("team_resolution")) {
      return Optional.empty();
    }
    String sql =
        "SELECT r.entity_id, EXISTS (SELECT 1 FROM batch_entity e WHERE e.entity_id = r.entity_id"
            + " AND "
            + scope.sql("e.batch_id", "e.entity_id")
            + ") FROM team_resolution r WHERE r.team = ? AND r.canonical_id = ? ORDER BY 1";
    List<String> visible = new ArrayList<>();
    boolean partial = false;
    boolean any = false;
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      ps.setString(1, viewer.team());
      ps.setString(2, canonicalId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          any = true;
          if (rs.getBoolean(2)) {
            visible.add(rs.getString(1));
          } else {
            partial = true;
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read resolution: " + Warehouse.firstLine(e.getMessage()), e);
    }
    if (!any) {
      // not a cluster's own id: perhaps the id a member of a cluster split by what the viewer may
      // see is shown under
      return Optional.ofNullable(visibleClusters(viewer, scope).get(canonicalId));
    }
    if (visible.isEmpty() || (partial && visible.size() > 1)) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(visible));
  }

  /**
   * Each visible member of the team's last resolution with the canonical id of its cluster, as
   * {@link #clusters} gives them: what analyses that merge entities by the team's resolution look
   * records up in. Audited as {@link #clusters} is.
   */
  public Map<String, String> canonicalIds(Viewer viewer) {
    Map<String, String> out = new HashMap<>();
    clusters(viewer).forEach((id, members) -> members.forEach(m -> out.put(m, id)));
    return out;
  }

  /** {@link #clusters} without the audit event, for reads that audit themselves. */
  Map<String, List<String>> visibleClusters(Viewer viewer, Scope scope) {
    Map<String, List<String>> out = new TreeMap<>();
    if (scope.isEmpty() || !warehouse.hasTable("team_resolution")) {
      return out;
    }
    String sql =
        "SELECT r.canonical_id, r.entity_id, EXISTS (SELECT 1 FROM batch_entity e WHERE"
            + " e.entity_id = r.entity_id AND "
            + scope.sql("e.batch_id", "e.entity_id")
            + ") FROM team_resolution r WHERE r.team = ? ORDER BY 1, 2";
    Map<String, List<String>> visible = new LinkedHashMap<>();
    Set<String> partial = new HashSet<>();
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      ps.setString(1, viewer.team());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(3)) {
            visible.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          } else {
            partial.add(rs.getString(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read resolution: " + Warehouse.firstLine(e.getMessage()), e);
    }
    visible.forEach(
        (id, members) -> {
          if (!partial.contains(id) || members.size() == 1) {
            out.put(id, members);
          }
        });
    visible.forEach(
        (id, members) -> {
          if (partial.contains(id) && members.size() > 1) {
            for (String m : members) {
              String own = Resolution.canonicalIdOf(m);
              for (int attempt = 1; out.containsKey(own) || visible.containsKey(own); attempt++) {
                if (own.equals(id) && !out.containsKey(own)) {
                  break;
                }
                own = Resolution.canonicalIdOf(m + "#" + attempt);
              }
              out.put(own, List.of(m));
            }
          }
        });
    return out;
  }

  /** The model saved with the team's last resolution, if there is one. */
  public Optional<String> model(Viewer viewer) {
    if (!warehouse.hasTable("team_resolution_model")) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement("SELECT model FROM team_resolution_model WHERE team = ?")) {
      ps.setString(1, viewer.team());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the resolution model: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }
}
