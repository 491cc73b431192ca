package org.spil.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.EntityIds;
import org.spil.model.InvalidField;
import org.spil.model.types.PartialDates;
import org.spil.model.types.Text;
import org.spil.policy.Grant;
import org.spil.policy.PolicyException;
import org.spil.policy.Viewer;
import org.spil.policy.Visibility;

/**
 * Watch lists and the alerts they raise. A user watches a subject (a name, with a date of birth or
 * an identifier where known), a search query or an entity, for one purpose; after each ingest the
 * new batches are checked against every active watch, and after each resolution the watched
 * entities' clusters, each under its owner's viewer and purpose at that moment: a record the owner
 * may read raises an alert naming it; a record the owner may only know exists (another agency's
 * hit-only data) raises a hit/no-hit alert (agency, contact point, opaque reference, strength;
 * never a value), counted against the owner's hit quota like a hit query; anything else raises
 * nothing. Whoever ingests learns nothing of the watches their data met. An alert is read under the
 * purpose it was raised for and shows its record only while the owner may still read it (a purge or
 * an ended grant withdraws it). Adding, removing, raising and triage are audited. Obtained from
 * {@link Store#watches()}.
 */
public final class Watches {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Most active watches a user keeps. */
  public static final int MAX_WATCHES = 500;

  /** Most alerts one watch raises from one batch: a watch that broad is a search. */
  static final int MAX_ALERTS_PER_BATCH = 100;

  /** Most alerts of a listing whose records are read for their captions (the newest). */
  static final int MAX_CAPTIONS = 200;

  /** The kinds of watch. */
  public static final Set<String> KINDS = Set.of("subject", "query", "entity");

  /** The states of an alert: new (unread), confirmed, dismissed; withdrawn only as read. */
  public static final Set<String> STATES = Set.of("new", "confirmed", "dismissed");

  /** What an alert says once the batch of its record was purged. */
  static final String PURGED = "withdrawn: the record was purged at the end of its retention";

  private final Store store;
  private final Warehouse warehouse;

  Watches(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS watch (id VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL, purpose"
            + " VARCHAR NOT NULL, kind VARCHAR NOT NULL, name VARCHAR, dob VARCHAR, identifier"
            + " VARCHAR, query VARCHAR, entity_id VARCHAR, note VARCHAR, known VARCHAR, created_at"
            + " TIMESTAMP NOT NULL, removed_at TIMESTAMP)");
    s.execute(
        "CREATE TABLE IF NOT EXISTS watch_alert (id VARCHAR PRIMARY KEY, watch_id VARCHAR NOT NULL,"
            + " owner VARCHAR NOT NULL, purpose VARCHAR NOT NULL, batch_id BIGINT NOT NULL,"
            + " entity_id VARCHAR, agency VARCHAR, contact VARCHAR, reference VARCHAR, strength"
            + " VARCHAR, matched_on VARCHAR, explanation VARCHAR NOT NULL, created_at TIMESTAMP NOT"
            + " NULL, status VARCHAR NOT NULL, reason VARCHAR, decided_at TIMESTAMP)");
  }

  /**
   * What to watch: a subject ({@code name} and/or {@code identifier}, {@code dob} with a name), a
   * {@code query} as {@code spil search} takes it, or an {@code entity} id; a note for the owner.
   */
  public record Spec(
      String name, String dob, String identifier, String query, String entity, String note) {
    /** The kind the spec asks for; refuses a spec of none or of several kinds. */
    public String kind() {
      boolean subject = present(name) || present(identifier);
      int kinds = (subject ? 1 : 0) + (present(query) ? 1 : 0) + (present(entity) ? 1 : 0);
      if (kinds != 1) {
        throw new InvalidField(
            "watch",
            "watch one thing: a subject (--name, with --dob or --id), a --query or an --entity");
      }
      if (present(dob) && !present(name)) {
        throw new InvalidField("dob", "a date of birth is watched with a name");
      }
      return subject ? "subject" : present(query) ? "query" : "entity";
    }
  }

