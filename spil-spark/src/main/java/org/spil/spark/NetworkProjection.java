package org.spil.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.spil.analysis.network.NetworkBuilder;
import org.spil.app.NetworkSource;
import org.spil.model.EntityIds;
import org.spil.model.Schema;
import org.spil.model.Schemata;

/**
 * The viewer's network drawn on the cluster, by the rules of the embedded projection ({@link
 * NetworkSource}, {@link NetworkBuilder}): a node per visible entity of a node schema (merged into
 * its canonical id where the team's resolution clusters it); a link per relationship statement
 * between its ends (an account where a party is missing), per message from a handle to each
 * recipient (privileged handles withheld), and per pair of nodes sharing a phone, e-mail address or
 * address that at most {@link NetworkBuilder#PIVOT_LIMIT_DEFAULT} nodes share; links aggregated per
 * pair of nodes and type and weighed by {@link NetworkBuilder#weight}. Written in Spark SQL, so
 * that it runs where the statements are; the functions that normalise a pivot or make a handle's id
 * are the embedded ones, called from the SQL.
 */
public final class NetworkProjection {
  private NetworkProjection() {}

  /** The nodes (column {@code node}) and the weighted edges ({@code a < b, weight}). */
  public record Projection(Dataset<Row> nodes, Dataset<Row> edges) {}

  /**
   * The projection of what {@code input} may read, with {@code canonical} (entity to canonical id,
   * the team's resolution) and the handles whose messages are withheld.
   */
  public static Projection of(
      SparkSession spark, LakeInput input, Map<String, String> canonical, Set<String> privileged) {
    register(spark);
    // the statements the projection reads, once: of the node schemata their node properties, of
    // the relationship schemata their ends and the accounts that stand in for them
    Set<String> schemata = new TreeSet<>(NetworkSource.NODE_SCHEMATA);
    Set<String> props = new TreeSet<>(NetworkSource.NODE_PROPERTIES);
    for (Schema s : Schemata.model().all()) {
      if (s.isEdge() && !s.isAbstract()) {
        schemata.add(s.name());
        props.add(s.edgeSource());
        props.add(s.edgeTarget());
        props.addAll(NetworkSource.ACCOUNT_FALLBACK.values());
      }
    }
    input
        .statements()
        .select("entity_id", "schema", "prop", "value", "dataset", "batch")
        .filter(col("schema").isin(schemata.toArray()).and(col("prop").isin(props.toArray())))
        .persist(StorageLevel.MEMORY_AND_DISK())
        .createOrReplaceTempView("st");
    List<Row> rows = new ArrayList<>();
    canonical.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
    spark
        .createDataFrame(
            rows,
            new StructType()
                .add("entity_id", DataTypes.StringType)
                .add("canonical_id", DataTypes.StringType))
        .createOrReplaceTempView("canon");
    edgeSchemata(spark).createOrReplaceTempView("edge_schema");
    String nodeSchemata = quoted(NetworkSource.NODE_SCHEMATA);
    String nodeProps = quoted(NetworkSource.NODE_PROPERTIES);
    Dataset<Row> nodes =
        spark.sql(
            "SELECT DISTINCT coalesce(c.canonical_id, e.entity_id) AS node FROM (SELECT DISTINCT"
                + " entity_id FROM st WHERE schema IN ("
                + nodeSchemata
                + ") AND prop IN ("
                + nodeProps
                + ")) e LEFT JOIN canon c ON c.entity_id = e.entity_id");
    nodes.createOrReplaceTempView("entity_node");
    Dataset<Row> relations =
        spark.sql(
            "WITH e AS (SELECT s.entity_id, s.schema,"
                + " collect_list(s.value) FILTER (WHERE s.prop = m.source) AS src,"
                + " collect_list(s.value) FILTER (WHERE s.prop = m.source_or) AS src_or,"
                + " collect_list(s.value) FILTER (WHERE s.prop = m.target) AS tgt,"
                + " collect_list(s.value) FILTER (WHERE s.prop = m.target_or) AS tgt_or"
                + " FROM st s JOIN edge_schema m ON s.schema = m.schema"
                + " WHERE s.prop = m.source OR s.prop = m.target OR s.prop = m.source_or"
                + " OR s.prop = m.target_or GROUP BY s.entity_id, s.schema)"
                + " SELECT schema AS type, source, target, count(*) AS n FROM e"
                + " LATERAL VIEW explode(CASE WHEN size(src) > 0 THEN src ELSE src_or END) x AS"
                + " source LATERAL VIEW explode(CASE WHEN size(tgt) > 0 THEN tgt ELSE tgt_or END)"
                + " y AS target GROUP BY schema, source, target");
    Dataset<Row> links = relations;
    Dataset<Row> messages = input.messages();
    if (messages != null) {
      messages.createOrReplaceTempView("msg");
      String withheld = "";
      if (!privileged.isEmpty()) {
        String list = quoted(privileged);
        withheld =
            " WHERE sender NOT IN ("
                + list
                + ") AND NOT arrays_overlap(recipients, array("
                + list
                + "))";
      }
      links =
          links.unionByName(
              spark.sql(
                  "SELECT 'Message' AS type, handle_id(dataset, sender) AS source,"
                      + " handle_id(dataset, recipient) AS target, count(*) AS n FROM msg"
                      + " LATERAL VIEW explode(recipients) r AS recipient"
                      + withheld
                      + " GROUP BY dataset, sender, recipient"));
    }
    links.createOrReplaceTempView("link");
    Dataset<Row> pivots =
        spark.sql(
            "WITH p AS (SELECT DISTINCT pivot_key(s.prop, s.value) AS pivot,"
                + " coalesce(c.canonical_id, s.entity_id) AS node FROM st s LEFT JOIN canon c"
                + " ON c.entity_id = s.entity_id WHERE s.schema IN ("
                + nodeSchemata
                + ") AND s.prop IN ("
                + quoted(new TreeSet<>(NetworkSource.PIVOTS))
                + ")),"
                + " held AS (SELECT pivot FROM p GROUP BY pivot HAVING count(*) BETWEEN 2 AND "
                + NetworkBuilder.PIVOT_LIMIT_DEFAULT
                + ")"
                + " SELECT x.node AS a, y.node AS b, concat('shared ', substring_index(x.pivot,"
                + " ':', 1)) AS type, count(*) AS n FROM p x JOIN held h ON h.pivot = x.pivot"
                + " JOIN p y ON y.pivot = x.pivot AND x.node < y.node GROUP BY x.node, y.node,"
                + " concat('shared ', substring_index(x.pivot, ':', 1))");
    pivots.createOrReplaceTempView("pivot_link");
    Dataset<Row> typed =
        spark.sql(
            "WITH ends AS (SELECT l.type, coalesce(cs.canonical_id, l.source) AS u,"
                + " coalesce(ct.canonical_id, l.target) AS v, l.n FROM link l"
                + " LEFT JOIN canon cs ON cs.entity_id = l.source"
                + " LEFT JOIN canon ct ON ct.entity_id = l.target"
                + " WHERE l.source IS NOT NULL AND l.target IS NOT NULL)"
                + " SELECT least(u, v) AS a, greatest(u, v) AS b, type, sum(n) AS n FROM ends"
                + " WHERE u <> v GROUP BY least(u, v), greatest(u, v), type"
                + " UNION ALL SELECT a, b, type, n FROM pivot_link");
    typed.createOrReplaceTempView("typed_link");
    Dataset<Row> edges =
        spark.sql("SELECT a, b, sum(link_weight(type, n)) AS weight FROM typed_link GROUP BY a, b");
    Dataset<Row> allNodes =
        nodes
            .unionByName(edges.selectExpr("a AS node"))
            .unionByName(edges.selectExpr("b AS node"))
            .distinct();
    return new Projection(allNodes, edges);
  }

