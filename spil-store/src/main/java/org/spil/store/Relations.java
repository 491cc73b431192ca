package org.spil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spil.model.Property;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.policy.Viewer;

/**
 * What an entity takes part in, as one viewer may see it: the directorships, ownerships, payments,
 * shipments, messages and border crossings whose visible statements name it, each with its other
 * parties and dates. The entity page's relation tabs and the timeline read it. Only statements in
 * the viewer's scope are read: a relation the viewer may not see is not counted, and a party the
 * viewer may not see is named by nothing. Obtained from {@link Store#relations()}.
 */
public final class Relations {
  /** Most relations one read returns; the answer says when there were more. */
  public static final int MAX = 2000;

  private final Store store;
  private final Warehouse warehouse;

  Relations(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  /** A party of a relation other than the entity asked about: its role, id, schema and caption. */
  public record Party(String role, String id, String schema, String caption) {}

  /**
   * A relation: its id, schema and caption, the property by which it names the entity ({@code
   * role}), its other visible values (dates, amounts, purposes...) and its other parties.
   */
  public record Relation(
      String id,
      String schema,
      String caption,
      String role,
      Map<String, List<String>> properties,
      List<Party> parties) {}

  /** The relations found, at most {@link #MAX}; {@code more} when there were others. */
  public record Found(List<Relation> results, int total, boolean more) {}

  /**
   * The relations naming any of the entities (one entity, or the members of a resolved one) that
   * the viewer may see; audited with the relations returned.
   */
  public Found of(Viewer viewer, List<String> entityIds) {
    Scope scope = store.scope(viewer);
    Found found = scope.isEmpty() ? new Found(List.of(), 0, false) : read(scope, entityIds);
    store.audited(
        viewer,
        "relations",
        Map.of(
            "entity",
            String.join(",", entityIds),
            "returned",
            found.results().stream().map(Relation::id).toList()));
    return found;
  }

  private Found read(Scope scope, List<String> subjects) {
    Set<String> subjectSet = new LinkedHashSet<>(subjects);
    String marks = String.join(",", subjects.stream().map(s -> "?").toList());
    // the relation entities whose visible statements name a subject
    Map<String, String> roles = new LinkedHashMap<>();
    String findSql =
        "SELECT DISTINCT e.entity_id, r.prop FROM statement_row r JOIN batch_entity e"
            + " ON r.batch_id = e.batch_id AND r.entity_no = e.entity_no WHERE r.value IN ("
            + marks
            + ") AND "
            + scope.sql("e.batch_id", "e.entity_id")
            + " ORDER BY e.entity_id, r.prop LIMIT "
            + (MAX + 1);
    try (PreparedStatement ps = warehouse.connection().prepareStatement(findSql)) {
      for (int i = 0; i < subjects.size(); i++) {
        ps.setString(i + 1, subjects.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          roles.putIfAbsent(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read relations: " + Warehouse.firstLine(e.getMessage()), e);
    }
    boolean more = roles.size() > MAX;
    List<String> ids = new ArrayList<>(roles.keySet());
    if (more) {
      ids = ids.subList(0, MAX);
    }
    Map<String, Values> relations = values(scope, ids);
    // the other parties, named by what the viewer may see of them
    Set<String> partyIds = new LinkedHashSet<>();
    for (Values v : relations.values()) {
      v.props.forEach(
          (prop, vs) -> {
            Property p = v.schema.property(prop);
            if (p != null && p.isEntityRef()) {
              vs.stream().filter(id -> !subjectSet.contains(id)).forEach(partyIds::add);
            }
          });
    }
    Map<String, Values> parties = values(scope, List.copyOf(partyIds));
    List<Relation> out = new ArrayList<>();
    for (String id : ids) {
      Values v = relations.get(id);
      if (v == null) {
        continue;
      }
      Map<String, List<String>> plain = new TreeMap<>();
      List<Party> others = new ArrayList<>();
      v.props.forEach(
          (prop, vs) -> {
            Property p = v.schema.property(prop);
            if (p != null && p.isEntityRef()) {
              for (String other : vs) {
                Values pv = parties.get(other);
                if (!subjectSet.contains(other) && pv != null) {
                  others.add(
                      new Party(
                          prop,
                          other,
                          pv.schema.name(),
                          Captions.caption(pv.schema, pv.props, other)));
                }
              }
            } else {
              plain.put(prop, vs);
            }
          });
      out.add(
          new Relation(
              id,
              v.schema.name(),
              Captions.caption(v.schema, v.props, id),
              roles.get(id),
              plain,
              others));
    }
    return new Found(out, out.size(), more);
  }

  /** Schema and visible values of entities, in one query. */
  private static final class Values {
    Schema schema;
    final Map<String, List<String>> props = new TreeMap<>();
  }

  private Map<String, Values> values(Scope scope, List<String> ids) {
    Map<String, Values> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    boolean keyed = warehouse.hasEntityKeys();
    String marks = String.join(",", ids.stream().map(s -> "?").toList());
    String keys = String.join(",", ids.stream().map(s -> "hash(?::VARCHAR)").toList());
    String sql =
        "SELECT e.entity_id, e.schema, r.prop, r.value FROM batch_entity e LEFT JOIN statement_row r"
            + " ON r.batch_id = e.batch_id AND r.entity_no = e.entity_no WHERE e.entity_id IN ("
            + marks
            + ") AND "
            + (keyed ? "e.entity_key IN (" + keys + ") AND " : "")
            + scope.sql("e.batch_id", "e.entity_id")
            + " ORDER BY e.entity_id, r.prop, r.value";
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(i + 1, ids.get(i));
        if (keyed) {
          ps.setString(ids.size() + i + 1, ids.get(i));
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Values v = out.computeIfAbsent(rs.getString(1), k -> new Values());
          Schema s = Schemata.model().get(rs.getString(2));
          v.schema = v.schema == null ? s : Schemata.model().common(v.schema, s).orElse(v.schema);
          if (rs.getString(3) != null) {
            List<String> vs = v.props.computeIfAbsent(rs.getString(3), k -> new ArrayList<>());
            if (!vs.contains(rs.getString(4))) {
              vs.add(rs.getString(4));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read relations: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }
}
