package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spil migrate}: the examples written to a lake and loaded into another data directory,
 * which then answers every reader as the first does (its own and others' data alike); the lake kept
 * current by later ingests and purges; engines this version lacks and lakes inside the data
 * directory refused naming the flag.
 */
class MigrateCommandTest {
  @TempDir Path tmp;

  static final List<String> DATASETS = List.of("politie-nl", "douane-nl", "politie-chats");

  @Test
  void aDataDirectoryLoadedFromTheLakeAnswersEveryReaderAsTheFirst() throws IOException {
    String first = tmp.resolve("first").toString();
    String second = tmp.resolve("second").toString();
    Path lake = tmp.resolve("lake");
    for (String d : DATASETS) {
      Cli.Result r =
          Cli.run("ingest", CommandsTest.EXAMPLES.resolve(d).toString(), "--data", first);
      assertThat(r.code()).as(r.err()).isZero();
    }
    Cli.Result to = Cli.run("migrate", "--to", "parquet", lake.toString(), "--data", first);
    assertThat(to.code()).as(to.err()).isZero();
    assertThat(to.out()).contains("3 batches added").contains("backends.txt names it");
    assertThat(Files.readString(Path.of(first).resolve("backends.txt")))
        .contains("lake = " + lake.toAbsolutePath());
    // a later ingest writes its batch to the lake as it commits
    Cli.Result more =
        Cli.run(
            "ingest", CommandsTest.EXAMPLES.resolve("politie-bank").toString(), "--data", first);
    assertThat(more.code()).as(more.err()).isZero();
    assertThat(Files.exists(lake.resolve("batches/batch-4.json"))).isTrue();

    Cli.Result from = Cli.run("migrate", "--from", "parquet", lake.toString(), "--data", second);
    assertThat(from.code()).as(from.err()).isZero();
    assertThat(from.out()).contains("4 batches added");
    CommandsTest.addUsers(first, tmp);
    CommandsTest.addUsers(second, tmp);
    String[][] readers = {{"politie-nl", "wpg-art-9"}, {"douane-nl", "adw"}, {"kmar", "wpg-art-9"}};
    for (String[] reader : readers) {
      for (String[] command :
          List.of(
              new String[] {"search", "El Amrani"},
              new String[] {"search", "HLCU1112223"},
              new String[] {"stats"},
              new String[] {"messages", "search", "geld"})) {
        String[] a =
            LeakTest.concat(
                command, new String[] {"--as", reader[0], "--purpose", reader[1], "--json"});
        Cli.Result x = Cli.run(LeakTest.concat(a, new String[] {"--data", first}));
        Cli.Result y = Cli.run(LeakTest.concat(a, new String[] {"--data", second}));
        assertThat(y.code()).as(String.join(" ", a)).isEqualTo(x.code());
        assertThat(y.out()).as(String.join(" ", a)).isEqualTo(x.out());
      }
    }
    assertThat(
            Cli.run(
                    "search",
                    "El Amrani",
                    "--as",
                    "politie-nl",
                    "--purpose",
                    "wpg-art-9",
                    "--data",
                    second)
                .out())
        .contains("El Amrani");
    Cli.Result again = Cli.run("migrate", "--from", "parquet", lake.toString(), "--data", second);
    assertThat(again.out()).contains("0 batches added").contains("4 unchanged");
    Cli.Result json =
        Cli.run("migrate", "--to", "parquet", lake.toString(), "--data", first, "--json");
    assertThat(json.out()).contains("\"unchanged\" : 4").contains("\"kept_current\" : true");
  }

  @Test
  void enginesThisVersionLacksAndLakesInsideTheDataDirectoryAreRefused() throws IOException {
    String data = tmp.resolve("d").toString();
    Cli.Result r =
        Cli.run("ingest", CommandsTest.EXAMPLES.resolve("politie-nl").toString(), "--data", data);
    assertThat(r.code()).as(r.err()).isZero();
    Cli.Result postgres = Cli.run("migrate", "--to", "postgres", tmp.toString(), "--data", data);
    assertThat(postgres.code()).isEqualTo(2);
    assertThat(postgres.err()).contains("--to").contains("not an engine of this version");
    Cli.Result inside = Cli.run("migrate", "--to", "parquet", data + "/index/lake", "--data", data);
    assertThat(inside.code()).isEqualTo(2);
    assertThat(inside.err()).contains("inside the data directory");
    Cli.Result both =
        Cli.run(
            "migrate",
            "--to",
            "parquet",
            "--from",
            "parquet",
            tmp.resolve("l").toString(),
            "--data",
            data);
    assertThat(both.code()).isEqualTo(2);
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("notes.txt"), "keep me");
    Cli.Result notEmpty = Cli.run("migrate", "--to", "parquet", full.toString(), "--data", data);
    assertThat(notEmpty.code()).isNotZero();
    assertThat(notEmpty.err()).contains("neither empty nor a lake");
    assertThat(Files.readString(full.resolve("notes.txt"))).isEqualTo("keep me");
    assertThat(Files.exists(Path.of(data).resolve("backends.txt"))).isFalse();
    try (Stream<Path> files = Files.list(full)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("notes.txt");
    }
  }
}
