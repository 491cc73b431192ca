package org.spil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spil bench} is found at run time when spil-bench is on the class path, help and all. */
class BenchCommandTest {
  @Test
  void theBenchmarksAreASubcommandOfSpilWhenOnTheClassPath() {
    Cli.Result r = Cli.run("bench", "--help");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Usage: spil bench").contains("ingest").contains("network");
    assertThat(Cli.run("--help").out()).contains("bench");
  }
}
