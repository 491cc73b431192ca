package org.spil.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.spil.model.InvalidField;
import org.spil.model.Normalised;
import org.spil.model.types.Countries;
import org.spil.model.types.PartialDates;
import org.spil.model.types.Text;
import org.spil.policy.Viewer;
import org.spil.resolve.Comparison;
import org.spil.resolve.EntityPair;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.resolve.Verdict;
import org.spil.store.EntityRecord;
import org.spil.store.Resolutions;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Store;
import org.spil.store.ValueRecord;

/**
 * Entity resolution for a viewer's team: resolve who is who among the persons and companies the
 * viewer may see, list the clusters, explain a pair, judge a pair, match an example against the
 * records, and find the pairs most worth judging. Built only from visible values, so results and
 * explanations never hold an invisible value.
 */
public final class Resolving {
  /** The resolution model's own JSON (kept in the warehouse; its keys are not an API). */
  private static final ObjectMapper MODEL_JSON = new ObjectMapper();

  /** How many search hits per name or identifier match by example weighs. */
  static final int MATCH_CANDIDATES = 25;

  private final Store store;

  public Resolving(Store store) {
    this.store = store;
  }

  /** What a run did: the records read, candidate pairs scored, clusters, and new records. */
  public record Run(
      Map<String, ResolveRecord> records,
      int pairs,
      List<Resolution.Cluster> clusters,
      boolean incremental,
      int fresh,
      double seconds) {

    /** The run in brief, as {@code spil resolve --json} and the API give it. */
    public Summary summary() {
      return new Summary(
          records.size(),
          fresh,
          incremental,
          pairs,
          clusters.size(),
          clusters.stream().filter(c -> c.members().size() > 1).count(),
          Math.round(seconds * 10) / 10.0);
    }
  }

  /** A resolution run in brief. */
  public record Summary(
      int records,
      int newRecords,
      boolean incremental,
      int candidatePairs,
      int clusters,
      long clustersWithSeveralRecords,
      double seconds) {}

