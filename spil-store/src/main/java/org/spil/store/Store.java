package org.spil.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.spil.model.Provenance;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.policy.Case;
import org.spil.policy.Directory;
import org.spil.policy.LegalBases;
import org.spil.policy.MatchCodes;
import org.spil.policy.Policy;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;

/**
 * The warehouse and its search index under one data directory, with every read taking a {@link
 * Viewer} and filtered by the {@link AccessPolicy}. Opening a store heals the index: batches the
 * warehouse committed but the index missed (a crash in between) are indexed first.
 *
 * <p>NOTE: open for writing from one process at a time; any number may read.
 */
public final class Store implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final Warehouse warehouse;
  private final SearchIndex index;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final MatchCodes codes;

  private Store(
      Path dir, Warehouse warehouse, SearchIndex index, AccessPolicy policy, MatchCodes codes) {
    this.dir = dir;
    this.warehouse = warehouse;
    this.index = index;
    this.policy = policy;
    this.audit = new AuditLog(dir);
    this.codes = codes;
  }

  /**
   * Opens the store of a data directory. The legal-bases table is {@code DIR/legal-bases.txt} when
   * present (a table that does not parse refuses to open), the built-in defaults otherwise.
   */
  public static Store open(Path dir, boolean write, LocalDate today) {
    return open(dir, write, today, true);
  }

  /**
   * Opens the store of a data directory for writing without bringing the derived indexes up to date
   * first, for a caller that rebuilds them whole next ({@link #reindex}): healing them would build
   * them twice.
   */
  public static Store openForReindex(Path dir, LocalDate today) {
    return open(dir, true, today, false);
  }

  private static Store open(Path dir, boolean write, LocalDate today, boolean heal) {
    LegalBases bases;
    try {
      bases = legalBases(dir);
    } catch (PolicyException e) {
      if (Files.isDirectory(dir)) {
        new AuditLog(dir)
            .append(new AuditLog.Event(null, null, "refused", Map.of("reason", e.getMessage())));
      }
      throw e;
    }
    Warehouse w = Warehouse.open(dir, !write);
    SearchIndex index = new SearchIndex(dir.resolve("index"));
    byte[] secret = MatchIndex.secret(dir, write);
    Store store =
        new Store(
            dir,
            w,
            index,
            new AccessPolicy(new Policy(bases), today),
            secret == null ? null : new MatchCodes(secret));
    try {
      if (heal && write) {
        store.updateIndex(n -> {});
      } else if (heal) {
        index.catchUp(w, n -> {});
      }
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
    return store;
  }

  public Path dir() {
    return dir;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public SearchIndex index() {
    return index;
  }

  /** Brings the search and match indexes up to date after a commit. */
  public int updateIndex(LongConsumer progress) {
    MatchIndex match = matchIndex();
    Set<Long> uncoded = match.uncoded(warehouse);
    int n = index.catchUp(warehouse, progress, b -> uncoded.contains(b) ? match.codes(b) : null);
    match.catchUp(warehouse);
    return n;
  }

  private MatchIndex matchIndex() {
    if (codes == null) {
      throw new StoreException("no match secret in " + dir + " yet: ingest something first");
    }
    return new MatchIndex(warehouse.connection(), codes, warehouse.spoolDir());
  }

  /**
   * Dice coefficient of the keyed name filters at or above which a name is a hit. The filters are
   * XOR-folded against dictionary attacks, which adds key-dependent noise: a spelling variant such
   * as "Muhammad ELAMRANI" of "Mohamed El Amrani" scores 0.72 to 0.82 across random keys (mean
   * 0.77), a different surname with the same given name about 0.66, so 0.70 keeps variants found
   * whatever the key (at 0.75, one data directory in ten missed that one).
   */
  static final double HIT_NAME_THRESHOLD = 0.70;

  /** What a hit/no-hit query asks: a name (with an optional date of birth) and/or identifiers. */
  public record HitQuery(String name, String dob, String iban, String phone, String id) {
    public HitQuery {
      if (blank(name) && blank(iban) && blank(phone) && blank(id)) {
        throw new IllegalArgumentException(
            "empty hit query: give --name (optionally with --dob), --iban, --phone or --id");
      }
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  /** A record another agency holds: who, whom to ask, an opaque reference, how strong. */
  public record Hit(
      String agency,
      String contact,
      String reference,
      String strength,
      double score,
      List<String> on) {}

  /**
   * Hit/no-hit: which other agencies hold records matching the query among the batches the viewer
   * may know exist but not read (hit-only). Never a value: agency, contact point, opaque reference,
   * strength. Batches the viewer can read are left out (search them); compartments and expired data
   * are never revealed. Audited with the references returned.
   */
  public List<Hit> hits(Viewer viewer, HitQuery q) {
    Set<Long> candidates = new java.util.HashSet<>();
    Map<Long, Batch> batches = new LinkedHashMap<>();
    List<org.spil.policy.Grant> grants = warehouse.grantsFor(viewer.user().name());
    for (Batch b : warehouse.batches()) {
      if (policy.decide(viewer, b, grants) == org.spil.policy.Visibility.HIT_ONLY
          && !b.provenance().agency().equals(viewer.agency())) {
        candidates.add(b.id());
        batches.put(b.id(), b);
      }
    }
    Map<String, String> exact = new LinkedHashMap<>();
    if (q.dob() != null && !q.dob().isBlank()) {
      exact.put(
          "dob",
          normaliseOrFail(
              "--dob",
              org.spil.model.types.PartialDates.normalise(
                  q.dob(), List.of("%d-%m-%Y", "%d/%m/%Y"))));
    }
    if (q.iban() != null && !q.iban().isBlank()) {
      exact.put("iban", normaliseOrFail("--iban", org.spil.model.types.Iban.normalise(q.iban())));
    }
    if (q.phone() != null && !q.phone().isBlank()) {
      exact.put(
          "phone",
          normaliseOrFail("--phone", org.spil.model.types.Phones.normalise(q.phone(), "NL")));
    }
    if (q.id() != null && !q.id().isBlank()) {
      exact.put("id", q.id());
    }
    List<MatchIndex.Match> matches =
        codes == null
            ? List.of()
            : matchIndex()
                .find(
                    candidates,
                    exact,
                    q.name() == null || q.name().isBlank() ? null : q.name(),
                    HIT_NAME_THRESHOLD);
    Map<String, String> contacts = contacts();
    List<Hit> out = new ArrayList<>();
    for (MatchIndex.Match m : matches) {
      String agency = batches.get(m.batchId()).provenance().agency();
      boolean identifier = m.on().stream().anyMatch(k -> !k.equals("name") && !k.equals("dob"));
      boolean dob = m.on().contains("dob");
      String strength =
          identifier || (dob && m.score() >= HIT_NAME_THRESHOLD)
              ? "strong"
              : m.score() >= 0.85 ? "medium" : "weak";
      out.add(
          new Hit(
              agency,
              contacts.getOrDefault(agency, "the information desk of " + agency),
              m.reference(),
              strength,
              Math.round(m.score() * 1000) / 1000.0,
              m.on()));
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("query", q.toString());
    detail.put("references", out.stream().map(Hit::reference).toList());
    audited(viewer, "hit", detail);
    return out;
  }

  private static String normaliseOrFail(String option, org.spil.model.Normalised n) {
    if (n instanceof org.spil.model.Normalised.Valid v) {
      return v.value();
    }
    throw new IllegalArgumentException(
        option + ": " + (n instanceof org.spil.model.Normalised.Rejected r ? r.reason() : "empty"));
  }

  /** An access request as the requester or the owner sees it (never the data's values). */
  public record RequestView(
      String id,
      String reference,
      String ownerAgency,
      String requester,
      String purpose,
      String reason,
      String status,
      String decidedBy,
      LocalDate until,
      String note) {}

  private static RequestView view(AccessRequests.Request r) {
    return new RequestView(
        r.id(),
        r.reference(),
        r.ownerAgency(),
        r.requester(),
        r.purpose(),
        r.reason(),
        r.status(),
        r.decidedBy(),
        r.until(),
        r.note());
  }

  /**
   * Asks the agency behind a hit's reference for access, for the viewer's purpose. Refused for an
   * unknown reference and for one the viewer could not have received as a hit.
   */
  public RequestView requestAccess(Viewer viewer, String reference, String reason) {
    warehouse.requireWritable();
    if (reason == null || reason.isBlank()) {
      throw new PolicyException(
          "a request needs --reason: why you need this record for your purpose");
    }
    AccessRequests requests = new AccessRequests(warehouse.connection());
    List<String> entity = new ArrayList<>();
    long[] batch =
        reference == null ? null : requests.resolve(reference.strip().toUpperCase(), entity);
    Batch b =
        batch == null
            ? null
            : warehouse.batches().stream().filter(x -> x.id() == batch[0]).findFirst().orElse(null);
    if (b == null
        || policy.decide(viewer, b, warehouse.grantsFor(viewer.user().name()))
            != org.spil.policy.Visibility.HIT_ONLY) {
      audit.append(
          new AuditLog.Event(
              viewer.user().name(),
              viewer.purpose().token(),
              "refused",
              Map.of(
                  "reason",
                  "request for unknown or not requestable reference",
                  "reference",
                  String.valueOf(reference))));
      throw new PolicyException(
          "unknown reference '" + reference + "': use a reference from spil hit for this purpose");
    }
    String id =
        requests.add(
            reference.strip().toUpperCase(),
            b.id(),
            entity.get(0),
            b.provenance().agency(),
            viewer.user().name(),
            viewer.purpose().token(),
            reason);
    audited(
        viewer,
        "request-create",
        Map.of("request", id, "reference", reference, "owner", b.provenance().agency()));
    return view(requests.get(id));
  }

  /** Requests the user made, and requests to the user's agency. */
  public List<RequestView> requests(String userName) {
    User u = directory().users().get(userName);
    if (u == null) {
      throw new PolicyException("unknown user '" + userName + "'");
    }
    List<RequestView> out = new ArrayList<>();
    AccessRequests requests = new AccessRequests(warehouse.connection());
    for (AccessRequests.Request r :
        requests.list("WHERE requester = ? OR owner_agency = ?", u.name(), u.agency())) {
      out.add(view(r));
    }
    audit.append(
        new AuditLog.Event(u.name(), null, "request-list", Map.of("requests", out.size())));
    return out;
  }

  /**
   * The owning agency's decision on a request: grant until a date (not in the past) or refuse. Only
   * a user of the owning agency may decide; every decision is audited.
   */
  public RequestView decide(
      String userName, String requestId, boolean grant, LocalDate until, String note) {
    warehouse.requireWritable();
    User u = directory().users().get(userName);
    if (u == null) {
      throw new PolicyException("unknown user '" + userName + "'");
    }
    AccessRequests requests = new AccessRequests(warehouse.connection());
    AccessRequests.Request r = requests.get(requestId);
    if (!r.ownerAgency().equals(u.agency())) {
      audit.append(
          new AuditLog.Event(
              u.name(),
              null,
              "refused",
              Map.of("reason", "decision on another agency's request", "request", requestId)));
      throw new PolicyException(
          "request " + requestId + " is for " + r.ownerAgency() + "; only its users decide it");
    }
    if (grant && (until == null || until.isBefore(policy.today()))) {
      throw new PolicyException("a grant needs --until, a date from today on");
    }
    String grantId = requests.decide(r, u.name(), grant, grant ? until : null, note);
    warehouse.changed();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("request", requestId);
    detail.put("decision", grant ? "granted" : "refused");
    detail.put("requester", r.requester());
    detail.put("purpose", r.purpose());
    detail.put("batch", r.batchId());
    detail.put("entity", r.entityId());
    if (grantId != null) {
      detail.put("grant", grantId);
      detail.put("until", until.toString());
    }
    audit.append(new AuditLog.Event(u.name(), null, grant ? "grant" : "refuse", detail));
    return view(requests.get(requestId));
  }

  /** Contact points per agency from {@code DIR/contacts.txt} ("agency: contact"), if present. */
  private Map<String, String> contacts() {
    Map<String, String> out = new LinkedHashMap<>();
    Path file = dir.resolve("contacts.txt");
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file)) {
          int colon = line.indexOf(':');
          if (colon > 0 && !line.startsWith("#")) {
            out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
          }
        }
      } catch (java.io.IOException e) {
        throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Rebuilds both derived indexes from the warehouse in one read of each batch: the search index
   * from scratch and, once the data directory has a match secret, every batch's hit/no-hit codes
   * (forgotten first; a crash halfway leaves batches uncoded, which the next open codes).
   */
  public int reindex(LongConsumer progress) {
    if (codes == null) {
      return index.rebuild(warehouse, progress);
    }
    MatchIndex match = matchIndex();
    match.forgetAll();
    return index.rebuild(warehouse, progress, match::codes);
  }

  static LegalBases legalBases(Path dir) {
    Path table = dir.resolve("legal-bases.txt");
    if (!Files.exists(table)) {
      return LegalBases.defaults();
    }
    try {
      return LegalBases.parse(Files.readString(table), table.toString());
    } catch (java.io.IOException e) {
      throw new StoreException("cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  public AuditLog audit() {
    return audit;
  }

  public AccessPolicy policy() {
    return policy;
  }

  /** The users, cases and legal-bases table of this deployment. */
  public Directory directory() {
    DirectoryTables tables = new DirectoryTables(warehouse.connection());
    return new Directory(tables.users(), tables.cases(), policy.policy().bases());
  }

  /**
   * The viewer for a user and a purpose, or a refusal naming what is wrong (unknown user or
   * purpose, not a member of the case). Refusals are audited.
   */
  public Viewer viewer(String user, String purpose) {
    try {
      return directory().viewer(user, purpose);
    } catch (PolicyException e) {
      audit.append(new AuditLog.Event(user, purpose, "refused", Map.of("reason", e.getMessage())));
      throw e;
    }
  }

  /** Adds a user (by an administrator's hand: the caller checks who may). */
  public void addUser(User user, String passwordHash, String by) {
    warehouse.requireWritable();
    new DirectoryTables(warehouse.connection()).addUser(user, passwordHash);
    audit.append(
        new AuditLog.Event(
            by,
            null,
            "user-add",
            Map.of(
                "name",
                user.name(),
                "agency",
                user.agency(),
                "roles",
                user.roles().stream().map(Role::label).sorted().toList())));
  }

  public void addCase(Case c, String by) {
    warehouse.requireWritable();
    new DirectoryTables(warehouse.connection()).addCase(c, policy.policy().bases());
    audit.append(
        new AuditLog.Event(
            by,
            null,
            "case-add",
            Map.of(
                "id",
                c.id(),
                "title",
                c.title(),
                "legal_task",
                c.legalTask(),
                "members",
                List.copyOf(new java.util.TreeSet<>(c.members())))));
  }

  /** The batches the viewer may see in full: the policy's answer every read path filters by. */
  public Set<Long> visibleBatches(Viewer viewer) {
    return visible(viewer).batches();
  }

  private Scope visible(Viewer viewer) {
    if (viewer == null) {
      throw new PolicyException("every read needs a viewer (user and purpose)");
    }
    Set<Long> batches = warehouse.visibleBatches(viewer, policy);
    Map<Long, Set<String>> entities = new LinkedHashMap<>();
    List<org.spil.policy.Grant> grants = warehouse.grantsFor(viewer.user().name());
    for (org.spil.policy.Grant g : grants) {
      if (g.entityId() == null || !g.covers(viewer, g.batchId(), policy.today())) {
        continue;
      }
      // an entity grant opens only what the policy leaves hit-only: never past retention, never
      // into a compartment
      Batch b =
          warehouse.batches().stream().filter(x -> x.id() == g.batchId()).findFirst().orElse(null);
      if (policy.decide(viewer, b, grants) == org.spil.policy.Visibility.HIT_ONLY) {
        entities.computeIfAbsent(g.batchId(), k -> new java.util.TreeSet<>()).add(g.entityId());
      }
    }
    return new Scope(batches, entities);
  }

  private void audited(Viewer viewer, String action, Map<String, Object> detail) {
    audit.append(
        new AuditLog.Event(viewer.user().name(), viewer.purpose().token(), action, detail));
  }

  public List<SearchHit> search(Viewer viewer, SearchQuery query) {
    List<SearchHit> hits = index.search(query, visible(viewer), batchesOf(query));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("query", query.text());
    detail.put("returned", hits.stream().map(SearchHit::id).toList());
    audited(viewer, "search", detail);
    return hits;
  }

  /** The batches a query's dataset and agency filters admit; null when it has neither. */
  private Set<Long> batchesOf(SearchQuery q) {
    if (q.dataset() == null && q.agency() == null) {
      return null;
    }
    Set<Long> out = new java.util.HashSet<>();
    for (Batch b : warehouse.batches()) {
      if ((q.dataset() == null || q.dataset().equals(b.provenance().dataset()))
          && (q.agency() == null || q.agency().equals(b.provenance().agency()))) {
        out.add(b.id());
      }
    }
    return out;
  }

  /**
   * Persons and companies like an example (a name and, optionally, an ISO date of birth), for match
   * by example: up to {@code limit} born on that date or one typo away whose names share a key,
   * then up to {@code limit} best on the name alone; within the viewer's scope and audited.
   */
  public List<SearchHit> similar(Viewer viewer, String name, String birthDate, int limit) {
    List<SearchHit> hits = index.similar(name, birthDate, limit, visible(viewer));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("name", name);
    if (birthDate != null) {
      detail.put("birth_date", birthDate);
    }
    detail.put("returned", hits.stream().map(SearchHit::id).toList());
    audited(viewer, "match", detail);
    return hits;
  }

  /** The entity with every visible value and its provenance, or empty if the viewer sees none. */
  public Optional<EntityRecord> entity(Viewer viewer, String id) {
    Optional<EntityRecord> found = entityUnaudited(viewer, id);
    audited(
        viewer,
        "show",
        Map.of("entity", id, "returned", found.isPresent() ? List.of(id) : List.of()));
    return found;
  }

  private Optional<EntityRecord> entityUnaudited(Viewer viewer, String id) {
    Scope scope = visible(viewer);
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    // the entity's rows first, then its statements by (batch, entity number): literal numbers let
    // DuckDB skip row groups by their min/max, where joining the statement view scans every
    // statement (50-65 ms instead of about 30 at a million persons)
    boolean keyed = warehouse.hasEntityKeys();
    String rowsSql =
        "SELECT batch_id, entity_no, schema FROM batch_entity e WHERE "
            + (keyed ? "e.entity_key = hash(?::VARCHAR) AND " : "")
            + "e.entity_id = ? AND "
            + scope.sql("e.batch_id", "e.entity_id");
    Schema schema = null;
    List<String> runs = new ArrayList<>();
    try (PreparedStatement ps = warehouse.connection().prepareStatement(rowsSql)) {
      ps.setString(1, id);
      if (keyed) {
        ps.setString(2, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add("(batch_id = " + rs.getLong(1) + " AND entity_no = " + rs.getLong(2) + ")");
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
    Map<Long, Batch> batches = warehouse.batchesById();
    String sql =
        "SELECT prop, value, original_value, batch_id, first_seen, last_seen FROM statement_row WHERE "
            + String.join(" OR ", runs)
            + " ORDER BY prop, value, batch_id";
    Map<String, List<ValueRecord>> props = new LinkedHashMap<>();
    Map<String, List<String>> plain = new LinkedHashMap<>();
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String prop = rs.getString(1);
        org.spil.model.Provenance p = batches.get(rs.getLong(4)).provenance();
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
                rs.getObject(6, LocalDate.class));
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
    Scope scope = visible(viewer);
    audited(viewer, "stats", Map.of());
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
    return new Stats(
        entities,
        statements,
        dataset.counts(),
        schema.counts(),
        agency.counts(),
        handling.counts());
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

    /** Most statements first, then by key. */
    List<Stats.Count> counts() {
      List<Stats.Count> out = new ArrayList<>();
      byKey.forEach((k, v) -> out.add(new Stats.Count(k, v[0], v[1])));
      out.sort(
          java.util.Comparator.comparingLong(Stats.Count::statements)
              .reversed()
              .thenComparing(Stats.Count::key));
      return out;
    }
  }

  /** Writes visible entities as FollowTheMoney JSON lines; returns how many. */
  public long exportFtm(Viewer viewer, Writer out) {
    Scope scope = visible(viewer);
    audited(
        viewer,
        "export",
        Map.of(
            "format",
            "ftm",
            "batches",
            List.copyOf(new java.util.TreeSet<>(scope.batches())),
            "granted_entities",
            scope.entities().toString()));
    String select =
        "SELECT s.entity_id, s.schema, s.prop, s.value, b.handling_code FROM statement s JOIN batch b USING (batch_id) WHERE "
            + scope.sql("s.batch_id", "s.entity_id");
    long count = 0;
    Path rows = null;
    try (Statement st = warehouse.connection().createStatement()) {
      // through a file DuckDB writes in entity order: a third of the time that reading the
      // statements through JDBC takes (see ExportFile)
      rows = warehouse.newSpoolFile("export-ftm-", ".csv");
      ExportFile.copy(st, select, rows);
      try (ExportFile in = new ExportFile(rows)) {
        String current = null;
        Schema schema = null;
        String code = null;
        Map<String, java.util.SortedSet<String>> props = new java.util.TreeMap<>();
        while (!in.atEnd()) {
          String id = in.readString();
          String schemaName = in.readString();
          String prop = in.readString();
          String value = in.readString();
          String c = in.readString();
          if (current != null && !current.equals(id)) {
            writeFtm(out, current, schema, props, code);
            count++;
            props = new java.util.TreeMap<>();
            schema = null;
            code = null;
          }
          current = id;
          code = code == null || c.compareTo(code) > 0 ? c : code;
          Schema sc = Schemata.model().get(schemaName);
          schema = schema == null ? sc : Schemata.model().common(schema, sc).orElse(schema);
          if (!prop.equals(org.spil.model.Statement.ID_PROP)) {
            props.computeIfAbsent(prop, k -> new java.util.TreeSet<>()).add(value);
          }
        }
        if (current != null) {
          writeFtm(out, current, schema, props, code);
          count++;
        }
      }
      out.flush();
    } catch (SQLException e) {
      throw new StoreException("cannot export: " + Warehouse.firstLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new StoreException("cannot write export: " + e.getMessage(), e);
    } finally {
      if (rows != null) {
        try {
          Files.deleteIfExists(rows);
        } catch (IOException e) {
          // a leftover spool file is removed with the others when the store next opens
        }
      }
    }
    return count;
  }

  /**
   * One FtM entity line; {@code handling_code} (the strictest code of the statements it is built
   * from) is an extra key FtM readers ignore and receivers must honour.
   */
  private static void writeFtm(
      Writer out,
      String id,
      Schema schema,
      Map<String, ? extends java.util.Collection<String>> props,
      String handlingCode)
      throws IOException {
    StringBuilderWriter line = new StringBuilderWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeStringField("schema", schema.name());
      g.writeStringField("handling_code", handlingCode);
      g.writeObjectFieldStart("properties");
      for (Map.Entry<String, ? extends java.util.Collection<String>> e : props.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (String v : e.getValue()) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write(line.toString());
    out.write('\n');
  }

  /** A small Writer over a StringBuilder, so one JSON line is built before it is written. */
  private static final class StringBuilderWriter extends Writer {
    private final StringBuilder sb = new StringBuilder(256);

    @Override
    public void write(char[] cbuf, int off, int len) {
      sb.append(cbuf, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  /**
   * The SQL for a statement's id over {@code s} (statement) and {@code b} (batch): the same digest
   * as {@link org.spil.model.Statement#makeId}.
   */
  static final String STATEMENT_ID =
      "md5(b.dataset || chr(0) || s.entity_id || chr(0) || s.prop || chr(0) || s.value)";

  /** Writes visible statements with their provenance as a Parquet file; returns how many. */
  public long exportParquet(Viewer viewer, Path file) {
    Scope scope = visible(viewer);
    audited(
        viewer,
        "export",
        Map.of(
            "format",
            "parquet",
            "batches",
            List.copyOf(new java.util.TreeSet<>(scope.batches())),
            "granted_entities",
            scope.entities().toString()));
    String select =
        "SELECT "
            + STATEMENT_ID
            + " AS id, s.entity_id, s.schema, s.prop,"
            + " s.value, coalesce(s.original_value, s.value) AS original_value, s.lang, b.dataset, b.agency,"
            + " b.legal_basis, b.handling_code, b.source_grade, b.info_grade, s.first_seen, s.last_seen, b.retain_until,"
            + " s.batch_id FROM statement s JOIN batch b USING (batch_id) WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " ORDER BY s.entity_id, s.prop";
    String target = Warehouse.sqlPath(file);
    try (Statement st = warehouse.connection().createStatement()) {
      st.execute("COPY (" + select + ") TO " + target + " (FORMAT parquet)");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + target + ")")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot export Parquet to " + file + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /**
   * The rejected values of the viewer's own agency's batches (all, or one batch). Rejects are raw
   * source values, so only the supplying agency sees them, whatever the sharing.
   */
  public List<BatchWriter.RejectRow> rejects(Viewer viewer, Long batchId) {
    Set<Long> visible = visible(viewer).batches();
    audited(viewer, "rejects", batchId == null ? Map.of() : Map.of("batch", batchId));
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
            + Warehouse.inList(new java.util.HashSet<>(own))
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
    Scope scope = visible(viewer);
    if (scope.isEmpty() || schemata.isEmpty()) {
      return 0;
    }
    List<String> quoted = schemata.stream().map(x -> "'" + x.replace("'", "''") + "'").toList();
    // grouped in parts by a hash of the entity id, each small enough for DuckDB's memory: grouping
    // every statement of a 1M-person warehouse at once (lists per entity) ran out of 13 GB
    long statements =
        count("SELECT (SELECT count(*) FROM statement_row) + (SELECT count(*) FROM batch_entity)");
    long parts = Math.max(1, statements / STATEMENTS_PER_PART + 1);
    Map<Long, Batch> batches = warehouse.batchesById();
    long n = 0;
    for (long part = 0; part < parts; part++) {
      String sql =
          "SELECT entity_id, any_value(schema), "
              + Warehouse.STATEMENT_LIST
              + ", min(s.batch_id) FROM statement s WHERE "
              + scope.sql("s.batch_id", "s.entity_id")
              + " AND schema IN ("
              + String.join(",", quoted)
              + ")"
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
    audited(
        viewer,
        "entities-read",
        Map.of("schemata", List.copyOf(new java.util.TreeSet<>(schemata)), "entities", n));
    return n;
  }

  /**
   * Receives one visible entity: id, schema, the provenance of its first batch (dataset, agency,
   * legal basis) and its visible values by property.
   */
  @FunctionalInterface
  public interface EntityConsumer {
    void accept(
        String id,
        String schema,
        org.spil.model.Provenance source,
        Map<String, List<String>> properties);
  }

  /** An analyst's judgement on a pair of entities: same, different or unsure. */
  public record Judgement(String a, String b, String verdict, String user, String purpose) {}

  /**
   * Records a judgement. Both entities must be visible to the judge and differ; a judgement that
   * contradicts an earlier one on the same pair needs {@code revise}. Audited; nothing of the
   * source records changes.
   */
  public Judgement judge(Viewer viewer, String a, String b, String verdict, boolean revise) {
    warehouse.requireWritable();
    if (!List.of("same", "different", "unsure").contains(verdict)) {
      throw new IllegalArgumentException(
          "a judgement is same, different or unsure, not '" + verdict + "'");
    }
    if (a.equals(b)) {
      throw new IllegalArgumentException(
          "a judgement needs two different entities, not " + a + " twice");
    }
    String x = a.compareTo(b) < 0 ? a : b;
    String y = x.equals(a) ? b : a;
    Scope scope = visible(viewer);
    for (String id : List.of(x, y)) {
      if (count(
              "SELECT count(*) FROM statement s WHERE s.entity_id = '"
                  + id.replace("'", "''")
                  + "' AND "
                  + scope.sql("s.batch_id", "s.entity_id"))
          == 0) {
        audited(
            viewer,
            "refused",
            Map.of("reason", "judgement on an unknown or invisible entity", "entity", id));
        throw new PolicyException(
            "no entity '"
                + id
                + "' visible to "
                + viewer.user().name()
                + " for "
                + viewer.purpose().token());
      }
    }
    Connection c = warehouse.connection();
    try {
      String earlier = null;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT verdict FROM judgement WHERE a = ? AND b = ?")) {
        ps.setString(1, x);
        ps.setString(2, y);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            earlier = rs.getString(1);
          }
        }
      }
      if (earlier != null && !earlier.equals(verdict) && !revise) {
        throw new PolicyException(
            "the pair was judged '"
                + earlier
                + "' before; use --revise to change it to '"
                + verdict
                + "'");
      }
      try (PreparedStatement del =
              c.prepareStatement("DELETE FROM judgement WHERE a = ? AND b = ?");
          PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO judgement VALUES (?, ?, ?, ?, ?, current_timestamp)")) {
        del.setString(1, x);
        del.setString(2, y);
        del.executeUpdate();
        ins.setString(1, x);
        ins.setString(2, y);
        ins.setString(3, verdict);
        ins.setString(4, viewer.user().name());
        ins.setString(5, viewer.purpose().token());
        ins.executeUpdate();
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("a", x);
      detail.put("b", y);
      detail.put("verdict", verdict);
      if (earlier != null) {
        detail.put("revised_from", earlier);
      }
      audited(viewer, "judge", detail);
      return new Judgement(x, y, verdict, viewer.user().name(), viewer.purpose().token());
    } catch (SQLException e) {
      throw new StoreException(
          "cannot record judgement: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /** Every judgement of same or different (unsure ones do not steer resolution). */
  public List<Judgement> judgements() {
    List<Judgement> out = new ArrayList<>();
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT a, b, verdict, user_name, purpose FROM judgement WHERE verdict <> 'unsure' ORDER BY a, b")) {
      while (rs.next()) {
        out.add(
            new Judgement(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read judgements: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /**
   * Replaces the viewer's resolution (canonical id to member entity ids) and the model it was
   * weighed with (opaque text, kept for incremental runs and match by example; it holds weights, no
   * values); audited.
   */
  public void saveClusters(Viewer viewer, Map<String, List<String>> clusters, String model) {
    warehouse.requireWritable();
    Connection c = warehouse.connection();
    try {
      c.setAutoCommit(false);
      try (PreparedStatement del =
              c.prepareStatement("DELETE FROM resolution WHERE user_name = ? AND purpose = ?");
          org.duckdb.DuckDBAppender ins =
              ((org.duckdb.DuckDBConnection) c)
                  .createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "resolution")) {
        del.setString(1, viewer.user().name());
        del.setString(2, viewer.purpose().token());
        del.executeUpdate();
        // appended, not inserted row by row: a million members as one JDBC batch ran DuckDB out of
        // 10 GB
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        for (Map.Entry<String, List<String>> e : clusters.entrySet()) {
          for (String member : e.getValue()) {
            ins.beginRow();
            ins.append(viewer.user().name());
            ins.append(viewer.purpose().token());
            ins.append(e.getKey());
            ins.append(member);
            ins.append(now);
            ins.endRow();
          }
        }
        ins.flush();
        try (PreparedStatement dm =
                c.prepareStatement(
                    "DELETE FROM resolution_model WHERE user_name = ? AND purpose = ?");
            PreparedStatement im =
                c.prepareStatement(
                    "INSERT INTO resolution_model VALUES (?, ?, ?, current_timestamp)")) {
          dm.setString(1, viewer.user().name());
          dm.setString(2, viewer.purpose().token());
          dm.executeUpdate();
          im.setString(1, viewer.user().name());
          im.setString(2, viewer.purpose().token());
          im.setString(3, model);
          im.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save resolution: " + Warehouse.firstLine(e.getMessage()), e);
    }
    audited(viewer, "resolve", Map.of("clusters", clusters.size()));
  }

  /**
   * The viewer's last resolution, restricted to entities the viewer may see now (a grant may have
   * expired since): canonical id to members.
   */
  public Map<String, List<String>> clusters(Viewer viewer) {
    Scope scope = visible(viewer);
    Map<String, List<String>> out = new java.util.TreeMap<>();
    if (scope.isEmpty()) {
      return out;
    }
    String sql =
        "SELECT r.canonical_id, r.entity_id FROM resolution r WHERE r.user_name = ? AND r.purpose = ? AND EXISTS"
            + " (SELECT 1 FROM statement s WHERE s.entity_id = r.entity_id AND "
            + scope.sql("s.batch_id", "s.entity_id")
            + ") ORDER BY 1, 2";
    try (PreparedStatement ps = warehouse.connection().prepareStatement(sql)) {
      ps.setString(1, viewer.user().name());
      ps.setString(2, viewer.purpose().token());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read resolution: " + Warehouse.firstLine(e.getMessage()), e);
    }
    audited(viewer, "clusters", Map.of("clusters", out.size()));
    return out;
  }

  /**
   * The model saved with the viewer's last resolution, if there is one (none in a data directory
   * written before models were kept and opened read-only, which cannot add the table).
   */
  public java.util.Optional<String> resolutionModel(Viewer viewer) {
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name ="
                    + " 'resolution_model'")) {
      if (rs.next() && rs.getLong(1) == 0) {
        return java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the resolution model: " + Warehouse.firstLine(e.getMessage()), e);
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT model FROM resolution_model WHERE user_name = ? AND purpose = ?")) {
      ps.setString(1, viewer.user().name());
      ps.setString(2, viewer.purpose().token());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the resolution model: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /** A batch past its retention date, with the number of statements it still holds. */
  public record Expired(Batch batch, long statements) {}

  /** Batches past {@code retain_until} on the store's day that still hold statements. */
  public List<Expired> expired() {
    List<Expired> out = new ArrayList<>();
    for (Batch b : warehouse.batches()) {
      if (b.provenance().retainUntil().isBefore(policy.today())) {
        long n = count("SELECT count(*) FROM statement WHERE batch_id = " + b.id());
        if (n > 0) {
          out.add(new Expired(b, n));
        }
      }
    }
    return out;
  }

  private long count(String sql) {
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /**
   * Purges the statements and rejects of every batch past its retention date: the audit log first
   * receives the ids of the statements (never their values), then they are deleted in one
   * transaction and dropped from the search index. Reads hid them already. Returns what was purged.
   */
  public List<Expired> purgeExpired(String by) {
    warehouse.requireWritable();
    List<Expired> expired = expired();
    if (expired.isEmpty()) {
      return expired;
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
                        + STATEMENT_ID
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
    } catch (SQLException ex) {
      throw new StoreException("cannot purge: " + Warehouse.firstLine(ex.getMessage()), ex);
    }
    Set<Long> ids = new java.util.HashSet<>();
    expired.forEach(e -> ids.add(e.batch().id()));
    index.dropBatches(ids);
    return expired;
  }

  /** Deletes the statements, rejects and match codes of expired batches and marks them purged. */
  private static void deleteExpired(Connection c, List<Expired> expired) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (Expired e : expired) {
        st.execute("DELETE FROM statement_row WHERE batch_id = " + e.batch().id());
        st.execute("DELETE FROM batch_entity WHERE batch_id = " + e.batch().id());
        st.execute("DELETE FROM reject WHERE batch_id = " + e.batch().id());
        st.execute("DELETE FROM match_code WHERE batch_id = " + e.batch().id());
        st.execute(
            "UPDATE batch SET purged_at = current_timestamp WHERE batch_id = " + e.batch().id());
      }
      // saved resolution models count (hashed) names, possibly of the purged batches: they go
      // too, and the next resolution estimates afresh
      if (!expired.isEmpty()) {
        st.execute("DELETE FROM resolution_model");
      }
    }
  }

  private static AuditLog.Event purgeEvent(String by, Expired e, List<String> statementIds) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("batch", e.batch().id());
    detail.put("dataset", e.batch().provenance().dataset());
    detail.put("retain_until", e.batch().provenance().retainUntil().toString());
    detail.put("statements", statementIds);
    return new AuditLog.Event(by, null, "purge", detail);
  }

  @Override
  public void close() {
    index.close();
    warehouse.close();
  }
}
