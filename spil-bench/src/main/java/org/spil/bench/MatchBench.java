package org.spil.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.spil.app.ResolveRecords;
import org.spil.app.Resolving;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.store.Store;
import org.spil.synth.GroundTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench match}: match-by-example latency on the scenario at a scale, after a full
 * resolution has saved its weights: queries are visible person records (name and date of birth as
 * another source wrote them), each answered as {@code spil match} answers it (search-index
 * candidates within the viewer's scope, weighed with the saved model), with p50/p95/p99, and how
 * often the record itself comes in the top 3, and, against the scenario's truth, how often the best
 * other hit is another record of the same person and how many of those records the top 10 holds.
 * {@code --keep} reuses the scenario warehouse of an earlier run at the same scale, and its saved
 * resolution when there is one.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = "Time match by example on the synthetic scenario.")
final class MatchBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scale", defaultValue = "10000", paramLabel = "N")
  int scale;

  @Option(names = "--queries", defaultValue = "500", paramLabel = "Q")
  int queries;

  @Option(
      names = "--max-block",
      defaultValue = "0",
      paramLabel = "B",
      description =
          "Largest block a name key may make in the resolution (default 0: by the number of records,"
              + " 500 up to 100,000, 200 from 1,000,000).")
  int maxBlock;

  @picocli.CommandLine.Mixin ScenarioBenchOptions scenario;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = scenario.open("match-bench", scale, out)) {
      Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
      long t0 = System.nanoTime();
      Map<String, ResolveRecord> records;
      Resolving resolving = new Resolving(store);
      if (scenario.keep && resolving.model(v).isPresent()) {
        records = ResolveRecords.read(store, v);
        out.printf(
            "scale %,d: reusing the saved resolution; read %,d records in %.1f s%n",
            scale, records.size(), (System.nanoTime() - t0) / 1e9);
      } else {
        Resolving.Run run =
            resolving.resolve(v, Resolution.DEFAULT_THRESHOLD, false, maxBlock, line -> {});
        records = run.records();
        out.printf(
            "scale %,d: resolved %,d records in %.1f s%n",
            scale, records.size(), (System.nanoTime() - t0) / 1e9);
      }
      out.flush();
      Resolution.Model model = resolving.model(v).orElseThrow();
      Resolution scorer = Resolution.scorer(model);
      List<Query> drawn = queries(records, scale, warmupCount() + queries);
      records.clear();
      System.gc();
      long[] times = new long[queries];
      long[] searching = new long[queries];
      int first = 0;
      int withOthers = 0;
      int otherFirst = 0;
      long others = 0;
      long othersFound = 0;
      for (int q = -warmupCount(); q < queries; q++) {
        Query drawnQuery = drawn.get(q + warmupCount());
        ResolveRecord target = drawnQuery.target();
        ResolveRecord query =
            new ResolveRecord(
                "query",
                ResolveRecord.Kind.EITHER,
                target.name(),
                target.dob(),
                Set.of(),
                Set.of(),
                null);
        long t = System.nanoTime();
        Map<String, ResolveRecord> candidates = new LinkedHashMap<>();
        resolving.candidates(v, target.name(), target.dob(), null, candidates);
        long found = System.nanoTime();
        List<Resolution.ScoredPair> ranked =
            scorer.rank(query, ResolveRecords.list(candidates), 10);
        long elapsed = System.nanoTime() - t;
        if (q < 0) {
          continue;
        }
        times[q] = elapsed;
        searching[q] = found - t;
        if (ranked.stream().limit(3).anyMatch(p -> p.b().equals(target.id()))) {
          first++;
        }
        Set<String> same = drawnQuery.samePerson();
        if (!same.isEmpty()) {
          withOthers++;
          others += same.size();
          List<String> rest =
              ranked.stream()
                  .map(Resolution.ScoredPair::b)
                  .filter(id -> !id.equals(target.id()))
                  .toList();
          if (!rest.isEmpty() && same.contains(rest.get(0))) {
            otherFirst++;
          }
          othersFound += rest.stream().filter(same::contains).count();
        }
      }
      Arrays.sort(times);
      out.printf(
          "%,d queries: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; the record itself in the top 3: %.1f%%%n",
          queries,
          times[queries / 2] / 1e6,
          times[(int) (queries * 0.95)] / 1e6,
          times[(int) (queries * 0.99)] / 1e6,
          times[queries - 1] / 1e6,
          100.0 * first / queries);
      Arrays.sort(searching);
      out.printf(
          "  of which the candidate search (audited, within the viewer's scope): p50 %.1f ms, p95 %.1f ms%n",
          searching[queries / 2] / 1e6, searching[(int) (queries * 0.95)] / 1e6);
      out.printf(
          "  %,d queries whose person has other visible records: the best other hit is the same person"
              + " for %.1f%%; %.1f%% of those records in the top 10%n",
          withOthers,
          withOthers == 0 ? 0.0 : 100.0 * otherFirst / withOthers,
          others == 0 ? 0.0 : 100.0 * othersFound / others);
    }
    out.flush();
    return 0;
  }

  /** A query drawn from a visible person record, with the other records of the same person. */
  private record Query(ResolveRecord target, Set<String> samePerson) {}

  private int warmupCount() {
    return Math.min(50, queries);
  }

  /**
   * {@code n} queries drawn (seeded) from the visible person records that carry a name, a date of
   * birth and a truth id, before timing, so that the records and the truth can be dropped and do
   * not weigh on the timed queries' garbage collection.
   */
  private List<Query> queries(Map<String, ResolveRecord> records, int scale, int n) {
    Map<String, String> truth = new HashMap<>();
    new GroundTruth(scenario.dir("match-bench", scale).resolve("scenario"))
        .eachRecord(
            rec -> {
              if (records.containsKey(rec.entityId())) {
                truth.put(rec.entityId(), rec.truthId());
              }
            });
    Map<String, List<String>> byPerson = new HashMap<>();
    truth.forEach((id, t) -> byPerson.computeIfAbsent(t, k -> new ArrayList<>()).add(id));
    List<ResolveRecord> persons = new ArrayList<>();
    for (ResolveRecord r : records.values()) {
      if (r.kind() == ResolveRecord.Kind.PERSON
          && r.name() != null
          && r.dob() != null
          && truth.containsKey(r.id())) {
        persons.add(r);
      }
    }
    persons.sort(Comparator.comparing(ResolveRecord::id));
    SplittableRandom random = new SplittableRandom(1);
    List<Query> drawn = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ResolveRecord target = persons.get(random.nextInt(persons.size()));
      Set<String> same = new HashSet<>(byPerson.get(truth.get(target.id())));
      same.remove(target.id());
      drawn.add(new Query(target, same));
    }
    return drawn;
  }
}
