package org.spil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil communities}: the groups of the network (Louvain, weighted modularity), largest
 * first, each with its best-connected members: cells, families, crews that talk mostly among
 * themselves.
 */
@Command(
    name = "communities",
    mixinStandardHelpOptions = true,
    description = "Split the network into communities (Louvain).")
final class CommunitiesCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(
      names = "--resolution",
      defaultValue = "1.0",
      paramLabel = "R",
      description = "Above 1 gives more, smaller communities (default: ${DEFAULT-VALUE}).")
  double resolution;

  @Option(names = "--min-size", defaultValue = "2", paramLabel = "N")
  int minSize;

  @Option(names = "--json", description = "Print {modularity, communities: [{id, size, members}]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!(resolution > 0)) {
      throw new IllegalArgumentException("--resolution must be positive");
    }
    Network net = options.load(spil);
    Graph g = net.graph();
    LouvainCommunities.Result r = LouvainCommunities.compute(g, resolution, 1);
    List<List<Integer>> groups = new ArrayList<>();
    for (int c = 0; c < r.count(); c++) {
      groups.add(new ArrayList<>());
    }
    for (int v = 0; v < g.nodes(); v++) {
      groups.get(r.community()[v]).add(v);
    }
    groups.removeIf(x -> x.size() < minSize);
    groups.sort(Comparator.comparingInt((List<Integer> x) -> -x.size()));
    for (List<Integer> group : groups) {
      group.sort((a, b) -> Integer.compare(g.degree(b), g.degree(a)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      int id = 1;
      for (List<Integer> group : groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("community", id++);
        m.put("size", group.size());
        m.put("members", group.stream().map(v -> NetworkOptions.node(net, v)).toList());
        list.add(m);
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("modularity", r.modularity());
      all.put("communities", list);
      Json.print(out, all);
      return 0;
    }
    out.printf(
        "%,d communities of %d or more (modularity %.3f)%n",
        groups.size(), minSize, r.modularity());
    int id = 1;
    for (List<Integer> group : groups) {
      out.printf("  %d: %,d members: ", id++, group.size());
      out.println(
          String.join(", ", group.stream().limit(5).map(v -> NetworkOptions.label(net, v)).toList())
              + (group.size() > 5 ? ", ..." : ""));
    }
    out.flush();
    return 0;
  }
}
