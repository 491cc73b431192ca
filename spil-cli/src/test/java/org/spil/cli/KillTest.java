package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.store.Store;
import org.spil.synth.PersonRegister;

/**
 * Atomicity: an ingest killed with SIGKILL halfway leaves the warehouse exactly as before, and the
 * next ingest of the same dataset succeeds.
 */
class KillTest {
  @TempDir Path tmp;

  @Test
  void killingAnIngestMidwayLeavesTheWarehouseAsItWas() throws Exception {
    Path source = tmp.resolve("persons");
    PersonRegister.write(source, 150_000, 1);
    Path data = tmp.resolve("data");
    Path small = CommandsTest.EXAMPLES.resolve("douane-nl");
    assertThat(Cli.run("ingest", small.toString(), "--data", data.toString()).code()).isZero();
    long before;
    try (Store store = Store.open(data, false, LocalDate.now())) {
      before = store.entities().stats(Viewers.of("douane-nl")).statements();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Spil.class.getName(),
                "ingest",
                source.toString(),
                "--data",
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile());
    builder.environment().put("SPIL_PROGRESS", "1");
    Process p = builder.start();
    // wait until the child is staging statements, then kill it without warning
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && !staging(tmp.resolve("child.log"))) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive())
        .as(
            "the ingest must still be running when killed: "
                + Files.readString(tmp.resolve("child.log")))
        .isTrue();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (Store store = Store.open(data, true, LocalDate.now())) {
      assertThat(store.batches()).hasSize(1);
      assertThat(store.entities().stats(Viewers.of("douane-nl")).statements()).isEqualTo(before);
      assertThat(store.entities().stats(Viewers.of("bench")).statements()).isZero();
    }
    Cli.Result again = Cli.run("ingest", source.toString(), "--data", data.toString(), "--json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("\"rows\" : 150000");
  }

  /** True once the child reports staged rows, i.e. it is in the middle of its batch. */
  private static boolean staging(Path log) throws Exception {
    return Files.exists(log) && Files.readString(log).contains("rows: ");
  }
}
