package org.spil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.spil.analysis.flows.Finding;
import org.spil.analysis.flows.PaymentGraph;
import org.spil.analysis.flows.Scan;
import org.spil.analysis.flows.TemporalCycles;
import org.spil.analysis.flows.Thresholds;
import org.spil.analysis.flows.Trace;
import org.spil.analysis.flows.Typology;
import org.spil.app.MoneyFlows;
import org.spil.app.PlantedLaundering;
import org.spil.app.Resolving;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench flows}: the money-flow typologies on made-up payments with laundering planted
 * ({@link SyntheticPayments}): the time to build the payment graph and to scan it for every
 * typology, recall and precision per typology against what was planted, trace times (4 hops, 30
 * days) from random accounts, and temporal cycles side by side with NetworkX's simple_cycles on
 * each window's static graph, filtered to the cycles that respect time (checked to be the same).
 */
@Command(
    name = "flows",
    mixinStandardHelpOptions = true,
    description =
        "Time and score the money-flow typologies on generated payments; temporal cycles against"
            + " NetworkX.")
final class FlowsBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--payments",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "Payments to generate and scan (default: ${DEFAULT-VALUE}).")
  long payments;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S")
  long seed;

  @Option(
      names = "--traces",
      defaultValue = "200",
      paramLabel = "T",
      description = "Traces from random accounts to time (default: ${DEFAULT-VALUE}).")
  int traces;

  @Option(
      names = "--peer-payments",
      defaultValue = "20000",
      paramLabel = "N",
      description =
          "Payments of the cycle comparison with NetworkX, 0 to skip it (default:"
              + " ${DEFAULT-VALUE}).")
  long peerPayments;

  @Option(
      names = "--peer-timeout",
      defaultValue = "1800",
      paramLabel = "SECONDS",
      description = "How long NetworkX may take (default: ${DEFAULT-VALUE}).")
  int peerTimeout;

  @Option(
      names = "--show-wrong",
      defaultValue = "0",
      paramLabel = "N",
      description = "Print up to N alerts per typology that no planted pattern explains.")
  int showWrong;

  @Option(
      names = "--scenario-scale",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Also scan the synthetic scenario at this scale through the warehouse, scored against"
              + " its truth (0: not; --keep reuses an earlier warehouse).")
  int scenarioScale;

  @Option(
      names = "--peer-on",
      defaultValue = "synthetic",
      paramLabel = "DATA",
      description =
          "Payments of the cycle comparison: synthetic (--peer-payments of them) or scenario (its"
              + " euro payments) (default: ${DEFAULT-VALUE}).")
  String peerOn;

  @Mixin ScenarioBenchOptions scenario;

  @Option(
      names = "--amlsim",
      paramLabel = "DIR",
      description =
          "Also score the typologies on IBM's AMLSim sample unpacked in DIR (tar xzf"
              + " ../shared/data/aml/20K_fanin200.tgz) against its isFraud labels.")
  Path amlsim;

  @Override
  public Integer call() throws Exception {
    if (payments < 1000 || payments > 50_000_000L) {
      throw new IllegalArgumentException("--payments must be 1,000 to 50,000,000");
    }
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    SyntheticPayments s = SyntheticPayments.generate(payments, seed);
    double generated = seconds(t0);
    long t1 = System.nanoTime();
    PaymentGraph g = s.builder.build();
    double built = seconds(t1);
    System.gc();
    out.printf(
        Locale.ROOT,
        "payments: %,d generated in %.1f s (%,d planted patterns); graph of %,d accounts built in"
            + " %.1f s; heap in use %,d MB; %d cores%n",
        g.payments(),
        generated,
        s.typologyOf.size(),
        g.nodes(),
        built,
        used() >> 20,
        Runtime.getRuntime().availableProcessors());
    out.flush();
    scan(g, s, out);
    trace(g, "trace", out);
    if (amlsim != null) {
      AmlSimBench.run(amlsim, scenario.work, out);
    }
    PaymentGraph scenarioGraph = scenarioScale > 0 ? scenario(out) : null;
    if (peerOn.equals("scenario")) {
      if (scenarioGraph == null) {
        throw new IllegalArgumentException("--peer-on scenario needs --scenario-scale");
      }
      cycles(scenarioGraph, "scenario-" + scenarioScale, out);
    } else if (peerPayments > 0) {
      cycles(
          SyntheticPayments.generate(peerPayments, seed).builder.build(),
          "synthetic-" + peerPayments + "-" + seed,
          out);
    }
    return 0;
  }

  /**
   * The scenario through the warehouse: its payment graph read for the bench analyst, every
   * typology scanned as {@code spil flows typologies} does, scored against the scenario's truth,
   * and traces on its euro payments. Returns the euro graph.
   */
  private PaymentGraph scenario(PrintWriter out) throws IOException {
    try (Store store = scenario.open("flows-bench", scenarioScale, out)) {
      Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
      if (store.resolutions().clusters(v).isEmpty()) {
        // trade-based laundering ties the bank's payers to customs' consignees through the
        // team's resolution, as an analyst would have run it before
        long r0 = System.nanoTime();
        new Resolving(store).resolve(v, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
        out.printf(Locale.ROOT, "%nresolved the analyst's records in %.1f s%n", seconds(r0));
      }
      MoneyFlows flows = new MoneyFlows(store);
      System.gc();
      long before = used();
      long t0 = System.nanoTime();
      Map<String, PaymentGraph> graphs = flows.paymentGraphs(v);
      double read = seconds(t0);
      long n = graphs.values().stream().mapToLong(PaymentGraph::payments).sum();
      long heap = used() - before;
      long t1 = System.nanoTime();
      List<MoneyFlows.Alert> alerts = flows.typologies(v, MoneyFlows.Query.all());
      double all = seconds(t1);
      out.printf(
          Locale.ROOT,
          "%nscenario at scale %,d: %,d payments visible to the analyst; read into payment graphs"
              + " in %.1f s (heap %,d MB); spil flows typologies (read and scan) %.1f s, %,d"
              + " alerts%n",
          scenarioScale,
          n,
          read,
          heap >> 20,
          all,
          alerts.size());
      Path truth = scenario.dir("flows-bench", scenarioScale).resolve("scenario").resolve("truth");
      PlantedLaundering.read(truth)
          .score(alerts)
          .forEach(
              (t, sc) ->
                  out.printf(
                      Locale.ROOT,
                      "  %-16s planted %4d found %4d (recall %.2f), alerts %5d (precision %.2f)%n",
                      t,
                      sc.planted(),
                      sc.found(),
                      sc.recall(),
                      sc.alerts(),
                      sc.precision()));
      PaymentGraph euro = graphs.get("EUR");
      trace(euro, "scenario trace", out);
      return euro;
    }
  }

  private void scan(PaymentGraph g, SyntheticPayments s, PrintWriter out) {
    Scan scan = new Scan(g, Thresholds.defaults());
    out.printf(
        "%n%-16s %9s %7s %6s %6s %7s %9s%n",
        "typology", "seconds", "alerts", "planted", "found", "recall", "precision");
    double total = 0;
    for (Typology t : Typology.values()) {
      long start = System.nanoTime();
      List<Finding> found = t.find(scan);
      double took = seconds(start);
      total += took;
      int[] score = score(g, s, t, found);
      int planted = (int) s.typologyOf.values().stream().filter(t.id()::equals).count();
      out.printf(
          Locale.ROOT,
          "%-16s %9.2f %7d %6d %6d %7s %9s%n",
          t.id(),
          took,
          found.size(),
          planted,
          score[0],
          planted == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) score[0] / planted),
          found.isEmpty()
              ? "-"
              : String.format(Locale.ROOT, "%.2f", (double) score[1] / found.size()));
      int shown = 0;
      for (Finding f : found) {
        if (shown < showWrong && !explained(g, s, f)) {
          out.println("    not planted: " + f.explanation());
          shown++;
        }
      }
      out.flush();
    }
    out.printf(Locale.ROOT, "%-16s %9.2f   (every typology, one thread)%n", "scan", total);
  }

  /** Whether at least half of a finding's payments belong to one planted pattern. */
  private static boolean explained(PaymentGraph g, SyntheticPayments s, Finding f) {
    return score(g, s, Typology.STRUCTURING, List.of(f))[1] == 1;
  }

  /**
   * Patterns of this typology found (one alert covers at least half of the pattern's payments) and
   * alerts that are right (at least half their payments belong to one planted pattern).
   */
  static int[] score(PaymentGraph g, SyntheticPayments s, Typology t, List<Finding> found) {
    Set<String> hit = new HashSet<>();
    int right = 0;
    for (Finding f : found) {
      Map<String, Integer> covered = new HashMap<>();
      for (int p : f.payments()) {
        String pattern = s.patternOf.get(g.id(p));
        if (pattern != null) {
          covered.merge(pattern, 1, Integer::sum);
        }
      }
      boolean ok = false;
      for (Map.Entry<String, Integer> e : covered.entrySet()) {
        if (s.typologyOf.get(e.getKey()).equals(t.id())
            && 2 * e.getValue() >= s.sizeOf.get(e.getKey())) {
          hit.add(e.getKey());
        }
        ok |= 2 * e.getValue() >= f.payments().length;
      }
      right += ok ? 1 : 0;
    }
    return new int[] {hit.size(), right};
  }

  private void trace(PaymentGraph g, String name, PrintWriter out) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] took = new double[traces];
    long flows = 0;
    int done = 0;
    // from the payer of a random payment: accounts that pay much are traced from more often
    for (int attempt = 0; done < traces && attempt < traces * 100; attempt++) {
      int p = r.nextInt(g.payments());
      int v = g.from(p);
      if (g.kind(v) != PaymentGraph.Kind.ACCOUNT) {
        continue;
      }
      long start = System.nanoTime();
      Trace.Result result =
          Trace.run(
              g,
              new int[] {v},
              new Trace.Spec(
                  true,
                  4,
                  30,
                  g.day(p),
                  g.day(p) + 30,
                  Trace.Attribution.PROPORTIONAL,
                  Trace.NOISE));
      took[done++] = (System.nanoTime() - start) / 1e6;
      flows += result.carried().size();
    }
    Arrays.sort(took, 0, done);
    out.printf(
        Locale.ROOT,
        "%n%s (4 hops, 30 days, first payments within 30 days, proportional): %d traces from"
            + " the payers of random payments, p50 %.1f ms, p95 %.1f ms, max %.1f ms; %,d payments carried in"
            + " all%n",
        name,
        done,
        took[done / 2],
        took[Math.min(done - 1, (int) Math.ceil(done * 0.95) - 1)],
        took[done - 1],
        flows);
    out.flush();
  }

  private void cycles(PaymentGraph g, String name, PrintWriter out) throws Exception {
    TemporalCycles.Spec spec = new TemporalCycles.Spec(8, 30, 0.05);
    double[] runs = new double[3];
    List<int[]> found = null;
    for (int i = 0; i < runs.length; i++) {
      long start = System.nanoTime();
      found = TemporalCycles.find(g, spec);
      runs[i] = seconds(start);
    }
    Arrays.sort(runs);
    Path dir = scenario.work.resolve("flows-bench");
    Files.createDirectories(dir);
    Path file = dir.resolve("payments-" + name + ".txt");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int p = 0; p < g.payments(); p++) {
        w.write(p + " " + g.from(p) + " " + g.to(p) + " " + g.day(p) + " " + g.amount(p) + "\n");
      }
    }
    out.printf(
        Locale.ROOT,
        "%ncycles (at most 8 payments, 30 days, 5%% fee) on %,d payments: Spil %.3f s (median of"
            + " 3), %,d cycles%n",
        g.payments(),
        runs[1],
        found.size());
    out.flush();
    Set<String> ours = new TreeSet<>();
    for (int[] c : found) {
      ours.add(String.join(" ", Arrays.stream(c).mapToObj(Integer::toString).toList()));
    }
    Map<String, Object> peer = networkx(file, dir.resolve("networkx-cycles.txt"), out);
    if (peer == null) {
      return;
    }
    Set<String> theirs = new TreeSet<>(Files.readAllLines(dir.resolve("networkx-cycles.txt")));
    double seconds = ((Number) peer.get("seconds")).doubleValue();
    out.printf(
        Locale.ROOT,
        "cycles: %s %.1f s, %,d cycles; the same cycles: %s; ratio %s/Spil %.0f%n",
        peer.get("version"),
        seconds,
        theirs.size(),
        ours.equals(theirs) ? "yes" : "NO (" + difference(ours, theirs) + ")",
        "NetworkX",
        seconds / Math.max(1e-9, runs[1]));
    out.flush();
  }

  private static String difference(Set<String> ours, Set<String> theirs) {
    Set<String> onlyOurs = new TreeSet<>(ours);
    onlyOurs.removeAll(theirs);
    Set<String> onlyTheirs = new TreeSet<>(theirs);
    onlyTheirs.removeAll(ours);
    return onlyOurs.size() + " only Spil's, " + onlyTheirs.size() + " only NetworkX's";
  }

  private Map<String, Object> networkx(Path payments, Path cycles, PrintWriter out)
      throws Exception {
    String python = PythonPeers.interpreter("networkx");
    if (python == null) {
      out.println("cycles: NetworkX not installed (apt-get install python3-networkx)");
      return null;
    }
    Path script = PythonPeers.script("cycles_peer.py");
    try {
      Process p =
          new ProcessBuilder(
                  python,
                  script.toString(),
                  payments.toString(),
                  "8",
                  "30",
                  "0.05",
                  cycles.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!p.waitFor(peerTimeout, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        out.printf("cycles: NetworkX did not finish within %d s%n", peerTimeout);
        return null;
      }
      String line;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        line = r.readLine();
      }
      if (p.exitValue() != 0 || line == null) {
        out.printf("cycles: NetworkX failed (exit %d)%n", p.exitValue());
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new ObjectMapper().readValue(line, Map.class);
      return m;
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
