package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.NetworkAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil communities}: the groups of the network (Louvain, weighted modularity), largest
 * first, each with its best-connected members: cells, families, crews that talk mostly among
 * themselves.
 */
@Command(
    name = "communities",
    mixinStandardHelpOptions = true,
    description = "Split the network into communities (Louvain).")
final class CommunitiesCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(
      names = "--resolution",
      defaultValue = "1.0",
      paramLabel = "R",
      description = "Above 1 gives more, smaller communities (default: ${DEFAULT-VALUE}).")
  double resolution;

  @Option(names = "--min-size", defaultValue = "2", paramLabel = "N")
  int minSize;

  @Option(names = "--json", description = "Print {modularity, communities: [{id, size, members}]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NetworkAnalysis.Communities r =
        NetworkAnalysis.communities(options.load(spil), resolution, minSize);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, r);
      return 0;
    }
    out.printf(
        "%,d communities of %d or more (modularity %.3f)%n",
        r.communities().size(), minSize, r.modularity());
    for (NetworkAnalysis.Community c : r.communities()) {
      out.printf("  %d: %,d members: ", c.community(), c.size());
      out.println(
          String.join(", ", c.members().stream().limit(5).map(NetworkAnalysis.Node::label).toList())
              + (c.size() > 5 ? ", ..." : ""));
    }
    out.flush();
    return 0;
  }
}
