package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.NetworkAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil path A B}: how two entities are connected: the shortest path, or the k shortest
 * simple paths, each step with the links (and their sources) that make it; or a plain statement
 * that no path exists in what the viewer may see.
 */
@Command(
    name = "path",
    mixinStandardHelpOptions = true,
    description = "Shortest paths between two entities, with the links along them.")
final class PathCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Parameters(index = "0", paramLabel = "A")
  String from;

  @Parameters(index = "1", paramLabel = "B")
  String to;

  @Option(names = "--k", defaultValue = "1", paramLabel = "K", description = "How many paths.")
  int k;

  @Option(names = "--json", description = "Print {connected, paths: [{length, nodes, edges}]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var net = options.load(spil);
    NetworkAnalysis.PathsView r = NetworkAnalysis.paths(net, from, to, k, options.lengths());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, r);
      return 0;
    }
    if (!r.connected()) {
      out.printf(
          "no path between %s and %s in the network you may see%n",
          NetworkAnalysis.Node.of(net, net.node(from)).label(),
          NetworkAnalysis.Node.of(net, net.node(to)).label());
      out.flush();
      return 0;
    }
    int n = 1;
    for (NetworkAnalysis.PathView p : r.paths()) {
      out.printf("path %d, length %.3g:%n", n++, p.length());
      for (int i = 0; i < p.nodes().size(); i++) {
        String via = "";
        if (i > 0) {
          List<String> types =
              p.edges().get(i - 1).links().stream()
                  .map(l -> l.type() + (l.count() > 1 ? " x" + l.count() : ""))
                  .toList();
          via = "  <- " + (types.isEmpty() ? "tie" : String.join(", ", types));
        }
        out.printf("  %s%s%n", p.nodes().get(i).label(), via);
      }
    }
    out.flush();
    return 0;
  }
}
