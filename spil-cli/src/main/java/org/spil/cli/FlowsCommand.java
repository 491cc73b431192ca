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
import org.spil.analysis.flows.Trace;
import org.spil.analysis.flows.Typology;
import org.spil.app.MoneyFlows;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
      FlowsCommand.TraceCommand.class,
      FlowsCommand.Between.class,
      FlowsCommand.Typologies.class,
      FlowsCommand.Judge.class,
      FlowsCommand.FeaturesCommand.class,
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
      print(out, alerts);
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

    @Mixin ScanOptions scan;

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
        MoneyFlows.Query query = scan.query(store, which);
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
      print(out, alerts);
      return 0;
    }
  }

  /** Alerts as text: typology, score, verdict, explanation, id, then each payment. */
  static void print(PrintWriter out, List<MoneyFlows.Alert> alerts) {
    for (MoneyFlows.Alert a : alerts) {
      out.printf(
          "%n[%s, score %s%s] %s%n  alert %s%n",
          a.typology(),
          a.score(),
          a.triage() == null ? "" : ", " + a.triage().verdict() + " by " + a.triage().by(),
          a.explanation(),
          a.id());
      if (!a.entities().isEmpty()) {
        out.printf("  rests on %s%n", String.join(", ", a.entities()));
      }
      for (MoneyFlows.Hop h : a.hops()) {
        out.printf(
            "  %s  %,16.2f %s  %s -> %s  [%s]%s%n",
            h.date(),
            h.amount(),
            h.currency(),
            h.fromLabel(),
            h.toLabel(),
            h.payment(),
            h.paid() == null ? "" : "  (paid " + h.paid() + ")");
      }
    }
    out.flush();
  }

  /** {@code spil flows judge}: the team's verdict on an alert. */
  @Command(
      name = "judge",
      mixinStandardHelpOptions = true,
      description =
          "Give your team's verdict on an alert (its id as spil flows typologies --json prints"
              + " it): confirmed, dismissed (say why) or open again. Audited.")
  static final class Judge implements Callable<Integer> {
    @ParentCommand FlowsCommand flows;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ViewerOption viewer;

    @Parameters(index = "0", paramLabel = "ALERT", description = "The alert's id.")
    String alert;

    @Option(
        names = "--verdict",
        required = true,
        paramLabel = "V",
        description = "confirmed, dismissed or open.")
    String verdict;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (needed to dismiss).")
    String reason;

    @Override
    public Integer call() {
      try (Store store = flows.spil.open(true)) {
        new MoneyFlows(store).judge(viewer.viewer(store), alert, verdict, reason);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s: %s%n", alert, verdict);
      out.flush();
      return 0;
    }
  }

  /** {@code spil flows features}: windowed graph features as Parquet. */
  @Command(
      name = "features",
      mixinStandardHelpOptions = true,
      description =
          "Write windowed graph features of the payments you may see as Parquet, one row per"
              + " account or per payment (fan-in and fan-out in a window, degrees, amounts, cycles,"
              + " alerts per typology), for models and notebooks.")
  static final class FeaturesCommand implements Callable<Integer> {
    @ParentCommand FlowsCommand flows;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ViewerOption viewer;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The Parquet file.")
    Path out;

    @Option(
        names = "--level",
        defaultValue = "accounts",
        paramLabel = "accounts|payments",
        description = "One row per account or per payment (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(
        names = "--window",
        defaultValue = "30",
        paramLabel = "DAYS",
        description = "The window of the windowed features (default: ${DEFAULT-VALUE}).")
    int window;

    @Mixin ScanOptions scan;

    @Override
    public Integer call() throws Exception {
      MoneyFlows.FeatureLevel l;
      try {
        l = MoneyFlows.FeatureLevel.of(level);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--level: " + e.getMessage(), e);
      }
      long rows;
      try (Store store = flows.spil.open(false)) {
        MoneyFlows.Query query = scan.query(store, Set.of());
        rows = new MoneyFlows(store).features(viewer.viewer(store), query, window, l, out);
      }
      PrintWriter w = spec.commandLine().getOut();
      w.printf("%,d %s written to %s%n", rows, level, out);
      w.flush();
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

  /** What a trace and a search for flows between two subjects share: hops, window, days. */
  static final class TraceOptions {
    @Option(
        names = "--hops",
        defaultValue = "4",
        paramLabel = "N",
        description = "Most payments along a way, 1 to 12 (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(
        names = "--window",
        defaultValue = "30",
        paramLabel = "DAYS",
        description = "Most days a payment may follow the one before (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
        names = "--since",
        paramLabel = "DATE",
        description = "First payments on or after DATE.")
    String since;

    @Option(
        names = "--until",
        paramLabel = "DATE",
        description = "First payments on or before DATE.")
    String until;

    @Option(
        names = "--attribution",
        defaultValue = "proportional",
        paramLabel = "RULE",
        description =
            "How traced money is shared over the payments out of an account: proportional, or"
                + " fifo (the oldest money leaves first) (default: ${DEFAULT-VALUE}).")
    String attribution;

    Trace.Attribution attribution() {
      try {
        return Trace.Attribution.of(attribution);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--attribution: " + e.getMessage(), e);
      }
    }
  }

  /** {@code spil flows trace}: where a subject's money went, or where it came from. */
  @Command(
      name = "trace",
      mixinStandardHelpOptions = true,
      description =
          "Where the money of an account or party went (or came from, with --direction in):"
              + " payments each made after the one before, within a window, with the amount of"
              + " the subject's money each carried; ends are accounts that keep it, cash"
              + " withdrawals and crypto exchanges.")
  static final class TraceCommand implements Callable<Integer> {
    @ParentCommand FlowsCommand flows;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ViewerOption viewer;
    @Mixin TraceOptions options;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "An account or party id.")
    String subject;

    @Option(
        names = "--direction",
        defaultValue = "out",
        paramLabel = "out|in",
        description =
            "out: where the money went; in: where it came from (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--json", description = "Print {subject, direction, traced, nodes, flows}.")
    boolean json;

    @Override
    public Integer call() {
      if (!direction.equals("out") && !direction.equals("in")) {
        throw new IllegalArgumentException(
            "--direction: '" + direction + "' is neither out nor in");
      }
      MoneyFlows.Traced t;
      try (Store store = flows.spil.open(false)) {
        t =
            new MoneyFlows(store)
                .trace(
                    viewer.viewer(store),
                    new MoneyFlows.TraceQuery(
                        subject,
                        direction.equals("out"),
                        options.hops,
                        options.window,
                        options.since,
                        options.until,
                        options.attribution()));
      }
      print(spec.commandLine().getOut(), t, json);
      return 0;
    }
  }

  /** {@code spil flows between}: the flows that carry a subject's money to another. */
  @Command(
      name = "between",
      mixinStandardHelpOptions = true,
      description =
          "The flows that carry money of the first subject to the second (an account or party"
              + " each), within the hops and window of a trace.")
  static final class Between implements Callable<Integer> {
    @ParentCommand FlowsCommand flows;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin ViewerOption viewer;
    @Mixin TraceOptions options;

    @Parameters(index = "0", paramLabel = "A", description = "Where the money starts.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Where it should arrive.")
    String b;

    @Option(names = "--json", description = "Print {subject, direction, traced, nodes, flows}.")
    boolean json;

    @Override
    public Integer call() {
      MoneyFlows.Traced t;
      try (Store store = flows.spil.open(false)) {
        t =
            new MoneyFlows(store)
                .between(
                    viewer.viewer(store),
                    new MoneyFlows.TraceQuery(
                        a,
                        true,
                        options.hops,
                        options.window,
                        options.since,
                        options.until,
                        options.attribution()),
                    b);
      }
      print(spec.commandLine().getOut(), t, json);
      return 0;
    }
  }

  /** A trace as text: what was traced, where it ended, the largest flows. */
  static void print(PrintWriter out, MoneyFlows.Traced t, boolean json) {
    if (json) {
      Output.json(out, t);
      return;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    t.nodes().forEach(n -> labels.put(n.id(), n.label()));
    out.printf(
        "Traced %,.2f %s %s, through %d accounts in %d flows.%n",
        t.traced(),
        t.direction().equals("out") ? "out of" : "into",
        labels.getOrDefault(t.subject(), t.subject()),
        t.nodes().size(),
        t.flows().size());
    List<MoneyFlows.FlowNode> ends =
        t.nodes().stream()
            .filter(n -> n.role().equals("end"))
            .sorted((x, y) -> Double.compare(y.kept(), x.kept()))
            .toList();
    if (!ends.isEmpty()) {
      out.printf("%nEnds (%s):%n", t.direction().equals("out") ? "kept there" : "came from there");
      for (MoneyFlows.FlowNode n : ends.subList(0, Math.min(20, ends.size()))) {
        out.printf(
            "  %,16.2f  %s  [%s%s]%n",
            n.kept(), n.label(), n.kind(), n.country() == null ? "" : ", " + n.country());
      }
    }
    out.printf("%nLargest flows:%n");
    for (MoneyFlows.Flow f : t.flows().subList(0, Math.min(30, t.flows().size()))) {
      out.printf(
          "  %s..%s  %,16.2f %s  %s -> %s  (%d payments)%n",
          f.first(),
          f.last(),
          f.amount(),
          f.currency(),
          labels.getOrDefault(f.source(), f.source()),
          labels.getOrDefault(f.target(), f.target()),
          f.payments().size());
    }
    out.flush();
  }
}
