package org.spil.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.spil.analysis.monitor.Series;
import org.spil.app.Trends;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench trends}: monitoring on the synthetic scenario at a scale and several seeds, as
 * the case analyst: every monthly series of counts computed (time), change detection over all of
 * them (time), and the signals scored against {@code truth/changes.csv}: each planted change found
 * or not and how many months after its start it was called, and the signals that match no planted
 * change (false), per series-year judged.
 */
@Command(
    name = "trends",
    mixinStandardHelpOptions = true,
    description =
        "Time the monthly series and change detection on the synthetic scenario, and score the"
            + " signals against the changes it plants.")
final class TrendsBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Persons of the scenario (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--seeds",
      defaultValue = "1,7,11",
      split = ",",
      paramLabel = "S",
      description = "Scenario seeds (default: ${DEFAULT-VALUE}).")
  List<Long> seeds;

  @Option(names = "--thresholds", paramLabel = "FILE", description = "A thresholds file to try.")
  Path thresholds;

  @Option(names = "--show", description = "Print every signal with its verdict.")
  boolean show;

  @Mixin ScenarioBenchOptions scenario;

  /**
   * A planted change: the series it is in (key a pattern), its kind, and the months it may be seen
   * starting (from its start until a month, for a flow that grows or gives way month by month).
   */
  /**
   * How many months before a planted change a change of slope may be seen to start: a gentle ramp's
   * break is known to within four months (DetectorsTest), a step's to within the tolerance.
   */
  static final int SLOPE_LEAD = 4;

  record Planted(
      String measure,
      String by,
      String written,
      Pattern key,
      String kind,
      String month,
      String until) {
    boolean matches(Trends.Change c, int tolerance) {
      return c.series().measure().equals(measure)
          && c.series().by().equals(by)
          && key.matcher(c.series().key()).matches()
          && c.down() == kind.equals("drop")
          && months(c.start(), month) >= -(c.slope() ? SLOPE_LEAD : tolerance)
          && months(c.start(), until) <= tolerance;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (scale < 200 || seeds.isEmpty()) {
      throw new IllegalArgumentException("--scale at least 200, one seed or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    int tolerance = 2;
    for (long seed : seeds) {
      try (Store store = scenario.open("trends-bench", scale, seed, out)) {
        Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
        var d = Trends.thresholds(store.dir(), thresholds);
        Trends trends = new Trends(store);
        long t0 = System.nanoTime();
        List<Series> monthly = trends.monitored(v);
        double series = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<Trends.Change> signals = Trends.changes(monthly, null, d);
        double detect = (System.nanoTime() - t1) / 1e9;
        double judged = 0;
        int judgedSeries = 0;
        for (Series s : monthly) {
          if (s.total() >= d.get("min-total")) {
            judgedSeries++;
            judged += s.values().length / 12.0;
          }
        }
        Path truth = scenario.dir("trends-bench", scale, seed).resolve("scenario/truth");
        List<Planted> planted = planted(truth.resolve("changes.csv"));
        int falses = 0;
        for (Trends.Change c : signals) {
          boolean right = planted.stream().anyMatch(p -> p.matches(c, tolerance));
          falses += right ? 0 : 1;
          if (show) {
            out.printf("  %s %s%n", right ? "planted" : "FALSE  ", c.explanation());
          }
        }
        out.printf(
            Locale.ROOT,
            "%nseed %d: %,d monthly series in %.1f s; signals over them in %.2f s: %d signals,"
                + " %d false in %.0f series-years judged (%d series): one per %.0f series-years%n",
            seed,
            monthly.size(),
            series,
            detect,
            signals.size(),
            falses,
            judged,
            judgedSeries,
            falses == 0 ? Double.POSITIVE_INFINITY : judged / falses);
        for (Planted p : planted) {
          Trends.Change first =
              signals.stream()
                  .filter(c -> p.matches(c, tolerance))
                  .min((a, b) -> a.called().compareTo(b.called()))
                  .orElse(null);
          out.printf(
              Locale.ROOT,
              "  %-9s %s by %s %s from %s: %s%n",
              p.kind,
              p.measure,
              p.by,
              p.written,
              p.month,
              first == null
                  ? "not found"
                  : String.format(
                      Locale.ROOT,
                      "found (%s %s, called %s: %d months after)",
                      first.kind(),
                      first.series().key(),
                      first.called(),
                      months(first.called(), p.month)));
        }
        out.flush();
      }
    }
    return 0;
  }

  private static List<Planted> planted(Path csv) throws IOException {
    List<Planted> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", 7);
      List<String> parts = new ArrayList<>();
      for (String part : f[2].split("\\*", -1)) {
        parts.add(Pattern.quote(part));
      }
      out.add(
          new Planted(
              f[0], f[1], f[2], Pattern.compile(String.join(".*", parts)), f[3], f[4], f[5]));
    }
    return out;
  }

  private static int months(String a, String b) {
    return (int)
        java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.parse(b), YearMonth.parse(a));
  }
}
