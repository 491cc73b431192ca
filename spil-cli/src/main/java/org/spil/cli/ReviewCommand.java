package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
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
 * {@code spil review}: the candidate pairs whose match probability lies closest to the threshold,
 * not yet judged by the team, with explanations: where an analyst's judgement ({@code spil judge})
 * helps most.
 */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    description = "Pairs closest to the threshold, for judgement.")
final class ReviewCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--threshold", defaultValue = "" + Resolution.DEFAULT_THRESHOLD, paramLabel = "P")
  double threshold;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N")
  int limit;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Resolving.ReviewPair> pairs;
    try (Store store = spil.open(false)) {
      pairs = new Resolving(store).review(viewer.viewer(store), threshold, limit);
    }
    if (json) {
      Output.json(out, pairs);
      return 0;
    }
    for (Resolving.ReviewPair p : pairs) {
      out.printf(
          "%.3f  %s ~ %s%n       spil judge %s %s same|different%n",
          p.probability(), p.nameA(), p.nameB(), p.a(), p.b());
    }
    out.flush();
    return 0;
  }
}
