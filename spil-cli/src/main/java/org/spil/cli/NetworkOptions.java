package org.spil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.network.Link;
import org.spil.analysis.network.Network;
import org.spil.store.Store;
import picocli.CommandLine.Option;

/**
 * The options every network command shares: the network is either the warehouse as a viewer may see
 * it ({@code --as USER --purpose P}, resolved entities merged) or a network file ({@code --graph
 * FILE}: an adjacency matrix or edge list, such as the real criminal networks in
 * ../shared/data/networks), and {@code --weighted} to measure distance by tie strength.
 */
final class NetworkOptions {
  @Option(
      names = "--as",
      paramLabel = "USER",
      description = "The user reading the warehouse (not needed with --graph).")
  String user;

  @Option(
      names = "--purpose",
      paramLabel = "PURPOSE",
      description = "Why: a case id or a legal task (not needed with --graph).")
  String purpose;

  @Option(
      names = "--graph",
      paramLabel = "FILE",
      description =
          "Analyse a network file instead of the warehouse: a CSV adjacency matrix (empty first"
              + " cell, node labels) or an edge list (source,target[,weight]).")
  Path graph;

  @Option(
      names = "--weighted",
      description =
          "Paths, betweenness and closeness measure distance as 1/tie strength (frequent contact"
              + " is closer); by default every tie is one step.")
  boolean weighted;

  @Option(
      names = "--links",
      split = ",",
      paramLabel = "TYPE",
      description =
          "Keep only these link types, e.g. Message,Call for the communication network, or"
              + " Ownership,Directorship,\"shared address\" for the corporate one.")
  java.util.Set<String> links;

  Lengths lengths() {
    return weighted ? Lengths.INVERSE_WEIGHT : Lengths.HOPS;
  }

  Network load(Spil spil) throws java.io.IOException {
    if (graph != null) {
      if (!Files.isRegularFile(graph)) {
        throw new IllegalArgumentException("--graph: no such file: " + graph);
      }
      return NetworkSource.read(null, null, graph, null);
    }
    if (user == null || purpose == null) {
      throw new IllegalArgumentException(
          "give --as USER --purpose P to analyse the warehouse, or --graph FILE");
    }
    try (Store store = Store.open(spil.dataDir(), false, LocalDate.now())) {
      return NetworkSource.read(store, store.viewer(user, purpose), null, links);
    }
  }

  static Map<String, Object> node(Network net, int v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", net.id(v));
    m.put("caption", net.caption(v));
    if (net.kind(v) != null) {
      m.put("schema", net.kind(v));
    }
    if (!net.flags(v).isEmpty()) {
      m.put("flags", List.copyOf(new java.util.TreeSet<>(net.flags(v))));
    }
    return m;
  }

  /** An edge with its weight and the links (type, count, amount, period, datasets) behind it. */
  static Map<String, Object> edge(Network net, int u, int v, double weight) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", net.id(u));
    m.put("target", net.id(v));
    m.put("weight", Math.round(weight * 1000) / 1000.0);
    List<Map<String, Object>> links = new ArrayList<>();
    for (Link l : net.links(u, v)) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("type", l.type());
      x.put("count", l.count());
      if (l.amount() != 0) {
        x.put("amount", l.amount());
        x.put("currency", l.currency());
      }
      if (l.first() != null) {
        x.put("first", l.first());
        x.put("last", l.last());
      }
      x.put("datasets", l.datasets());
      links.add(x);
    }
    if (!links.isEmpty()) {
      m.put("links", links);
    }
    return m;
  }

  static String label(Network net, int v) {
    String c = net.caption(v);
    return c.equals(net.id(v)) ? c : c + " [" + net.id(v) + "]";
  }
}
