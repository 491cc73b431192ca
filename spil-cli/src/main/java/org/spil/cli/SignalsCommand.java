package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.analysis.monitor.Detection;
import org.spil.app.Trends;
import org.spil.store.Store;
import org.spil.store.Tallies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil signals}: the changes in the monthly series of what you may see. */
@Command(
    name = "signals",
    mixinStandardHelpOptions = true,
    description =
        "Changes in the monthly series of what you may see (shipments by country, port, route and"
            + " goods; seizures by country and drug; border crossings and requests for legal"
            + " assistance by country): new flows, rises and drops, and growth or decline month"
            + " after month (a change of slope), each with the month it starts, the month a"
            + " monitor would have called it, and why. Found by online change-point detection and"
            + " a seasonal count alarm, confirmed by binary segmentation, and a broken-line fit for"
            + " slopes; thresholds in monitoring.settings in the data directory or --thresholds"
            + " FILE.")
final class SignalsCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--since",
      paramLabel = "YYYY-MM[-DD]",
      description = "Only changes starting from this month.")
  String since;

  @Option(
      names = "--period",
      paramLabel = "month|week",
      description =
          "Judge the series per month (default) or per ISO week (the thresholds, set in months,"
              + " scaled to weeks).")
  String period = "month";

  @Option(names = "--thresholds", paramLabel = "FILE", description = "A thresholds file to try.")
  Path thresholds;

  @Option(names = "--show-thresholds", description = "Print the thresholds in use and stop.")
  boolean showThresholds;

  @Option(
      names = "--json",
      description =
          "Print [{series: {by, key, measure}, kind, start, called, before, after, strength,"
              + " detectors, explanation}].")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Trends.Change> signals;
    try (Store store = spil.open(false)) {
      Tallies.Period p = Tallies.Period.of(period);
      if (p == null) {
        throw new IllegalArgumentException("--period: month or week, not '" + period + "'");
      }
      Detection d = Trends.thresholds(store.dir(), thresholds);
      if (p == Tallies.Period.WEEK) {
        d = d.weekly();
      }
      if (showThresholds) {
        out.print(d.describe());
        out.flush();
        return 0;
      }
      signals =
          new Trends(store)
              .signals(viewer.viewer(store), since, Trends.thresholds(store.dir(), thresholds), p);
    }
    if (json) {
      Output.json(out, signals);
      return 0;
    }
    if (signals.isEmpty()) {
      out.println("no change found");
    }
    for (Trends.Change c : signals) {
      out.printf("%s  %-9s  %s%n", c.start(), c.kind(), c.explanation());
    }
    out.flush();
    return 0;
  }
}