  /** A watch as its owner lists it. */
  public record Watch(
      String id,
      String kind,
      String name,
      String dob,
      String identifier,
      String query,
      String entity,
      String note,
      String created,
      String label) {}

  /**
   * An alert as its owner reads it: which watch (and its label), the record it names and its
   * caption as the owner may see it now (null for a hit/no-hit alert and for a withdrawn one), for
   * a hit the agency to ask, whom, the reference and strength, on which keys it matched, why, when,
   * and its state with the triage reason.
   */
  public record Alert(
      String id,
      String watch,
      String watchLabel,
      String entity,
      String schema,
      String caption,
      String agency,
      String contact,
      String reference,
      String strength,
      List<String> matchedOn,
      String explanation,
      String created,
      String status,
      String reason,
      String decided) {}

  /**
   * Adds a watch for the viewer's user and purpose; its id. Refused for a counts-only purpose
   * (strategic analysis watches no one), for an entity the viewer may not see, and beyond {@link
   * #MAX_WATCHES}.
   */
  public String add(Viewer viewer, Spec spec) {
    warehouse.requireWritable();
    if (store.countsOnly(viewer)) {
      store.audited(
          viewer,
          "refused",
          Map.of("reason", "a watch under a counts-only purpose", "action", "watch"));
      throw new PolicyException(
          "purpose",
          "purpose "
              + viewer.purpose().token()
              + " sees counts only; watch subjects under a purpose that may read them");
    }
    String kind = spec.kind();
    String name = text("name", spec.name(), 200);
    String identifier = text("id", spec.identifier(), 100);
    String query = text("query", spec.query(), 500);
    String note = text("note", spec.note(), 1000);
    String dob = null;
    if (present(spec.dob())) {
      dob =
          HitNoHit.normaliseOrFail(
              "dob", PartialDates.normalise(spec.dob(), List.of("%d-%m-%Y", "%d/%m/%Y")));
    }
    String entity = null;
    List<String> known = List.of();
    if (kind.equals("entity")) {
      entity = spec.entity().strip();
      if (entity.length() > 200 || !EntityIds.isSafe(entity)) {
        throw new InvalidField("entity", "not an entity id");
      }
      known = watchedIds(viewer, entity);
      if (known.isEmpty()) {
        throw new InvalidField("entity", "no entity '" + entity + "' you may see");
      }
      // the watch keeps the entity's caption as its owner saw it, to name it in the list
      name = store.entities().entity(viewer, known.get(0)).map(EntityRecord::caption).orElse(null);
    }
    if (kind.equals("query")) {
      // a query that cannot be searched is refused now, not at the next ingest
      Scope scope = scope(viewer);
      if (scope != null) {
        store.index().search(new SearchQuery(query, null, null, null, null, 1, "NL"), scope, null);
      }
    }
    if (active(viewer.user().name()) >= MAX_WATCHES) {
      throw new InvalidField("watch", "at most " + MAX_WATCHES + " watches a user; remove some");
    }
    String id = "W-" + hex(8);
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "INSERT INTO watch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp,"
                    + " NULL)")) {
      ps.setString(1, id);
      ps.setString(2, viewer.user().name());
      ps.setString(3, viewer.purpose().token());
      ps.setString(4, kind);
      ps.setString(5, name);
      ps.setString(6, dob);
      ps.setString(7, identifier);
      ps.setString(8, query);
      ps.setString(9, entity);
      ps.setString(10, note);
      ps.setString(11, String.join("\n", known));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot add the watch: " + Warehouse.firstLine(e.getMessage()), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("watch", id);
    detail.put("kind", kind);
    detail.put("label", label(kind, name, dob, identifier, query, entity));
    store.audited(viewer, "watch-add", detail);
    return id;
  }

  /** The viewer's active watches under its purpose, oldest first. */
  public List<Watch> list(Viewer viewer) {
    List<Watch> out = new ArrayList<>();
    for (Row w :
        rows("owner = ? AND purpose = ?", viewer.user().name(), viewer.purpose().token())) {
      out.add(
          new Watch(
              w.id,
              w.kind,
              w.name,
              w.dob,
              w.identifier,
              w.query,
              w.entity,
              w.note,
              w.created,
              w.label()));
    }
    store.audited(viewer, "watch-list", Map.of("watches", out.size()));
    return out;
  }

  /**
   * Stops a watch of the viewer's (its alerts stay); refused for another's watch and one that does
   * not exist alike.
   */
  public void remove(Viewer viewer, String id) {
    warehouse.requireWritable();
    updateOwn(
        "UPDATE watch SET removed_at = current_timestamp WHERE id = ? AND owner = ? AND purpose = ?"
            + " AND removed_at IS NULL",
        viewer,
        "watch",
        "no watch '" + id + "' of yours under this purpose",
        id);
    store.audited(viewer, "watch-remove", Map.of("watch", id));
  }

  /**
   * The viewer's alerts under its purpose, newest first ({@code unread}: the new ones only). An
   * alert whose record the viewer may no longer read is withdrawn: listed without its record,
   * reference or explanation. Audited.
   */
  public List<Alert> alerts(Viewer viewer, boolean unread) {
    List<Alert> out = new ArrayList<>();
    Scope scope = scope(viewer);
    Map<String, String> labels = new LinkedHashMap<>();
    for (Row w : rowsIncludingRemoved(viewer)) {
      labels.put(w.id, w.label());
    }
    Set<Long> hitOnly = knowable(viewer);
    String sql =
        "SELECT id, watch_id, batch_id, entity_id, agency, contact, reference, strength,"
            + " matched_on, explanation, created_at, status, reason, decided_at FROM watch_alert"
            + " WHERE owner = ? AND purpose = ?"
            + (unread ? " AND status = 'new'" : "")
            + " ORDER BY created_at DESC, id";
    int captions = 0;
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      ps.setString(1, viewer.user().name());
      ps.setString(2, viewer.purpose().token());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long batch = rs.getLong(3);
          String entity = rs.getString(4);
          boolean shown =
              !rs.getString(10).equals(PURGED)
                  && (entity == null
                      ? hitOnly.contains(batch)
                      : scope != null && readable(scope, batch, entity));
          String status = rs.getString(12);
          if (!shown && unread) {
            continue;
          }
          EntityRecord record = null;
          if (shown && entity != null && captions++ < MAX_CAPTIONS) {
            record = store.entities().entityUnaudited(viewer, entity).orElse(null);
          }
          out.add(
              new Alert(
                  rs.getString(1),
                  rs.getString(2),
                  labels.get(rs.getString(2)),
                  shown ? entity : null,
                  record == null ? null : record.schema(),
                  record == null ? null : record.caption(),
                  shown ? rs.getString(5) : null,
                  shown ? rs.getString(6) : null,
                  shown ? rs.getString(7) : null,
                  shown ? rs.getString(8) : null,
                  shown && rs.getString(9) != null && !rs.getString(9).isEmpty()
                      ? List.of(rs.getString(9).split(","))
                      : List.of(),
                  shown || rs.getString(10).equals(PURGED)
                      ? rs.getString(10)
                      : "withdrawn: the record is no longer yours to read (retention, or a grant"
                          + " or approval ended)",
                  time(rs.getTimestamp(11)),
                  shown || !status.equals("new") ? status : "withdrawn",
                  rs.getString(13),
                  time(rs.getTimestamp(14))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read alerts: " + Warehouse.firstLine(e.getMessage()), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alerts", out.size());
    detail.put("unread", unread);
    detail.put(
        "records", out.stream().map(Alert::entity).filter(e -> e != null).distinct().toList());
    store.audited(viewer, "alerts", detail);
    return out;
  }

  /**
   * How many new alerts the viewer may read under its purpose (the header's count); not audited.
   */
  public int unread(Viewer viewer) {
    Scope scope = scope(viewer);
    Set<Long> hitOnly = knowable(viewer);
    int n = 0;
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT batch_id, entity_id FROM watch_alert WHERE owner = ? AND purpose = ? AND"
                    + " status = 'new'")) {
      ps.setString(1, viewer.user().name());
      ps.setString(2, viewer.purpose().token());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String entity = rs.getString(2);
          if (entity == null
              ? hitOnly.contains(rs.getLong(1))
              : scope != null && readable(scope, rs.getLong(1), entity)) {
            n++;
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read alerts: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return n;
  }

  /**
   * Triage of an alert of the viewer's under its purpose: confirmed, dismissed (with a reason) or
   * new again. Audited.
   *
   * @throws InvalidField for an unknown state, a dismissal without a reason, a reason too long or
   *     with control characters, and an alert that is not the viewer's
   */
  public void triage(Viewer viewer, String alertId, String status, String reason) {
    warehouse.requireWritable();
    if (!STATES.contains(status)) {
      throw new InvalidField("status", "one of confirmed, dismissed, new");
    }
    String why = text("reason", reason, 1000);
    if (status.equals("dismissed") && why == null) {
      throw new InvalidField("reason", "say why the alert is dismissed");
    }
    updateOwn(
        "UPDATE watch_alert SET status = ?, reason = ?, decided_at = current_timestamp WHERE id = ?"
            + " AND owner = ? AND purpose = ?",
        viewer,
        "alert",
        "no alert '" + alertId + "' of yours under this purpose",
        status,
        why,
        alertId);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alert", alertId);
    detail.put("status", status);
    if (why != null) {
      detail.put("reason", why);
    }
    store.audited(viewer, "alert-triage", detail);
  }

  /**
   * Checks new batches against every active watch, each under its owner's viewer and purpose now;
   * returns how many alerts were raised (for the log, never for whoever ingested).
   */
  public int afterIngest(Collection<Long> newBatches) {
    if (newBatches.isEmpty() || !warehouse.hasTable("watch")) {
      return 0;
    }
    int raised = 0;
    for (Row w : rows("TRUE")) {
      Viewer viewer = owner(w);
      if (viewer == null) {
        continue;
      }
      Scope scope = store.scope(viewer);
      for (long batch : newBatches) {
        raised +=
            switch (w.kind) {
              case "subject" -> subject(w, viewer, scope, batch);
              case "query" -> query(w, scope, batch);
              default -> entity(w, viewer, scope, batch);
            };
      }
    }
    return raised;
  }

  /**
   * After a team's resolution: each entity watched by one of the team whose cluster gained records
   * the owner may read raises an alert per record gained; returns how many.
   */
  public int afterResolution(String team) {
    if (!warehouse.hasTable("watch")) {
      return 0;
    }
    int raised = 0;
    for (Row w : rows("kind = 'entity'")) {
      Viewer viewer = owner(w);
      if (viewer == null || !viewer.team().equals(team)) {
        continue;
      }
      Scope scope = store.scope(viewer);
      List<String> now = watchedIds(viewer, w.entity);
      Set<String> before = new LinkedHashSet<>(w.known);
      for (String id : now) {
        if (before.contains(id)) {
          continue;
        }
        Optional<Long> batch = readableBatch(scope, id);
        if (batch.isPresent()
            && raise(
                w, batch.get(), id, null, "resolution now counts this record as " + w.label())) {
          raised++;
        }
      }
      remember(w.id, now);
    }
    return raised;
  }

  private int subject(Row w, Viewer viewer, Scope scope, long batch) {
    if (store.codes() == null) {
      return 0;
    }
    Map<String, String> exact = new LinkedHashMap<>();
    if (w.dob != null) {
      exact.put("dob", w.dob);
    }
    if (w.identifier != null) {
      exact.put("id", w.identifier);
    }
    int raised = 0;
    if (scope.batches().contains(batch) || scope.entities().containsKey(batch)) {
      List<MatchIndex.Match> found =
          store.matchIndex().find(Set.of(batch), exact, w.name, HitNoHit.HIT_NAME_THRESHOLD);
      for (MatchIndex.Match m : found) {
        if (raised >= MAX_ALERTS_PER_BATCH) {
          break;
        }
        if (!readable(scope, batch, m.entityId())) {
          continue;
        }
        HitStrength strength = HitStrength.of(m.on(), m.score(), HitNoHit.HIT_NAME_THRESHOLD);
        String why =
            "a record of "
                + describe(batch)
                + " matches "
                + w.label()
                + " ("
                + strength.label()
                + ", on "
                + String.join(", ", m.on())
                + ")";
        raised += raise(w, batch, m.entityId(), null, why) ? 1 : 0;
      }
      return raised;
    }
    Batch b = batch(batch).orElse(null);
    if (b == null
        || b.provenance().agency().equals(viewer.agency())
        || store.policy().decide(viewer, b, grants(viewer)) != Visibility.HIT_ONLY) {
      return 0;
    }
    List<HitNoHit.Hit> hits;
    try {
      hits =
          store
              .hits()
              .find(
                  viewer,
                  new HitNoHit.Query(w.name, w.dob, null, null, w.identifier),
                  Set.of(batch),
                  "watch-hit");
    } catch (PolicyException e) {
      // the owner's hit quota is spent: the refusal is audited and the privacy officers told
      return 0;
    }
    for (HitNoHit.Hit h : hits) {
      String why =
          "a record held by "
              + h.agency()
              + " matches "
              + w.label()
              + " ("
              + h.strength().label()
              + "); ask "
              + h.contact()
              + " quoting "
              + h.reference();
      raised += raise(w, batch, null, h, why) ? 1 : 0;
    }
    return raised;
  }

  private int query(Row w, Scope scope, long batch) {
    if (!scope.batches().contains(batch) && !scope.entities().containsKey(batch)) {
      return 0;
    }
    List<SearchHit> hits =
        store
            .index()
            .search(
                new SearchQuery(w.query, null, null, null, null, MAX_ALERTS_PER_BATCH, "NL"),
                scope,
                Set.of(batch));
    int raised = 0;
    for (SearchHit h : hits) {
      String why = "a record of " + describe(batch) + " answers " + w.label();
      raised += raise(w, batch, h.id(), null, why) ? 1 : 0;
    }
    return raised;
  }

  private int entity(Row w, Viewer viewer, Scope scope, long batch) {
    if (!scope.batches().contains(batch) && !scope.entities().containsKey(batch)) {
      return 0;
    }
    List<String> ids = watchedIds(viewer, w.entity);
    if (ids.isEmpty()) {
      ids = List.of(w.entity);
    }
    Scope within =
        new Scope(
            scope.batches().contains(batch) ? Set.of(batch) : Set.of(),
            scope.entities().containsKey(batch)
                ? Map.of(batch, scope.entities().get(batch))
                : Map.of());
    String sql =
        "SELECT entity_id, max(CASE WHEN entity_id IN (SELECT unnest(?)) THEN 1 ELSE 0"
            + " END) FROM statement WHERE batch_id = ? AND "
            + within.sql("batch_id", "entity_id")
            + " AND (entity_id IN (SELECT unnest(?)) OR value IN (SELECT unnest(?))) GROUP BY"
            + " entity_id ORDER BY entity_id LIMIT "
            + MAX_ALERTS_PER_BATCH;
    int raised = 0;
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      Object[] array = ids.toArray();
      ps.setArray(1, warehouse.connection().createArrayOf("VARCHAR", array));
      ps.setLong(2, batch);
      ps.setArray(3, warehouse.connection().createArrayOf("VARCHAR", array));
      ps.setArray(4, warehouse.connection().createArrayOf("VARCHAR", array));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String why =
              rs.getInt(2) == 1
                  ? describe(batch) + " states more about " + w.label()
                  : "a record of " + describe(batch) + " names " + w.label();
          raised += raise(w, batch, rs.getString(1), null, why) ? 1 : 0;
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot check a watch: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return raised;
  }

  /**
   * Runs an update of one of the viewer's own rows: the parameters given, then the viewer's user
   * and purpose; refused naming {@code field} when it changed nothing (another's row and one that
   * does not exist alike).
   */
  private void updateOwn(
      String sql, Viewer viewer, String field, String missing, String... params) {
    int n;
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      ps.setString(params.length + 1, viewer.user().name());
      ps.setString(params.length + 2, viewer.purpose().token());
      n = ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot change " + field + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
    if (n == 0) {
      throw new InvalidField(field, missing);
    }
  }

  /** Records an alert unless the watch raised one for that record of that batch already. */
  private boolean raise(Row w, long batch, String entity, HitNoHit.Hit hit, String why) {
    String id = "AL-" + hex(8);
    String reference = hit == null ? null : hit.reference();
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "INSERT INTO watch_alert SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " current_timestamp, 'new', NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM"
                    + " watch_alert WHERE watch_id = ? AND batch_id = ? AND entity_id IS NOT"
                    + " DISTINCT FROM ? AND reference IS NOT DISTINCT FROM ?)")) {
      ps.setString(1, id);
      ps.setString(2, w.id);
      ps.setString(3, w.owner);
      ps.setString(4, w.purpose);
      ps.setLong(5, batch);
      ps.setString(6, entity);
      ps.setString(7, hit == null ? null : hit.agency());
      ps.setString(8, hit == null ? null : hit.contact());
      ps.setString(9, reference);
      ps.setString(10, hit == null ? null : hit.strength().label());
      ps.setString(11, hit == null ? null : String.join(",", hit.matchedOn()));
      ps.setString(12, why);
      ps.setString(13, w.id);
      ps.setLong(14, batch);
      ps.setString(15, entity);
      ps.setString(16, reference);
      if (ps.executeUpdate() == 0) {
        return false;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot raise an alert: " + Warehouse.firstLine(e.getMessage()), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alert", id);
    detail.put("watch", w.id);
    detail.put("owner", w.owner);
    detail.put("batch", batch);
    if (entity != null) {
      detail.put("entity", entity);
    }
    if (reference != null) {
      detail.put("reference", reference);
    }
    store.audit().append(new AuditLog.Event("spil", w.purpose, "alert", detail));
    return true;
  }

  /** The owner's viewer now, or null when the owner may no longer act under the watch's purpose. */
  private Viewer owner(Row w) {
    try {
      Viewer v = store.directory().viewer(w.owner, w.purpose);
      return store.countsOnly(v) ? null : v;
    } catch (PolicyException e) {
      return null;
    }
  }

  /**
   * The batches whose records the viewer may know exist, read or not (a hit alert stands while its
   * batch is one): past retention or out of the viewer's reach, its hits are withdrawn.
   */
  private Set<Long> knowable(Viewer viewer) {
    Set<Long> out = new TreeSet<>();
    List<Grant> grants = grants(viewer);
    for (Batch b : warehouse.batches()) {
      Visibility v = store.policy().decide(viewer, b, grants);
      if (v == Visibility.VISIBLE || v == Visibility.HIT_ONLY) {
        out.add(b.id());
      }
    }
    return out;
  }

  private List<Grant> grants(Viewer viewer) {
    return warehouse.grantsFor(viewer.user().name());
  }

  /** The viewer's scope, or null when the viewer may read nothing. */
  private Scope scope(Viewer viewer) {
    Scope s = store.scope(viewer);
    return s.isEmpty() ? null : s;
  }

  private static boolean readable(Scope scope, long batch, String entity) {
    return scope.batches().contains(batch)
        || scope.entities().getOrDefault(batch, Set.of()).contains(entity);
  }

  /** A batch the viewer may read the entity in, the earliest. */
  private Optional<Long> readableBatch(Scope scope, String entity) {
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT batch_id FROM batch_entity WHERE entity_id = ? ORDER BY batch_id")) {
      ps.setString(1, entity);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (readable(scope, rs.getLong(1), entity)) {
            return Optional.of(rs.getLong(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot check a watch: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return Optional.empty();
  }

  /**
   * The ids an entity watch covers for the viewer: the visible members of the cluster of the team's
   * resolution that holds the id, else the id alone when the viewer may see it; empty when the
   * viewer sees none.
   */
  private List<String> watchedIds(Viewer viewer, String id) {
    String canonical = id;
    if (warehouse.hasTable("team_resolution")) {
      try (PreparedStatement ps =
          warehouse
              .connection()
              .prepareStatement(
                  "SELECT canonical_id FROM team_resolution WHERE team = ? AND (entity_id = ? OR"
                      + " canonical_id = ?) LIMIT 1")) {
        ps.setString(1, viewer.team());
        ps.setString(2, id);
        ps.setString(3, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            canonical = rs.getString(1);
          }
        }
      } catch (SQLException e) {
        throw new StoreException(
            "cannot read resolution: " + Warehouse.firstLine(e.getMessage()), e);
      }
    }
    Optional<List<String>> members = store.resolutions().members(viewer, canonical);
    if (members.isPresent()) {
      return members.get();
    }
    Scope scope = store.scope(viewer);
    return readableBatch(scope, id).isPresent() ? List.of(id) : List.of();
  }

  private void remember(String watch, List<String> known) {
    try (PreparedStatement ps =
        warehouse.connection().prepareStatement("UPDATE watch SET known = ? WHERE id = ?")) {
      ps.setString(1, String.join("\n", known));
      ps.setString(2, watch);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update a watch: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  private String describe(long batch) {
    return batch(batch)
        .map(b -> "dataset " + b.provenance().dataset() + " (" + b.provenance().agency() + ")")
        .orElse("batch " + batch);
  }

  private Optional<Batch> batch(long id) {
    return warehouse.batches().stream().filter(b -> b.id() == id).findFirst();
  }

  private int active(String owner) {
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT count(*) FROM watch WHERE owner = ? AND removed_at IS NULL")) {
      ps.setString(1, owner);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read watches: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /** A watch as stored. */
  private record Row(
      String id,
      String owner,
      String purpose,
      String kind,
      String name,
      String dob,
      String identifier,
      String query,
      String entity,
      String note,
      List<String> known,
      String created) {
    String label() {
      return Watches.label(kind, name, dob, identifier, query, entity);
    }
  }

  private static String label(
      String kind, String name, String dob, String identifier, String query, String entity) {
    return switch (kind) {
      case "subject" ->
          "the watched subject "
              + String.join(
                  ", ",
                  java.util.stream.Stream.of(
                          name == null ? null : "'" + name + "'",
                          dob == null ? null : "born " + dob,
                          identifier == null ? null : "id " + identifier)
                      .filter(x -> x != null)
                      .toList());
      case "query" -> "the watched query '" + query + "'";
      default ->
          "the watched entity "
              + (name == null
                  ? entity
                  : "'" + name + "' (" + entity.substring(0, Math.min(10, entity.length())) + "…)");
    };
  }

  private List<Row> rows(String condition, String... params) {
    return select("removed_at IS NULL AND " + condition, params);
  }

  private List<Row> rowsIncludingRemoved(Viewer viewer) {
    return select("owner = ? AND purpose = ?", viewer.user().name(), viewer.purpose().token());
  }

  private List<Row> select(String condition, String... params) {
    List<Row> out = new ArrayList<>();
    if (!warehouse.hasTable("watch")) {
      return out;
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT id, owner, purpose, kind, name, dob, identifier, query, entity_id, note,"
                    + " known, created_at FROM watch WHERE "
                    + condition
                    + " ORDER BY created_at, id")) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String known = rs.getString(11);
          out.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  known == null || known.isEmpty() ? List.of() : List.of(known.split("\n")),
                  time(rs.getTimestamp(12))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read watches: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  private static String time(Timestamp t) {
    return t == null ? null : t.toLocalDateTime().withNano(0).toString();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** The stripped text, or null when blank; refused when too long or not printable. */
  private static String text(String field, String value, int max) {
    if (!present(value)) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max || !Text.printable(v)) {
      throw new InvalidField(field, "at most " + max + " printable characters");
    }
    return v;
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
