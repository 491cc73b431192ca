package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spil.app.Trends;
import org.spil.store.Store;
import org.spil.store.Tallies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil trends}: series per period of what you may see, by a dimension. */
@Command(
    name = "trends",
    mixinStandardHelpOptions = true,
    description =
        "Series per month (or week, quarter) of what you may see: shipments (their declared value,"
            + " tonnes), seizures (their quantity), border crossings, requests for legal"
            + " assistance; by country, port, route, goods, drug or agency. A shipment counts once"
            + " in each country and port its route touches.")
final class TrendsCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(
      names = "--measure",
      defaultValue = "shipments",
      paramLabel = "M",
      description =
          "shipments, shipment-value, shipment-tonnes, seizures, seizure-quantity, crossings or"
              + " mla-requests (default: ${DEFAULT-VALUE}).")
  String measure;

  @Option(
      names = "--by",
      defaultValue = "country",
      paramLabel = "D",
      description =
          "all, country, port, route, goods (shipments), drug (seizures) or agency (default:"
              + " ${DEFAULT-VALUE}).")
  String by;

  @Option(names = "--key", paramLabel = "K", description = "Only this value of the dimension.")
  String key;

  @Option(
      names = "--period",
      defaultValue = "month",
      paramLabel = "P",
      description = "month, week or quarter (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--since", paramLabel = "YYYY-MM[-DD]", description = "From this day or month.")
  String since;

  @Option(names = "--until", paramLabel = "YYYY-MM[-DD]", description = "Up to this day or month.")
  String until;

  @Option(
      names = "--top",
      defaultValue = "10",
      paramLabel = "N",
      description = "The N largest series, 0 for all (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--json",
      description = "Print [{series: {by, key, measure}, total, points: [{period, value}]}].")
  boolean json;

  @Override
  public Integer call() {
    Tallies.Period p = Tallies.Period.of(period);
    if (p == null) {
      throw new IllegalArgumentException("--period: month, week or quarter, not '" + period + "'");
    }
    if (top < 0) {
      throw new IllegalArgumentException("--top: 0 or more, not " + top);
    }
    Trends.Query q = new Trends.Query(Trends.Measure.of(measure), by, key, p, since, until, top);
    List<Trends.Trend> trends;
    try (Store store = spil.open(false)) {
      trends = new Trends(store).trends(viewer.viewer(store), q);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, trends);
      return 0;
    }
    if (trends.isEmpty()) {
      out.println("nothing you may see to count");
      out.flush();
      return 0;
    }
    for (Trends.Trend t : trends) {
      long withheld = t.points().stream().filter(pt -> pt.value() == null).count();
      out.printf(
          Locale.ROOT,
          "%n%s by %s %s: %s%n",
          t.series().measure(),
          t.series().by(),
          t.series().key(),
          withheld == 0
              ? number(t.total()) + " in all"
              : number(t.total())
                  + " in the cells shown; "
                  + withheld
                  + " of "
                  + t.points().size()
                  + " withheld (fewer than 10, or giving one away)");
      double most = t.points().stream().mapToDouble(Trends.Point::shown).max().orElse(0);
      for (Trends.Point pt : t.points()) {
        if (pt.value() == null) {
          out.printf(Locale.ROOT, "  %-8s %12s%n", pt.period(), "withheld");
          continue;
        }
        int bar = most <= 0 ? 0 : (int) Math.round(40 * pt.value() / most);
        out.printf(
            Locale.ROOT, "  %-8s %12s  %s%n", pt.period(), number(pt.value()), "#".repeat(bar));
      }
    }
    out.flush();
    return 0;
  }

  private static String number(double v) {
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%,d", (long) v)
        : String.format(Locale.ROOT, "%,.1f", v);
  }
}
