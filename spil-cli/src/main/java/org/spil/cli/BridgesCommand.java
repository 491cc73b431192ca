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
 * {@code spil bridges}: the go-betweens and the doors into the legal world: brokers between
 * communities, and the shortest paths from suspects and criminal phone accounts to registered
 * businesses and professionals (see {@link NetworkAnalysis#bridges}).
 */
@Command(
    name = "bridges",
    mixinStandardHelpOptions = true,
    description = "Brokers between communities and links from the underworld to the upperworld.")
final class BridgesCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N")
  int top;

  @Option(
      names = "--max-steps",
      defaultValue = "3",
      paramLabel = "K",
      description = "Longest underworld-upperworld path reported (default: ${DEFAULT-VALUE}).")
  int maxSteps;

  @Option(names = "--json", description = "Print {brokers, world_links}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NetworkAnalysis.Bridges r =
        NetworkAnalysis.bridges(options.load(spil), top, maxSteps, options.lengths());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, r);
      return 0;
    }
    out.printf("brokers between %,d communities:%n", r.communities());
    for (NetworkAnalysis.Broker b : r.brokers()) {
      out.printf(
          "  %-50s betweenness %.4f, participation %.2f%n",
          b.node().label(), b.betweenness(), b.participation());
    }
    out.printf(
        "underworld-upperworld links within %d steps: %,d%s%n",
        maxSteps,
        r.worldLinksFound(),
        r.worldLinksFound() == 0 ? " (no suspects or no registered businesses?)" : "");
    for (NetworkAnalysis.WorldLink l : r.worldLinks()) {
      out.println(
          "  " + String.join(" - ", l.path().stream().map(NetworkAnalysis.Node::label).toList()));
    }
    out.flush();
    return 0;
  }
}
