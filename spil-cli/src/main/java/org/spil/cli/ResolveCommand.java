package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.Resolving;
import org.spil.resolve.Resolution;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil resolve}: resolves the persons and companies the viewer may see (blocking,
 * Fellegi-Sunter scoring, coherent clustering) for the viewer's team (the case's members, or the
 * agency's users for the legal task) and keeps the clusters for {@code spil clusters}.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolve who is who among the persons and companies you may see.",
      "The clusters are shared with your team: the members of the case you read for, or your"
          + " agency's users reading for the same legal task."
    })
final class ResolveCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--threshold",
      defaultValue = "" + Resolution.DEFAULT_THRESHOLD,
      paramLabel = "P",
      description = "Match probability to merge (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--incremental",
      description =
          "Score only records that are new since your team's last resolution, with the weights"
              + " estimated then; earlier clusters are kept and can grow or merge.")
  boolean incremental;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Resolving.Summary s;
    try (Store store = spil.open(true)) {
      s =
          new Resolving(store)
              .resolve(
                  viewer.viewer(store),
                  threshold,
                  incremental,
                  0,
                  line -> {
                    err.println("  " + line);
                    err.flush();
                  })
              .summary();
    }
    if (json) {
      Output.json(out, s);
      return 0;
    }
    out.printf(
        "resolved %,d records (%,d new%s): %,d candidate pairs, %,d clusters (%,d with several"
            + " records) in %.1f s%n",
        s.records(),
        s.newRecords(),
        s.incremental() ? ", incremental" : "",
        s.candidatePairs(),
        s.clusters(),
        s.clustersWithSeveralRecords(),
        s.seconds());
    out.flush();
    return 0;
  }
}
