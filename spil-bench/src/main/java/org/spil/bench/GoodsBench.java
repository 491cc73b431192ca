package org.spil.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spil.analysis.goods.Indicator;
import org.spil.analysis.goods.Insiders;
import org.spil.analysis.goods.Targeting;
import org.spil.analysis.network.Network;
import org.spil.app.FlowGraphs;
import org.spil.app.GoodsFlows;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.app.PortInsiders;
import org.spil.app.Resolving;
import org.spil.app.SeizureChains;
import org.spil.app.ShipmentTargeting;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench goods}: goods-flow analysis on the synthetic scenario at a scale, through the
 * warehouse as the case analyst: shipment targeting of every visible shipment (time, and precision
 * and recall against {@code truth/shipments.csv} when inspecting the top 1% and 5%, for network
 * shipments and for seizures), out of sample after customs inspected the top 5% of the first
 * eighteen months, seizure chains and route queries (p50, p95), and the insiders of Rotterdam
 * (time, recall and precision against {@code truth/actors.csv}).
 */
@Command(
    name = "goods",
    mixinStandardHelpOptions = true,
    description =
        "Time and score shipment targeting, seizure chains, routes and port insiders on the"
            + " synthetic scenario.")
final class GoodsBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scale",
      defaultValue = "100000",
      paramLabel = "N",
      description =
          "Persons of the scenario (about one shipment per two) (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--runs",
      defaultValue = "3",
      paramLabel = "R",
      description = "Targeting runs to time (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--chains",
      defaultValue = "100",
      paramLabel = "K",
      description = "Seizure chains to walk, at most (default: ${DEFAULT-VALUE}).")
  int chains;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Scenario seed.")
  long seed;

  @Option(
      names = "--no-resolve",
      description =
          "Do not resolve the analyst's records first (a warehouse too large to resolve in the"
              + " heap given): targeting and chains then see each source's records apart.")
  boolean noResolve;

  @Option(
      names = "--no-inspect",
      description =
          "Do not record inspections of the first eighteen months' top 5%% to score the later"
              + " ranking out of sample (at a million shipments: tens of thousands of records).")
  boolean noInspect;

  @Option(
      names = "--http",
      description =
          "Question a spil serve process instead (chains and routes through HTTP, as the web"
              + " page asks them: session, purpose, audit, JSON), and leave the in-process figures"
              + " out.")
  boolean http;

  @Option(
      names = "--heap",
      defaultValue = "12g",
      paramLabel = "SIZE",
      description = "The server's heap with --http (default: ${DEFAULT-VALUE}).")
  String heap;

  /** The first day of the scenario's later months, scored out of sample. */
  static final String LATE = "2024-07-01";

  @Mixin ScenarioBenchOptions scenario;

  @Override
  public Integer call() throws Exception {
    if (scale < 200 || runs < 1 || chains < 0) {
      throw new IllegalArgumentException(
          "--scale at least 200, --runs at least 1, --chains 0 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path truth = scenario.dir("goods-bench", scale, seed).resolve("scenario/truth");
    Path servedData = null;
    try (Store store = scenario.open("goods-bench", scale, seed, out)) {
      Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
      if (!noResolve && store.resolutions().model(v).isEmpty()) {
        long r0 = System.nanoTime();
        new Resolving(store).resolve(v, Resolution.DEFAULT_THRESHOLD, false, 0, line -> {});
        out.printf(Locale.ROOT, "resolved the analyst's records in %.1f s%n", seconds(r0));
      }
      if (http) {
        // questioned through a server of its own, once this process has closed the warehouse
        servedData = store.dir();
      } else {
        inProcess(store, v, truth, out);
      }
    }
    if (servedData != null) {
      served(servedData, truth, out);
    }
    out.flush();
    return 0;
  }

  private void inProcess(Store store, Viewer v, Path truth, PrintWriter out) throws IOException {
    targeting(store, v, truth, out);
    long n0 = System.nanoTime();
    Network net = NetworkAnalysis.load(store, v, LinkFilter.ALL);
    out.printf(
        Locale.ROOT,
        "%nnetwork projected for chains and insiders in %.1f s (%,d nodes)%n",
        seconds(n0),
        net.size());
    // a server questions a network made long before: what was allocated making it has been
    // promoted by then, and the young collections that did it (0.3-0.4 s each at a million
    // shipments) do not fall on a question
    System.gc();
    chains(store, v, net, truth, out);
    routes(store, v, out);
    insiders(store, v, net, truth, out);
  }

  private void targeting(Store store, Viewer v, Path truth, PrintWriter out) throws IOException {
    Map<String, String> network = new HashMap<>();
    Set<String> seized = new HashSet<>();
    for (String[] f : rows(truth.resolve("shipments.csv"))) {
      network.put(f[2], f[3]);
      if (f[4].equals("true")) {
        seized.add(f[2]);
      }
    }
    // as the server runs it: the payment graphs behind the trade-based alerts kept after the first
    ShipmentTargeting t = new ShipmentTargeting(store, new FlowGraphs(store));
    double[] took = new double[runs];
    List<Targeting.Target> ranked = null;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      ranked = t.targets(v, null, 0, ShipmentTargeting.weights(store.dir(), null));
      took[r] = seconds(t0);
    }
    int one = Math.max(1, ranked.size() / 100);
    int five = Math.max(1, ranked.size() / 20);
    long networks = network.values().stream().filter(x -> !x.isEmpty()).count();
    out.printf(
        Locale.ROOT,
        "%ntargeting: %,d shipments ranked in %s s (the first reading the payments behind the"
            + " trade-based alerts, the others on kept payment graphs; median %.1f s)%n",
        ranked.size(),
        String.join(" / ", Arrays.stream(took).mapToObj(x -> String.format("%.1f", x)).toList()),
        BenchOptions.median(took));
    out.printf(
        Locale.ROOT,
        "  network shipments (%,d): top 1%% (%,d) precision %.2f, top 5%% (%,d) recall %.2f%n",
        networks,
        one,
        (double) count(ranked.subList(0, one), s -> !network.getOrDefault(s, "").isEmpty()) / one,
        five,
        (double) count(ranked.subList(0, five), s -> !network.getOrDefault(s, "").isEmpty())
            / Math.max(1, networks));
    out.printf(
        Locale.ROOT,
        "  seizures (%,d): top 1%% holds %,d (recall %.2f), top 5%% holds %,d (recall %.2f)%n",
        seized.size(),
        count(ranked.subList(0, one), seized::contains),
        (double) count(ranked.subList(0, one), seized::contains) / Math.max(1, seized.size()),
        count(ranked.subList(0, five), seized::contains),
        (double) count(ranked.subList(0, five), seized::contains) / Math.max(1, seized.size()));
    out.flush();
    if (!noInspect) {
      outOfSample(t, v, ShipmentTargeting.weights(store.dir(), null), ranked, network, out);
    }
  }

  /**
   * Customs inspects the top 5% of the shipments before {@link #LATE} and records what it found
   * (the truth); the later shipments, which no inspection saw, are ranked before and after the
   * weights learn from the outcomes. The inspections are withdrawn afterwards, so that a kept
   * warehouse ranks the same at the next run.
   */
  private void outOfSample(
      ShipmentTargeting t,
      Viewer v,
      Map<Indicator, Double> weights,
      List<Targeting.Target> ranked,
      Map<String, String> network,
      PrintWriter out) {
    List<Targeting.Target> lateBefore = t.targets(v, LATE, 0, weights);
    Set<String> late = new HashSet<>();
    lateBefore.forEach(x -> late.add(x.shipment()));
    List<Targeting.Target> early =
        ranked.stream().filter(x -> !late.contains(x.shipment())).toList();
    List<Targeting.Target> inspected = early.subList(0, early.size() / 20);
    long i0 = System.nanoTime();
    for (Targeting.Target x : inspected) {
      boolean found = !network.getOrDefault(x.shipment(), "").isEmpty();
      t.inspect(v, x.shipment(), found ? "found" : "nothing", "spil bench goods");
    }
    double recording = seconds(i0);
    List<Targeting.Target> lateAfter = t.targets(v, LATE, 0, weights);
    for (Targeting.Target x : inspected) {
      t.inspect(v, x.shipment(), "open", "spil bench goods: withdrawn");
    }
    int one = Math.max(1, lateBefore.size() / 100);
    java.util.function.Predicate<String> inNetwork = s -> !network.getOrDefault(s, "").isEmpty();
    out.printf(
        Locale.ROOT,
        "  out of sample: %,d inspections of the top 5%% before %s recorded in %.1f s (%,d found);"
            + " of the %,d later shipments the top 1%% (%,d) holds %,d network shipments before"
            + " the weights learn, %,d after%n",
        inspected.size(),
        LATE,
        recording,
        count(inspected, inNetwork),
        lateBefore.size(),
        one,
        count(lateBefore.subList(0, one), inNetwork),
        count(lateAfter.subList(0, one), inNetwork));
    out.flush();
  }

  /**
   * The truth's seizure chains to walk: at most {@code --chains}, spread over the truth (its first
   * chains are the earliest seizures, rip-ons among them).
   */
  private List<String[]> chainsToWalk(Path truth) throws IOException {
    List<String[]> truthChains = rows(truth.resolve("seizure_chains.csv"));
    int k = Math.min(chains, truthChains.size());
    int step = k == 0 ? 1 : Math.max(1, truthChains.size() / k);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(truthChains.get(i * step));
    }
    return out;
  }

  private static boolean ripOn(String[] truthChain) {
    return truthChain.length > 10 && Boolean.parseBoolean(truthChain[10]);
  }

  private void chains(Store store, Viewer v, Network net, Path truth, PrintWriter out)
      throws IOException {
    List<String[]> walked = chainsToWalk(truth);
    SeizureChains walk = new SeizureChains(store);
    int k = walked.size();
    long[] took = new long[k];
    int ripOns = 0;
    int called = 0;
    for (int i = 0; i < k; i++) {
      String[] c = walked.get(i);
      long t0 = System.nanoTime();
      SeizureChains.Chain chain = walk.of(v, net, c[1]);
      took[i] = System.nanoTime() - t0;
      boolean ripOn = ripOn(c);
      ripOns += ripOn ? 1 : 0;
      called += ripOn && chain.ripOn() ? 1 : 0;
    }
    if (k > 0) {
      out.printf(
          Locale.ROOT,
          "seizure chains: %d walked, p50 %.1f ms, p95 %.1f ms, max %.1f ms; rip-ons called %d of"
              + " %d%n",
          k,
          percentile(took, 0.5),
          percentile(took, 0.95),
          percentile(took, 1),
          called,
          ripOns);
    }
    out.flush();
  }

  private void routes(Store store, Viewer v, PrintWriter out) {
    // as the server answers them: the viewer's shipments kept after the first question
    GoodsFlows flows = new GoodsFlows(store, GoodsFlows.defaultPorts(), GoodsFlows.keep(store));
    long f0 = System.nanoTime();
    flows.routes(v, new GoodsFlows.RouteQuery(null, null, null, null));
    double first = seconds(f0);
    List<GoodsFlows.RouteQuery> queries = routeQueries();
    long[] took = new long[queries.size()];
    int routes = 0;
    for (int i = 0; i < queries.size(); i++) {
      long t0 = System.nanoTime();
      routes = Math.max(routes, flows.routes(v, queries.get(i)).routes().size());
      took[i] = System.nanoTime() - t0;
    }
    out.printf(
        Locale.ROOT,
        "route queries: the first (shipments read and kept) %.1f s; then %d (all, through NLRTM,"
            + " touching Togo since a day, Antwerp in a half-year), p50 %.1f ms, p95 %.1f ms; up to"
            + " %,d routes%n",
        first,
        queries.size(),
        percentile(took, 0.5),
        percentile(took, 0.95),
        routes);
    out.flush();
  }

  /**
   * The route questions timed, five times over: all routes, those through Rotterdam, those touching
   * Togo since a day, those through Antwerp in a half-year.
   */
  private static List<GoodsFlows.RouteQuery> routeQueries() {
    List<GoodsFlows.RouteQuery> queries = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      queries.add(new GoodsFlows.RouteQuery(null, null, null, null));
      queries.add(new GoodsFlows.RouteQuery("NLRTM", null, null, null));
      queries.add(new GoodsFlows.RouteQuery(null, "tg", "2024-09-01", null));
      queries.add(new GoodsFlows.RouteQuery("BEANR", null, "2025-01-01", "2025-06-30"));
    }
    return queries;
  }

  /**
   * Chains and routes asked of a {@code spil serve} process over HTTP as the analyst: the first
   * chain waits for the network's projection (timed apart), then each chain and route question is
   * timed from request to the whole JSON answer read.
   */
  private void served(Path data, Path truth, PrintWriter out) throws Exception {
    List<String[]> walked = chainsToWalk(truth);
    try (ServedWarehouse served = ServedWarehouse.start(data, heap, 2, out)) {
      String cookie = served.login(ScenarioWarehouse.USER, ServedWarehouse.PASSWORD);
      if (!walked.isEmpty()) {
        long p0 = System.nanoTime();
        answer(served, cookie, "/api/chain/" + walked.get(0)[1]);
        out.printf(
            Locale.ROOT,
            "the first chain through HTTP (the network projected on the server): %.1f s%n",
            seconds(p0));
        out.flush();
        long[] took = new long[walked.size()];
        int ripOns = 0;
        int called = 0;
        for (int i = 0; i < walked.size(); i++) {
          long t0 = System.nanoTime();
          String body = answer(served, cookie, "/api/chain/" + walked.get(i)[1]);
          took[i] = System.nanoTime() - t0;
          ripOns += ripOn(walked.get(i)) ? 1 : 0;
          called +=
              ripOn(walked.get(i)) && ServedWarehouse.JSON.readTree(body).path("rip_on").asBoolean()
                  ? 1
                  : 0;
        }
        out.printf(
            Locale.ROOT,
            "seizure chains through HTTP: %d walked, p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                + " rip-ons called %d of %d%n",
            took.length,
            percentile(took, 0.5),
            percentile(took, 0.95),
            percentile(took, 1),
            called,
            ripOns);
        out.flush();
      }
      long r0 = System.nanoTime();
      answer(served, cookie, "/api/routes");
      double first = seconds(r0);
      List<GoodsFlows.RouteQuery> queries = routeQueries();
      long[] took = new long[queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        GoodsFlows.RouteQuery q = queries.get(i);
        StringBuilder path = new StringBuilder("/api/routes?");
        path.append(q.port() == null ? "" : "port=" + q.port() + "&");
        path.append(q.country() == null ? "" : "country=" + q.country() + "&");
        path.append(q.since() == null ? "" : "since=" + q.since() + "&");
        path.append(q.until() == null ? "" : "until=" + q.until());
        long t0 = System.nanoTime();
        answer(served, cookie, path.toString());
        took[i] = System.nanoTime() - t0;
      }
      out.printf(
          Locale.ROOT,
          "route questions through HTTP: the first (shipments read and kept) %.1f s; then %d,"
              + " p50 %.1f ms, p95 %.1f ms%n",
          first,
          queries.size(),
          percentile(took, 0.5),
          percentile(took, 0.95));
      out.printf("server resident memory: %s%n", served.memory());
    }
  }

  /** The body of a GET that must answer 200. */
  private static String answer(ServedWarehouse served, String cookie, String path)
      throws Exception {
    var r = served.read(cookie, path);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private void insiders(Store store, Viewer v, Network net, Path truth, PrintWriter out)
      throws IOException {
    Map<String, String> portOf = new HashMap<>();
    for (String[] f : rows(truth.resolve("networks.csv"))) {
      portOf.put(f[0], f[2]);
    }
    Set<String> planted = new HashSet<>();
    for (String[] f : rows(truth.resolve("actors.csv"))) {
      if (f[2].equals("port-insider") && "NLRTM".equals(portOf.get(f[1]))) {
        planted.add(f[0]);
      }
    }
    // the records of the planted insiders only: at a million persons the file holds millions
    Map<String, String> truthOf = new HashMap<>();
    try (var lines = Files.lines(truth.resolve("records.csv"))) {
      lines
          .skip(1)
          .map(l -> l.split(",", -1))
          .filter(f -> f.length > 3 && planted.contains(f[3]))
          .forEach(f -> truthOf.put(f[1], f[3]));
    }
    Map<String, List<String>> members = new HashMap<>();
    store.resolutions().clusters(v).forEach((id, m) -> members.put(id, List.copyOf(m)));
    long t0 = System.nanoTime();
    PortInsiders.Report report =
        new PortInsiders(store, GoodsFlows.defaultPorts()).rank(v, net, "NLRTM", 0);
    double took = seconds(t0);
    Set<String> found = new HashSet<>();
    int right = 0;
    for (Insiders.Insider i : report.insiders()) {
      boolean hit = false;
      for (String m : members.getOrDefault(i.person(), List.of(i.person()))) {
        String t = truthOf.get(m);
        if (t != null && planted.contains(t)) {
          found.add(t);
          hit = true;
        }
      }
      right += hit ? 1 : 0;
    }
    int listed = report.insiders().size();
    out.printf(
        Locale.ROOT,
        "insiders of Rotterdam: %,d staff of %d firms ranked in %.1f s; %,d listed, %,d planted:"
            + " recall %.2f, precision %.2f%n",
        report.staff(),
        report.firms(),
        took,
        listed,
        planted.size(),
        planted.isEmpty() ? 0 : (double) found.size() / planted.size(),
        listed == 0 ? 0 : (double) right / listed);
  }

  private static long count(
      List<Targeting.Target> targets, java.util.function.Predicate<String> p) {
    return targets.stream().filter(t -> p.test(t.shipment())).count();
  }

  private static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
  }

  private static double percentile(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
