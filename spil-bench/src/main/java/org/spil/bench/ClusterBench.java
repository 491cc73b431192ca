package org.spil.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.spil.analysis.graph.Components;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.KCore;
import org.spil.analysis.graph.PageRank;
import org.spil.analysis.network.Network;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.policy.Viewer;
import org.spil.spark.ClusterSession;
import org.spil.spark.GraphMeasures;
import org.spil.spark.LakeInput;
import org.spil.spark.NetworkProjection;
import org.spil.store.Lake;
import org.spil.store.Privileged;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench cluster}: the synthetic scenario at a scale written to a lake and loaded from
 * it into a second warehouse (statements a second each way), and the analyst's network measured
 * (PageRank, components, core numbers) by the embedded engine and by Spark on the same machine,
 * with the cores each uses, so that the ratio of their times is the ratio per core; the two answers
 * are compared (nodes, edges, largest PageRank difference).
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Time the lake and the network measures on Spark against the embedded engine.")
final class ClusterBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scale", defaultValue = "10000", paramLabel = "N")
  int scale;

  @Option(
      names = "--master",
      defaultValue = "local[2]",
      paramLabel = "URL",
      description = "Spark master (default: ${DEFAULT-VALUE}, the machine's two cores).")
  String master;

  @Option(names = "--partitions", defaultValue = "4", paramLabel = "N")
  int partitions;

  @Option(names = "--no-load", description = "Skip loading the lake into a second warehouse.")
  boolean noLoad;

  @Option(
      names = "--measures",
      defaultValue = "driver,cluster",
      split = ",",
      paramLabel = "WHERE",
      description = "Where the measures run, one run each: driver, cluster (default: both).")
  List<String> measuresWhere;

  @picocli.CommandLine.Mixin ScenarioBenchOptions scenario;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path lake = scenario.dir("cluster-bench", scale).resolveSibling("cluster-bench-lake-" + scale);
    Path replica =
        scenario.dir("cluster-bench", scale).resolveSibling("cluster-bench-replica-" + scale);
    delete(lake);
    delete(replica);
    try (Store store = scenario.open("cluster-bench", scale, out)) {
      long statements = store.batches().stream().mapToLong(b -> b.newStatements()).sum();
      long t0 = System.nanoTime();
      Lake.Written w = store.lake(lake).write("bench", n -> {});
      double write = (System.nanoTime() - t0) / 1e9;
      out.printf(
          "lake written: %d batches, %,d statements in %.1f s (%,.0f statements/s), %,d MB%n",
          w.added(), w.statements(), write, w.statements() / write, size(lake) >> 20);
      if (!noLoad) {
        Files.createDirectories(replica);
        if (Files.exists(store.dir().resolve("legal-bases.txt"))) {
          Files.copy(
              store.dir().resolve("legal-bases.txt"),
              replica.resolve("legal-bases.txt"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long t1 = System.nanoTime();
        try (Store r = Store.open(replica, true, LocalDate.now())) {
          Lake.Loaded l = r.lake(lake).load("bench", n -> {});
          double load = (System.nanoTime() - t1) / 1e9;
          out.printf(
              "lake loaded into a second warehouse (indexes included): %,d statements in %.1f s"
                  + " (%,.0f statements/s)%n",
              l.statements(), load, l.statements() / load);
        }
      }
      Viewer v = store.viewer(ScenarioWarehouse.USER, ScenarioWarehouse.CASE);
      long t2 = System.nanoTime();
      Network net = NetworkAnalysis.load(store, v, LinkFilter.ALL);
      double projection = (System.nanoTime() - t2) / 1e9;
      Graph g = net.graph();
      long t3 = System.nanoTime();
      double[] rank = PageRank.compute(g).scores();
      Components.Result components = Components.weak(g);
      KCore.coreNumbers(g);
      double measures = (System.nanoTime() - t3) / 1e9;
      out.printf(
          "embedded (%d cores): %,d nodes, %,d edges; projection %.1f s, measures %.2f s"
              + " (%,d components); %,d statements in the warehouse%n",
          Runtime.getRuntime().availableProcessors(),
          net.size(),
          g.edges(),
          projection,
          measures,
          components.count(),
          statements);
      SparkSession spark = ClusterSession.open(master, partitions);
      try {
        for (String name : measuresWhere) {
          GraphMeasures.Where where =
              GraphMeasures.Where.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
          measure(out, spark, store, v, lake, where, net, rank, projection + measures);
        }
      } finally {
        spark.stop();
      }
    }
    if (!scenario.keep) {
      delete(lake);
      delete(replica);
    }
    out.flush();
    return 0;
  }

  /** The network measured on Spark with the measures where {@code where} says, against embedded. */
  private void measure(
      PrintWriter out,
      SparkSession spark,
      Store store,
      Viewer v,
      Path lake,
      GraphMeasures.Where where,
      Network net,
      double[] rank,
      double embedded) {
    long t4 = System.nanoTime();
    Store.ReadScope scope = store.readScope(v, "bench");
    LakeInput input = LakeInput.of(spark, lake, scope);
    long read = input.statements().count();
    double scan = (System.nanoTime() - t4) / 1e9;
    long t5 = System.nanoTime();
    NetworkProjection.Projection p =
        NetworkProjection.of(
            spark, input, store.resolutions().canonicalIds(v), Privileged.handles(store.dir()));
    p.edges().count();
    double projected = (System.nanoTime() - t5) / 1e9;
    long t6 = System.nanoTime();
    GraphMeasures.Scores s = GraphMeasures.of(spark, p, where);
    List<Row> rows = s.nodes().collectAsList();
    double measured = (System.nanoTime() - t6) / 1e9;
    double cluster = (System.nanoTime() - t4) / 1e9;
    out.printf(
        "  spark's parts: %,d statements in scope scanned in %.1f s, projection %.1f s, measures"
            + " %.1f s%n",
        read, scan, projected, measured);
    Map<String, Double> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.getString(0), r.getDouble(1)));
    double worst = 0;
    for (int i = 0; i < net.size(); i++) {
      Double x = byId.get(net.id(i));
      worst = Math.max(worst, x == null ? 1 : Math.abs(x - rank[i]));
    }
    out.printf(
        "spark (%s, %d partitions, measures on the %s): %,d nodes, %,d edges; projection and"
            + " measures %.1f s, PageRank in %d iterations; largest PageRank difference %.1e%n",
        master,
        partitions,
        where.name().toLowerCase(java.util.Locale.ROOT),
        s.nodeCount(),
        s.edgeCount(),
        cluster,
        s.pageRankIterations(),
        worst);
    out.printf(
        "ratio spark / embedded on the same cores: %.1fx (%.1f s against %.1f s)%n",
        cluster / embedded, cluster, embedded);
    out.flush();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
