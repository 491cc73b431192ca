package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.TradePartners;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil downstream}: exports from Dutch and Belgian ports after imports by the exporter. */
@Command(
    name = "downstream",
    mixinStandardHelpOptions = true,
    description =
        "Downstream: the exports from Dutch and Belgian ports by a firm that imported in the days"
            + " before, with the latest import (what, from where) and whether any import was"
            + " chemicals (precursors for synthetic drugs). Through your team's resolution.")
final class DownstreamCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--days",
      defaultValue = "365",
      paramLabel = "N",
      description = "Imports up to this many days before the export (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--chemicals", description = "Only exports after chemical imports.")
  boolean chemicals;

  @Option(
      names = "--json",
      description =
          "Print [{export, export_label, day, destination, exporter, exporter_name, last_import,"
              + " import_label, import_day, import_from, import_goods, days_after, imports,"
              + " chemicals}].")
  boolean json;

  @Override
  public Integer call() {
    if (days < 1) {
      throw new IllegalArgumentException("--days: at least 1, not " + days);
    }
    List<TradePartners.Downstream> rows;
    try (Store store = spil.open(false)) {
      rows = new TradePartners(store).downstream(viewer.viewer(store), days);
    }
    if (chemicals) {
      rows = rows.stream().filter(TradePartners.Downstream::chemicals).toList();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, rows);
      return 0;
    }
    out.printf("%d exports after an import by the exporter within %d days%n%n", rows.size(), days);
    for (TradePartners.Downstream d : rows) {
      out.printf(
          "  %s  %s -> %s by %s%n      %d days after %s from %s (%s), %d import%s in the window%s%n",
          d.day(),
          d.exportLabel(),
          d.destination(),
          d.exporterName(),
          d.daysAfter(),
          d.importLabel(),
          d.importFrom(),
          d.importDay(),
          d.imports(),
          d.imports() == 1 ? "" : "s",
          d.chemicals() ? "; chemicals" : "");
    }
    out.flush();
    return 0;
  }
}
