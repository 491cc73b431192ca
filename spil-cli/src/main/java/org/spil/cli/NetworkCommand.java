package org.spil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.analysis.graph.Ego;
import org.spil.analysis.graph.Graph;
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
    Graph g = net.graph();
    Ego.Result ego = Ego.around(g, centre, depth);
    int shown = Math.min(maxNodes, ego.nodes().length);
    Map<Integer, Integer> distance = new HashMap<>();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      int v = ego.nodes()[i];
      distance.put(v, ego.distance()[i]);
      Map<String, Object> m = NetworkOptions.node(net, v);
      m.put("distance", ego.distance()[i]);
      nodes.add(m);
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (int v : distance.keySet()) {
      for (int e = g.start(v); e < g.end(v); e++) {
        int w = g.target(e);
        if (v < w && distance.containsKey(w)) {
          edges.add(NetworkOptions.edge(net, v, w, g.weight(e)));
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("centre", NetworkOptions.node(net, centre));
      m.put("depth", depth);
      m.put("nodes_within_depth", ego.nodes().length);
      m.put("nodes", nodes);
      m.put("edges", edges);
      Json.print(out, m);
      return 0;
    }
    out.printf(
        "%s: %,d nodes within %d steps%s, %,d edges among them%n",
        NetworkOptions.label(net, centre),
        ego.nodes().length,
        depth,
        shown < ego.nodes().length ? " (first " + shown + " listed)" : "",
        edges.size());
    for (int i = 1; i < shown; i++) {
      int v = ego.nodes()[i];
      out.printf("  %d  %s%s%n", ego.distance()[i], NetworkOptions.label(net, v), flags(net, v));
    }
    out.flush();
    return 0;
  }

  static String flags(Network net, int v) {
    return net.flags(v).isEmpty() ? "" : "  (" + String.join(", ", net.flags(v)) + ")";
  }
}
