package org.spil.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.spil.model.Provenance;
import org.spil.policy.Approval;
import org.spil.policy.Directory;
import org.spil.policy.Grant;
import org.spil.policy.HitLimits;
import org.spil.policy.LegalBases;
import org.spil.policy.MatchCodes;
import org.spil.policy.Policy;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.policy.Visibility;

/**
 * The warehouse and its search index under one data directory, with every read taking a {@link
 * Viewer} and filtered by the {@link AccessPolicy}. Opening a store heals the index: batches the
 * warehouse committed but the index missed (a crash in between) are indexed first.
 *
 * <p>The store itself opens, heals and closes, makes viewers, computes a viewer's scope, searches
 * and ingests (a batch and its audit event together); the rest lives in facets that share its scope
 * and audit: {@link #entities()}, {@link #exports()}, {@link #hits()}, {@link #requests()}, {@link
 * #resolutions()}, {@link #retention()}, {@link #accounts()}.
 *
 * <p>NOTE: open for writing from one process at a time; any number may read.
 */
public final class Store implements AutoCloseable {
  private final Path dir;
  private final Backends backends;
  private final Warehouse warehouse;
  private final SearchIndex index;
  private final MessageIndex messageIndex;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final MatchCodes codes;

  private Store(
      Path dir,
      Warehouse warehouse,
      SearchIndex index,
      AccessPolicy policy,
      MatchCodes codes,
      Backends backends) {
    this.dir = dir;
    this.backends = backends;
    this.warehouse = warehouse;
    this.index = index;
    this.messageIndex = new MessageIndex(dir.resolve("messages"));
    this.policy = policy;
    this.audit = new AuditLog(dir);
    this.codes = codes;
    audit.partitions(this::partitionsOf);
  }

