package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.analysis.network.Network;
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
    if (depth < 0 || maxNodes < 1) {
      throw new IllegalArgumentException("--depth must be >= 0 and --max-nodes >= 1");
    }
    Network net = options.load(spil);
    int centre = net.node(entity);
    EgoView view = EgoView.around(net, centre, depth, maxNodes);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, view.json());
      return 0;
    }
    int shown = view.listed().length;
    out.printf(
        "%s: %,d nodes within %d steps%s, %,d edges among them%n",
        NetworkOptions.label(net, centre),
        view.within(),
        depth,
        shown < view.within() ? " (first " + shown + " listed)" : "",
        view.edges().size());
    for (int i = 1; i < shown; i++) {
      int v = view.listed()[i];
      out.printf("  %d  %s%s%n", view.distances()[i], NetworkOptions.label(net, v), flags(net, v));
    }
    out.flush();
    return 0;
  }

  static String flags(Network net, int v) {
    return net.flags(v).isEmpty() ? "" : "  (" + String.join(", ", net.flags(v)) + ")";
  }
}
