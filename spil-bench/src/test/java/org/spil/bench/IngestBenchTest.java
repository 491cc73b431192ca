package org.spil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spil bench ingest} on a small generated register: every run stores every statement, the
 * medians are reported over alternating runs, and a nonsensical run count is refused.
 */
class IngestBenchTest {
  @TempDir Path tmp;

  @Test
  void repeatsTheBaselineAndTheIngestAndReportsTheMedians() {
    Cli.Result r =
        Cli.run(
            "bench",
            "ingest",
            "--rows",
            "2000",
            "--runs",
            "3",
            "--no-index",
            "--work",
            tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(
            r.out().lines().filter(l -> l.startsWith("spil ingest: 2,000 rows, 26,000 statements")))
        .hasSize(3);
    assertThat(r.out().lines().filter(l -> l.startsWith("duckdb read_csv + unpivot: 18,000 rows")))
        .hasSize(3);
    assertThat(r.out())
        .containsPattern("median of 3 runs: duckdb baseline [0-9.]+ s, spil warehouse");
    assertThat(Files.exists(tmp.resolve("spil-data-2000"))).as("not kept").isFalse();
  }

  @Test
  void refusesZeroRuns() {
    Cli.Result r =
        Cli.run("bench", "ingest", "--rows", "10", "--runs", "0", "--work", tmp.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--runs must be at least 1, not 0");
  }
}
