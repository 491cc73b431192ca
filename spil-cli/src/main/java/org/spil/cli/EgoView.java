package org.spil.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spil.analysis.graph.Ego;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.network.Network;

/**
 * The answer of {@code spil network}: the nodes within a depth of a centre, nearest first and cut
 * at a maximum, and every edge among the listed nodes with its links and their provenance. Kept
 * apart from the command so that {@code spil bench network} times exactly what an analyst waits for
 * once the projection is in memory.
 */
record EgoView(
    Network network,
    int centre,
    int depth,
    int within,
    int[] listed,
    int[] distances,
    List<Map<String, Object>> nodes,
    List<Map<String, Object>> edges) {

  static EgoView around(Network net, int centre, int depth, int maxNodes) {
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
    for (int i = 0; i < shown; i++) {
      int v = ego.nodes()[i];
      for (int e = g.start(v); e < g.end(v); e++) {
        int w = g.target(e);
        if (v < w && distance.containsKey(w)) {
          edges.add(NetworkOptions.edge(net, v, w, g.weight(e)));
        }
      }
    }
    return new EgoView(
        net,
        centre,
        depth,
        ego.nodes().length,
        java.util.Arrays.copyOf(ego.nodes(), shown),
        java.util.Arrays.copyOf(ego.distance(), shown),
        nodes,
        edges);
  }

  /** The JSON shape: {centre, depth, nodes_within_depth, nodes, edges}. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("centre", NetworkOptions.node(network, centre));
    m.put("depth", depth);
    m.put("nodes_within_depth", within);
    m.put("nodes", nodes);
    m.put("edges", edges);
    return m;
  }
}
