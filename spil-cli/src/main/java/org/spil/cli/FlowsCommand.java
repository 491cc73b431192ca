package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spil.analysis.flows.Thresholds;
import org.spil.analysis.flows.Typology;
import org.spil.app.MoneyFlows;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil flows}: the money-flow analyses of the payments the viewer may see: the laundering
 * typologies with their explanations, cycles alone, and the thresholds they use.
 */
@Command(
    name = "flows",
    mixinStandardHelpOptions = true,
    description = "Follow the money in the payments you may see.",
    subcommands = {
      FlowsCommand.Typologies.class,
      FlowsCommand.Cycles.class,
      FlowsCommand.ThresholdsCommand.class
    })
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

  /** {@code spil flows typologies}: every alert of the typologies asked for, explained. */
  @Command(
      name = "typologies",
      mixinStandardHelpOptions = true,
      description = {
        "Laundering typologies in the payments you may see, each alert explained: which payments,"
            + " which window, which threshold, why it is unusual.",
        "Typologies: structuring, fan-in, fan-out, scatter-gather, gather-scatter,"
            + " temporal-cycle, pass-through, mirror-transfer, crypto-off-ramp.",
        "Thresholds: the defaults (spil flows thresholds prints them), changed by the data"
            + " directory's flows.thresholds file and then by --thresholds."
      })
  static final class Typologies implements Callable<Integer> {
    @ParentCommand FlowsCommand flows;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ViewerOption viewer;

    @Option(
        names = "--typology",
        paramLabel = "T",
        split = ",",
        description = "Only these typologies (repeat or separate by commas; default: all).")
    List<String> typologies = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DATE", description = "Payments on or after DATE.")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Payments on or before DATE.")
    String until;

    @Option(
        names = "--thresholds",
        paramLabel = "FILE",
        description = "A thresholds file (key = value lines) changing some thresholds.")
    Path thresholds;

    @Option(
        names = "--json",
        description = "Print [{typology, score, accounts, payments, subjects, hops, explanation}].")
    boolean json;

    @Override
    public Integer call() {
      Set<Typology> which;
      try {
        which = Typology.parse(typologies);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--typology: " + e.getMessage(), e);
      }
      List<MoneyFlows.Alert> alerts;
      try (Store store = flows.spil.open(false)) {
        MoneyFlows.Query query =
            new MoneyFlows.Query(
                which, MoneyFlows.thresholds(store.dir(), thresholds), since, until);
        alerts = new MoneyFlows(store).typologies(viewer.viewer(store), query);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, alerts);
        return 0;
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      alerts.forEach(a -> counts.merge(a.typology(), 1, Integer::sum));
      out.printf(
          "%d alerts%s%n",
          alerts.size(),
          counts.isEmpty()
              ? ""
              : ": "
                  + String.join(
                      ", ",
                      counts.entrySet().stream()
                          .map(e -> e.getValue() + " " + e.getKey())
                          .toList()));
      for (MoneyFlows.Alert a : alerts) {
        out.printf("%n[%s, score %s] %s%n", a.typology(), a.score(), a.explanation());
        for (MoneyFlows.Hop h : a.hops()) {
          out.printf(
              "  %s  %,16.2f %s  %s -> %s  [%s]%n",
              h.date(), h.amount(), h.currency(), h.fromLabel(), h.toLabel(), h.payment());
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code spil flows thresholds}: the thresholds in force, as a file one can edit. */
  @Command(
      name = "thresholds",
      mixinStandardHelpOptions = true,
      description =
          "Print the thresholds of the typologies as a file: the defaults, changed by the data"
              + " directory's flows.thresholds and by --thresholds. Save it there to change them.")
  static final class ThresholdsCommand implements Callable<Integer> {
    @ParentCommand FlowsCommand flows;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--thresholds",
        paramLabel = "FILE",
        description = "A thresholds file to check and apply.")
    Path thresholds;

    @Option(names = "--defaults", description = "Print the defaults only.")
    boolean defaults;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Thresholds t =
          defaults
              ? Thresholds.defaults()
              : MoneyFlows.thresholds(flows.spil.dataDir(), thresholds);
      out.print(t.file());
      out.flush();
      return 0;
    }
  }
}
