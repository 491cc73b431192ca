package org.spil.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.network.Network;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
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
  Set<String> links;

  @Option(
      names = "--since",
      paramLabel = "DAY",
      description =
          "Only links dated on or after this day (2024-01-01): the contact network of a period."
              + " Links without a date are left out when a period is given.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DAY",
      description = "Only links dated on or before this day.")
  String until;

  Lengths lengths() {
    return weighted ? Lengths.INVERSE_WEIGHT : Lengths.HOPS;
  }

  /**
   * The network to analyse: the file of {@code --graph}, or the warehouse as the viewer sees it.
   */
  Network load(Spil spil) throws IOException {
    if (graph != null) {
      if (since != null || until != null || links != null) {
        throw new IllegalArgumentException(
            "--links, --since and --until choose links of the warehouse, not of a --graph file");
      }
      return NetworkAnalysis.read(graph);
    }
    if (user == null || purpose == null) {
      throw new IllegalArgumentException(
          "give --as USER --purpose P to analyse the warehouse, or --graph FILE");
    }
    try (Store store = spil.open(false)) {
      return NetworkAnalysis.load(
          store, store.viewer(user, purpose), LinkFilter.of(links, since, until));
    }
  }

  /** A node's label and flags for text output: "caption [id] (underworld)". */
  static String label(NetworkAnalysis.Node node) {
    return node.label()
        + (node.flags().isEmpty() ? "" : "  (" + String.join(", ", node.flags()) + ")");
  }
}
