package org.spil.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a job: on a master that the operator names ({@code local[2]} on this
 * machine, {@code spark://host:7077} for a standalone cluster), its driver on loopback unless told
 * otherwise, no web interface, times in UTC, a checkpoint directory of its own for the iterations
 * that would otherwise grow their lineage without end.
 */
public final class ClusterSession {
  private ClusterSession() {}

  /** A session on {@code master} with {@code partitions} shuffle partitions. */
  public static SparkSession open(String master, int partitions) {
    // Spark and Hadoop say much at warning level that an operator cannot act on (a native library
    // not found, the host's address); their errors still show
    for (String quiet :
        new String[] {"org.apache.spark", "org.apache.hadoop", "org.sparkproject"}) {
      System.setProperty("org.slf4j.simpleLogger.log." + quiet, "error");
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("spil")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", System.getProperty("spil.driver.host", "127.0.0.1"))
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", partitions)
            .config("spark.default.parallelism", partitions)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.ansi.enabled", "false")
            .getOrCreate();
    try {
      Path checkpoints = Files.createTempDirectory("spil-spark-checkpoints");
      checkpoints.toFile().deleteOnExit();
      spark.sparkContext().setCheckpointDir(checkpoints.toString());
    } catch (IOException e) {
      spark.stop();
      throw new IllegalStateException("cannot make a checkpoint directory: " + e.getMessage(), e);
    }
    return spark;
  }
}
