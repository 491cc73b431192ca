package org.spil.bench;

import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** Options shared by the benchmarks: how many rows, and where generated data and results live. */
final class BenchOptions {
  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Rows of the person register (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--work",
      defaultValue = "bench-work",
      description = "Work directory (default: ${DEFAULT-VALUE}).")
  Path work;

  Path source() {
    return work.resolve("persons-" + rows);
  }

  Path data() {
    return work.resolve("spil-data-" + rows);
  }

  /** The median of some timings (the mean of the middle two for an even number). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
