package org.spil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.spil.analysis.graph.BrandesBetweenness;
import org.spil.analysis.graph.Brokers;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.graph.WorldLinks;
import org.spil.analysis.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil bridges}: the go-betweens and the doors into the legal world. Brokers are ranked by
 * betweenness times participation (how evenly their ties spread over communities); world links are
 * the shortest paths from suspects and criminal phone accounts to registered businesses and
 * professionals they do not belong to, shortest first and, among equals, through the businesses
 * with fewest other ties (a front company before a supermarket).
 */
@Command(
    name = "bridges",
    mixinStandardHelpOptions = true,
    description = "Brokers between communities and links from the underworld to the upperworld.")
final class BridgesCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(names = "--top", defaultValue = "10", paramLabel = "N")
  int top;

  @Option(
      names = "--max-steps",
      defaultValue = "3",
      paramLabel = "K",
      description = "Longest underworld-upperworld path reported (default: ${DEFAULT-VALUE}).")
  int maxSteps;

  @Option(names = "--json", description = "Print {brokers, world_links}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (top < 1 || maxSteps < 1) {
      throw new IllegalArgumentException("--top and --max-steps must be at least 1");
    }
    Network net = options.load(spil);
    Graph g = net.graph();
    LouvainCommunities.Result communities = LouvainCommunities.compute(g);
    double[] participation = Brokers.participation(g, communities.community(), communities.count());
    double[] betweenness =
        BrandesBetweenness.compute(g, options.lengths()).normalised(g.directed());
    double[] score = new double[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      score[v] = betweenness[v] * participation[v];
    }
    List<Integer> brokers =
        IntStream.range(0, g.nodes())
            .boxed()
            .filter(v -> score[v] > 0)
            .sorted((a, b) -> Double.compare(score[b], score[a]))
            .limit(top)
            .toList();
    boolean[] under = new boolean[g.nodes()];
    boolean[] upper = new boolean[g.nodes()];
    for (int v = 0; v < g.nodes(); v++) {
      under[v] = net.flags(v).contains("underworld");
      upper[v] = net.flags(v).contains("upperworld");
    }
    List<WorldLinks.Link> links = new ArrayList<>(WorldLinks.find(g, under, upper, maxSteps));
    // shortest first; among equals, the most specific business first: a front company tied to few
    // others says more than a supermarket that half the population pays
    links.sort(
        java.util.Comparator.comparingInt((WorldLinks.Link l) -> l.path().size())
            .thenComparingInt(l -> g.degree(l.to()))
            .thenComparing(l -> net.id(l.to())));
    List<WorldLinks.Link> shown = links.subList(0, Math.min(links.size(), top));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> b = new ArrayList<>();
      for (int v : brokers) {
        Map<String, Object> m = new LinkedHashMap<>(NetworkOptions.node(net, v));
        m.put("betweenness", betweenness[v]);
        m.put("participation", participation[v]);
        m.put("community", communities.community()[v]);
        b.add(m);
      }
      List<Map<String, Object>> w = new ArrayList<>();
      for (WorldLinks.Link l : shown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", l.path().size() - 1);
        m.put("path", l.path().stream().map(v -> NetworkOptions.node(net, v)).toList());
        w.add(m);
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("brokers", b);
      all.put("world_links", w);
      all.put("world_links_found", links.size());
      Json.print(out, all);
      return 0;
    }
    out.printf("brokers between %,d communities:%n", communities.count());
    for (int v : brokers) {
      out.printf(
          "  %-50s betweenness %.4f, participation %.2f%n",
          NetworkOptions.label(net, v), betweenness[v], participation[v]);
    }
    out.printf(
        "underworld-upperworld links within %d steps: %,d%s%n",
        maxSteps,
        links.size(),
        links.isEmpty() ? " (no suspects or no registered businesses?)" : "");
    for (WorldLinks.Link l : shown) {
      out.println(
          "  "
              + String.join(
                  " - ", l.path().stream().map(v -> NetworkOptions.label(net, v)).toList()));
    }
    out.flush();
    return 0;
  }
}
