package org.spil.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.spil.store.Store;
import picocli.CommandLine.Option;

/**
 * Where a benchmark on the synthetic scenario works, and whether it may reuse the warehouse an
 * earlier {@code --keep} run built at the same scale (building is most of the time at large
 * scales).
 */
final class ScenarioBenchOptions {
  @Option(
      names = "--keep",
      description = "Reuse the scenario warehouse of an earlier --keep run at the same scale.")
  boolean keep;

  @Option(names = "--work", defaultValue = "bench-work", paramLabel = "DIR")
  Path work;

  /** The scenario warehouse of {@code bench} at {@code scale}, reused or built. */
  Store open(String bench, int scale, PrintWriter out) throws IOException {
    return ScenarioWarehouse.reuseOrBuild(scale, dir(bench, scale), keep, out);
  }

  Path dir(String bench, int scale) {
    return work.resolve(bench + "-" + scale);
  }

  /** The scenario warehouse of {@code bench} at {@code scale} and {@code seed}. */
  Store open(String bench, int scale, long seed, PrintWriter out) throws IOException {
    return ScenarioWarehouse.reuseOrBuild(scale, seed, dir(bench, scale, seed), keep, out);
  }

  Path dir(String bench, int scale, long seed) {
    return seed == 1 ? dir(bench, scale) : work.resolve(bench + "-" + scale + "-seed" + seed);
  }
}
