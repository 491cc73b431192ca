package org.spil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.analysis.graph.BrandesBetweenness;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.KeyPlayers;
import org.spil.analysis.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil keyplayers --k 5}: where to cut the network: the k people or companies whose removal
 * (arrest, seizure, dissolution) fragments it most, with the fragmentation after each, so the
 * analyst sees how much each further action adds.
 */
@Command(
    name = "keyplayers",
    mixinStandardHelpOptions = true,
    description = "The k nodes whose removal fragments the network most.")
final class KeyPlayersCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin NetworkOptions options;

  @Option(names = "--k", defaultValue = "5", paramLabel = "K")
  int k;

  @Option(names = "--json", description = "Print {fragmentation_before, players: [...]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (k < 1 || k > 1000) {
      throw new IllegalArgumentException("--k must be between 1 and 1000");
    }
    Network net = options.load(spil);
    Graph g = net.graph();
    KeyPlayers.Result r =
        KeyPlayers.find(g, k, BrandesBetweenness.compute(g, options.lengths()).scores());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> players = new ArrayList<>();
      for (int i = 0; i < r.players().length; i++) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", i + 1);
        m.putAll(NetworkOptions.node(net, r.players()[i]));
        m.put("degree", g.degree(r.players()[i]));
        m.put("fragmentation_after", r.fragmentation()[i + 1]);
        players.add(m);
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("fragmentation_before", r.fragmentation()[0]);
      all.put("players", players);
      Json.print(out, all);
      return 0;
    }
    print(out, net, r);
    return 0;
  }

  static void print(PrintWriter out, Network net, KeyPlayers.Result r) {
    out.printf("fragmentation %.3f before; removing, in order:%n", r.fragmentation()[0]);
    for (int i = 0; i < r.players().length; i++) {
      int v = r.players()[i];
      out.printf(
          "  %d. %s%s -> fragmentation %.3f%n",
          i + 1,
          NetworkOptions.label(net, v),
          NetworkCommand.flags(net, v),
          r.fragmentation()[i + 1]);
    }
    out.flush();
  }
}
