package org.spil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spil.analysis.network.Network;
import org.spil.app.NetworkAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil graph --format gexf|graphml --out FILE}: the whole network as the viewer may see it,
 * for Gephi and other graph tools, with PageRank, degree and community as node attributes. The file
 * is written to a temporary name and moved into place, so a failed export leaves nothing.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Export the network as GEXF or GraphML (Gephi, yEd, Cytoscape, NetworkX).")
final class GraphCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(names = "--format", required = true, paramLabel = "gexf|graphml")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(names = "--force", description = "Replace the --out file if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    NetworkAnalysis.GraphFormat f = NetworkAnalysis.GraphFormat.parse(format);
    Network net = options.load(spil);
    NetworkAnalysis.writeGraph(net, f, out, spil.dataDir(), force);
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %,d nodes, %,d edges (%s)%n",
            out, net.graph().nodes(), net.graph().edges(), f.name().toLowerCase());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
