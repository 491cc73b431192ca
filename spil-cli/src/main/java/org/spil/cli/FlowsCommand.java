package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.MoneyFlows;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil flows}: the money-flow analyses of the payments the viewer may see. So far {@code
 * cycles}: money that comes back to where it started.
 */
@Command(
    name = "flows",
    mixinStandardHelpOptions = true,
    description = "Follow the money in the payments you may see.",
    subcommands = {FlowsCommand.Cycles.class})
final class FlowsCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code spil flows cycles}: temporal cycles, largest first, each explained. */
  @Command(
      name = "cycles",
      mixinStandardHelpOptions = true,
      description =
          "Money that comes back to its origin within a window, shrinking only by fees"
              + " (round-tripping through companies).")
  static final class Cycles implements Callable<Integer> {
    @ParentCommand FlowsCommand flows;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ViewerOption viewer;

    @Option(
        names = "--max-length",
        defaultValue = "8",
        paramLabel = "N",
        description = "Most payments in a cycle, 2 to 8 (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(
        names = "--window",
        defaultValue = "30",
        paramLabel = "DAYS",
        description = "Days from the first payment to the last (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
        names = "--max-fee",
        defaultValue = "0.05",
        paramLabel = "SHARE",
        description =
            "Largest share of the amount a payment may lose to the next (default:"
                + " ${DEFAULT-VALUE}).")
    double maxFee;

    @Option(names = "--json", description = "Print [{typology, score, accounts, payments, ...}].")
    boolean json;

    @Override
    public Integer call() {
      List<MoneyFlows.Alert> alerts;
      try (Store store = flows.spil.open(false)) {
        alerts = new MoneyFlows(store).cycles(viewer.viewer(store), maxLength, window, maxFee);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, alerts);
        return 0;
      }
      out.printf("%d cycles%n", alerts.size());
      for (MoneyFlows.Alert a : alerts) {
        out.printf("%n%s%n", a.explanation());
        for (MoneyFlows.Hop h : a.hops()) {
          out.printf(
              "  %s  %,16.2f %s  %s -> %s  [%s]%n",
              h.date(), h.amount(), h.currency(), h.from(), h.to(), h.payment());
        }
      }
      out.flush();
      return 0;
    }
  }
}
