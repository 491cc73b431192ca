package org.spil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.Paths;
import org.spil.analysis.network.Network;
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
    if (k < 1 || k > 100) {
      throw new IllegalArgumentException("--k must be between 1 and 100");
    }
    Network net = options.load(spil);
    int a = net.node(from);
    int b = net.node(to);
    if (a == b) {
      throw new IllegalArgumentException("A and B are the same node");
    }
    Graph g = net.graph();
    List<Paths.Path> paths = Paths.kShortest(g, a, b, k, options.lengths());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Paths.Path p : paths) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("length", p.length());
        m.put("nodes", p.nodes().stream().map(v -> NetworkOptions.node(net, v)).toList());
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i + 1 < p.nodes().size(); i++) {
          int u = p.nodes().get(i);
          int v = p.nodes().get(i + 1);
          edges.add(NetworkOptions.edge(net, u, v, g.weight(g.edge(u, v))));
        }
        m.put("edges", edges);
        list.add(m);
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("connected", !paths.isEmpty());
      all.put("paths", list);
      Json.print(out, all);
      return 0;
    }
    if (paths.isEmpty()) {
      out.printf(
          "no path between %s and %s in the network you may see%n",
          NetworkOptions.label(net, a), NetworkOptions.label(net, b));
      out.flush();
      return 0;
    }
    int n = 1;
    for (Paths.Path p : paths) {
      out.printf("path %d, length %.3g:%n", n++, p.length());
      for (int i = 0; i < p.nodes().size(); i++) {
        int v = p.nodes().get(i);
        String via = "";
        if (i > 0) {
          List<String> types =
              net.links(p.nodes().get(i - 1), v).stream()
                  .map(l -> l.type() + (l.count() > 1 ? " x" + l.count() : ""))
                  .toList();
          via = "  <- " + (types.isEmpty() ? "tie" : String.join(", ", types));
        }
        out.printf("  %s%s%n", NetworkOptions.label(net, v), via);
      }
    }
    out.flush();
    return 0;
  }
}