  /**
   * Resolves what the viewer may see for the viewer's team: reads the visible records, applies the
   * team's judgements, scores (everything, or with {@code incremental} only records new since the
   * team's last run, with the weights saved then), clusters with canonical ids carried over from
   * the last run, and saves clusters and weights. {@code maxBlock} 0 sizes blocks by the number of
   * records; {@code progress} receives a line per step.
   */
  public Run resolve(
      Viewer viewer,
      double threshold,
      boolean incremental,
      int maxBlock,
      Consumer<String> progress) {
    if (threshold <= 0 || threshold >= 1) {
      throw new InvalidField("threshold", "must be between 0 and 1, not " + threshold);
    }
    long start = System.nanoTime();
    Map<String, ResolveRecord> records = ResolveRecords.read(store, viewer);
    progress.accept(String.format("read %,d records", records.size()));
    Map<String, String> previous = new HashMap<>();
    store
        .resolutions()
        .clusters(viewer)
        .forEach((id, members) -> members.forEach(m -> previous.put(m, id)));
    Optional<Resolution.Model> model = incremental ? model(viewer) : Optional.empty();
    if (incremental && (model.isEmpty() || previous.isEmpty())) {
      throw new InvalidField(
          "incremental",
          savedModel(viewer).isPresent() && !previous.isEmpty()
              ? "the team's last resolution was made with other comparisons (before addresses were"
                  + " compared); resolve without it once"
              : "needs an earlier full resolution for this team (the case, or your agency and"
                  + " legal task); resolve without it first");
    }
    int limit = Resolution.maxBlock(maxBlock, records.size());
    Resolution resolution = new Resolution(ResolveRecords.list(records), threshold);
    for (Resolutions.Judgement j : store.resolutions().judgements(viewer)) {
      resolution.judge(j.pair(), j.verdict());
    }
    int fresh = 0;
    for (String id : records.keySet()) {
      if (!previous.containsKey(id)) {
        fresh++;
      }
    }
    int pairs =
        incremental
            ? resolution.scoreNew(model.get(), previous.keySet(), limit)
            : resolution.score(limit, 1);
    progress.accept(
        String.format(
            "scored %,d candidate pairs%s",
            pairs, incremental ? String.format(" of %,d new records", fresh) : ""));
    List<Resolution.Cluster> clusters = resolution.clusters(previous, incremental);
    Map<String, List<String>> saved = new LinkedHashMap<>();
    clusters.forEach(c -> saved.put(c.canonicalId(), c.members()));
    store.resolutions().save(viewer, saved, modelJson(resolution.model()));
    // the team's watched entities that gained records raise their owners' alerts
    store.watches().afterResolution(viewer.team());
    return new Run(records, pairs, clusters, incremental, fresh, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The weights saved with the team's last resolution, if any and if they are of this version's
   * comparisons: a model saved before a comparison was added (the address, 2026-12-07) weighs
   * nothing now, and is as if there were none.
   */
  public Optional<Resolution.Model> model(Viewer viewer) {
    return savedModel(viewer).filter(m -> m.m().length == Comparison.COUNT);
  }

  private Optional<Resolution.Model> savedModel(Viewer viewer) {
    return store
        .resolutions()
        .model(viewer)
        .map(
            text -> {
              try {
                return MODEL_JSON.readValue(text, Resolution.Model.class);
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                    "the saved resolution model cannot be read; resolve again", e);
              }
            });
  }

  private static String modelJson(Resolution.Model model) {
    try {
      return MODEL_JSON.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The team's clusters as the viewer may see them, canonical id first; without {@code all} only
   * those of several records.
   */
  public List<Resolution.Cluster> clusters(Viewer viewer, boolean all) {
    List<Resolution.Cluster> out = new ArrayList<>();
    store
        .resolutions()
        .clusters(viewer)
        .forEach(
            (id, members) -> {
              if (all || members.size() > 1) {
                out.add(new Resolution.Cluster(id, members));
              }
            });
    return out;
  }

  /** A member of a resolved entity as the reader sees it. */
  public record Member(String id, String schema, String caption, List<String> datasets) {}

  /**
   * The resolved entity an entity belongs to (canonical id null when it stands alone), its members
   * the viewer may see (at most 100), and the team's judgements on pairs of them.
   */
  public record ClusterView(
      String canonicalId, List<Member> members, List<Resolutions.Judgement> judgements) {}

  /** The team's resolved entity of an entity (or of a canonical id), as the viewer may see it. */
  public ClusterView clusterOf(Viewer viewer, String id) {
    Map<String, List<String>> clusters = store.resolutions().clusters(viewer);
    String canonical = Resolution.isCanonicalId(id) && clusters.containsKey(id) ? id : null;
    if (canonical == null) {
      for (Map.Entry<String, List<String>> e : clusters.entrySet()) {
        if (e.getValue().contains(id)) {
          canonical = e.getKey();
          break;
        }
      }
    }
    List<String> ids = canonical == null ? List.of(id) : clusters.get(canonical);
    // the members read and audited once, not one show per member
    List<Member> members = new ArrayList<>();
    for (EntityRecord e :
        store
            .entities()
            .members(
                viewer,
                canonical == null ? id : canonical,
                ids.subList(0, Math.min(100, ids.size())))) {
      members.add(
          new Member(
              e.id(),
              e.schema(),
              e.caption(),
              e.properties().values().stream()
                  .flatMap(List::stream)
                  .map(ValueRecord::dataset)
                  .distinct()
                  .sorted()
                  .toList()));
    }
    Set<String> seen = new HashSet<>();
    members.forEach(m -> seen.add(m.id()));
    List<Resolutions.Judgement> judged = new ArrayList<>();
    for (Resolutions.Judgement j : store.resolutions().judgements(viewer)) {
      if (seen.contains(j.pair().a()) && seen.contains(j.pair().b())) {
        judged.add(j);
      }
    }
    return new ClusterView(members.size() > 1 ? canonical : null, members, judged);
  }

  /**
   * Why two records are (not) the same: weight, probability, and each feature's part; the records'
   * names for a reader (not in the JSON, which names the records by id).
   */
  public record Explanation(
      String a,
      String b,
      double weight,
      double probability,
      List<String> features,
      @JsonIgnore String nameA,
      @JsonIgnore String nameB) {}

  /**
   * Explains the match score of two entities with the model estimated on what the viewer may see;
   * empty when either is not a person or company the viewer may see (the same answer for one that
   * does not exist).
   */
  public Optional<Explanation> explain(Viewer viewer, String a, String b) {
    EntityPair pair = EntityPair.of(a, b);
    Scored scored = scored(viewer, Resolution.DEFAULT_THRESHOLD);
    Map<String, ResolveRecord> records = scored.records();
    if (!records.containsKey(pair.a()) || !records.containsKey(pair.b())) {
      return Optional.empty();
    }
    Resolution resolution = scored.resolution();
    Resolution.ScoredPair p = resolution.explain(records.get(a), records.get(b));
    return Optional.of(
        new Explanation(
            a,
            b,
            Math.round(p.weight() * 100) / 100.0,
            Math.round(p.probability() * 1000) / 1000.0,
            p.explanation(),
            records.get(a).name(),
            records.get(b).name()));
  }

  /**
   * Records the viewer's judgement on two entities for the team; it steers every later resolution
   * of the team.
   */
  public Resolutions.Judgement judge(
      Viewer viewer, String a, String b, String verdict, boolean revise) {
    return store.resolutions().judge(viewer, EntityPair.of(a, b), Verdict.parse(verdict), revise);
  }

  /** An example to match: a name, a date of birth, a country and an identifier, any left out. */
  public record Example(String name, String dob, String country, String id) {}

  /** A record like the example, with its score and why. */
  public record Candidate(
      String id, String name, double score, double weight, List<String> explanation) {}

  /**
   * The records like an example: {@code candidates} best first, and whether the weights were
   * estimated now (no saved resolution of the team: slower).
   */
  public record Matches(List<Candidate> candidates, boolean estimated) {}

  /**
   * Match by example, as OpenSanctions' yente {@code /match} does: the example is scored against
   * the persons and companies the viewer may see with the team's resolution model (or one estimated
   * now), best first, each with its explanation.
   */
  public Matches match(Viewer viewer, Example example, int limit) {
    String name = example.name();
    String id = example.id();
    if ((name == null || name.isBlank()) && (id == null || id.isBlank())) {
      throw new InvalidField("name", "an empty match query: give a name (with dob, country) or id");
    }
    String dob = null;
    if (example.dob() != null && !example.dob().isBlank()) {
      Normalised n = PartialDates.normalise(example.dob(), List.of("%d-%m-%Y", "%d/%m/%Y"));
      if (!(n instanceof Normalised.Valid v)) {
        throw new InvalidField("dob", "not a date: " + example.dob());
      }
      dob = v.value();
    }
    Set<String> countries = new TreeSet<>();
    if (example.country() != null && !example.country().isBlank()) {
      String c = Countries.lookup(example.country());
      if (c == null) {
        throw new InvalidField("country", "unknown country '" + example.country() + "'");
      }
      countries.add(c);
    }
    Set<String> ids = new TreeSet<>();
    if (id != null && !id.isBlank()) {
      if (id.contains("@")) {
        ids.add("email:" + id.strip().toLowerCase());
      } else {
        // the kind of a bare number is unknown: it may be any of the record identifiers
        for (String kind : ResolveRecords.NUMBER_KINDS) {
          ids.add(kind + ":" + Text.compact(id));
        }
      }
    }
    ResolveRecord query =
        new ResolveRecord("query", ResolveRecord.Kind.EITHER, name, dob, ids, countries, null);
    Map<String, ResolveRecord> records = new LinkedHashMap<>();
    Optional<Resolution.Model> model = model(viewer);
    List<Resolution.ScoredPair> ranked;
    if (model.isPresent()) {
      candidates(viewer, name, dob, id, records);
      ranked = Resolution.scorer(model.get()).rank(query, ResolveRecords.list(records), limit);
    } else {
      records.putAll(ResolveRecords.read(store, viewer));
      Resolution resolution =
          new Resolution(ResolveRecords.list(records), Resolution.DEFAULT_THRESHOLD);
      resolution.score(Resolution.maxBlockFor(records.size()), 1);
      ranked = resolution.match(query, limit);
    }
    List<Candidate> out = new ArrayList<>();
    for (Resolution.ScoredPair p : ranked) {
      out.add(
          new Candidate(
              p.b(),
              records.get(p.b()).name(),
              Math.round(p.probability() * 1000) / 1000.0,
              Math.round(p.weight() * 100) / 100.0,
              p.explanation()));
    }
    return new Matches(out, model.isEmpty());
  }

  /**
   * Candidates from the search index, within the viewer's scope: the persons and companies born on
   * the date (or one typo away) whose names share a key with the name, those the name finds alone
   * (transliterated, fuzzy), and those the identifier finds in any spelling.
   */
  public void candidates(
      Viewer viewer, String name, String dob, String id, Map<String, ResolveRecord> into) {
    List<SearchHit> hits = new ArrayList<>();
    if (name != null && !name.isBlank()) {
      hits.addAll(store.similar(viewer, name, dob, MATCH_CANDIDATES));
    }
    if (id != null && !id.isBlank()) {
      hits.addAll(
          store.search(
              viewer, new SearchQuery(id, null, null, null, null, MATCH_CANDIDATES, null)));
    }
    for (SearchHit h : hits) {
      if (ResolveRecords.SCHEMATA.contains(h.schema())) {
        into.putIfAbsent(h.id(), ResolveRecords.record(h.id(), h.schema(), null, h.properties()));
      }
    }
  }

  /** A pair worth judging: its records' names, its probability and why. */
  public record ReviewPair(
      String a,
      String b,
      String nameA,
      String nameB,
      double probability,
      List<String> explanation) {}

  /**
   * The candidate pairs whose match probability lies closest to the threshold (in log odds), not
   * yet judged by the team, with explanations: where a judgement helps most.
   */
  public List<ReviewPair> review(Viewer viewer, double threshold, int limit) {
    if (threshold <= 0 || threshold >= 1) {
      throw new InvalidField("threshold", "must be between 0 and 1, not " + threshold);
    }
    Scored scored = scored(viewer, threshold);
    Map<String, ResolveRecord> records = scored.records();
    Resolution resolution = scored.resolution();
    Set<EntityPair> judged = new HashSet<>();
    for (Resolutions.Judgement j : store.resolutions().judgements(viewer)) {
      judged.add(j.pair());
    }
    // nearest the threshold first, by weight alone: explanations only for the pairs returned
    double odds = Math.log(threshold / (1 - threshold)) / Math.log(2);
    Integer[] order = new Integer[resolution.candidates()];
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    Arrays.sort(order, Comparator.comparingDouble(p -> Math.abs(resolution.weight(p) - odds)));
    List<ReviewPair> out = new ArrayList<>();
    for (int i = 0; i < order.length && out.size() < limit; i++) {
      String[] ids = resolution.ids(order[i]);
      if (judged.contains(EntityPair.of(ids[0], ids[1]))) {
        continue;
      }
      Resolution.ScoredPair p = resolution.pair(order[i]);
      out.add(
          new ReviewPair(
              p.a(),
              p.b(),
              records.get(p.a()).name(),
              records.get(p.b()).name(),
              Math.round(p.probability() * 1000) / 1000.0,
              p.explanation()));
    }
    return out;
  }

  /** The records a viewer may resolve and their pairs scored, with the model estimated on them. */
  record Scored(Map<String, ResolveRecord> records, Resolution resolution) {}

  /** Most scored resolutions kept: each holds every record and pair one reader may resolve. */
  static final int KEPT = 2;

  /**
   * Scored resolutions kept per store, reader, purpose, threshold, warehouse generation and day:
   * the review queue and each explanation answer from one scoring of every candidate pair until the
   * warehouse changes (a batch, a grant, a resolution, a judgement's resolution).
   */
  private static final Map<String, Scored> KEPT_SCORES =
      Collections.synchronizedMap(
          new LinkedHashMap<>(4, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Scored> eldest) {
              return size() > KEPT;
            }
          });

  private Scored scored(Viewer viewer, double threshold) {
    String key =
        String.join(
            "\u0000",
            Integer.toString(System.identityHashCode(store)),
            store.dir().toString(),
            viewer.user().name(),
            viewer.purpose().token(),
            Double.toString(threshold),
            Long.toString(store.generation()),
            store.today().toString());
    Scored kept = KEPT_SCORES.get(key);
    if (kept != null) {
      // answered from the records read before: the read is audited all the same
      store.audited(
          viewer, "entities-read", Map.of("entities", kept.records().size(), "kept", true));
      return kept;
    }
    Map<String, ResolveRecord> records = ResolveRecords.read(store, viewer);
    Resolution resolution = new Resolution(ResolveRecords.list(records), threshold);
    resolution.score(Resolution.maxBlockFor(records.size()), 1);
    Scored scored = new Scored(records, resolution);
    KEPT_SCORES.put(key, scored);
    return scored;
  }
}
