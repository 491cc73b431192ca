package org.spil.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.spil.app.ResolveRecords;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.resolve.Score;
import org.spil.store.Store;
import org.spil.synth.GroundTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench resolve}: generates the scenario at a scale, ingests every source, resolves
 * everything a member of the joint case may see, and scores the clusters against the ground truth
 * (pairwise precision, recall and F1 over person and company records), with timings.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = "Score entity resolution on the synthetic scenario's truth.")
final class ResolveBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "10000",
      paramLabel = "N",
      description = "Persons (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--threshold",
      defaultValue = "" + Resolution.DEFAULT_THRESHOLD,
      split = ",",
      paramLabel = "P",
      description =
          "Match probability to merge at; several (comma-separated) are clustered from one scoring"
              + " (default: ${DEFAULT-VALUE}).")
  List<Double> thresholds;

  private double threshold;

  @Option(
      names = "--max-block",
      defaultValue = "0",
      paramLabel = "B",
      description =
          "Largest block a name key may make (default 0: by the number of records,"
              + " 500 up to 100,000, 200 from 1,000,000).")
  int maxBlock;

  @Option(
      names = "--errors",
      defaultValue = "0",
      paramLabel = "N",
      description = "Also print up to N wrongly merged and N missed candidate pairs, explained.")
  int errors;

  @Option(
      names = "--real",
      paramLabel = "FILE",
      description =
          "Score on a real labelled file instead of the scenario, Parquet or CSV: Splink's"
              + " historical_figures_with_errors_50k.parquet or fake_1000.csv (columns unique_id,"
              + " cluster, first_name, surname, and where present dob, birth_place or city,"
              + " email, address or postcode_fake).")
  Path real;

  @Option(
      names = "--without",
      paramLabel = "COLUMN",
      split = ",",
      description =
          "With --real: leave these columns out, as sparse sources do (dob, birth_place, city,"
              + " email, address, postcode_fake), e.g. --without dob.")
  List<String> without = new ArrayList<>();

  @picocli.CommandLine.Mixin ScenarioBenchOptions scenario;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    threshold = thresholds.get(0);
    if (real != null) {
      return real(out);
    }
    Path generated = this.scenario.dir("resolve-bench", scale).resolve("scenario");
    try (Store store = this.scenario.open("resolve-bench", scale, out)) {
      Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
      long t0 = System.nanoTime();
      Map<String, ResolveRecord> records = ResolveRecords.read(store, v);
      long t1 = System.nanoTime();
      Resolution r = new Resolution(ResolveRecords.list(records), threshold);
      int pairs = r.score(Resolution.maxBlock(maxBlock, records.size()), 1);
      long t2 = System.nanoTime();
      List<Resolution.Cluster> clusters = r.clusters();
      long t3 = System.nanoTime();
      Map<String, String> truth = new HashMap<>();
      new GroundTruth(generated)
          .eachRecord(
              rec -> {
                if (records.containsKey(rec.entityId())) {
                  truth.put(rec.entityId(), rec.truthId());
                }
              });
      Score s = Score.pairwise(clusters, truth);
      out.printf(
          "resolve at scale %,d: %,d records (%,d with truth), %,d candidate pairs; read %.1f s, block+score %.1f s (%,.0f pairs/s), cluster %.1f s%n",
          scale,
          records.size(),
          truth.size(),
          pairs,
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          pairs / ((t2 - t1) / 1e9),
          (t3 - t2) / 1e9);
      out.printf(
          "  of which blocking %.1f s, comparing %.1f s (%,.0f comparisons/s on %d cores)%n",
          r.timings()[0],
          r.timings()[1],
          pairs / Math.max(1e-9, r.timings()[1]),
          Runtime.getRuntime().availableProcessors());
      out.printf(
          "  end to end %.1f s; heap peaks summed over pools %.2f GB of %.2f GB allowed%n",
          (t3 - t0) / 1e9, peakHeap() / 1e9, Runtime.getRuntime().maxMemory() / 1e9);
      out.printf(
          "pairwise precision %.3f, recall %.3f, F1 %.3f (%,d true pairs, %,d predicted, %,d correct)%n",
          s.precision(), s.recall(), s.f1(), s.truePairs(), s.predictedPairs(), s.correctPairs());
      // the persons known by a name and perhaps an address alone (a parcel's consignee): scored
      // among themselves, so that sparse records' figures are not drowned by the rest
      Map<String, String> sparse = new HashMap<>();
      truth.forEach(
          (id, who) -> {
            ResolveRecord rec = records.get(id);
            if (rec.kind() == ResolveRecord.Kind.PERSON
                && rec.dob() == null
                && rec.identifiers().isEmpty()) {
              sparse.put(id, who);
            }
          });
      Score sp = Score.pairwise(clusters, sparse);
      out.printf(
          "  persons without date of birth or identifier (%,d records): precision %.3f, recall %.3f, F1 %.3f (%,d true pairs)%n",
          sparse.size(), sp.precision(), sp.recall(), sp.f1(), sp.truePairs());
      for (double other : thresholds.subList(1, thresholds.size())) {
        r.threshold(other);
        Score o = Score.pairwise(r.clusters(), truth);
        out.printf(
            "  at %.2f: precision %.3f, recall %.3f, F1 %.3f%n",
            other, o.precision(), o.recall(), o.f1());
      }
      if (errors > 0) {
        r.threshold(threshold);
        printErrors(out, r, clusters, truth, records);
      }
    }
    out.flush();
    return 0;
  }

  /** The most heap the process has used so far: the sum of the heap pools' peaks. */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** Resolution of a labelled Parquet file of person records, scored pairwise and by cluster. */
  private int real(PrintWriter out) throws Exception {
    if (!Files.isRegularFile(real)) {
      throw new IllegalArgumentException("--real: no such file: " + real);
    }
    Set<String> known = Set.of("dob", "birth_place", "city", "email", "address", "postcode_fake");
    for (String w : without) {
      if (!known.contains(w)) {
        throw new IllegalArgumentException(
            "--without: '" + w + "' is not one of " + new TreeSet<>(known));
      }
    }
    List<ResolveRecord> records = new ArrayList<>();
    Map<String, String> truth = new HashMap<>();
    String file = real.toAbsolutePath().toString().replace("'", "''");
    String sql =
        "SELECT * FROM "
            + (real.getFileName().toString().endsWith(".csv")
                ? "read_csv('" + file + "', all_varchar = true)"
                : "read_parquet('" + file + "')");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      Set<String> columns = new HashSet<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnName(i));
      }
      for (String needed : List.of("unique_id", "cluster", "first_name", "surname")) {
        if (!columns.contains(needed)) {
          throw new IllegalArgumentException(real + ": no column '" + needed + "'");
        }
      }
      columns.removeAll(without);
      String place =
          columns.contains("birth_place")
              ? "birth_place"
              : columns.contains("city") ? "city" : null;
      String address =
          columns.contains("address")
              ? "address"
              : columns.contains("postcode_fake") ? "postcode_fake" : null;
      while (rs.next()) {
        String id = rs.getString("unique_id");
        truth.put(id, rs.getString("cluster"));
        String name =
            (blank(rs.getString("first_name")) + " " + blank(rs.getString("surname"))).strip();
        String email = columns.contains("email") ? rs.getString("email") : null;
        records.add(
            new ResolveRecord(
                id,
                ResolveRecord.Kind.PERSON,
                name.isEmpty() ? null : name,
                columns.contains("dob") ? empty(rs.getString("dob")) : null,
                email == null || email.isBlank()
                    ? Set.of()
                    : Set.of("email:" + email.strip().toLowerCase(Locale.ROOT)),
                Set.of(),
                place == null ? null : empty(rs.getString(place)),
                null,
                address == null ? null : empty(rs.getString(address))));
      }
    }
    long t0 = System.nanoTime();
    Resolution r = new Resolution(records, threshold);
    int pairs = r.score(Resolution.maxBlock(maxBlock, records.size()), 1);
    List<Resolution.Cluster> clusters = r.clusters();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Score s = Score.pairwise(clusters, truth);
    Score exact = Score.exactClusters(clusters, truth);
    out.printf(
        "%s%s: %,d records, %,d candidate pairs, resolved in %.1f s%n",
        real.getFileName(),
        without.isEmpty() ? "" : " without " + String.join(", ", without),
        records.size(),
        pairs,
        seconds);
    out.printf(
        "pairwise precision %.3f, recall %.3f, F1 %.3f; exact clusters precision %.3f, recall %.3f, F1 %.3f (%,d true identities, %,d clusters)%n",
        s.precision(),
        s.recall(),
        s.f1(),
        exact.precision(),
        exact.recall(),
        exact.f1(),
        exact.truePairs(),
        exact.predictedPairs());
    if (errors > 0) {
      Map<String, ResolveRecord> byId = new LinkedHashMap<>();
      records.forEach(rec -> byId.put(rec.id(), rec));
      printErrors(out, r, clusters, truth, byId);
    }
    for (double other : thresholds.subList(1, thresholds.size())) {
      r.threshold(other);
      List<Resolution.Cluster> at = r.clusters();
      Score o = Score.pairwise(at, truth);
      Score x = Score.exactClusters(at, truth);
      out.printf(
          "  at %.2f: pairwise precision %.3f, recall %.3f, F1 %.3f; exact clusters F1 %.3f%n",
          other, o.precision(), o.recall(), o.f1(), x.f1());
    }
    out.flush();
    return 0;
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  private static String empty(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Errors against the truth: up to {@code errors} wrongly merged and missed candidate pairs,
   * explained, then every error counted by the pair of sources it joins or separates, and how many
   * true pairs blocking never proposed.
   */
  private void printErrors(
      PrintWriter out,
      Resolution r,
      List<Resolution.Cluster> clusters,
      Map<String, String> truth,
      Map<String, ResolveRecord> records) {
    Map<String, String> clusterOf = new HashMap<>();
    for (Resolution.Cluster c : clusters) {
      for (String m : c.members()) {
        clusterOf.put(m, c.canonicalId());
      }
    }
    int merged = 0;
    int missed = 0;
    long proposed = 0;
    Map<String, long[]> bySources = new TreeMap<>();
    for (int i = 0; i < r.candidates(); i++) {
      String[] ab = r.ids(i);
      String ta = truth.get(ab[0]);
      String tb = truth.get(ab[1]);
      if (ta == null || tb == null) {
        continue;
      }
      boolean together = clusterOf.get(ab[0]).equals(clusterOf.get(ab[1]));
      boolean same = ta.equals(tb);
      proposed += same ? 1 : 0;
      if (together == same) {
        continue;
      }
      String x = String.valueOf(records.get(ab[0]).source());
      String y = String.valueOf(records.get(ab[1]).source());
      String key = x.compareTo(y) <= 0 ? x + " / " + y : y + " / " + x;
      bySources.computeIfAbsent(key, k -> new long[2])[same ? 0 : 1]++;
      if (together && merged < errors) {
        Resolution.ScoredPair p = r.pair(i);
        if (p.probability() >= threshold) {
          merged++;
          out.println("WRONGLY MERGED " + describe(records, p));
        }
      } else if (!together && missed++ < errors) {
        out.println("MISSED " + describe(records, r.pair(i)));
      }
    }
    out.printf("true pairs among the candidates: %,d%n", proposed);
    printUnproposed(out, r, truth, records);
    out.println("errors by sources (missed, wrongly merged):");
    bySources.entrySet().stream()
        .sorted(
            (x, y) ->
                Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]))
        .limit(15)
        .forEach(
            e -> out.printf("  %-28s %,8d %,8d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
  }

  /** Up to {@code errors} true pairs that blocking never proposed, with both records. */
  private void printUnproposed(
      PrintWriter out,
      Resolution r,
      Map<String, String> truth,
      Map<String, ResolveRecord> records) {
    Map<String, Integer> index = new HashMap<>();
    List<String> ids = new ArrayList<>(records.keySet());
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    long[] candidates = new long[r.candidates()];
    for (int p = 0; p < candidates.length; p++) {
      String[] ab = r.ids(p);
      int a = index.get(ab[0]);
      int b = index.get(ab[1]);
      candidates[p] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
    Arrays.sort(candidates);
    Map<String, List<Integer>> identities = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String t = truth.get(ids.get(i));
      if (t != null) {
        identities.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
      }
    }
    int shown = 0;
    for (List<Integer> members : identities.values()) {
      for (int x = 0; x < members.size() && shown < errors; x++) {
        for (int y = x + 1; y < members.size() && shown < errors; y++) {
          long key = ((long) members.get(x) << 32) | members.get(y);
          if (Arrays.binarySearch(candidates, key) < 0) {
            shown++;
            out.println("NOT PROPOSED");
            out.println("  " + records.get(ids.get(members.get(x))));
            out.println("  " + records.get(ids.get(members.get(y))));
          }
        }
      }
    }
  }

  private static String describe(Map<String, ResolveRecord> records, Resolution.ScoredPair p) {
    return String.format(
        "%.3f%n  %s%n  %s%n  %s",
        p.probability(),
        records.get(p.a()),
        records.get(p.b()),
        String.join("; ", p.explanation()));
  }
}
