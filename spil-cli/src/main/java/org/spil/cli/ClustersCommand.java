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

/** {@code spil clusters}: the team's last resolution, restricted to what the viewer may see now. */
@Command(
    name = "clusters",
    mixinStandardHelpOptions = true,
    description = "List the clusters of your team's last spil resolve (canonical id and members).")
final class ClustersCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--all", description = "Include clusters of a single record.")
  boolean all;

  @Option(names = "--json", description = "Print [{canonical_id, members}].")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Resolution.Cluster> clusters;
    try (Store store = spil.open(false)) {
      clusters = new Resolving(store).clusters(viewer.viewer(store), all);
    }
    if (json) {
      Output.json(out, clusters);
      return 0;
    }
    for (Resolution.Cluster c : clusters) {
      out.printf(
          "%s  %d  %s%n", c.canonicalId(), c.members().size(), String.join(" ", c.members()));
    }
    out.flush();
    return 0;
  }
}
