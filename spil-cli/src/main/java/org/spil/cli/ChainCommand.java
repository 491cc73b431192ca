package org.spil.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.app.SeizureChains;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil chain}: the chain behind a seizure, from the container to the people behind the
 * consignee, every link with its source.
 */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description =
        "The chain behind a seizure: the shipment it was found in, the consignee and consignor, the"
            + " consignee's directors and owners and their associates, through your team's"
            + " resolution (run spil resolve first), each link with the datasets it comes from; the"
            + " terminal that handled the container and its staff tied to suspects, which shows a"
            + " rip-on (drugs in legal cargo of a clean consignee) as such.")
final class ChainCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(index = "0", paramLabel = "SEIZURE", description = "A seizure's id.")
  String seizure;

  @Option(names = "--json", description = "Print {seizure, entities, links, rip_on, verdict}.")
  boolean json;

  @Override
  public Integer call() {
    SeizureChains.Chain chain;
    try (Store store = spil.open(false)) {
      Viewer v = viewer.viewer(store);
      chain =
          new SeizureChains(store).of(v, NetworkAnalysis.load(store, v, LinkFilter.ALL), seizure);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, chain);
      return 0;
    }
    Map<String, SeizureChains.Node> nodes = new HashMap<>();
    chain.entities().forEach(n -> nodes.put(n.id(), n));
    out.printf(
        "seizure %s: %d entities, %d links%n%s%n%n",
        caption(nodes, chain.seizure()),
        chain.entities().size(),
        chain.links().size(),
        chain.verdict());
    for (SeizureChains.Link l : chain.links()) {
      out.printf(
          "  %s  %s%s  %s  (%s)%n",
          caption(nodes, l.source()),
          l.type(),
          l.detail() == null ? "" : " (" + l.detail() + ")",
          caption(nodes, l.target()),
          String.join(", ", l.datasets()));
    }
    out.printf("%n");
    for (SeizureChains.Node n : chain.entities()) {
      out.printf(
          "  %-12s %-44s known to %s%s  [%s]%n",
          n.schema(),
          n.caption(),
          String.join(", ", n.datasets()),
          n.suspect() ? "  (suspect)" : "",
          n.id());
    }
    out.flush();
    return 0;
  }

  private static String caption(Map<String, SeizureChains.Node> nodes, String id) {
    SeizureChains.Node n = nodes.get(id);
    return n == null ? id : n.caption();
  }
}
