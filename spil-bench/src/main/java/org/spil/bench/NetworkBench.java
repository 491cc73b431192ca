package org.spil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.network.Network;
import org.spil.app.Json;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench network}: the synthetic scenario at a scale, projected into the analyst's
 * network (timed, with its size and heap), then depth-2 ego networks around the entities whose
 * degree is nearest 1,000, each answer built as {@code spil network --json} prints it (nodes,
 * edges, links with provenance). The warehouse is kept between runs with {@code --keep}, since
 * building it is most of the time at scale 1,000,000.
 */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = "Time the network projection and ego networks on the synthetic scenario.")
final class NetworkBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scale", defaultValue = "10000", paramLabel = "N")
  int scale;

  @Option(
      names = "--centres",
      defaultValue = "10",
      paramLabel = "C",
      description = "Entities to take ego networks around (default: ${DEFAULT-VALUE}).")
  int centres;

  @picocli.CommandLine.Mixin ScenarioBenchOptions scenario;

  private static final int RUNS = 10;
  private static final int TARGET_DEGREE = 1000;

  @Override
  public Integer call() throws Exception {
    if (scale < 100 || centres < 1) {
      throw new IllegalArgumentException("--scale must be >= 100 and --centres >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Store store = scenario.open("network-bench", scale, out);
    try (store) {
      Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
      long t1 = System.nanoTime();
      Network net = NetworkAnalysis.load(store, v, LinkFilter.ALL);
      double projection = (System.nanoTime() - t1) / 1e9;
      System.gc();
      Graph g = net.graph();
      out.printf(
          "projection for %s/%s: %,d nodes, %,d edges in %.1f s; heap in use after it %.0f MB%n",
          ScenarioWarehouse.USER,
          ScenarioWarehouse.CASE,
          net.size(),
          g.edges(),
          projection,
          used() / 1e6);
      Integer[] order = new Integer[g.nodes()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(distance(g.degree(a)), distance(g.degree(b))));
      int k = Math.min(centres, order.length);
      long[] build = new long[k * RUNS];
      long[] total = new long[k * RUNS];
      int t = 0;
      for (int c = 0; c < k; c++) {
        int centre = order[c];
        NetworkAnalysis.EgoView view = NetworkAnalysis.ego(net, centre, 2, 500);
        long bytes = COMPACT.writeValueAsBytes(view).length;
        for (int r = 0; r < RUNS; r++) {
          long s = System.nanoTime();
          view = NetworkAnalysis.ego(net, centre, 2, 500);
          long answered = System.nanoTime();
          bytes = COMPACT.writeValueAsBytes(view).length;
          build[t] = answered - s;
          total[t++] = System.nanoTime() - s;
        }
        out.printf(
            "  %s (%s): degree %,d, %,d nodes within 2 steps, answer %,d nodes / %,d edges, %,d bytes of JSON%n",
            net.caption(centre),
            net.kind(centre),
            g.degree(centre),
            view.nodesWithinDepth(),
            view.nodes().size(),
            view.edges().size(),
            bytes);
      }
      out.printf(
          "ego network depth 2, %d centres x %d runs: answer built p50 %.1f ms, p95 %.1f ms;"
              + " with compact JSON p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
          k,
          RUNS,
          percentile(build, 0.5),
          percentile(build, 0.95),
          percentile(total, 0.5),
          percentile(total, 0.95),
          percentile(total, 1));
    }
    out.flush();
    return 0;
  }

  /** The API's compact JSON of a result. */
  private static final ObjectMapper COMPACT = Json.MAPPER;

  private static double percentile(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
  }

  private static int distance(int degree) {
    return Math.abs(degree - TARGET_DEGREE);
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
