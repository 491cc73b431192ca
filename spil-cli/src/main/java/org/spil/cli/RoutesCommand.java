package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spil.analysis.goods.PortIndex;
import org.spil.analysis.goods.Routes;
import org.spil.app.GoodsFlows;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil routes}: the routes the shipments the reader may see take, counted per month. */
@Command(
    name = "routes",
    mixinStandardHelpOptions = true,
    description =
        "The routes of the shipments you may see (loading, transhipment, discharge port), with"
            + " the countries as source, transit and destination, and per month the shipments,"
            + " tonnes and declared value; ports placed with the World Port Index.")
final class RoutesCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--port", paramLabel = "LOCODE", description = "Only routes through this port.")
  String port;

  @Option(
      names = "--country",
      paramLabel = "CC",
      description = "Only routes touching this country (ISO code).")
  String country;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Shipments from this day.")
  String since;

  @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Shipments up to this day.")
  String until;

  @Option(
      names = "--ports",
      paramLabel = "FILE",
      description =
          "World Port Index CSV for the ports' coordinates (default: the one beside the Spil"
              + " home, ../shared/data/geo/UpdatedPub150.csv, when it is there).")
  Path ports;

  @Option(names = "--months", description = "Print each route's months too.")
  boolean months;

  @Option(names = "--json", description = "Print {shipments, routes, ports}.")
  boolean json;

  @Override
  public Integer call() {
    GoodsFlows.RouteQuery q = new GoodsFlows.RouteQuery(port, country, since, until);
    PortIndex index = ports == null ? GoodsFlows.defaultPorts() : PortIndex.read(ports);
    GoodsFlows.RouteReport report;
    try (Store store = spil.open(false)) {
      report = new GoodsFlows(store, index).routes(viewer.viewer(store), q);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, report);
      return 0;
    }
    out.printf(
        "%,d shipments on %,d routes through %,d ports%n%n",
        report.shipments(), report.routes().size(), report.ports().size());
    out.printf(
        "%9s %10s %16s  %-26s %s%n", "shipments", "tonnes", "declared value", "route", "countries");
    for (Routes.Route r : report.routes()) {
      out.printf(
          "%,9d %,10.0f %,16.0f  %-26s %s%s > %s%n",
          r.shipments(),
          r.tonnes(),
          r.value(),
          String.join(" > ", r.ports()),
          r.source(),
          r.transit().isEmpty() ? "" : " > " + String.join(", ", r.transit()),
          r.destination());
      if (months) {
        for (Routes.Month m : r.months()) {
          out.printf(
              "%9s %,10.0f %,16.0f    %s: %d%n",
              "", m.tonnes(), m.value(), m.month(), m.shipments());
        }
      }
    }
    out.flush();
    return 0;
  }
}
