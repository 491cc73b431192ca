package org.spil.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The statements a job may read, normalised to entities on the cluster: one row per entity with its
 * schema (the most specific of those its statements name, as FollowTheMoney merges them; the first
 * in alphabetical order where none is more specific) and its values per property, each list sorted
 * and without repeats, as the warehouse groups an entity's visible statements. Written as Parquet,
 * or as FollowTheMoney's JSON lines ({@code id}, {@code schema}, {@code properties}), for whatever
 * reads entities downstream.
 */
public final class ClusterEntities {
  private ClusterEntities() {}

  /** The entities of the input: {@code id}, {@code schema}, {@code properties}. */
  public static Dataset<Row> of(SparkSession spark, LakeInput input) {
    input.statements().createOrReplaceTempView("entity_st");
    spark
        .udf()
        .register(
            "specific_schema",
            (org.apache.spark.sql.api.java.UDF1<scala.collection.immutable.Seq<String>, String>)
                ClusterEntities::specific,
            org.apache.spark.sql.types.DataTypes.StringType);
    return spark.sql(
        "WITH v AS (SELECT entity_id, prop, array_sort(collect_set(value)) AS vals,"
            + " collect_set(schema) AS schemata FROM entity_st WHERE prop <> 'id'"
            + " GROUP BY entity_id, prop),"
            + " s AS (SELECT entity_id, collect_set(schema) AS schemata FROM entity_st"
            + " GROUP BY entity_id)"
            + " SELECT s.entity_id AS id, specific_schema(s.schemata) AS schema,"
            + " map_from_entries(collect_list(struct(v.prop, v.vals))"
            + " FILTER (WHERE v.prop IS NOT NULL)) AS properties"
            + " FROM s LEFT JOIN v ON v.entity_id = s.entity_id GROUP BY s.entity_id, s.schemata");
  }

  /**
   * The most specific of the schemata an entity's statements name: the one every other is a parent
   * of; the first in alphabetical order where none is.
   */
  static String specific(scala.collection.immutable.Seq<String> names) {
    java.util.List<String> all =
        new java.util.ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(names));
    java.util.Collections.sort(all);
    org.spil.model.Schemata model = org.spil.model.Schemata.model();
    java.util.Optional<org.spil.model.Schema> best = java.util.Optional.empty();
    for (String name : all) {
      org.spil.model.Schema s = model.get(name);
      best = best.isEmpty() ? java.util.Optional.of(s) : model.common(best.get(), s);
      if (best.isEmpty()) {
        return all.get(0);
      }
    }
    return best.map(org.spil.model.Schema::name).orElse(null);
  }
}
