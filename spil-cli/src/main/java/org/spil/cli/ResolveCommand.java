package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil resolve}: resolves the persons and companies the viewer may see (blocking,
 * Fellegi-Sunter scoring, coherent clustering) and keeps the clusters for {@code spil clusters}.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = "Resolve who is who among the persons and companies you may see.")
final class ResolveCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--threshold",
      defaultValue = "0.9",
      paramLabel = "P",
      description = "Match probability to merge (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (threshold <= 0 || threshold >= 1) {
      throw new IllegalArgumentException("--threshold must be between 0 and 1, not " + threshold);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Store store = Store.open(spil.dataDir(), true, LocalDate.now())) {
      Viewer v = viewer.viewer(store);
      long start = System.nanoTime();
      Map<String, ResolveRecord> records = ResolveRecords.read(store, v);
      err.printf("  read %,d records%n", records.size());
      err.flush();
      Resolution resolution = new Resolution(ResolveRecords.list(records), threshold);
      for (Store.Judgement j : store.judgements()) {
        resolution.judge(j.a(), j.b(), j.verdict().equals("same"));
      }
      int pairs = resolution.score(500, 1);
      err.printf("  scored %,d candidate pairs%n", pairs);
      err.flush();
      List<Resolution.Cluster> clusters = resolution.clusters();
      Map<String, List<String>> saved = new LinkedHashMap<>();
      long merged = 0;
      for (Resolution.Cluster c : clusters) {
        saved.put(c.canonicalId(), c.members());
        if (c.members().size() > 1) {
          merged++;
        }
      }
      store.saveClusters(v, saved);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", records.size());
        m.put("candidate_pairs", pairs);
        m.put("clusters", clusters.size());
        m.put("clusters_with_several_records", merged);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        Json.print(out, m);
      } else {
        out.printf(
            "resolved %,d records: %,d candidate pairs, %,d clusters (%,d with several records) in %.1f s%n",
            records.size(), pairs, clusters.size(), merged, seconds);
      }
    }
    out.flush();
    return 0;
  }
}
