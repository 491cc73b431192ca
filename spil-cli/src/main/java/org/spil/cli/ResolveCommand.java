package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.policy.Viewer;
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
      defaultValue = "" + org.spil.resolve.Resolution.DEFAULT_THRESHOLD,
      paramLabel = "P",
      description = "Match probability to merge (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--incremental",
      description =
          "Score only records that are new since your last resolution for this purpose, with the"
              + " weights estimated then; earlier clusters are kept and can grow or merge.")
  boolean incremental;

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
      ResolutionRun.Result r = ResolutionRun.run(store, v, threshold, incremental, err);
      long merged = r.clusters().stream().filter(c -> c.members().size() > 1).count();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", r.records().size());
        m.put("new_records", r.fresh());
        m.put("incremental", r.incremental());
        m.put("candidate_pairs", r.pairs());
        m.put("clusters", r.clusters().size());
        m.put("clusters_with_several_records", merged);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        Json.print(out, m);
      } else {
        out.printf(
            "resolved %,d records (%,d new%s): %,d candidate pairs, %,d clusters (%,d with several records) in %.1f s%n",
            r.records().size(),
            r.fresh(),
            r.incremental() ? ", incremental" : "",
            r.pairs(),
            r.clusters().size(),
            merged,
            seconds);
      }
    }
    out.flush();
    return 0;
  }
}
