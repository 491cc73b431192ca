package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spil synth} end to end: writes a scenario that {@code spil ingest} takes as it is. */
class SynthCommandTest {
  static final String PORTS =
      Path.of("../../shared/data/geo/UpdatedPub150.csv").toAbsolutePath().normalize().toString();
  @TempDir Path tmp;

  @Test
  void writesEverySourceAndTheTruthAndEachIngests() throws Exception {
    Path out = tmp.resolve("scenario");
    Cli.Result r =
        Cli.run(
            "synth",
            "--scale",
            "400",
            "--seed",
            "3",
            "--out",
            out.toString(),
            "--ports",
            PORTS,
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(r.out());
    assertThat(summary.get("datasets")).hasSize(12);
    assertThat(summary.get("bytes").asLong()).isPositive();
    assertThat(out.resolve("truth/records.csv")).isRegularFile();
    Cli.Result ingest =
        Cli.run(
            "ingest",
            out.resolve("politie-nl").toString(),
            out.resolve("kvk-register").toString(),
            "--data",
            tmp.resolve("d").toString(),
            "--json");
    assertThat(ingest.code()).as(ingest.err()).isZero();
    JsonNode batches = new ObjectMapper().readTree(ingest.out());
    assertThat(batches.get(0).get("entities").asInt()).isPositive();
    assertThat(batches.get(1).get("rejected_rows").asInt()).isZero();
  }

  @Test
  void refusesANonEmptyOutputDirectoryAndTooSmallScales() throws Exception {
    Path out = tmp.resolve("taken");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    Cli.Result taken =
        Cli.run("synth", "--scale", "300", "--out", out.toString(), "--ports", PORTS);
    assertThat(taken.code()).isEqualTo(2);
    assertThat(taken.err()).contains("exists and is not empty");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
    Cli.Result small = Cli.run("synth", "--scale", "10", "--out", tmp.resolve("x").toString());
    assertThat(small.code()).isEqualTo(2);
    assertThat(small.err()).contains("--scale: must be at least 200");
    Cli.Result noPorts =
        Cli.run(
            "synth",
            "--out",
            tmp.resolve("y").toString(),
            "--ports",
            tmp.resolve("none.csv").toString());
    assertThat(noPorts.code()).isEqualTo(2);
    assertThat(noPorts.err()).contains("World Port Index not found");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
    }
  }
}
