package org.spil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.spil.analysis.graph.BrandesBetweenness;
import org.spil.analysis.graph.Closeness;
import org.spil.analysis.graph.Eigenvector;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.KCore;
import org.spil.analysis.graph.PageRank;
import org.spil.analysis.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil centrality}: who matters, by the measure the analyst chooses: degree (how many ties),
 * strength (how much contact), PageRank and eigenvector (tied to those who matter), betweenness (on
 * the paths between others: brokers), closeness (reaches everyone quickly) and k-core (in the dense
 * inner circle). Betweenness switches to sampling on large networks and says so, with its error
 * bound.
 */
@Command(
    name = "centrality",
    mixinStandardHelpOptions = true,
    description = "Rank the nodes of the network by a centrality measure.")
final class CentralityCommand implements Callable<Integer> {
  static final List<String> MEASURES =
      List.of("degree", "strength", "pagerank", "betweenness", "closeness", "eigenvector", "kcore");

  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(
      names = "--measure",
      defaultValue = "betweenness",
      paramLabel = "M",
      description =
          "degree, strength, pagerank, betweenness, closeness, eigenvector or kcore (default:"
              + " ${DEFAULT-VALUE}); the others are reported alongside where cheap.")
  String measure;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N")
  int top;

  @Option(names = "--json", description = "Print [{rank, id, caption, score, ...}].")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!MEASURES.contains(measure)) {
      throw new IllegalArgumentException(
          "--measure: unknown measure '" + measure + "'; one of " + String.join(", ", MEASURES));
    }
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1");
    }
    Network net = options.load(spil);
    Graph g = net.graph();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    double[] score = new double[g.nodes()];
    String note = null;
    switch (measure) {
      case "degree" -> IntStream.range(0, g.nodes()).forEach(v -> score[v] = g.degree(v));
      case "strength" -> IntStream.range(0, g.nodes()).forEach(v -> score[v] = g.strength(v));
      case "pagerank" -> System.arraycopy(PageRank.compute(g).scores(), 0, score, 0, score.length);
      case "betweenness" -> {
        BrandesBetweenness.Result r = BrandesBetweenness.compute(g, options.lengths());
        System.arraycopy(r.scores(), 0, score, 0, score.length);
        if (!r.exact()) {
          note =
              String.format(
                  "betweenness sampled from %,d of %,d sources (too many nodes for exact):"
                      + " normalised scores within +/- %.4f with probability 0.95",
                  r.sources(), g.nodes(), r.errorBound());
        }
      }
      case "closeness" ->
          System.arraycopy(Closeness.compute(g, options.lengths()), 0, score, 0, score.length);
      case "eigenvector" -> System.arraycopy(Eigenvector.compute(g), 0, score, 0, score.length);
      default -> {
        int[] core = KCore.coreNumbers(g);
        IntStream.range(0, g.nodes()).forEach(v -> score[v] = core[v]);
      }
    }
    List<Integer> order =
        IntStream.range(0, g.nodes())
            .boxed()
            .sorted(
                (a, b) ->
                    score[a] != score[b]
                        ? Double.compare(score[b], score[a])
                        : net.id(a).compareTo(net.id(b)))
            .limit(top)
            .toList();
    if (note != null) {
      err.println("spil: " + note);
      err.flush();
    }
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      int rank = 1;
      for (int v : order) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank++);
        m.putAll(NetworkOptions.node(net, v));
        m.put("measure", measure);
        m.put("score", score[v]);
        m.put("degree", g.degree(v));
        rows.add(m);
      }
      Json.print(out, rows);
      return 0;
    }
    out.printf(
        "%s over %,d nodes and %,d edges%s:%n",
        measure, g.nodes(), g.edges(), options.weighted ? " (weighted)" : "");
    int rank = 1;
    for (int v : order) {
      out.printf(
          "%3d  %-12.6g degree %-5d %s%s%n",
          rank++,
          score[v],
          g.degree(v),
          NetworkOptions.label(net, v),
          NetworkCommand.flags(net, v));
    }
    out.flush();
    return 0;
  }
}
