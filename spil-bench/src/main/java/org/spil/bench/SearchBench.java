package org.spil.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spil.model.types.Iban;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Store;
import org.spil.synth.PersonRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench search}: latency of searches on the warehouse that {@code spil bench ingest
 * --keep} built: names with typos, names in "LAST, First" order, IBANs with spaces and phone
 * numbers in national format. Prints p50, p95 and p99 after a warm-up.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Benchmark search latency.")
final class SearchBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin BenchOptions bench;

  @Option(
      names = "--queries",
      defaultValue = "1000",
      description = "Measured queries (default: ${DEFAULT-VALUE}).")
  int queries;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path data = bench.data();
    if (!Files.exists(data)) {
      throw new IllegalArgumentException(
          data + " missing: run 'spil bench ingest --rows " + bench.rows + " --keep' first");
    }
    Random r = new Random(7);
    Viewer viewer =
        new Viewer(
            new User("bench", "politie-nl", Set.of(Role.ANALYST)), Purpose.task("wpg-art-9"));
    try (Store store = Store.open(data, false, LocalDate.now())) {
      for (int i = 0; i < 200; i++) {
        store.search(viewer, query(r));
      }
      long[] nanos = new long[queries];
      long[] policyNanos = new long[queries];
      long[] decisionNanos = new long[queries];
      long hits = 0;
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < queries; i++) {
        SearchQuery q = query(r);
        long t = System.nanoTime();
        List<SearchHit> found = store.search(viewer, q);
        nanos[i] = System.nanoTime() - t;
        hits += found.size();
        if (i % 10 == 0 && !found.isEmpty()) {
          shown.add(found.get(0).id());
        }
        // what a search pays for the policy: the viewer's scope of this warehouse generation
        long p = System.nanoTime();
        store.visibleBatches(viewer);
        policyNanos[i] = System.nanoTime() - p;
        // the decision itself, as the first read of a viewer (or the first after a change) pays it
        Viewer fresh =
            new Viewer(
                new User("bench-" + i, "politie-nl", Set.of(Role.ANALYST)),
                Purpose.task("wpg-art-9"));
        long d = System.nanoTime();
        store.visibleBatches(fresh);
        decisionNanos[i] = System.nanoTime() - d;
      }
      Arrays.sort(policyNanos);
      Arrays.sort(decisionNanos);
      Arrays.sort(nanos);
      Runtime rt = Runtime.getRuntime();
      out.printf(
          "search on %,d persons: %d queries, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f hits/query, heap used %d MiB%n",
          bench.rows,
          queries,
          nanos[queries / 2] / 1e6,
          nanos[(int) (queries * 0.95)] / 1e6,
          nanos[(int) (queries * 0.99)] / 1e6,
          nanos[queries - 1] / 1e6,
          (double) hits / queries,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
      out.printf(
          "policy evaluation (visible batches for user and purpose): p50 %.3f ms = %.1f%% of the"
              + " p50 search; decided afresh (a viewer's first read, or after a change): p50 %.3f"
              + " ms = %.1f%%%n",
          policyNanos[queries / 2] / 1e6,
          100.0 * policyNanos[queries / 2] / nanos[queries / 2],
          decisionNanos[queries / 2] / 1e6,
          100.0 * decisionNanos[queries / 2] / nanos[queries / 2]);
      // what 'spil show' reads: one entity with every visible value and its provenance
      long[] showNanos = new long[shown.size()];
      for (int i = 0; i < shown.size(); i++) {
        long t = System.nanoTime();
        store.entities().entity(viewer, shown.get(i));
        showNanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(showNanos);
      if (showNanos.length > 0) {
        out.printf(
            "show (entity with provenance) of %d hits: p50 %.1f ms, p95 %.1f ms%n",
            showNanos.length,
            showNanos[showNanos.length / 2] / 1e6,
            showNanos[(int) (showNanos.length * 0.95)] / 1e6);
      }
    }
    out.flush();
    return 0;
  }

  @Option(
      names = "--limit",
      defaultValue = "10",
      paramLabel = "N",
      description = "Hits per query (default: ${DEFAULT-VALUE}).")
  int limit;

  private SearchQuery query(Random r) {
    int kind = r.nextInt(4);
    String text =
        switch (kind) {
          case 0 -> typo(PersonRegister.first(r) + " " + PersonRegister.last(r), r);
          case 1 -> PersonRegister.last(r).toUpperCase() + ", " + PersonRegister.first(r);
          case 2 ->
              spaced(
                  Iban.withCheckDigits(
                      "NL", "ABNA0" + String.format("%09d", r.nextInt(bench.rows))));
          default -> "06 " + (10_000_000 + r.nextInt(89_999_999));
        };
    return new SearchQuery(text, null, null, null, null, limit, "NL");
  }

  private static String typo(String s, Random r) {
    int i = 1 + r.nextInt(s.length() - 2);
    return s.substring(0, i) + s.substring(i + 1);
  }

  private static String spaced(String iban) {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < iban.length(); i += 4) {
      groups.add(iban.substring(i, Math.min(iban.length(), i + 4)));
    }
    return String.join(" ", groups).toLowerCase();
  }
}
