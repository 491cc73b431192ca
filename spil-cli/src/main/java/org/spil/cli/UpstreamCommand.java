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

/**
 * {@code spil upstream --country ec}: the firms of a country that ship to Dutch and Belgian ports.
 */
@Command(
    name = "upstream",
    mixinStandardHelpOptions = true,
    description =
        "Upstream: the firms of a source or transit country that ship to Dutch and Belgian ports,"
            + " as the shipments you may see show them: their ports, consignees, shipments,"
            + " tonnes, declared value and the shipments in which drugs were seized. Through your"
            + " team's resolution (run spil resolve first).")
final class UpstreamCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--country",
      required = true,
      paramLabel = "CC",
      description = "The country, as an ISO code (ec, co, tg ...).")
  String country;

  @Option(
      names = "--json",
      description =
          "Print [{party, name, shipments, tonnes, value, ports, consignees, seized, first,"
              + " last}].")
  boolean json;

  @Override
  public Integer call() {
    List<TradePartners.Upstream> firms;
    try (Store store = spil.open(false)) {
      firms = new TradePartners(store).upstream(viewer.viewer(store), country);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, firms);
      return 0;
    }
    out.printf("%d firms ship from %s to Dutch and Belgian ports%n%n", firms.size(), country);
    out.printf(
        "  %-48s %9s %9s %14s %6s %10s  %s%n",
        "firm", "shipments", "tonnes", "value", "seized", "consignees", "ports");
    for (TradePartners.Upstream f : firms) {
      out.printf(
          "  %-48s %,9d %,9.1f %,14.0f %6d %10d  %s%n",
          f.name().length() > 48 ? f.name().substring(0, 47) + "…" : f.name(),
          f.shipments(),
          f.tonnes(),
          f.value(),
          f.seized(),
          f.consignees(),
          String.join(" ", f.ports()));
    }
    out.flush();
    return 0;
  }
}
