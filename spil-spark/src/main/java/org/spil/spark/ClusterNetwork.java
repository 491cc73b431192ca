package org.spil.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.spil.app.Searching;
import org.spil.policy.Viewer;
import org.spil.store.EntityRecord;
import org.spil.store.Privileged;
import org.spil.store.Store;

/**
 * The operation behind {@code spil cluster network}: the viewer's network drawn from the lake on
 * the cluster and measured there (PageRank, component, core number of every node), written as
 * Parquet for the serving layer to load; the store hands out the viewer's scope and the team's
 * resolution, and audits both.
 */
public final class ClusterNetwork {
  private ClusterNetwork() {}

  /**
   * One node of the top of the ranking, with its caption and schema as the reader may see the
   * entity (its id and no schema when the reader sees none of its values).
   */
  public record Ranked(
      String node, String caption, String schema, double pagerank, String component, int core) {}

  /**
   * What a run measured: nodes and edges, PageRank's iterations, the components and the largest,
   * the highest core number, the strongest nodes, where the results went, and how long it took.
   */
  public record Measured(
      long nodes,
      long edges,
      int pagerankIterations,
      long components,
      long largestComponent,
      int maxCore,
      List<Ranked> top,
      String out,
      double seconds) {}

  /**
   * Measures the viewer's network on {@code spark}, the measures where {@code where} says; writes
   * the scores to {@code out} if given.
   */
  public static Measured run(
      SparkSession spark,
      Store store,
      Viewer viewer,
      Path lake,
      GraphMeasures.Where where,
      Path out,
      int top) {
    long start = System.nanoTime();
    Store.ReadScope scope = store.readScope(viewer, "cluster network");
    Map<String, String> canonical = store.resolutions().canonicalIds(viewer);
    Set<String> privileged = Privileged.handles(store.dir());
    LakeInput input = LakeInput.of(spark, lake, scope);
    GraphMeasures.Scores scores =
        GraphMeasures.of(spark, NetworkProjection.of(spark, input, canonical, privileged), where);
    Dataset<Row> nodes = scores.nodes().cache();
    if (out != null) {
      nodes.write().mode(SaveMode.ErrorIfExists).parquet(out.resolve("nodes").toString());
    }
    Row summary =
        nodes
            .selectExpr("count(DISTINCT component)", "coalesce(max(core), 0)")
            .collectAsList()
            .get(0);
    Row largest =
        nodes
            .groupBy("component")
            .count()
            .orderBy(org.apache.spark.sql.functions.desc("count"))
            .limit(1)
            .collectAsList()
            .stream()
            .findFirst()
            .orElse(null);
    Searching searching = new Searching(store);
    List<Ranked> ranked =
        nodes
            .orderBy(
                org.apache.spark.sql.functions.desc("pagerank"),
                org.apache.spark.sql.functions.asc("node"))
            .limit(top)
            .collectAsList()
            .stream()
            .map(
                r -> {
                  Optional<EntityRecord> e = searching.show(viewer, r.getString(0));
                  return new Ranked(
                      r.getString(0),
                      e.map(EntityRecord::caption).orElse(r.getString(0)),
                      e.map(EntityRecord::schema).orElse(null),
                      r.getDouble(1),
                      r.getString(2),
                      r.getInt(3));
                })
            .toList();
    return new Measured(
        scores.nodeCount(),
        scores.edgeCount(),
        scores.pageRankIterations(),
        summary.getLong(0),
        largest == null ? 0 : largest.getLong(1),
        summary.getInt(1),
        ranked,
        out == null ? null : out.resolve("nodes").toString(),
        (System.nanoTime() - start) / 1e9);
  }
}
