package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention: expired statements vanish from reads at once; apply purges them, audited by id. */
class RetentionCommandTest {
  @TempDir Path tmp;

  @Test
  void expiredStatementsVanishThenArePurgedWithTheirIdsAudited() throws Exception {
    String data = tmp.resolve("d").toString();
    // a delivery whose retention ended on 2025-01-01 (a delivery may not be dated back years)
    Path expired = tmp.resolve("douane-expired");
    Files.createDirectories(expired);
    Files.copy(
        CommandsTest.EXAMPLES.resolve("douane-nl").resolve("zendingen.csv"),
        expired.resolve("zendingen.csv"));
    Files.writeString(
        expired.resolve("dataset.yml"),
        Files.readString(CommandsTest.EXAMPLES.resolve("douane-nl").resolve("dataset.yml"))
            .replace("retention: P7Y", "retain_until: 2025-01-01"));
    Cli.Result old = Cli.run("ingest", expired.toString(), "--data", data);
    assertThat(old.code()).as(old.err()).isZero();
    Cli.Result fresh =
        Cli.run("ingest", CommandsTest.EXAMPLES.resolve("politie-nl").toString(), "--data", data);
    assertThat(fresh.code()).as(fresh.err()).isZero();
    CommandsTest.addUsers(data, tmp);
    ObjectMapper json = new ObjectMapper();
    JsonNode before =
        json.readTree(
            Cli.run("stats", "--as", "douane-nl", "--purpose", "adw", "--data", data, "--json")
                .out());
    assertThat(before.get("statements").asLong())
        .as("past retain_until 2025-01-01: already invisible")
        .isZero();
    assertThat(
            Cli.run(
                    "search",
                    "HLCU1112223",
                    "--as",
                    "douane-nl",
                    "--purpose",
                    "adw",
                    "--data",
                    data)
                .out())
        .contains("no matches");

    String[] asPolice = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, asPolice)).code()).isZero();
    assertThat(
            Cli.run(
                    LeakTest.concat(
                        new String[] {"match", "--name", "Mohamed El Amrani"}, asPolice))
                .err())
        .doesNotContain("no saved resolution");
    for (String value : PURGED) {
      assertThat(filesHolding(Path.of(data), value))
          .as("before the purge the bytes hold %s", value)
          .isNotEmpty();
    }
    Cli.Result dry = Cli.run("retention", "apply", "--dry-run", "--data", data);
    assertThat(dry.out())
        .contains("would purge batch 1 (douane-nl-zendingen, retain until 2025-01-01)");
    Cli.Result apply = Cli.run("retention", "apply", "--data", data);
    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(apply.out())
        .contains("purged batch 1")
        .contains("warehouse rewritten without the purged values");
    for (String value : PURGED) {
      assertThat(filesHolding(Path.of(data), value))
          .as("no file but the audit log (the queries asked) holds %s", value)
          .isSubsetOf(List.of("audit.jsonl"));
    }
    assertThat(
            Cli.run(
                    LeakTest.concat(
                        new String[] {"match", "--name", "Mohamed El Amrani"}, asPolice))
                .err())
        .as("a purge drops saved resolution models, which count names of purged batches")
        .contains("no saved resolution");
    assertThat(Cli.run("retention", "apply", "--data", data).out())
        .contains("nothing past its retention date");

    Cli.Result pw =
        Cli.run(
            "users",
            "add",
            "fg",
            "--agency",
            "douane-nl",
            "--role",
            "privacy-officer",
            "--password-file",
            tmp.resolve("password.txt").toString(),
            "--data",
            data);
    assertThat(pw.code()).isZero();
    Cli.Result purges = Cli.run("audit", "query", "--as", "fg", "--json", "--data", data);
    JsonNode purge = null;
    for (String line : purges.out().split("\n")) {
      JsonNode n = json.readTree(line);
      if (n.get("action").asText().equals("purge")) {
        purge = n;
      }
    }
    assertThat(purge).isNotNull();
    assertThat(purge.get("detail").get("statements").size()).isGreaterThan(50);
    assertThat(purge.toString()).doesNotContain("HLCU1112223").doesNotContain("Koffiebonen");
    assertThat(Cli.run("audit", "verify", "--data", data).code()).isZero();
    JsonNode police =
        json.readTree(
            Cli.run(
                    "stats",
                    "--as",
                    "politie-nl",
                    "--purpose",
                    "wpg-art-9",
                    "--data",
                    data,
                    "--json")
                .out());
    assertThat(police.get("statements").asLong()).as("unexpired data stays").isPositive();
  }

  /** Values of the purged delivery: a container number and a description of goods. */
  static final List<String> PURGED = List.of("HLCU1112223", "Koffiebonen");

  /** The files under a directory whose bytes hold a value (UTF-8), relative to it. */
  static List<String> filesHolding(Path dir, String value) throws IOException {
    byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
          if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
            out.add(dir.relativize(f).toString());
            break;
          }
        }
      }
    }
    return out;
  }
}
