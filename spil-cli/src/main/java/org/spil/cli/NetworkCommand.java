package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.NetworkAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil network ENTITY}: the ego network around an entity (or its resolved cluster) to a
 * depth, with every edge's links and their provenance: the analyst's first look at who someone is
 * connected to, across every source the viewer may see.
 */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = "The network around an entity: nodes within --depth steps, edges with sources.")
final class NetworkCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Parameters(index = "0", paramLabel = "ENTITY", description = "Entity, canonical id or label.")
  String entity;

  @Option(names = "--depth", defaultValue = "2", paramLabel = "K")
  int depth;

  @Option(
      names = "--max-nodes",
      defaultValue = "500",
      paramLabel = "N",
      description = "Stop listing after N nodes, nearest first (default: ${DEFAULT-VALUE}).")
  int maxNodes;

  @Option(names = "--json", description = "Print {centre, nodes, edges}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NetworkAnalysis.EgoView view = NetworkAnalysis.ego(options.load(spil), entity, depth, maxNodes);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, view);
      return 0;
    }
    int shown = view.nodes().size();
    out.printf(
        "%s: %,d nodes within %d steps%s, %,d edges among them%n",
        view.centre().label(),
        view.nodesWithinDepth(),
        depth,
        shown < view.nodesWithinDepth() ? " (first " + shown + " listed)" : "",
        view.edges().size());
    for (NetworkAnalysis.EgoNode n : view.nodes().subList(1, shown)) {
      out.printf("  %d  %s%n", n.distance(), NetworkOptions.label(n.node()));
    }
    out.flush();
    return 0;
  }
}
