package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.analysis.graph.Centrality;
import org.spil.app.NetworkAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil centrality}: who matters, by the measure the analyst chooses (the registry of {@link
 * Centrality}). Betweenness switches to sampling on large networks and says so, with its error
 * bound.
 */
@Command(
    name = "centrality",
    mixinStandardHelpOptions = true,
    description = "Rank the nodes of the network by a centrality measure.")
final class CentralityCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(
      names = "--measure",
      defaultValue = "betweenness",
      paramLabel = "M",
      description =
          "degree (ties), strength (contact), pagerank or eigenvector (tied to those who matter),"
              + " betweenness (brokers), closeness (reaches all quickly) or kcore (inner circle);"
              + " default: ${DEFAULT-VALUE}.")
  String measure;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N")
  int top;

  @Option(names = "--json", description = "Print [{rank, id, caption, score, ...}].")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Centrality m = Centrality.parse(measure);
    NetworkAnalysis.Ranking r =
        NetworkAnalysis.centrality(options.load(spil), m, top, options.lengths());
    PrintWriter out = spec.commandLine().getOut();
    if (r.note() != null) {
      spec.commandLine().getErr().println("spil: " + r.note());
      spec.commandLine().getErr().flush();
    }
    if (json) {
      Output.json(out, r.rows());
      return 0;
    }
    out.printf(
        "%s over %,d nodes and %,d edges%s:%n",
        m.label(), r.nodes(), r.edges(), options.weighted ? " (weighted)" : "");
    for (NetworkAnalysis.Ranked row : r.rows()) {
      out.printf(
          "%3d  %-12.6g degree %-5d %s%n",
          row.rank(), row.score(), row.degree(), NetworkOptions.label(row.node()));
    }
    out.flush();
    return 0;
  }
}
