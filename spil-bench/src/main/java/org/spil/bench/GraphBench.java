package org.spil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.Coreness;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.spil.analysis.graph.Components;
import org.spil.analysis.graph.Ego;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.GraphBuilder;
import org.spil.analysis.graph.KCore;
import org.spil.analysis.graph.LouvainCommunities;
import org.spil.analysis.graph.PageRank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench graph}: PageRank, connected components, k-core, Louvain and a depth-2 ego
 * network on a generated graph with a skewed degree distribution (no loops, no parallel edges),
 * side by side in one run with the peers installed here: igraph and graph-tool (C and C++ cores,
 * through their Python bindings), NetworkX and JGraphT. Peers get the same edge list; their load
 * time is reported apart from the algorithm times. PageRank, components and k-core run {@code
 * --repeat} times in every library and report the median; Louvain runs once.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Time the graph algorithms against igraph, graph-tool, NetworkX and JGraphT.")
final class GraphBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "100000", paramLabel = "N")
  int nodes;

  @Option(names = "--edges", defaultValue = "1000000", paramLabel = "M")
  long edges;

  @Option(
      names = "--peers",
      split = ",",
      defaultValue = "igraph,graph-tool,networkx,jgrapht",
      paramLabel = "P",
      description =
          "Peers to run (default: ${DEFAULT-VALUE}; NetworkX and JGraphT only up to 2M edges unless --force-slow-peers).")
  List<String> peers;

  @Option(names = "--force-slow-peers", description = "Run NetworkX and JGraphT at any size.")
  boolean forceSlow;

  @Option(names = "--work", defaultValue = "bench-work", paramLabel = "DIR")
  Path work;

  @Option(
      names = "--repeat",
      defaultValue = "3",
      paramLabel = "R",
      description =
          "Runs of PageRank, components and k-core per library; the median is reported, so JIT"
              + " warm-up and noise do not decide a ratio (default: ${DEFAULT-VALUE}; Louvain runs once).")
  int repeat;

  @Override
  public Integer call() throws Exception {
    if (nodes < 2 || edges < 1 || edges > 200_000_000L) {
      throw new IllegalArgumentException("--nodes must be >= 2 and --edges 1..200,000,000");
    }
    if (repeat < 1 || repeat > 99) {
      throw new IllegalArgumentException("--repeat must be 1..99");
    }
    PrintWriter out = spec.commandLine().getOut();
    long[] pairs = generate(nodes, edges, 1);
    Path dir = work.resolve("graph-bench");
    Files.createDirectories(dir);
    Path file = dir.resolve("edges-" + nodes + "-" + pairs.length + ".txt");
    if (!Files.exists(file)) {
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
        for (long p : pairs) {
          w.write(Integer.toString((int) (p >>> 32)));
          w.write(' ');
          w.write(Integer.toString((int) p));
          w.write('\n');
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    out.printf(
        "graph: %,d nodes, %,d edges (skewed degrees, seed 1); %d cores; edge list %s%n",
        nodes, pairs.length, Runtime.getRuntime().availableProcessors(), file);
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    results.put("spil", spil(pairs, out));
    boolean small = pairs.length <= 2_000_000 || forceSlow;
    for (String peer : peers) {
      if (peer.equals("none")) {
        continue;
      }
      if ((peer.equals("networkx") || peer.equals("jgrapht")) && !small) {
        out.printf("  %s: skipped above 2M edges (--force-slow-peers to run it)%n", peer);
        continue;
      }
      Map<String, Object> r = peer.equals("jgrapht") ? jgrapht(pairs) : python(peer, file, out);
      if (r != null) {
        results.put(peer, r);
      }
    }
    table(out, results);
    return 0;
  }

  /** Unique undirected edges u < v, skewed: one end uniform, the other biased to low ids. */
  static long[] generate(int n, long m, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] keys = new long[(int) m];
    for (int i = 0; i < m; i++) {
      int u = r.nextInt(n);
      double x = r.nextDouble();
      int v = (int) (n * x * x * x);
      keys[i] = u < v ? ((long) u << 32) | v : ((long) v << 32) | u;
    }
    Arrays.parallelSort(keys);
    int k = 0;
    for (int i = 0; i < keys.length; i++) {
      long key = keys[i];
      if ((int) (key >>> 32) != (int) key && (k == 0 || keys[k - 1] != key)) {
        keys[k++] = key;
      }
    }
    return Arrays.copyOf(keys, k);
  }

  private Map<String, Object> spil(long[] pairs, PrintWriter out) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("version", "Spil (Java " + Runtime.version().feature() + ")");
    System.gc();
    long before = used();
    long t0 = System.nanoTime();
    GraphBuilder b = new GraphBuilder(nodes, pairs.length);
    for (long p : pairs) {
      b.add((int) (p >>> 32), (int) p);
    }
    Graph g = b.build(false);
    r.put("load", seconds(t0));
    b = null;
    System.gc();
    r.put("heap_mb", (used() - before) / 1e6);
    time(r, "pagerank", () -> PageRank.compute(g, 0.85, 1e-6, 100).scores(), x -> max(x));
    // the same stopping rule as JGraphT's (largest change below 1e-6), for the side-by-side
    Map<String, Object> maxRule = new LinkedHashMap<>();
    PageRank.Result[] asJGraphT = new PageRank.Result[1];
    time(
        maxRule,
        "pagerank",
        () -> asJGraphT[0] = PageRank.compute(g, 0.85, 1e-6, 100, PageRank.Convergence.MAX),
        x -> 0);
    r.put("pagerank_max_rule", maxRule.get("pagerank"));
    r.put(
        "pagerank_note",
        "iterations: " + asJGraphT[0].iterations() + " with the largest-change rule");
    time(r, "components", () -> Components.weak(g).count(), x -> x);
    time(r, "kcore", () -> KCore.coreNumbers(g), x -> Arrays.stream(x).max().orElse(0));
    time(r, "louvain", () -> LouvainCommunities.compute(g).modularity(), x -> x);
    int centre = 0;
    for (int v = 0; v < g.nodes(); v++) {
      if (Math.abs(g.degree(v) - 1000) < Math.abs(g.degree(centre) - 1000)) {
        centre = v;
      }
    }
    int c = centre;
    long[] runs = new long[20];
    int size = 0;
    for (int i = 0; i < runs.length; i++) {
      long t = System.nanoTime();
      size = Ego.around(g, c, 2).nodes().length;
      runs[i] = System.nanoTime() - t;
    }
    Arrays.sort(runs);
    r.put("ego2", runs[runs.length / 2] / 1e9);
    r.put(
        "ego2_note",
        String.format(
            "node of degree %d, %,d nodes within 2 steps, median of 20", g.degree(c), size));
    out.printf("  spil: done (heap for the graph %.0f MB)%n", (double) r.get("heap_mb"));
    out.flush();
    return r;
  }

  private static double max(double[] x) {
    double m = 0;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }

  private <T> void time(
      Map<String, Object> r, String name, Supplier<T> f, Function<T, Object> check) {
    int runs = name.equals("louvain") ? 1 : repeat;
    double[] took = new double[runs];
    T v = null;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      v = f.get();
      took[i] = seconds(t);
    }
    Arrays.sort(took);
    r.put(name, took[runs / 2]);
    String key =
        switch (name) {
          case "pagerank" -> "pagerank_max";
          case "components" -> "components_count";
          case "kcore" -> "kcore_max";
          default -> "louvain_modularity";
        };
    r.put(key, check.apply(v));
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private Map<String, Object> python(String peer, Path file, PrintWriter out) throws Exception {
    String module =
        switch (peer) {
          case "igraph" -> "igraph";
          case "graph-tool" -> "graph_tool";
          case "networkx" -> "networkx";
          default -> throw new IllegalArgumentException("--peers: unknown peer '" + peer + "'");
        };
    String python = PythonPeers.interpreter(module);
    if (python == null) {
      out.printf("  %s: not installed (apt-get install python3-%s)%n", peer, peer);
      return null;
    }
    Path script = PythonPeers.script("graph_peers.py");
    try {
      Process p =
          new ProcessBuilder(
                  python,
                  script.toString(),
                  peer,
                  file.toString(),
                  Integer.toString(nodes),
                  "pagerank,components,kcore,louvain",
                  Integer.toString(repeat))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String line;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        line = r.readLine();
      }
      if (p.waitFor() != 0 || line == null) {
        out.printf("  %s: failed (exit %d)%n", peer, p.exitValue());
        return null;
      }
      out.printf("  %s: done%n", peer);
      out.flush();
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new ObjectMapper().readValue(line, Map.class);
      return m;
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private Map<String, Object> jgrapht(long[] pairs) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("version", "JGraphT 1.5.3");
    long t0 = System.nanoTime();
    org.jgrapht.Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int v = 0; v < nodes; v++) {
      g.addVertex(v);
    }
    for (long p : pairs) {
      g.addEdge((int) (p >>> 32), (int) p);
    }
    r.put("load", seconds(t0));
    time(
        r,
        "pagerank",
        () -> new org.jgrapht.alg.scoring.PageRank<>(g, 0.85, 100, 1e-6).getScores(),
        x -> x.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    // JGraphT stops at the largest change, the rule of Spil's pagerank_max_rule row
    r.put("pagerank_max_rule", r.get("pagerank"));
    time(r, "components", () -> new ConnectivityInspector<>(g).connectedSets().size(), x -> x);
    time(
        r,
        "kcore",
        () -> new Coreness<>(g).getScores(),
        x -> x.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    return r;
  }

  private static void table(PrintWriter out, Map<String, Map<String, Object>> results) {
    List<String> peers = new ArrayList<>(results.keySet());
    out.println();
    out.printf("%-12s", "seconds");
    for (String p : peers) {
      out.printf(" %14s", p);
    }
    out.println("   ratio peer/spil");
    for (String m :
        List.of(
            "load", "pagerank", "pagerank_max_rule", "components", "kcore", "louvain", "ego2")) {
      out.printf("%-12s", m);
      Object spil = results.get("spil").get(m);
      StringBuilder ratios = new StringBuilder();
      for (String p : peers) {
        Object v = results.get(p).get(m);
        out.printf(" %14s", v == null ? "-" : String.format("%.3f", ((Number) v).doubleValue()));
        if (!p.equals("spil") && v != null && spil != null) {
          ratios.append(
              String.format(
                  " %s %.2f",
                  p, ((Number) v).doubleValue() / Math.max(1e-9, ((Number) spil).doubleValue())));
        }
      }
      out.println("  " + ratios);
    }
    out.println();
    out.println("checks (should agree):");
    for (String c :
        List.of("pagerank_max", "components_count", "kcore_max", "louvain_modularity")) {
      out.printf("%-20s", c);
      for (String p : peers) {
        Object v = results.get(p).get(c);
        out.printf(" %14s", v == null ? "-" : v instanceof Double d ? String.format("%.6g", d) : v);
      }
      out.println();
    }
    out.printf(
        "%nversions: %s%n",
        String.join(
            "; ", peers.stream().map(p -> p + " " + results.get(p).get("version")).toList()));
    out.println("ego2: " + results.get("spil").get("ego2_note"));
    out.println(
        "pagerank: Spil stops when the sum of changes is below 1e-6; pagerank_max_rule when the"
            + " largest change is, as JGraphT does ("
            + results.get("spil").get("pagerank_note")
            + ")");
    out.flush();
  }
}
