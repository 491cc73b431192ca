package org.spil.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.graph.PageRank;
import org.spil.analysis.network.GraphFormats;
import org.spil.analysis.network.Network;
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
    description = "Export the network as GEXF or GraphML (Gephi, yEd, Cytoscape).")
final class GraphCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(names = "--format", required = true, paramLabel = "gexf|graphml")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("gexf") && !format.equals("graphml")) {
      throw new IllegalArgumentException("--format must be gexf or graphml, not '" + format + "'");
    }
    Network net = options.load(spil);
    Graph g = net.graph();
    Map<String, double[]> scores = new LinkedHashMap<>();
    double[] degree = new double[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      degree[v] = g.degree(v);
    }
    scores.put("degree", degree);
    scores.put("pagerank", PageRank.compute(g).scores());
    int[] community = LouvainCommunities.compute(g).community();
    double[] c = new double[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      c[v] = community[v];
    }
    scores.put("community", c);
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".spil-graph", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        if (format.equals("gexf")) {
          GraphFormats.gexf(net, scores, w);
        } else {
          GraphFormats.graphml(net, scores, w);
        }
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf("wrote %s: %,d nodes, %,d edges (%s)%n", out, g.nodes(), g.edges(), format);
    o.flush();
    return 0;
  }
}
