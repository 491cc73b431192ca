package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spil.store.Store;

/** Hit/no-hit on the examples: customs learns that the police hold someone, never what. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HitCommandTest {
  @TempDir static Path tmp;
  String data;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void setUp() {
    data = tmp.resolve("d").toString();
    Cli.Result r =
        Cli.run(
            "ingest",
            CommandsTest.EXAMPLES.resolve("politie-nl").toString(),
            CommandsTest.EXAMPLES.resolve("douane-nl").toString(),
            "--data",
            data);
    assertThat(r.code()).as(r.err()).isZero();
    CommandsTest.addUsers(data, tmp);
  }

  @Test
  void customsLearnsWhoToAskAboutAPoliceSuspectButNoValue() throws Exception {
    Cli.Result r =
        Cli.run(
            "hit",
            "--name",
            "Muhammad ELAMRANI",
            "--dob",
            "12-03-1985",
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            data,
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode hits = json.readTree(r.out());
    assertThat(hits).isNotEmpty();
    JsonNode first = hits.get(0);
    assertThat(first.get("agency").asText()).isEqualTo("politie-nl");
    assertThat(first.get("strength").asText()).isEqualTo("strong");
    assertThat(first.get("reference").asText()).matches("REF-[0-9A-F]{20}");
    // opaque ids and references are random hex: they may hold any four digits, so are left out
    assertThat(r.out().replaceAll("[0-9A-Fa-f]{12,}", "#"))
        .doesNotContain("Amrani")
        .doesNotContain("1985")
        .doesNotContain("Kruiskade");

    Cli.Result iban =
        Cli.run(
            "hit",
            "--iban",
            "NL91 ABNA 0417 1643 00",
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            data,
            "--json");
    assertThat(json.readTree(iban.out()).findValuesAsText("agency")).contains("politie-nl");
    Cli.Result nothing =
        Cli.run(
            "hit",
            "--name",
            "Zebedeus Quaxelbaum",
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            data);
    assertThat(nothing.out()).contains("no hit");
  }

  /**
   * A hit names the keys that matched, so trying one name with every date of a year would find the
   * date of birth: the sixth date is refused, the privacy officers are told once, and the date is
   * never found.
   */
  @Test
  void enumeratingAYearOfDatesIsStoppedAndReported() throws Exception {
    String pw = tmp.resolve("password.txt").toString();
    for (String[] u : new String[][] {{"speurder", "analyst"}, {"fg.douane", "privacy-officer"}}) {
      Cli.Result added =
          Cli.run(
              "users",
              "add",
              u[0],
              "--agency",
              "douane-nl",
              "--role",
              u[1],
              "--password-file",
              pw,
              "--data",
              data);
      assertThat(added.code()).as(added.err()).isZero();
    }
    int admitted = 0;
    int refused = 0;
    StringBuilder answers = new StringBuilder();
    for (LocalDate d = LocalDate.of(1985, 1, 1); d.getYear() == 1985; d = d.plusDays(1)) {
      Cli.Result r =
          Cli.run(
              "hit",
              "--name",
              "Mohamed El Amrani",
              "--dob",
              d.toString(),
              "--as",
              "speurder",
              "--purpose",
              "adw",
              "--data",
              data,
              "--json");
      if (r.code() == 0) {
        admitted++;
        answers.append(r.out());
      } else {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("tried with 5 different sets of details today");
        refused++;
      }
    }
    assertThat(admitted).isEqualTo(5);
    assertThat(refused).isEqualTo(360);
    assertThat(answers.toString())
        .as("the date of birth (12 March) is never confirmed")
        .doesNotContain("dob");

    Cli.Result notices = Cli.run("notices", "--as", "fg.douane", "--json", "--data", data);
    assertThat(notices.code()).as(notices.err()).isZero();
    List<String> kinds = json.readTree(notices.out()).findValuesAsText("kind");
    assertThat(kinds).containsExactly("hit-name-variants", "hit-enumeration");
    assertThat(notices.out()).contains("speurder");
    assertThat(Cli.run("notices", "--as", "speurder", "--data", data).code()).isEqualTo(2);
    assertThat(
            Cli.run("audit", "query", "--as", "fg.douane", "--user", "speurder", "--data", data)
                .out())
        .contains("refused");

    Cli.Result other =
        Cli.run(
            "hit",
            "--name",
            "Mohamed El Amrani",
            "--dob",
            "1985-03-12",
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            data,
            "--json");
    assertThat(other.code()).as("another user's day is its own").isZero();
  }

  @Test
  void ownOrVisibleDataIsNotAHitAndEmptyQueriesAreRefused() throws Exception {
    Cli.Result own =
        Cli.run(
            "hit",
            "--name",
            "Mohamed El Amrani",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    assertThat(json.readTree(own.out()).findValuesAsText("agency")).doesNotContain("politie-nl");
    Cli.Result empty = Cli.run("hit", "--as", "douane-nl", "--purpose", "adw", "--data", data);
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("empty hit query");
    Cli.Result badIban =
        Cli.run(
            "hit", "--iban", "NL00 XXXX", "--as", "douane-nl", "--purpose", "adw", "--data", data);
    assertThat(badIban.code()).isEqualTo(2);
    assertThat(badIban.err()).contains("--iban");
  }

  @Test
  void theMatchIndexHoldsNoRawValue() throws Exception {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    List<String> values = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:" + Path.of(data).resolve("warehouse.duckdb"), ro);
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT DISTINCT value FROM statement WHERE prop <> 'id' AND length(value) >= 4")) {
        while (rs.next()) {
          values.add(rs.getString(1).toLowerCase());
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT code || ' ' || ref FROM match_code")) {
        while (rs.next()) {
          codes.add(rs.getString(1).toLowerCase());
        }
      }
    }
    assertThat(codes).hasSizeGreaterThan(20);
    String all = String.join("\n", codes);
    for (String v : values) {
      if (v.chars().filter(Character::isLetterOrDigit).count() >= 6) {
        assertThat(all).as("match index contains '%s'", v).doesNotContain(v);
      }
    }
  }

  /**
   * The codes an ingest fills along with the search index are the codes the match index heals to on
   * its own, when they were lost and the search index is current.
   */
  @Test
  void healedMatchCodesAreTheCodesTheIngestFilled() throws Exception {
    Path copy = copyOfData("heal");
    List<String> filled = matchRows(copy);
    assertThat(filled).hasSizeGreaterThan(20);
    execute(copy, "DELETE FROM match_code", "DELETE FROM match_indexed");
    Store.open(copy, true, LocalDate.now()).close();
    assertThat(matchRows(copy)).isEqualTo(filled);
  }

  /** {@code spil reindex} rebuilds the match codes too, and to the same rows. */
  @Test
  void reindexRebuildsTheSameMatchCodes() throws Exception {
    Path copy = copyOfData("reindex");
    List<String> before = matchRows(copy);
    assertThat(before).hasSizeGreaterThan(20);
    execute(copy, "UPDATE match_code SET code = 'stale'");
    Cli.Result r = Cli.run("reindex", "--data", copy.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("search, match and message indexes");
    assertThat(matchRows(copy)).isEqualTo(before);
  }

  /** A copy of the examples' data directory, to change without touching the other tests'. */
  private Path copyOfData(String name) throws IOException {
    Path copy = tmp.resolve(name);
    try (var files = Files.walk(Path.of(data))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(Path.of(data).relativize(f).toString()));
      }
    }
    return copy;
  }

  /** Runs SQL on a data directory's warehouse, as a crash or a tamperer might leave it. */
  private static void execute(Path dir, String... sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
        Statement st = c.createStatement()) {
      for (String q : sql) {
        st.execute(q);
      }
    }
  }

  private static List<String> matchRows(Path dir) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT concat_ws(' ', batch_id, entity_id, kind, code, ref) AS r FROM match_code"
                    + " ORDER BY r")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
