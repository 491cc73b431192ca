package org.spil.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.spil.store.Batch;
import org.spil.store.Lake;
import org.spil.store.Store;
import org.spil.store.StoreException;

/**
 * What a job may read of the lake: the statements of the batches the viewer's scope makes visible
 * and, of other batches, the entities granted to the viewer; the messages of the visible batches.
 * Only the parts of those batches are opened, and each batch of the scope must be in the lake as
 * the warehouse knows it (same dataset, files and time of ingest), else the job is refused: a lake
 * behind its warehouse or of another would answer for other data than the scope names.
 */
public final class LakeInput {
  private final SparkSession spark;
  private final Path root;
  private final Store.ReadScope scope;
  private final TreeMap<Long, Lake.Manifest> manifests;

  private LakeInput(
      SparkSession spark,
      Path root,
      Store.ReadScope scope,
      TreeMap<Long, Lake.Manifest> manifests) {
    this.spark = spark;
    this.root = root;
    this.scope = scope;
    this.manifests = manifests;
  }

  /** The input of a job over the lake in {@code root} for a scope. */
  public static LakeInput of(SparkSession spark, Path root, Store.ReadScope scope) {
    TreeMap<Long, Lake.Manifest> manifests = Lake.manifestsOf(root);
    for (Map.Entry<Long, Batch> e : scope.identities().entrySet()) {
      Lake.Manifest m = manifests.get(e.getKey());
      Batch b = e.getValue();
      if (m == null) {
        throw new StoreException(
            root
                + " lacks batch "
                + e.getKey()
                + " of "
                + b.provenance().dataset()
                + ": bring it up to date (spil migrate --to parquet)");
      }
      if (!m.dataset().equals(b.provenance().dataset())
          || !m.filesSha256().equals(b.filesSha256())
          || !m.ingestedAt().equals(b.ingestedAt().toString())) {
        throw new StoreException(
            root + "'s batch " + e.getKey() + " is not this data directory's: another lake?");
      }
    }
    return new LakeInput(spark, root.toAbsolutePath().normalize(), scope, manifests);
  }

  /** The batches of the scope whose statements a job reads (visible, or with granted entities). */
  public Set<Long> batches() {
    Set<Long> out = new java.util.TreeSet<>(scope.batches());
    out.addAll(scope.entities().keySet());
    return out;
  }

  /**
   * The statements the scope may read, with the columns of the lake's statement table and {@code
   * dataset} and {@code batch} (a long) from its partitions.
   */
  public Dataset<Row> statements() {
    List<String> files = new ArrayList<>();
    for (long b : batches()) {
      Lake.Manifest m = manifests.get(b);
      Path f = m.purged() ? null : Lake.partFile(root, m, "statement");
      if (f != null) {
        files.add(f.toString());
      }
    }
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), statementSchema());
    }
    Dataset<Row> all =
        spark
            .read()
            .option("basePath", root.resolve("statement").toString())
            .parquet(files.toArray(new String[0]))
            .withColumn("batch", col("batch").cast(DataTypes.LongType));
    return all.filter(visible());
  }

  /** The condition of the scope: a visible batch, or a granted entity of its batch. */
  private Column visible() {
    Column any = col("batch").isin(scope.batches().toArray());
    if (scope.batches().isEmpty()) {
      any = lit(false);
    }
    for (Map.Entry<Long, Set<String>> e : scope.entities().entrySet()) {
      any =
          any.or(
              col("batch").equalTo(e.getKey()).and(col("entity_id").isin(e.getValue().toArray())));
    }
    return any;
  }

  /** The messages of the visible batches, with {@code dataset} and {@code batch}. */
  public Dataset<Row> messages() {
    List<String> files = new ArrayList<>();
    for (long b : scope.batches()) {
      Lake.Manifest m = manifests.get(b);
      Path f = m.purged() ? null : Lake.partFile(root, m, "message");
      if (f != null) {
        files.add(f.toString());
      }
    }
    if (files.isEmpty()) {
      return null;
    }
    return spark
        .read()
        .option("basePath", root.resolve("message").toString())
        .parquet(files.toArray(new String[0]))
        .withColumn("batch", col("batch").cast(DataTypes.LongType));
  }

  private static StructType statementSchema() {
    return new StructType()
        .add("entity_id", DataTypes.StringType)
        .add("schema", DataTypes.StringType)
        .add("prop", DataTypes.StringType)
        .add("value", DataTypes.StringType)
        .add("dataset", DataTypes.StringType)
        .add("batch", DataTypes.LongType);
  }
}