  /**
   * The audit partitions of an entry by a user for a purpose. The first is the actor's: {@code
   * defence:CASE} for defence counsel reading for a case (overseen by the court of the case, and by
   * nobody of the prosecution or police), {@code defence-counsel:NAME} for what counsel does
   * outside a case (overseen by the courts of the counsel's cases), {@code agency:AGENCY} for every
   * other known user (overseen by that agency's privacy officers) and for changes to an agency's
   * data or users, whoever made them (an ingest, a purge, a user added: the detail's {@code
   * agency}), {@code system} for anything else (refusals of unknown users, cases added; overseen by
   * administrators). An entry that concerns another agency's data is in that agency's partition
   * too: a hit on its data ({@code owners}), a request to it ({@code owner}); never an entry of the
   * defence, whose work the police and prosecution may not watch.
   */
  List<String> partitionsOf(String userName, String purpose, JsonNode detail) {
    String agency = detail.path("agency").isTextual() ? detail.get("agency").asText() : null;
    User u = userName == null ? null : directory().users().get(userName);
    String actor;
    if (purpose == null && agency != null) {
      actor = "agency:" + agency;
    } else if (u == null) {
      actor = "system";
    } else if (u.has(Role.DEFENCE_COUNSEL)) {
      return List.of(purpose == null ? "defence-counsel:" + u.name() : "defence:" + purpose);
    } else {
      actor = "agency:" + u.agency();
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(actor);
    if (detail.path("owner").isTextual()) {
      out.add("agency:" + detail.get("owner").asText());
    }
    detail.path("owners").forEach(o -> out.add("agency:" + o.asText()));
    return List.copyOf(out);
  }

  /**
   * The audit partitions a user oversees: a privacy officer its agency's, an administrator the
   * system's, the court the defence's of each case it is a member of and those of that case's
   * counsel outside a case.
   */
  public Set<String> oversees(String userName) {
    User u = directory().users().get(userName);
    Set<String> out = new TreeSet<>();
    if (u == null) {
      return out;
    }
    if (u.has(Role.PRIVACY_OFFICER)) {
      out.add("agency:" + u.agency());
    }
    if (u.has(Role.ADMINISTRATOR)) {
      out.add("system");
    }
    if (u.has(Role.COURT)) {
      directory()
          .cases()
          .values()
          .forEach(
              c -> {
                if (c.members().contains(u.name())) {
                  out.add("defence:" + c.id());
                  for (String m : c.members()) {
                    User member = directory().users().get(m);
                    if (member != null && member.has(Role.DEFENCE_COUNSEL)) {
                      out.add("defence-counsel:" + m);
                    }
                  }
                }
              });
    }
    return out;
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
    List<Path> loose = OwnerOnly.secure(dir);
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
    Backends backends = Backends.of(dir);
    Warehouse w = Warehouse.open(dir, !write);
    SearchIndex index = new SearchIndex(dir.resolve("index"));
    byte[] secret = MatchIndex.secret(dir, write);
    Store store =
        new Store(
            dir,
            w,
            index,
            new AccessPolicy(new Policy(bases), today),
            secret == null ? null : new MatchCodes(secret),
            backends);
    try {
      if (heal && write) {
        store.updateIndex(n -> {});
      } else if (heal) {
        index.catchUp(w, n -> {});
        store.messageIndex.catchUp(w, n -> {});
      }
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
    // what DuckDB and Lucene created just now under the process's umask
    OwnerOnly.secure(dir);
    store.loosened = List.copyOf(loose);
    return store;
  }

  private List<Path> loosened = List.of();

  /**
   * The files and directories of the data directory that other accounts of the machine could read
   * or enter when the store opened; only their owner can now. A front end warns about them: the
   * data was exposed until then.
   */
  public List<Path> loosened() {
    return loosened;
  }

  public Path dir() {
    return dir;
  }

  Warehouse warehouse() {
    return warehouse;
  }

  SearchIndex index() {
    return index;
  }

  MessageIndex messageIndex() {
    return messageIndex;
  }

  /** The chat messages a viewer may read: search with context and highlights. */
  public Messages messages() {
    return new Messages(this);
  }

  /** Reads of whole entities: pages, counts, rejects, every entity of some schemata. */
  public Entities entities() {
    return new Entities(this);
  }

  /** What entities take part in (directorships, payments, messages...), per viewer. */
  public Relations relations() {
    return new Relations(this);
  }

  /** Relationship statements aggregated per pair of ends, per viewer (network projections). */
  public Links links() {
    return new Links(this);
  }

  /** The payments a viewer may see, one row each (money-flow analysis). */
  public Payments payments() {
    return new Payments(this);
  }

  /** The bank statements a viewer may see: the latest balance of accounts. */
  public AccountStatements accountStatements() {
    return new AccountStatements(this);
  }

  /** The shipments a viewer may see, one row each (trade against payments). */
  public Shipments shipments() {
    return new Shipments(this);
  }

  /** Counts and sums per period of the entities a viewer may see, for trends. */
  public Tallies tallies() {
    return new Tallies(this);
  }

  /** FtM and Parquet exports of what a viewer may see. */
  public Exports exports() {
    return new Exports(this);
  }

  /** Hit/no-hit between agencies. */
  public HitNoHit hits() {
    return new HitNoHit(this);
  }

  /** The notices to privacy officers (hit queries that look like enumeration, quotas reached). */
  public Notices notices() {
    return new Notices(this, dir, Clock.systemUTC());
  }

  HitLedger hitLedger() {
    return new HitLedger(dir);
  }

  /** The hit limits of this deployment: {@code DIR/hit-limits.txt}, else the defaults. */
  HitLimits hitLimits() {
    Path file = dir.resolve("hit-limits.txt");
    if (!Files.exists(file)) {
      return HitLimits.DEFAULTS;
    }
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new PolicyException(file + ": larger than 64 KB; it holds three lines");
      }
      return HitLimits.parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A team's triage of money-flow alerts: confirmed, dismissed with a reason, reopened. */
  public AlertVerdicts alertVerdicts() {
    return new AlertVerdicts(this);
  }

  /** A team's outcomes of inspecting shipments, which shipment targeting learns from. */
  public Inspections inspections() {
    return new Inspections(this);
  }

  /** Watch lists and the alerts they raise. */
  public Watches watches() {
    return new Watches(this);
  }

  /** Network charts saved for a team. */
  public Charts charts() {
    return new Charts(this);
  }

  /** API tokens for scripts. */
  public ApiTokens tokens() {
    return new ApiTokens(this);
  }

  /** Access requests from hits, and the owners' decisions. */
  public Requests requests() {
    return new Requests(this);
  }

  /** Subsets of batches approved for cases, as courts order and owners record them. */
  public Approvals approvals() {
    return new Approvals(this);
  }

  /** Judgements, clusters and models of entity resolution. */
  public Resolutions resolutions() {
    return new Resolutions(this);
  }

  /** Batches past their retention date, and their purge. */
  public Retention retention() {
    return new Retention(this);
  }

  /** Users and cases. */
  public Accounts accounts() {
    return new Accounts(this);
  }

  /** The match codes' secret, or null before the first ingest made one. */
  MatchCodes codes() {
    return codes;
  }

  /**
   * Every committed batch, oldest first: the datasets and their provenance (never a value), for
   * operators and for the policy.
   */
  public List<Batch> batches() {
    return warehouse.batches();
  }

  /** The latest batch of a dataset made from exactly these files, if any. */
  public Optional<Batch> batchWithFiles(String dataset, String filesSha256) {
    return warehouse.batchWithFiles(dataset, filesSha256);
  }

  /** What a batch holds once its statements are written: rows read and rejected, and rejects. */
  public record BatchContent(long rows, long rejectedRows, List<BatchWriter.RejectRow> rejects) {}

  /** Writes the statements of one batch; returns what was read. */
  @FunctionalInterface
  public interface BatchFill {
    BatchContent fill(BatchWriter writer);
  }

  /**
   * Writes one batch of a dataset: {@code fill} hands the statements to the writer, then the batch
   * commits in one transaction and the ingest is audited as made by {@code by}; if {@code fill}
   * throws, nothing is written. The derived indexes are brought up to date by {@link #updateIndex}
   * after.
   */
  public Batch ingest(
      Provenance provenance, LocalDate asOf, String filesSha256, String by, BatchFill fill) {
    BatchWriter writer = warehouse.begin(provenance, asOf, filesSha256);
    BatchContent content;
    Batch batch;
    try {
      content = fill.fill(writer);
      batch = writer.commit(content.rows(), content.rejectedRows(), content.rejects());
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("dataset", provenance.dataset());
    detail.put("agency", provenance.agency());
    detail.put("batch", batch.id());
    detail.put("statements", batch.statements());
    detail.put("rejected_rows", content.rejectedRows());
    audit.append(new AuditLog.Event(by, null, "ingest", detail));
    recordAuditPosition("ingest");
    return batch;
  }

  /** Brings the search, match and message indexes up to date after a commit. */
  public int updateIndex(LongConsumer progress) {
    MatchIndex match = matchIndex();
    Set<Long> uncoded = match.uncoded(warehouse);
    int n = index.catchUp(warehouse, progress, b -> uncoded.contains(b) ? match.codes(b) : null);
    match.catchUp(warehouse);
    messageIndex.catchUp(warehouse, progress);
    writeLake(progress);
    return n;
  }

  /**
   * Brings the lake of the data directory's {@link Backends} up to the warehouse, when it names
   * one; does nothing otherwise.
   */
  public Lake.Written writeLake(LongConsumer progress) {
    return backends.writesLake() ? lake(backends.lake()).write(null, progress) : null;
  }

  /** The backends of the data directory, as {@code DIR/backends.txt} gives them. */
  public Backends backends() {
    return backends;
  }

  /** The lake in a directory, to write this warehouse's batches to or to load from. */
  public Lake lake(Path root) {
    return new Lake(this, root);
  }

  MatchIndex matchIndex() {
    if (codes == null) {
      throw new StoreException("no match secret in " + dir + " yet: ingest something first");
    }
    return new MatchIndex(warehouse.connection(), codes, warehouse.spoolDir());
  }

  /**
   * Rebuilds both derived indexes from the warehouse in one read of each batch: the search index
   * from scratch and, once the data directory has a match secret, every batch's hit/no-hit codes
   * (forgotten first; a crash halfway leaves batches uncoded, which the next open codes).
   */
  public int reindex(LongConsumer progress) {
    messageIndex.rebuild(warehouse, progress);
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
    } catch (IOException e) {
      throw new StoreException("cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  /**
   * The users, cases and legal-bases table, read once per generation of the warehouse (a new user
   * or case moves it on).
   */
  Directory directory() {
    long generation = warehouse.generation();
    Cached c = directory;
    if (c == null || c.generation() != generation) {
      DirectoryTables tables = new DirectoryTables(warehouse.connection());
      c =
          new Cached(
              generation, new Directory(tables.users(), tables.cases(), policy.policy().bases()));
      directory = c;
    }
    return c.directory();
  }

  /** The approvals not revoked, read once per generation of the warehouse (a change moves it). */
  private List<Approval> approvalsInForce() {
    long generation = warehouse.generation();
    CachedApprovals c = approvalCache;
    if (c == null || c.generation() != generation) {
      c = new CachedApprovals(generation, approvals().all());
      approvalCache = c;
    }
    return c.approvals();
  }

  private record CachedApprovals(long generation, List<Approval> approvals) {}

  private volatile CachedApprovals approvalCache;

  private record Cached(long generation, Directory directory) {}

  private volatile Cached directory;

  /**
   * Records in the warehouse where the audit log stands after a change this store audited, so that
   * a log cut short or rewritten up to there is detected against the warehouse.
   */
  void recordAuditPosition(String action) {
    AuditLog.Checkpoint p = audit.last();
    if (p != null) {
      AuditPositions.record(warehouse.connection(), p, action);
    }
  }

  /** Where the audit log stood at each change of the warehouse, oldest first. */
  public List<AuditLog.Checkpoint> auditPositions() {
    return AuditPositions.all(warehouse.connection());
  }

  /**
   * A consistent read of what one viewer may see, for long work that runs outside the caller's lock
   * (a network projection of minutes): made under the lock, it fixes the viewer's scope and the
   * batches and starts a database transaction of its own; work run in it ({@link Snapshot#read})
   * sees the warehouse as it was then, whatever commits meanwhile.
   */
  public Snapshot snapshot(Viewer viewer) {
    return new Snapshot(this, viewer);
  }

  /**
   * Whether the viewer may still read everything a snapshot was made from: every batch of its scope
   * and every entity granted then. What was derived from the snapshot alone reveals nothing the
   * viewer may not now see.
   */
  public boolean stillSees(Viewer viewer, Snapshot made) {
    return scope(viewer).holds(made.scope());
  }

  /** Work on the store that may throw. */
  public interface Work<T> {
    T run() throws Exception;
  }

  /**
   * Runs reads on a database connection of their own, so that several threads read at once; the
   * caller keeps anything that writes to the warehouse out meanwhile (a read-write lock), and the
   * reads may append to the audit log, which serializes its own appends.
   */
  public <T> T reading(Work<T> work) throws Exception {
    return warehouse.reading(work::run);
  }

  /**
   * How many changes this store has made to its warehouse since it opened (a batch, a purge, a
   * grant, a user, a case, an approval, a resolution): what a front end derives from the store for
   * a viewer stays valid while it holds, on the same day.
   */
  public long generation() {
    return warehouse.generation();
  }

  /** The audit log of this data directory. */
  public AuditLog audit() {
    return audit;
  }

  AccessPolicy policy() {
    return policy;
  }

  /** The day the policy decides for (retention and grants end on it). */
  public LocalDate today() {
    return policy.today();
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

  /**
   * A fingerprint of what the viewer may read (the batches in full and the entities granted of
   * others): two viewers with the same fingerprint read exactly the same statements, so what is
   * derived from them alone (a network projection, with the team's resolution) may be shared.
   */
  public String scopeKey(Viewer viewer) {
    Scope scope = scope(viewer);
    StringBuilder b = new StringBuilder();
    new TreeSet<>(scope.batches()).forEach(id -> b.append(id).append(','));
    b.append('|');
    new TreeMap<>(scope.entities())
        .forEach(
            (batch, ids) -> b.append(batch).append(':').append(new TreeSet<>(ids)).append(';'));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The batches the viewer may see in full: the policy's answer every read path filters by. */
  public Set<Long> visibleBatches(Viewer viewer) {
    return scope(viewer).batches();
  }

  /**
   * What a job that reads elsewhere (a cluster's job over the lake) may read for the viewer: the
   * batches the policy makes visible and the entities of other batches granted to the viewer, each
   * batch with its identity (dataset, files, time of ingest) so that the job can check that the
   * lake's batch of that number is this one. Audited as handed out.
   */
  public record ReadScope(
      Set<Long> batches, Map<Long, Set<String>> entities, Map<Long, Batch> identities) {}

  /** The viewer's scope for a job that reads elsewhere, audited with what it names. */
  public ReadScope readScope(Viewer viewer, String job) {
    Scope s = scope(viewer);
    Map<Long, Batch> byId = warehouse.batchesById();
    Map<Long, Batch> identities = new TreeMap<>();
    s.batches().forEach(b -> identities.put(b, byId.get(b)));
    s.entities().keySet().forEach(b -> identities.put(b, byId.get(b)));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("job", job);
    detail.put("batches", List.copyOf(new TreeSet<>(s.batches())));
    detail.put("granted_entities", s.entities().toString());
    audited(viewer, "scope-read", detail);
    return new ReadScope(Set.copyOf(s.batches()), Map.copyOf(s.entities()), identities);
  }

  /**
   * What the viewer may read: the batches the policy makes visible and the entities of other
   * batches granted to the viewer. Every read path filters by it.
   */
  Scope scope(Viewer viewer) {
    if (viewer == null) {
      throw new PolicyException("every read needs a viewer (user and purpose)");
    }
    Snapshot reading = Snapshot.current();
    if (reading != null) {
      return reading.scopeOf(viewer);
    }
    long generation = warehouse.generation();
    if (generation != scopesOf) {
      scopes.clear();
      scopesOf = generation;
    }
    return scopes.computeIfAbsent(viewer, this::decide);
  }

  /**
   * Viewers' scopes of the current generation of the warehouse: the policy decides once per viewer
   * until a batch, a purge, a grant, a user or a case changes what it decides on.
   */
  private final Map<Viewer, Scope> scopes = new ConcurrentHashMap<>();

  private volatile long scopesOf = -1;

  /** The policy's decision for every batch and grant, for one viewer. */
  private Scope decide(Viewer viewer) {
    Set<Long> batches = warehouse.visibleBatches(viewer, policy);
    Map<Long, Set<String>> entities = new LinkedHashMap<>();
    List<Grant> grants = warehouse.grantsFor(viewer.user().name());
    for (Grant g : grants) {
      if (g.entityId() == null || !g.covers(viewer, g.batchId(), policy.today())) {
        continue;
      }
      // an entity grant opens only what the policy leaves hit-only: never past retention, never
      // into a compartment
      Batch b =
          warehouse.batches().stream().filter(x -> x.id() == g.batchId()).findFirst().orElse(null);
      if (policy.decide(viewer, b, grants) == Visibility.HIT_ONLY) {
        entities.computeIfAbsent(g.batchId(), k -> new TreeSet<>()).add(g.entityId());
      }
    }
    List<Approval> approvals = approvalsInForce();
    if (!approvals.isEmpty()) {
      Approvals facet = approvals();
      for (Batch b : warehouse.batches()) {
        if (batches.contains(b.id())) {
          continue;
        }
        for (Approval a :
            policy.policy().opened(viewer, b.provenance(), b.id(), approvals, policy.today())) {
          entities
              .computeIfAbsent(b.id(), k -> new TreeSet<>())
              .addAll(facet.entities(b.id(), a.subset()));
        }
      }
    }
    return new Scope(batches, entities);
  }

  /**
   * The subsets of batches the viewer does not read in full that approvals open to it (a court's
   * order for a case): per batch, the subsets. Readers of rows that are not entities (the message
   * store) filter by them; entity readers have them in the scope already.
   */
  Map<Long, List<org.spil.policy.Subset>> openedSubsets(Viewer viewer) {
    Map<Long, List<org.spil.policy.Subset>> out = new LinkedHashMap<>();
    List<Approval> approvals = approvalsInForce();
    if (approvals.isEmpty()) {
      return out;
    }
    Set<Long> full = scope(viewer).batches();
    for (Batch b : warehouse.batches()) {
      if (full.contains(b.id())) {
        continue;
      }
      for (Approval a :
          policy.policy().opened(viewer, b.provenance(), b.id(), approvals, policy.today())) {
        out.computeIfAbsent(b.id(), k -> new java.util.ArrayList<>()).add(a.subset());
      }
    }
    return out;
  }

  /**
   * What the viewer may count: for a counts-only task (strategic analysis), the batches the policy
   * makes count-only, never a value among them; for any other purpose, what the viewer may read.
   */
  Scope countScope(Viewer viewer) {
    if (!countsOnly(viewer)) {
      return scope(viewer);
    }
    List<Grant> grants = warehouse.grantsFor(viewer.user().name());
    Set<Long> counted = new HashSet<>();
    for (Batch b : warehouse.batches()) {
      if (policy.decide(viewer, b, grants) == Visibility.COUNT_ONLY) {
        counted.add(b.id());
      }
    }
    return new Scope(counted, Map.of());
  }

  /** Whether the viewer reads for a counts-only task: totals only, never a value. */
  public boolean countsOnly(Viewer viewer) {
    return policy.policy().bases().countsOnly(viewer.purpose().legalTask());
  }

  /**
   * Appends to the audit log what the viewer did: for operations above the store that answer from
   * what they keep between questions (payment graphs, route shipments, scored records) and audit
   * that read themselves.
   */
  public void audited(Viewer viewer, String action, Map<String, Object> detail) {
    audit.append(
        new AuditLog.Event(viewer.user().name(), viewer.purpose().token(), action, detail));
  }

  public List<SearchHit> search(Viewer viewer, SearchQuery query) {
    List<SearchHit> hits = index.search(query, scope(viewer), batchesOf(query));
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
    Set<Long> out = new HashSet<>();
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
    List<SearchHit> hits = index.similar(name, birthDate, limit, scope(viewer));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("name", name);
    if (birthDate != null) {
      detail.put("birth_date", birthDate);
    }
    detail.put("returned", hits.stream().map(SearchHit::id).toList());
    audited(viewer, "match", detail);
    return hits;
  }

  @Override
  public void close() {
    if (holders.decrementAndGet() > 0) {
      return;
    }
    index.close();
    messageIndex.close();
    warehouse.close();
  }

  /** Holders of the open store: its opener and those it lent itself to ({@link #retain()}). */
  private final AtomicInteger holders = new AtomicInteger(1);

  /**
   * Lends the open store to one more holder, who closes it as if it had opened it: the store closes
   * when the last holder does. A server lends its store to the commands it runs for clients.
   */
  public Store retain() {
    if (holders.getAndIncrement() <= 0) {
      holders.decrementAndGet();
      throw new StoreException("the store is closed");
    }
    return this;
  }
}
