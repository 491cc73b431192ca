package org.spil.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.spil.app.DirectoryTree;
import org.spil.app.Scenario;
import org.spil.store.Store;

/**
 * The synthetic scenario at a scale ({@link Scenario#warehouse}) with one analyst ("bench", police)
 * who is the member of the joint case 26Kruiskade, kept between runs with {@code --keep}: what the
 * scenario benchmarks measure on.
 */
final class ScenarioWarehouse {
  static final String USER = "bench";
  static final String CASE = Scenario.CASE;

  private ScenarioWarehouse() {}

  /**
   * The warehouse of an earlier {@code keep} build at {@code dir} when there is one (it leaves a
   * marker naming its scale), else a fresh build, marked for reuse when {@code keep} is set.
   */
  static Store reuseOrBuild(int scale, Path dir, boolean keep, PrintWriter out) throws IOException {
    return reuseOrBuild(scale, 1, dir, keep, out);
  }

  /** As {@link #reuseOrBuild(int, Path, boolean, PrintWriter)}, for the scenario of a seed. */
  static Store reuseOrBuild(int scale, long seed, Path dir, boolean keep, PrintWriter out)
      throws IOException {
    Path marker = dir.resolve("built");
    String mark = seed == 1 ? "scale " + scale + "\n" : "scale " + scale + " seed " + seed + "\n";
    if (keep && Files.exists(marker) && Files.readString(marker).equals(mark)) {
      out.printf("scale %,d: reusing the scenario warehouse in %s%n", scale, dir);
      out.flush();
      return Store.open(dir.resolve("data"), true, LocalDate.now());
    }
    out.printf("scale %,d, seed %d: generating and ingesting the scenario...%n", scale, seed);
    out.flush();
    long t0 = System.nanoTime();
    DirectoryTree.delete(dir);
    Store store = Scenario.warehouse(scale, seed, dir, Scenario.defaultPorts(), USER);
    if (keep) {
      Files.writeString(marker, mark);
    }
    out.printf("  built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    return store;
  }
}
