package org.spil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spil.model.Provenance;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.policy.CountDisclosure;
import org.spil.policy.Viewer;

/**
 * Reads of whole entities for one viewer: an entity page with the provenance of every visible
 * value, counts, rejects of the viewer's own agency, and every visible entity of some schemata for
 * analyses such as resolution and networks. Each read is computed from the viewer's scope only and
 * audited. Obtained from {@link Store#entities()}.
 */
public final class Entities {
  private final Store store;
  private final Warehouse warehouse;

  Entities(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  /** The entity with every visible value and its provenance, or empty if the viewer sees none. */
  public Optional<EntityRecord> entity(Viewer viewer, String id) {
    Optional<EntityRecord> found = entityUnaudited(viewer, id);
    store.audited(
        viewer,
        "show",
        Map.of("entity", id, "returned", found.isPresent() ? List.of(id) : List.of()));
    return found;
  }

  /**
   * The entity rows of one id as a table {@code e}, the id's key the first parameter: found through
   * the key's index first (DuckDB uses the index only for a filter on the key alone), then checked
   * against the id and the scope. Without keys (an older warehouse) the rows themselves.
   */
  private static String rowsOf(boolean keyed) {
    return keyed
        ? "WITH e AS MATERIALIZED (SELECT * FROM batch_entity WHERE entity_key = hash(?::VARCHAR))"
        : "";
  }

  /** The table of {@link #rowsOf}'s rows. */
  private static String rows(boolean keyed) {
    return keyed ? "e" : "batch_entity e";
  }

  /** Whether an entity has a row in the scope (unaudited: for checks inside other operations). */
  boolean sees(Scope scope, String id) {
    if (scope.isEmpty()) {
      return false;
    }
    boolean keyed = warehouse.hasEntityKeys();
    String sql =
        rowsOf(keyed)
            + " SELECT count(*) FROM "
            + rows(keyed)
            + " WHERE e.entity_id = ? AND "
            + scope.sql("e.batch_id", "e.entity_id");
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      ps.setString(1, id);
      if (keyed) {
        ps.setString(2, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read entity: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /**
   * A resolved entity: the values of its members that the viewer may see, merged under its
   * canonical id, with the members listed; empty when the viewer sees none of them. Audited once,
   * with the members returned.
   */
  public Optional<EntityRecord> merged(Viewer viewer, String canonicalId, List<String> members) {
    Schema schema = null;
    List<String> seen = new ArrayList<>();
    Map<String, List<ValueRecord>> props = new TreeMap<>();
    for (EntityRecord e : members(viewer, canonicalId, members)) {
      seen.add(e.id());
      Schema s = Schemata.model().get(e.schema());
      schema = schema == null ? s : Schemata.model().common(schema, s).orElse(schema);
      e.properties().forEach((p, v) -> props.computeIfAbsent(p, k -> new ArrayList<>()).addAll(v));
    }
    if (schema == null) {
      return Optional.empty();
    }
    Map<String, List<String>> plain = new LinkedHashMap<>();
    props.forEach(
        (p, values) -> {
          values.sort(Comparator.comparing(ValueRecord::value).thenComparing(ValueRecord::dataset));
          plain.put(p, values.stream().map(ValueRecord::value).toList());
        });
    return Optional.of(
        new EntityRecord(
            canonicalId,
            schema.name(),
            Captions.caption(schema, plain, canonicalId),
            props,
            List.copyOf(seen)));
  }

  /**
   * The members of a resolved entity that the viewer may see, each as a single entity, in the order
   * given; audited once, as a show of the resolved entity with the members returned.
   */
  public List<EntityRecord> members(Viewer viewer, String canonicalId, List<String> members) {
    Scope scope = store.scope(viewer);
    List<EntityRecord> out = new ArrayList<>();
    for (String m : members) {
      read(scope, m).ifPresent(out::add);
    }
    store.audited(
        viewer,
        "show",
        Map.of("entity", canonicalId, "returned", out.stream().map(EntityRecord::id).toList()));
    return out;
  }

  /** An entity as the viewer may see it, for a read that audits itself. */
  Optional<EntityRecord> entityUnaudited(Viewer viewer, String id) {
    return read(store.scope(viewer), id);
  }

  private Optional<EntityRecord> read(Scope scope, String id) {
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    // the entity's rows first, then its statements by (batch, entity number): literal numbers let
    // DuckDB skip row groups by their min/max, where joining the statement view scans every
    // statement (50-65 ms instead of about 30 at a million persons)
    boolean keyed = warehouse.hasEntityKeys();
    String rowsSql =
        rowsOf(keyed)
            + " SELECT batch_id, entity_no, schema, "
            + (warehouse.hasSourcePositions() ? "source_file, source_line" : "NULL, NULL")
            + " FROM "
            + rows(keyed)
            + " WHERE e.entity_id = ? AND "
            + scope.sql("e.batch_id", "e.entity_id");
    Schema schema = null;
    List<String> runs = new ArrayList<>();
    Map<Long, Map<Long, String>> positions = new HashMap<>();
    Map<Long, Batch> batches = warehouse.batchesById();
    try (PreparedStatement ps = warehouse.connection().prepareStatement(rowsSql)) {
      ps.setString(1, id);
      if (keyed) {
        ps.setString(2, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add("(batch_id = " + rs.getLong(1) + " AND entity_no = " + rs.getLong(2) + ")");
          List<String> files = batches.get(rs.getLong(1)).sourceFiles();
          int file = rs.getInt(4);
          if (file > 0 && file <= files.size()) {
            positions
                .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .put(rs.getLong(2), files.get(file - 1) + ":" + rs.getLong(5));
          }
          Schema s = Schemata.model().get(rs.getString(3));
          schema = schema == null ? s : Schemata.model().common(schema, s).orElse(schema);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read entity: " + Warehouse.firstLine(e.getMessage()), e);
    }
    if (schema == null) {
      return Optional.empty();
    }
    String sql =
        "SELECT prop, value, original_value, batch_id, first_seen, last_seen, entity_no"
            + " FROM statement_row WHERE "
            + String.join(" OR ", runs)
            + " ORDER BY prop, value, batch_id";
    Map<String, List<ValueRecord>> props = new LinkedHashMap<>();
    Map<String, List<String>> plain = new LinkedHashMap<>();
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String prop = rs.getString(1);
        Provenance p = batches.get(rs.getLong(4)).provenance();
        ValueRecord v =
            new ValueRecord(
                rs.getString(2),
                rs.getString(3) == null ? rs.getString(2) : rs.getString(3),
                p.dataset(),
                p.agency(),
                p.legalBasis(),
                p.handlingCode().name(),
                p.sourceGrade().name(),
                p.infoGrade(),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                p.retainUntil(),
                positions.getOrDefault(rs.getLong(4), Map.of()).get(rs.getLong(7)));
        props.computeIfAbsent(prop, k -> new ArrayList<>()).add(v);
        plain.computeIfAbsent(prop, k -> new ArrayList<>()).add(v.value());
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read entity: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return Optional.of(
        new EntityRecord(id, schema.name(), Captions.caption(schema, plain, id), props));
  }

  public Stats stats(Viewer viewer) {
    Scope scope = store.countScope(viewer);
    store.audited(viewer, "stats", Map.of());
    // every entity row holds its id statement or at least one statement row (the batch writer
    // drops those left with neither), so entities are counted on the entity rows, and statements
    // per batch and schema on a join of numbers: a third of the time of counting distinct entity
    // ids among the statements once per breakdown
    String where = " WHERE " + scope.sql("e.batch_id", "e.entity_id");
    Map<Long, Batch> batches = warehouse.batchesById();
    Tally dataset = new Tally();
    Tally schema = new Tally();
    Tally agency = new Tally();
    Tally handling = new Tally();
    long entities = 0;
    long statements = 0;
    try (Statement st = warehouse.connection().createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT grouping(b.dataset), grouping(e.schema), grouping(b.agency),"
                  + " grouping(b.handling_code), b.dataset, e.schema, b.agency, b.handling_code,"
                  + " count(DISTINCT e.entity_id) FROM batch_entity e JOIN batch b USING (batch_id)"
                  + where
                  + " GROUP BY GROUPING SETS ((), (b.dataset), (e.schema), (b.agency),"
                  + " (b.handling_code))")) {
        while (rs.next()) {
          long n = rs.getLong(9);
          if (rs.getInt(1) == 0) {
            dataset.entities(rs.getString(5), n);
          } else if (rs.getInt(2) == 0) {
            schema.entities(rs.getString(6), n);
          } else if (rs.getInt(3) == 0) {
            agency.entities(rs.getString(7), n);
          } else if (rs.getInt(4) == 0) {
            handling.entities(rs.getString(8), n);
          } else {
            entities = n;
          }
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT e.batch_id, e.schema, count(*) FROM statement_row r JOIN batch_entity e"
                  + " ON r.batch_id = e.batch_id AND r.entity_no = e.entity_no"
                  + where
                  + " GROUP BY ALL UNION ALL SELECT e.batch_id, e.schema, count(*) FROM batch_entity e"
                  + where
                  + " AND e.stated GROUP BY ALL")) {
        while (rs.next()) {
          Provenance p = batches.get(rs.getLong(1)).provenance();
          long n = rs.getLong(3);
          statements += n;
          dataset.statements(p.dataset(), n);
          schema.statements(rs.getString(2), n);
          agency.statements(p.agency(), n);
          handling.statements(p.handlingCode().name(), n);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count: " + Warehouse.firstLine(e.getMessage()), e);
    }
    if (store.countsOnly(viewer)) {
      return new Stats(
          CountDisclosure.suppressed(entities) ? 0 : CountDisclosure.rounded(entities),
          CountDisclosure.suppressed(entities) ? 0 : CountDisclosure.rounded(statements),
          Map.of(),
          schema.disclosed(),
          agency.disclosed(),
          handling.disclosed(),
          CountDisclosure.NOTE);
    }
    return new Stats(
        entities,
        statements,
        dataset.counts(),
        schema.counts(),
        agency.counts(),
        handling.counts(),
        null);
  }

  /** Entities and statements per key of one breakdown of {@link #stats}. */
  private static final class Tally {
    private final Map<String, long[]> byKey = new HashMap<>();

    void entities(String key, long n) {
      byKey.computeIfAbsent(key, k -> new long[2])[0] += n;
    }

    void statements(String key, long n) {
      byKey.computeIfAbsent(key, k -> new long[2])[1] += n;
    }

    /** The counts a counts-only reader sees: groups of too few entities left out, rounded. */
    Map<String, Stats.Count> disclosed() {
      Map<String, Stats.Count> out = new LinkedHashMap<>();
      counts()
          .forEach(
              (key, c) -> {
                if (!CountDisclosure.suppressed(c.entities())) {
                  out.put(
                      key,
                      new Stats.Count(
                          CountDisclosure.rounded(c.entities()),
                          CountDisclosure.rounded(c.statements())));
                }
              });
      return out;
    }

    /** Most statements first, then by key. */
    Map<String, Stats.Count> counts() {
      Map<String, Stats.Count> out = new LinkedHashMap<>();
      byKey.entrySet().stream()
          .sorted(
              Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1])
                  .reversed()
                  .thenComparing(Map.Entry::getKey))
          .forEach(e -> out.put(e.getKey(), new Stats.Count(e.getValue()[0], e.getValue()[1])));
      return out;
    }
  }

  /**
   * The rejected values of the viewer's own agency's batches (all, or one batch). Rejects are raw
   * source values, so only the supplying agency sees them, whatever the sharing.
   */
  public List<BatchWriter.RejectRow> rejects(Viewer viewer, Long batchId) {
    Set<Long> visible = store.scope(viewer).batches();
    store.audited(viewer, "rejects", batchId == null ? Map.of() : Map.of("batch", batchId));
    List<Long> own = new ArrayList<>();
    for (Batch b : warehouse.batches()) {
      if (b.provenance().agency().equals(viewer.agency())
          && visible.contains(b.id())
          && (batchId == null || b.id() == batchId)) {
        own.add(b.id());
      }
    }
    List<BatchWriter.RejectRow> out = new ArrayList<>();
    if (own.isEmpty()) {
      return out;
    }
    String sql =
        "SELECT file, line, \"column\", value, reason FROM reject WHERE batch_id IN "
            + Warehouse.inList(new HashSet<>(own))
            + " ORDER BY batch_id, file, line";
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(
            new BatchWriter.RejectRow(
                rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read rejects: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /** Statements of the warehouse per part when {@link #forEachEntity} groups them in parts. */
  static final long STATEMENTS_PER_PART = 20_000_000;

  /**
   * Every visible entity of the given schemata with its visible statements grouped by property, for
   * analyses such as entity resolution. Values of invisible batches never reach the consumer.
   * Entities come in a fixed order (by entity id within parts by a hash of it), the same on every
   * call over the same warehouse.
   */
  public long forEachEntity(Viewer viewer, Set<String> schemata, EntityConsumer consumer) {
    return forEachEntity(viewer, schemata, null, consumer);
  }

  /**
   * As {@link #forEachEntity(Viewer, Set, EntityConsumer)}, with only the values of the properties
   * named (null: all); an entity none of whose visible values is of them comes only when it states
   * its id and {@code id} is named. Reading only what an analysis uses: a network projection of the
   * million-person scenario needs about half of its 92 million values.
   */
  public long forEachEntity(
      Viewer viewer, Set<String> schemata, Set<String> properties, EntityConsumer consumer) {
    return forEachEntity(viewer, schemata, properties, null, consumer);
  }

  /**
   * As {@link #forEachEntity(Viewer, Set, Set, EntityConsumer)}, of the entities with these ids
   * only (null: all): the tens of thousands of parties of a million shipments read without grouping
   * the million other companies.
   */
  public long forEachEntity(
      Viewer viewer,
      Set<String> schemata,
      Set<String> properties,
      Collection<String> ids,
      EntityConsumer consumer) {
    Scope scope = store.scope(viewer);
    if (scope.isEmpty() || schemata.isEmpty() || (ids != null && ids.isEmpty())) {
      return 0;
    }
    String wanted = null;
    if (ids != null) {
      wanted = "wanted_ids_" + WANTED.incrementAndGet();
      try (PreparedStatement ps =
          warehouse
              .connection()
              .prepareStatement("CREATE TEMP TABLE " + wanted + " AS SELECT unnest(?) AS id")) {
        ps.setArray(1, warehouse.connection().createArrayOf("VARCHAR", ids.toArray()));
        ps.execute();
      } catch (SQLException e) {
        throw new StoreException("cannot read entities: " + Warehouse.firstLine(e.getMessage()), e);
      }
    }
    try {
      return forEachEntity(viewer, scope, schemata, properties, wanted, consumer);
    } finally {
      if (wanted != null) {
        try (Statement st = warehouse.connection().createStatement()) {
          st.execute("DROP TABLE IF EXISTS " + wanted);
        } catch (SQLException e) {
          // a temporary table goes with the connection in any case
        }
      }
    }
  }

  private long forEachEntity(
      Viewer viewer,
      Scope scope,
      Set<String> schemata,
      Set<String> properties,
      String wanted,
      EntityConsumer consumer) {

    // grouped in parts by a hash of the entity id, each small enough for DuckDB's memory: grouping
    // every statement of a 1M-person warehouse at once (lists per entity) ran out of 13 GB
    long statements =
        warehouse.count(
            "SELECT (SELECT count(*) FROM statement_row) + (SELECT count(*) FROM batch_entity)");
    long parts = wanted != null ? 1 : Math.max(1, statements / STATEMENTS_PER_PART + 1);
    Map<Long, Batch> batches = warehouse.batchesById();
    long n = 0;
    for (long part = 0; part < parts; part++) {
      String sql =
          "SELECT entity_id, any_value(schema), "
              + Warehouse.STATEMENT_LIST
              + ", min(s.batch_id) FROM statement s WHERE "
              + scope.sql("s.batch_id", "s.entity_id")
              + " AND schema IN ("
              + quotedList(schemata)
              + ")"
              + (properties == null ? "" : " AND prop IN (" + quotedList(properties) + ")")
              + (wanted == null ? "" : " AND s.entity_id IN (SELECT id FROM " + wanted + ")")
              + (parts > 1 ? " AND hash(s.entity_id) % " + parts + " = " + part : "")
              + " GROUP BY entity_id ORDER BY entity_id";
      try (Statement st = warehouse.connection().createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          Batch batch = batches.get(rs.getLong(4));
          consumer.accept(
              rs.getString(1),
              rs.getString(2),
              batch == null ? null : batch.provenance(),
              Warehouse.grouped(rs, 3));
          n++;
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read entities: " + Warehouse.firstLine(e.getMessage()), e);
      }
    }
    store.audited(
        viewer,
        "entities-read",
        Map.of("schemata", List.copyOf(new TreeSet<>(schemata)), "entities", n));
    return n;
  }

  /** Numbers the temporary tables of wanted ids, one per read. */
  private static final java.util.concurrent.atomic.AtomicLong WANTED =
      new java.util.concurrent.atomic.AtomicLong();

  /** Names as a list of SQL string literals, in a fixed order. */
  private static String quotedList(Set<String> names) {
    return String.join(
        ",", new TreeSet<>(names).stream().map(x -> "'" + x.replace("'", "''") + "'").toList());
  }

  /**
   * Receives one visible entity: id, schema, the provenance of its first batch (dataset, agency,
   * legal basis) and its visible values by property.
   */
  @FunctionalInterface
  public interface EntityConsumer {
    void accept(String id, String schema, Provenance source, Map<String, List<String>> properties);
  }
}
