package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spil.analysis.goods.Indicator;
import org.spil.policy.LegalBases;

/** End-to-end: the example datasets through every command, from three agencies' points of view. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
  @TempDir static Path tmp;
  String data;

  @BeforeAll
  void ingestExamples() {
    data = tmp.resolve("data").toString();
    Cli.Result r =
        Cli.run(
            "ingest",
            EXAMPLES.resolve("politie-nl").toString(),
            EXAMPLES.resolve("douane-nl").toString(),
            example(tmp, "osint-donations").toString(),
            "--data",
            data,
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    addUsers(data, tmp);
  }

  /** One analyst per agency of the examples, named like the agency, plus two outsiders. */
  /**
   * A fresh data directory under {@code tmp} with the named examples ingested and the test users
   * added; returns its path.
   */
  static String warehouse(Path tmp, String name, String... examples) {
    String data = tmp.resolve(name).toString();
    String[] args = new String[examples.length + 3];
    args[0] = "ingest";
    for (int i = 0; i < examples.length; i++) {
      args[i + 1] = example(tmp, examples[i]).toString();
    }
    args[examples.length + 1] = "--data";
    args[examples.length + 2] = data;
    Cli.Result r = Cli.run(args);
    Assertions.assertThat(r.code()).as(r.err()).isZero();
    addUsers(data, tmp);
    return data;
  }

  /**
   * An example dataset directory. {@code osint-donations} reads real FtM entities from
   * ../shared/data, which a dataset may not name from outside its directory: it is assembled in
   * {@code tmp} with a copy of the file.
   */
  static Path example(Path tmp, String name) {
    if (!name.equals("osint-donations")) {
      return EXAMPLES.resolve(name);
    }
    Path dir = tmp.resolve("example-" + name);
    try {
      if (!Files.exists(dir.resolve("donations.ijson"))) {
        Files.createDirectories(dir);
        Files.copy(EXAMPLES.resolve(name).resolve("dataset.yml"), dir.resolve("dataset.yml"));
        Files.copy(
            Path.of("../../shared/data/ftm/donations.ijson"), dir.resolve("donations.ijson"));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dir;
  }

  static void addUsers(String data, Path tmp) {
    Path pw = tmp.resolve("password.txt");
    try {
      Files.writeString(pw, "a long enough test password\n");
      Files.createDirectories(Path.of(data));
      Files.writeString(Path.of(data).resolve("legal-bases.txt"), testLegalBases());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[][] users = {
      {"politie-nl", "politie-nl"},
      {"douane-nl", "douane-nl"},
      {"kmar", "kmar"},
      {"nobody", "outsider"},
      {"x", "x"}
    };
    for (String[] u : users) {
      Cli.Result r =
          Cli.run(
              "users",
              "add",
              u[0],
              "--agency",
              u[1],
              "--role",
              "analyst",
              "--password-file",
              pw.toString(),
              "--data",
              data);
      assertThat(r.code()).as(r.err()).isZero();
    }
  }

  /**
   * The deployment's default table with the test agencies {@code outsider} and {@code x} as police
   * forces that supplied nothing.
   */
  static String testLegalBases() throws IOException {
    try (var in = LegalBases.class.getResourceAsStream("legal-bases.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          + "agency outsider: police\nagency x: police\n";
    }
  }

  JsonNode json(String... args) throws Exception {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void reingestingUnchangedFilesAddsNothing() throws Exception {
    JsonNode again =
        json("--data", data, "ingest", EXAMPLES.resolve("politie-nl").toString(), "--json");
    assertThat(again.get(0).get("statements_added").asInt()).isZero();
    assertThat(again.get(0).has("unchanged_since_batch")).isTrue();
  }

  /** Two deliveries of one dataset, late within the week a delivery may be dated back. */
  static final java.time.LocalDate FIRST = java.time.LocalDate.now().minusDays(6);

  static final java.time.LocalDate SECOND = java.time.LocalDate.now().minusDays(1);

  @Test
  void aChangedFileAddsOnlyNewStatementsAndMovesLastSeen() throws Exception {
    Path copy = tmp.resolve("douane-copy");
    Files.createDirectories(copy);
    for (String f : List.of("dataset.yml", "zendingen.csv")) {
      Files.copy(EXAMPLES.resolve("douane-nl").resolve(f), copy.resolve(f));
    }
    String d = tmp.resolve("changed").toString();
    JsonNode first =
        json("ingest", copy.toString(), "--as-of", FIRST.toString(), "--data", d, "--json").get(0);
    assertThat(first.get("index_seconds").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(first.get("seconds").asDouble());
    addUsers(d, tmp);
    String csv = Files.readString(copy.resolve("zendingen.csv"));
    Files.writeString(
        copy.resolve("zendingen.csv"), csv.replace("Koffiebonen", "Koffiebonen (gebrand)"));
    JsonNode second =
        json("ingest", copy.toString(), "--as-of", SECOND.toString(), "--data", d, "--json").get(0);
    assertThat(second.get("statements_added").asInt()).isEqualTo(1);
    assertThat(second.get("statements").asInt()).isEqualTo(first.get("statements").asInt());
    JsonNode hit =
        json(
                "search",
                "HLCU1112223",
                "--as",
                "douane-nl",
                "--purpose",
                "adw",
                "--data",
                d,
                "--json")
            .get(0);
    JsonNode shown =
        json(
            "show",
            hit.get("id").asText(),
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            d,
            "--json");
    JsonNode bl = shown.get("properties").get("billOfLading").get(0);
    assertThat(bl.get("first_seen").asText()).isEqualTo(FIRST.toString());
    assertThat(bl.get("last_seen").asText()).isEqualTo(SECOND.toString());
    assertThat(shown.get("properties").get("goodsDescription").findValuesAsText("value"))
        .containsExactlyInAnyOrder("Koffiebonen", "Koffiebonen (gebrand)");
  }

  @Test
  void searchMeetsSpellingsAndScriptsWithinWhatTheViewerMaySee() throws Exception {
    JsonNode police =
        json(
            "search",
            "Mohammed",
            "Elamrani",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    assertThat(police.get(0).get("caption").asText()).isEqualTo("Mohamed El Amrani");
    assertThat(police.get(0).get("schema").asText()).isEqualTo("Person");
    assertThat(police.get(0).get("properties").get("birthDate").get(0).asText())
        .isEqualTo("1985-03-12");
    JsonNode arabic =
        json(
            "search",
            "محمد العمراني",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    assertThat(arabic.get(0).get("caption").asText()).isEqualTo("Mohamed El Amrani");
    JsonNode customs =
        json(
            "search",
            "Mohammed",
            "Elamrani",
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            data,
            "--json");
    assertThat(customs.findValuesAsText("schema")).doesNotContain("Person");
    assertThat(customs.toString()).doesNotContain("1985-03-12");
    JsonNode phone =
        json(
            "search",
            "06 28765432",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    assertThat(phone.get(0).get("caption").asText()).isEqualTo("Ömer Yilmaz");
    JsonNode companies =
        json(
            "search",
            "El Amrani",
            "--schema",
            "Company",
            "--country",
            "Nederland",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    assertThat(companies.findValuesAsText("schema")).containsOnly("Company");
    assertThat(companies.size()).isEqualTo(2);
  }

  @Test
  void showGivesEveryValueWithProvenanceAndHidesWhatIsNotShared() throws Exception {
    JsonNode hit =
        json(
                "search",
                "Noël Verhoeven",
                "--as",
                "politie-nl",
                "--purpose",
                "wpg-art-9",
                "--data",
                data,
                "--json")
            .get(0);
    String id = hit.get("id").asText();
    JsonNode shown =
        json("show", id, "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data, "--json");
    JsonNode phone = shown.get("properties").get("phone").get(0);
    assertThat(phone.get("value").asText()).isEqualTo("+32470123456");
    assertThat(phone.get("original_value").asText()).isEqualTo("+32 470 12 34 56");
    assertThat(phone.get("agency").asText()).isEqualTo("politie-nl");
    assertThat(phone.get("handling_code").asText()).isEqualTo("H2");
    assertThat(phone.get("legal_basis").asText()).isEqualTo("wpg-art-9");
    Cli.Result hidden =
        Cli.run("show", id, "--as", "douane-nl", "--purpose", "adw", "--data", data);
    Cli.Result missing =
        Cli.run("show", "no-such-id", "--as", "douane-nl", "--purpose", "adw", "--data", data);
    assertThat(hidden.code()).isEqualTo(1);
    assertThat(hidden.err().replace(id, "X")).isEqualTo(missing.err().replace("no-such-id", "X"));
    assertThat(Cli.run("show", id, "--as", "kmar", "--purpose", "wpg-art-9", "--data", data).code())
        .isZero();
  }

  @Test
  void statsCountOnlyVisibleDatasets() throws Exception {
    JsonNode customs =
        json("stats", "--as", "douane-nl", "--purpose", "adw", "--data", data, "--json");
    assertThat(customs.get("datasets").has("politie-nl-personen")).isFalse();
    assertThat(customs.get("datasets").has("douane-nl-zendingen")).isTrue();
    JsonNode police =
        json("stats", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data, "--json");
    assertThat(police.get("entities").asLong()).isGreaterThan(customs.get("entities").asLong());
    assertThat(police.get("schemata").get("Payment").get("entities").asInt()).isEqualTo(290);
    JsonNode outsider =
        json("stats", "--as", "nobody", "--purpose", "wpg-art-9", "--data", data, "--json");
    assertThat(outsider.get("entities").asLong()).isEqualTo(474);
  }

  @Test
  void ftmExportRoundTripsThroughIngestWithoutLoss() throws Exception {
    Path export = tmp.resolve("rt/export.ijson");
    Files.createDirectories(export.getParent());
    exportFtm(data, export);
    Files.writeString(
        export.getParent().resolve("dataset.yml"),
        "name: roundtrip\nagency: politie-nl\nlegal_basis: wpg-art-9\nhandling_code: H0\nsource_grade: B\ninfo_grade: 2\nretention: P1Y\nftm_files: [export.ijson]\n");
    String data2 = tmp.resolve("data2").toString();
    JsonNode ingested = json("ingest", export.getParent().toString(), "--data", data2, "--json");
    assertThat(ingested.get(0).get("rejected_values").asInt()).isZero();
    addUsers(data2, tmp);
    Path again = tmp.resolve("again.ijson");
    exportFtm(data2, again);
    assertThat(canonical(again)).isEqualTo(canonical(export));
    assertThat(Files.readAllLines(export)).hasSizeGreaterThan(500);
  }

  static void exportFtm(String data, Path out) {
    Cli.Result r =
        Cli.run(
            "export",
            "--format",
            "ftm",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--out",
            out.toString(),
            "--data",
            data);
    assertThat(r.code()).as(r.err()).isZero();
  }

  static Set<String> canonical(Path file) throws Exception {
    Set<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode n = JSON.readTree(line);
      Set<String> values = new TreeSet<>();
      n.get("properties")
          .properties()
          .forEach(e -> e.getValue().forEach(v -> values.add(e.getKey() + "=" + v.asText())));
      out.add(n.get("id").asText() + " " + n.get("schema").asText() + " " + values);
    }
    return out;
  }

  @Test
  void anExportToAMissingDirectoryIsRefusedBeforeAnythingIsRead() throws Exception {
    Path nowhere = tmp.resolve("no-such-dir").resolve("out.parquet");
    int audited = Files.readAllLines(Path.of(data, "audit.jsonl")).size();
    for (String format : List.of("ftm", "parquet")) {
      Cli.Result r =
          Cli.run(
              "export",
              "--format",
              format,
              "--as",
              "douane-nl",
              "--purpose",
              "adw",
              "--out",
              nowhere.toString(),
              "--data",
              data);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("--out: " + nowhere + ": there is no directory");
    }
    assertThat(Files.readAllLines(Path.of(data, "audit.jsonl")).size()).isEqualTo(audited);
    assertThat(tmp.resolve("no-such-dir")).doesNotExist();
  }

  @Test
  void parquetExportHoldsStatementsWithProvenance() throws Exception {
    Path parquet = tmp.resolve("out.parquet");
    Cli.Result r =
        Cli.run(
            "export",
            "--format",
            "parquet",
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--out",
            parquet.toString(),
            "--data",
            data);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("exported");
    try (var c = DriverManager.getConnection("jdbc:duckdb:");
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(DISTINCT agency), min(handling_code), count(*) FROM read_parquet('"
                    + parquet
                    + "')")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.getString(2)).isEqualTo("H0");
      assertThat(rs.getLong(3)).isPositive();
    }
  }

  @Test
  void rejectsAreListedOnlyForTheSupplyingAgency() throws Exception {
    JsonNode own =
        json("rejects", "--as", "douane-nl", "--purpose", "adw", "--data", data, "--json");
    assertThat(own.findValuesAsText("reason"))
        .contains("containerNumber: container check digit does not match");
    assertThat(own.get(0).get("file").asText()).isEqualTo("douane-nl/zendingen.csv");
    JsonNode other =
        json("rejects", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data, "--json");
    assertThat(other.toString()).doesNotContain("zendingen.csv");
  }

  @Test
  void rejectedValuesCannotDriveTheTerminal() throws Exception {
    Path dir = tmp.resolve("hostile-douane");
    Files.createDirectories(dir);
    Files.copy(EXAMPLES.resolve("douane-nl").resolve("dataset.yml"), dir.resolve("dataset.yml"));
    List<String> lines = Files.readAllLines(EXAMPLES.resolve("douane-nl").resolve("zendingen.csv"));
    // a container number that fails its check, carrying the sequence that retitles a terminal
    lines.set(1, lines.get(1).replace("CSQU 305438-3", "CSQU\u001b]0;owned\u0007"));
    Files.write(dir.resolve("zendingen.csv"), lines);
    String hostile = tmp.resolve("hostile-data").toString();
    Cli.Result ingest = Cli.run("ingest", dir.toString(), "--data", hostile);
    assertThat(ingest.code()).as(ingest.err()).isZero();
    addUsers(hostile, tmp);
    Cli.Result r = Cli.run("rejects", "--as", "douane-nl", "--purpose", "adw", "--data", hostile);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("(value: CSQU\\u001b]0;owned\\u0007)").doesNotContain("\u001b");
  }

  @Test
  void badInputGetsExitCodeTwoAndWritesNothing() throws Exception {
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(
        bad.resolve("dataset.yml"), "name: bad\nagency: x\nlegal_basis: y\nhandling_code: H9\n");
    String before =
        json("stats", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data, "--json")
            .toString();
    Cli.Result r =
        Cli.run("ingest", EXAMPLES.resolve("douane-nl").toString(), bad.toString(), "--data", data);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("dataset.yml:4: handling_code");
    assertThat(
            json("stats", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data, "--json")
                .toString())
        .isEqualTo(before);
    Cli.Result noViewer = Cli.run("search", "Jan", "--data", data);
    assertThat(noViewer.code()).isEqualTo(2);
    assertThat(noViewer.err())
        .contains("Missing required options: '--as=USER', '--purpose=PURPOSE'");
    Cli.Result stranger =
        Cli.run("search", "Jan", "--as", "mallory", "--purpose", "wpg-art-9", "--data", data);
    assertThat(stranger.code()).isEqualTo(2);
    assertThat(stranger.err()).contains("unknown user 'mallory'");
    Cli.Result fishing =
        Cli.run("search", "Jan", "--as", "x", "--purpose", "curiosity", "--data", data);
    assertThat(fishing.code()).isEqualTo(2);
    assertThat(fishing.err()).contains("unknown purpose 'curiosity'");
    assertThat(
            Cli.run(
                    "search",
                    "Jan",
                    "--as",
                    "x",
                    "--purpose",
                    "wpg-art-9",
                    "--schema",
                    "Persn",
                    "--data",
                    data)
                .err())
        .contains("did you mean 'Person'");
    assertThat(
            Cli.run(
                    "export",
                    "--format",
                    "csv",
                    "--as",
                    "x",
                    "--purpose",
                    "wpg-art-9",
                    "--data",
                    data)
                .code())
        .isEqualTo(2);
  }

  @Test
  void helpIsAvailableForEveryCommand() {
    for (String cmd :
        List.of(
            "ingest", "search", "show", "export", "stats", "rejects", "reindex", "demo", "synth",
            "users", "cases", "audit")) {
      Cli.Result r = Cli.run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: spil " + cmd);
    }
    String targeting = Cli.run("targeting", "--help").out().replaceAll("\\s+", " ");
    for (Indicator i : Indicator.values()) {
      assertThat(targeting).as("the weights' keys in the help").contains(i.key());
    }
  }

  /**
   * A command runs in a tree that holds it alone; its help, and the help and errors of the whole
   * tree, are what the whole tree gives.
   */
  @Test
  void aCommandAloneInItsTreeBehavesAsInTheWholeTree() {
    for (Class<?> c : Spil.COMMANDS) {
      String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
      for (String[] args :
          List.of(
              new String[] {name, "--help"},
              new String[] {"--data", data, name, "--help"},
              new String[] {"--data=" + data, name, "--nonsense"})) {
        assertThat(Cli.run(Spil.commandLine(args), args))
            .as(String.join(" ", args))
            .isEqualTo(Cli.run(Spil.commandLine(), args));
      }
    }
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"help", "search"},
            new String[] {"serach", "x"},
            new String[] {"--data", data})) {
      assertThat(Cli.run(Spil.commandLine(args), args))
          .as(String.join(" ", args))
          .isEqualTo(Cli.run(Spil.commandLine(), args));
    }
    assertThat(Spil.commandLine(new String[] {"--data", data, "stats"}).getSubcommands())
        .containsOnlyKeys("stats");
    assertThat(Spil.commandLine(new String[] {"help", "stats"}).getSubcommands())
        .containsKeys("stats", "search", "help");
  }

  @Test
  void reindexRebuildsTheSameSearchResults() throws Exception {
    JsonNode before =
        json(
            "search",
            "Yilmaz",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    Cli.Result r = Cli.run("reindex", "--data", data);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode after =
        json(
            "search",
            "Yilmaz",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    assertThat(after.findValuesAsText("id")).isEqualTo(before.findValuesAsText("id"));
  }
}