  /** The functions of the embedded projection, for the SQL. */
  private static void register(SparkSession spark) {
    spark
        .udf()
        .register(
            "pivot_key", (UDF2<String, String, String>) NetworkSource::pivot, DataTypes.StringType);
    spark
        .udf()
        .register(
            "handle_id",
            (UDF2<String, String, String>)
                (dataset, handle) -> EntityIds.make(dataset, "handle", List.of(handle)),
            DataTypes.StringType);
    spark
        .udf()
        .register(
            "link_weight",
            (UDF2<String, Long, Double>) NetworkBuilder::weight,
            DataTypes.DoubleType);
  }

  /** Every relationship schema with its ends and their fallbacks. */
  private static Dataset<Row> edgeSchemata(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Schema s : Schemata.model().all()) {
      if (s.isEdge() && !s.isAbstract()) {
        rows.add(
            RowFactory.create(
                s.name(),
                s.edgeSource(),
                s.edgeTarget(),
                NetworkSource.ACCOUNT_FALLBACK.get(s.edgeSource()),
                NetworkSource.ACCOUNT_FALLBACK.get(s.edgeTarget())));
      }
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("schema", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("target", DataTypes.StringType)
            .add("source_or", DataTypes.StringType)
            .add("target_or", DataTypes.StringType));
  }

  static String quoted(Set<String> values) {
    return new TreeSet<>(values)
        .stream()
            .map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'")
            .collect(Collectors.joining(","));
  }
}
