package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.store.Store;
import org.spil.store.Viewer;

/**
 * Atomicity: an ingest killed with SIGKILL halfway leaves the warehouse exactly as before, and the
 * next ingest of the same dataset succeeds.
 */
class KillTest {
  @TempDir Path tmp;

  @Test
  void killingAnIngestMidwayLeavesTheWarehouseAsItWas() throws Exception {
    Path source = tmp.resolve("persons");
    PersonCsv.write(source, 400_000, 1);
    Path data = tmp.resolve("data");
    Path small = CommandsTest.EXAMPLES.resolve("douane-nl");
    assertThat(Cli.run("ingest", small.toString(), "--data", data.toString()).code()).isZero();
    long before;
    try (Store store = Store.open(data, false, LocalDate.now())) {
      before = store.stats(new Viewer("douane-nl")).statements();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Spil.class.getName(), "ingest", source.toString(), "--data", data.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    // wait until the child is staging statements, then kill it without warning
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && !staging(data)) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
    assertThat(p.isAlive()).as("the ingest must still be running when killed: " + Files.readString(tmp.resolve("child.log"))).isTrue();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (Store store = Store.open(data, true, LocalDate.now())) {
      assertThat(store.warehouse().batches()).hasSize(1);
      assertThat(store.stats(new Viewer("douane-nl")).statements()).isEqualTo(before);
      assertThat(store.stats(new Viewer("bench")).statements()).isZero();
    }
    Cli.Result again = Cli.run("ingest", source.toString(), "--data", data.toString(), "--json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("\"rows\" : 400000");
  }

  /** True once the child's DuckDB write-ahead log exists, i.e. it has started writing. */
  private static boolean staging(Path data) throws Exception {
    for (String name : List.of("warehouse.duckdb.wal")) {
      if (Files.exists(data.resolve(name)) && Files.size(data.resolve(name)) > 0) {
        return true;
      }
    }
    return false;
  }
}
