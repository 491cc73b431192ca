package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.NetworkAnalysis;
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
    NetworkAnalysis.KeyPlayerView r =
        NetworkAnalysis.keyPlayers(options.load(spil), k, options.lengths());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, r);
      return 0;
    }
    out.printf("fragmentation %.3f before; removing, in order:%n", r.fragmentationBefore());
    for (NetworkAnalysis.Player p : r.players()) {
      out.printf(
          "  %d. %s -> fragmentation %.3f%n",
          p.rank(), NetworkOptions.label(p.node()), p.fragmentationAfter());
    }
    out.flush();
    return 0;
  }
}
