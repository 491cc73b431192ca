package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives every read command as a user the police data is not shared with (customs) and as one
 * reading for an incompatible purpose, and checks that no police value leaks through results,
 * counts, exports, rejects or error messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeakTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  String data;
  Set<String> secrets = new HashSet<>();
  List<String> policeIds = new ArrayList<>();

  @BeforeAll
  void setUp() throws Exception {
    data = tmp.resolve("data").toString();
    Cli.Result r =
        Cli.run(
            "ingest",
            CommandsTest.EXAMPLES.resolve("politie-nl").toString(),
            CommandsTest.EXAMPLES.resolve("douane-nl").toString(),
            CommandsTest.EXAMPLES.resolve("politie-bank").toString(),
            CommandsTest.EXAMPLES.resolve("politie-chats").toString(),
            CommandsTest.example(tmp, "osint-donations").toString(),
            "--data",
            data);
    assertThat(r.code()).as(r.err()).isZero();
    CommandsTest.addUsers(data, tmp);
    List<String> policeSees = new ArrayList<>();
    List<String> customsIds = new ArrayList<>();
    Set<String> police = values(export("politie-nl", "wpg-art-9"), policeSees);
    Set<String> customsSees = values(export("douane-nl", "adw"), customsIds);
    policeIds.addAll(policeSees);
    policeIds.removeAll(customsIds);
    for (String v : police) {
      // entity references are ids, not values; a user may echo an id they typed
      if (v.length() >= 6
          && !v.matches("[0-9a-f]{40}")
          && !customsSees.contains(v)
          && customsSees.stream().noneMatch(c -> c.contains(v))) {
        secrets.add(v);
      }
    }
    assertThat(secrets).hasSizeGreaterThan(20);
    assertThat(policeIds).isNotEmpty();
  }

  /**
   * About 50 of the ids, spread evenly over them in sorted order: each costs command runs, and the
   * police's bank data alone holds some 200 entities.
   */
  static List<String> sample(List<String> ids) {
    List<String> sorted = ids.stream().sorted().toList();
    int step = Math.max(1, sorted.size() / 50);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i += step) {
      out.add(sorted.get(i));
    }
    return out;
  }

  String export(String user, String purpose) throws Exception {
    Path out = tmp.resolve(user + "-" + purpose + ".ijson");
    Cli.Result r =
        Cli.run(
            "export",
            "--format",
            "ftm",
            "--as",
            user,
            "--purpose",
            purpose,
            "--out",
            out.toString(),
            "--data",
            data);
    assertThat(r.code()).as(r.err()).isZero();
    return Files.readString(out);
  }

  /** All property values of an FtM export; the entity ids into {@code ids}. */
  static Set<String> values(String ftm, List<String> ids) throws Exception {
    Set<String> out = new HashSet<>();
    for (String line : ftm.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      n.get("properties").forEach(vs -> vs.forEach(v -> out.add(v.asText())));
      ids.add(n.get("id").asText());
    }
    return out;
  }

  void assertNoSecret(String what, Cli.Result r) {
    String text = r.out() + r.err();
    for (String s : secrets) {
      assertThat(text).as("%s leaks '%s'", what, s).doesNotContain(s);
    }
  }

  @Test
  void noReadCommandLeaksPoliceValuesToCustomsOrToAnIncompatiblePurpose() throws Exception {
    String[][] readers = {
      {"douane-nl", "adw"}, {"politie-nl", "open-source"}, {"nobody", "wpg-art-10"}
    };
    for (String[] reader : readers) {
      String who = reader[0] + "/" + reader[1];
      String[] as = {"--as", reader[0], "--purpose", reader[1], "--data", data};
      for (String secret : secrets.stream().sorted().limit(40).toList()) {
        assertNoSecret(
            who + " search " + secret,
            Cli.run(concat(new String[] {"search", secret, "--limit", "50"}, as)));
        assertNoSecret(
            who + " search --json " + secret,
            Cli.run(concat(new String[] {"search", secret, "--json"}, as)));
      }
      Cli.Result missing = Cli.run(concat(new String[] {"show", "no-such-entity"}, as));
      for (String id : sample(policeIds)) {
        Cli.Result shown = Cli.run(concat(new String[] {"show", id}, as));
        assertNoSecret(who + " show " + id, shown);
        assertThat(shown.code()).as(who + " show " + id).isEqualTo(missing.code());
        assertThat(shown.err().replace(id, "ID"))
            .isEqualTo(missing.err().replace("no-such-entity", "ID"));
      }
      for (String secret : secrets.stream().sorted().limit(20).toList()) {
        assertNoSecret(
            who + " hit " + secret,
            Cli.run(concat(new String[] {"hit", "--name", secret, "--json"}, as)));
      }
      // the police's chats: neither found, counted nor shown, by words, handle or time
      for (String[] search :
          new String[][] {
            {"blauwe"},
            {"Maasvlakte"},
            {"MSKU7345912"},
            {"uithal*"},
            {"\"douane scant\""},
            {"marchandise"},
            {"betalen"},
            {"--handle", "zwartekat"},
            {"--since", "2024-02-01"},
            {}
          }) {
        String[] command = concat(new String[] {"messages", "search", "--json"}, search);
        Cli.Result found = Cli.run(concat(command, as));
        assertThat(found.code()).as(who + " " + String.join(" ", search) + found.err()).isZero();
        assertNoSecret(who + " messages search " + String.join(" ", search), found);
        assertThat(JSON.readTree(found.out()).get("total").asLong())
            .as(who + " messages search " + String.join(" ", search))
            .isZero();
      }
      // nor triaged, nor attributed: a handle answers as one nobody has
      Cli.Result triage =
          Cli.run(concat(new String[] {"messages", "triage", "--all", "--json"}, as));
      assertThat(triage.code()).as(who + " triage " + triage.err()).isZero();
      assertThat(JSON.readTree(triage.out())).as(who + " triage").isEmpty();
      Cli.Result attributed =
          Cli.run(concat(new String[] {"handles", "attribute", "zwartekat"}, as));
      Cli.Result nobody =
          Cli.run(concat(new String[] {"handles", "attribute", "no-such-handle"}, as));
      assertThat(attributed.code()).as(who + " attribute").isEqualTo(nobody.code()).isNotZero();
      assertThat(attributed.err().replace("zwartekat", "H"))
          .isEqualTo(nobody.err().replace("no-such-handle", "H"));
      Cli.Result open = Cli.run(concat(new String[] {"handles", "attributions", "--json"}, as));
      assertThat(JSON.readTree(open.out())).as(who + " attributions").isEmpty();
      Cli.Result stats = Cli.run(concat(new String[] {"stats", "--json"}, as));
      assertNoSecret(who + " stats", stats);
      assertThat(JSON.readTree(stats.out()).get("datasets").has("politie-nl-personen"))
          .as(who)
          .isFalse();
      Cli.Result rejects = Cli.run(concat(new String[] {"rejects"}, as));
      assertNoSecret(who + " rejects", rejects);
      Path ftm = tmp.resolve(reader[0] + reader[1] + ".ijson");
      Cli.Result exported =
          Cli.run(concat(new String[] {"export", "--format", "ftm", "--out", ftm.toString()}, as));
      assertNoSecret(who + " export", exported);
      String content = Files.readString(ftm);
      for (String s : secrets) {
        assertThat(content).as("%s export leaks '%s'", who, s).doesNotContain(s);
      }
      long entities = content.lines().filter(l -> !l.isBlank()).count();
      assertThat(JSON.readTree(stats.out()).get("entities").asLong())
          .as(who + " counts match what it may export")
          .isEqualTo(entities);
      for (String[] analysis :
          new String[][] {
            {"centrality", "--json", "--top", "100000"},
            {"centrality", "--measure", "degree", "--top", "100000"},
            {"communities", "--json", "--min-size", "1"},
            {"keyplayers", "--json", "--k", "10"},
            {"bridges", "--json", "--top", "1000"},
            {"flows", "typologies", "--json"},
            {"flows", "cycles"},
            {"routes", "--json"},
            {"targeting", "--top", "0", "--json"},
            {"insiders", "--port", "NLRTM", "--top", "0", "--json"},
            {"insiders", "--port", "BEANR", "--top", "0"}
          }) {
        Cli.Result r = Cli.run(concat(analysis, as));
        assertThat(r.code()).as(who + " " + analysis[0] + ": " + r.err()).isZero();
        assertNoSecret(who + " " + analysis[0], r);
        for (String id : policeIds) {
          assertThat(r.out()).as(who + " " + analysis[0] + " shows " + id).doesNotContain(id);
        }
      }
      Path gexf = tmp.resolve(reader[0] + reader[1] + ".gexf");
      assertThat(
              Cli.run(
                      concat(
                          new String[] {"graph", "--format", "gexf", "--out", gexf.toString()}, as))
                  .code())
          .isZero();
      String graph = Files.readString(gexf);
      for (String s : secrets) {
        assertThat(graph).as("%s graph export leaks '%s'", who, s).doesNotContain(s);
      }
      Path features = tmp.resolve(reader[0] + reader[1] + "-features.parquet");
      Cli.Result featured =
          Cli.run(
              concat(
                  new String[] {
                    "flows", "features", "--level", "payments", "--out", features.toString()
                  },
                  as));
      assertThat(featured.code()).as(featured.err()).isZero();
      // every value of the file as DuckDB reads it (Parquet compresses: the bytes hide text)
      StringBuilder featureValues = new StringBuilder();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement();
          ResultSet rows = st.executeQuery("SELECT * FROM read_parquet('" + features + "')")) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int k = 1; k <= columns; k++) {
            featureValues.append(rows.getString(k)).append('\n');
          }
        }
      }
      String featureBytes = featureValues.toString();
      for (String s : secrets) {
        assertThat(featureBytes).as("%s features leak '%s'", who, s).doesNotContain(s);
      }
      for (String id : policeIds) {
        assertThat(featureBytes).as("%s features show %s", who, id).doesNotContain(id);
      }
      // each command a run of its own: a sample of the police's ids, every source in it
      Cli.Result ownedByNobody = Cli.run(concat(new String[] {"assets", "no-such-entity"}, as));
      Cli.Result tracedFromNobody =
          Cli.run(concat(new String[] {"flows", "trace", "no-such-entity"}, as));
      for (String id : sample(policeIds)) {
        Cli.Result owned = Cli.run(concat(new String[] {"assets", id}, as));
        assertThat(owned.code())
            .as(who + " assets " + id)
            .isEqualTo(ownedByNobody.code())
            .isNotZero();
        assertThat(owned.err().replace(id, "ID"))
            .isEqualTo(ownedByNobody.err().replace("no-such-entity", "ID"));
        Cli.Result chained = Cli.run(concat(new String[] {"chain", id}, as));
        assertThat(chained.code()).as(who + " chain " + id).isEqualTo(ownedByNobody.code());
        assertThat(chained.err().replace(id, "ID"))
            .isEqualTo(
                Cli.run(concat(new String[] {"chain", "no-such-entity"}, as))
                    .err()
                    .replace("no-such-entity", "ID"));
        Cli.Result traced = Cli.run(concat(new String[] {"flows", "trace", id}, as));
        assertThat(traced.code())
            .as(who + " trace " + id)
            .isEqualTo(tracedFromNobody.code())
            .isNotZero();
        assertThat(traced.err().replace(id, "ID"))
            .isEqualTo(tracedFromNobody.err().replace("no-such-entity", "ID"));
      }
      Cli.Result none = Cli.run(concat(new String[] {"network", "no-such-entity"}, as));
      for (String id : sample(policeIds)) {
        Cli.Result ego = Cli.run(concat(new String[] {"network", id}, as));
        assertThat(ego.code()).as(who + " network " + id).isEqualTo(none.code()).isNotZero();
        assertThat(ego.err().replace(id, "ID"))
            .isEqualTo(none.err().replace("no-such-entity", "ID"));
      }
      Path parquet = tmp.resolve(reader[0] + reader[1] + ".parquet");
      Cli.Result pq =
          Cli.run(
              concat(
                  new String[] {"export", "--format", "parquet", "--out", parquet.toString()}, as));
      assertThat(pq.code()).as(pq.err()).isZero();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT DISTINCT value, dataset FROM read_parquet('" + parquet + "')")) {
        while (rs.next()) {
          assertThat(rs.getString(2)).isNotEqualTo("politie-nl-personen");
          assertThat(secrets).doesNotContain(rs.getString(1));
        }
      }
    }
  }

  @Test
  void thePoliceSeesItsOwnDataSoTheSecretsAreReal() {
    Cli.Result r =
        Cli.run(
            "search",
            secrets.stream().sorted().findFirst().orElseThrow(),
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data);
    assertThat(r.code()).isZero();
    assertThat(r.out()).isNotBlank().doesNotContain("no matches");
    Cli.Result chats =
        Cli.run(
            "messages",
            "search",
            "blauwe",
            "--json",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data);
    assertThat(chats.out()).contains("Maasvlakte");
    assertThat(secrets)
        .as("the chats' texts are among the secrets")
        .anyMatch(s -> s.contains("Maasvlakte"));
    // the money-flow commands the readers above get nothing from do show the police their data
    String[] police = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    Cli.Result alerts = Cli.run(concat(new String[] {"flows", "typologies"}, police));
    assertThat(alerts.out()).contains("structuring", "Kruiskade Vastgoed B.V.");
    Cli.Result traced = Cli.run(concat(new String[] {"flows", "trace", policeIds.get(0)}, police));
    Cli.Result tracedFromNobody =
        Cli.run(concat(new String[] {"flows", "trace", "no-such-entity"}, police));
    assertThat(tracedFromNobody.code()).isNotZero();
    assertThat(
            policeIds.stream()
                .anyMatch(
                    id -> Cli.run(concat(new String[] {"flows", "trace", id}, police)).code() == 0))
        .as("some police entity is traced")
        .isTrue();
    assertThat(traced.err()).doesNotContain("Exception");
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
