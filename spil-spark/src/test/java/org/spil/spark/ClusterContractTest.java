package org.spil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spil.analysis.graph.Components;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.KCore;
import org.spil.analysis.graph.PageRank;
import org.spil.analysis.network.Network;
import org.spil.app.LinkFilter;
import org.spil.app.NetworkAnalysis;
import org.spil.cli.Spil;
import org.spil.policy.Viewer;
import org.spil.store.Privileged;
import org.spil.store.Store;
import org.spil.store.Tallies;

/**
 * The contract between the embedded engine and the cluster for networks: the demo scenario (its
 * team resolution included) written to a lake, each demo reader's network drawn and measured on
 * Spark in local mode and in the warehouse, node for node: the same nodes and edges, PageRank
 * within 1e-6, the same components and core numbers. The readers' scopes differ, so the comparison
 * also shows that a job reads what the reader may and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterContractTest {
  @TempDir static Path tmp;
  Path data;
  Path lake;
  SparkSession spark;

  @BeforeAll
  void scenarioInALake() {
    data = tmp.resolve("demo");
    lake = tmp.resolve("lake");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Spil.run(
            new String[] {
              "demo",
              "--no-serve",
              "--scale",
              "800",
              "--ports",
              Path.of("../../shared/data/geo/UpdatedPub150.csv").toAbsolutePath().toString(),
              "--data",
              data.toString()
            },
            out,
            err);
    assertThat(code).as(err.toString()).isZero();
    try (Store store = Store.open(data, true, LocalDate.now())) {
      store.lake(lake).write("test", n -> {});
    }
    spark = ClusterSession.open("local[2]", 2);
  }

  @AfterAll
  void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "analist.politie, 26Kruiskade, CLUSTER",
    "douanier, adw, CLUSTER",
    "analist.politie, 26Kruiskade, DRIVER",
    "analist.kmar, wpg-art-9, DRIVER",
    "rechercheur.fiod, wpg-art-9, AUTO"
  })
  void theClusterMeasuresTheReadersNetworkAsTheWarehouseDoes(
      String user, String purpose, GraphMeasures.Where where) {
    try (Store store = Store.open(data, false, LocalDate.now())) {
      Viewer viewer = store.viewer(user, purpose);
      Network net = NetworkAnalysis.load(store, viewer, LinkFilter.ALL);
      Graph g = net.graph();
      double[] rank = PageRank.compute(g).scores();
      Components.Result components = Components.weak(g);
      int[] core = KCore.coreNumbers(g);

      Store.ReadScope scope = store.readScope(viewer, "test");
      LakeInput input = LakeInput.of(spark, lake, scope);
      for (Row r : input.statements().select("batch", "entity_id").distinct().collectAsList()) {
        long batch = r.getLong(0);
        assertThat(
                scope.batches().contains(batch)
                    || scope.entities().getOrDefault(batch, Set.of()).contains(r.getString(1)))
            .as("%s reads batch %d, entity %s", user, batch, r.getString(1))
            .isTrue();
      }
      GraphMeasures.Scores scores =
          GraphMeasures.of(
              spark,
              NetworkProjection.of(
                  spark,
                  input,
                  store.resolutions().canonicalIds(viewer),
                  Privileged.handles(store.dir())),
              where);
      List<Row> rows = scores.nodes().collectAsList();

      assertThat(net.size()).as("nodes of %s", user).isGreaterThan(50);
      assertThat(scores.nodeCount()).isEqualTo(net.size());
      assertThat(scores.edgeCount()).isEqualTo(g.edges());
      Map<String, Row> byId = new HashMap<>();
      rows.forEach(r -> byId.put(r.getString(0), r));
      Set<String> ids = new TreeSet<>();
      Map<Integer, Set<String>> embeddedComponents = new HashMap<>();
      for (int v = 0; v < net.size(); v++) {
        String id = net.id(v);
        ids.add(id);
        Row r = byId.get(id);
        assertThat(r).as("node %s on the cluster", id).isNotNull();
        assertThat(r.getDouble(1)).as("PageRank of %s", id).isCloseTo(rank[v], within(1e-6));
        assertThat(r.getInt(3)).as("core number of %s", id).isEqualTo(core[v]);
        embeddedComponents.computeIfAbsent(components.component()[v], k -> new TreeSet<>()).add(id);
      }
      assertThat(byId.keySet()).isEqualTo(ids);
      Map<String, Set<String>> clusterComponents = new HashMap<>();
      rows.forEach(
          r ->
              clusterComponents
                  .computeIfAbsent(r.getString(2), k -> new TreeSet<>())
                  .add(r.getString(0)));
      assertThat(new HashSet<>(clusterComponents.values()))
          .isEqualTo(new HashSet<>(embeddedComponents.values()));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "analist.politie; 26Kruiskade; Shipment; arrivalDate departureDate date; portOfLoading portOfTranshipment portOfDischarge; declaredValue; MONTH",
        "douanier; adw; Shipment; arrivalDate departureDate date; @agency; weight; WEEK",
        "douanier; adw; Shipment; arrivalDate departureDate date; goodsDescription; ; QUARTER",
        "analist.politie; 26Kruiskade; Seizure; date; country drug; quantity; MONTH",
        "analist.kmar; wpg-art-9; BorderCrossing; date; country; ; WEEK",
        "analist.kmar; wpg-art-9; BorderCrossing; date; @agency; ; MONTH",
        "analist.politie; 26Kruiskade; LegalAssistanceRequest; requestDate date; country; ; MONTH"
      })
  void theClusterTalliesTheReadersSeriesAsTheWarehouseDoes(
      String user,
      String purpose,
      String schema,
      String dates,
      String groups,
      String amount,
      Tallies.Period period) {
    Tallies.Spec spec =
        new Tallies.Spec(
            schema,
            List.of(dates.split(" ")),
            List.of(groups.split(" ")),
            amount == null || amount.isBlank() ? null : amount);
    try (Store store = Store.open(data, false, LocalDate.now())) {
      Viewer viewer = store.viewer(user, purpose);
      List<Tallies.Cell> embedded = store.tallies().of(viewer, spec, period);
      Store.ReadScope scope = store.readScope(viewer, "test");
      Map<Long, String> agencies = new HashMap<>();
      scope.identities().forEach((b, batch) -> agencies.put(b, batch.provenance().agency()));
      List<Tallies.Cell> cluster =
          ClusterTallies.of(spark, LakeInput.of(spark, lake, scope), agencies, spec, period);
      assertThat(embedded).as("cells of %s for %s", schema, user).isNotEmpty();
      assertThat(key(cluster)).isEqualTo(key(embedded));
      // as Parquet for what loads the series: the same cells
      Path out = tmp.resolve("tallies-" + schema + "-" + period + "-" + System.nanoTime());
      ClusterTallies.write(spark, cluster, spec, out);
      assertThat(
              spark.read().parquet(out.toString()).selectExpr("sum(entities)").first().getLong(0))
          .isEqualTo(embedded.stream().mapToLong(Tallies.Cell::entities).sum());
    }
  }

  /** The cells by period and groups: their counts and their amounts to the cent. */
  private static Map<List<String>, String> key(List<Tallies.Cell> cells) {
    Map<List<String>, String> out = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (Tallies.Cell c : cells) {
      List<String> k = new ArrayList<>();
      k.add(c.period());
      k.addAll(c.groups());
      out.put(k, c.entities() + " / " + String.format(java.util.Locale.ROOT, "%.2f", c.amount()));
    }
    return out;
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
