package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resolve, clusters and explain from the command line, within what each viewer may see. */
class ResolveCommandTest {
  @TempDir Path tmp;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void resolvesStablyWithinTheViewersScopeAndExplainsWithoutInvisibleValues() throws Exception {
    String data = CommandsTest.warehouse(tmp, "d", "politie-nl", "douane-nl", "osint-donations");
    String[] police = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    Cli.Result r = Cli.run(LeakTest.concat(new String[] {"resolve", "--json"}, police));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(json.readTree(r.out()).get("records").asInt()).isGreaterThan(100);
    JsonNode first =
        json.readTree(Cli.run(LeakTest.concat(new String[] {"clusters", "--json"}, police)).out());
    assertThat(first).isNotEmpty();
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, police)).code()).isZero();
    JsonNode second =
        json.readTree(Cli.run(LeakTest.concat(new String[] {"clusters", "--json"}, police)).out());
    assertThat(second).as("a rerun keeps canonical ids and members").isEqualTo(first);

    List<String> policeOnly = new ArrayList<>();
    JsonNode hit =
        json.readTree(
            Cli.run(
                    LeakTest.concat(
                        new String[] {
                          "search", "Mohamed El Amrani", "--schema", "Person", "--json"
                        },
                        police))
                .out());
    policeOnly.add(hit.get(0).get("id").asText());
    String[] customs = {"--as", "douane-nl", "--purpose", "adw", "--data", data};
    Cli.Result none = Cli.run(LeakTest.concat(new String[] {"explain", "--model"}, customs));
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("has no resolution yet");
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, customs)).code()).isZero();
    String customsClusters =
        Cli.run(LeakTest.concat(new String[] {"clusters", "--all", "--json"}, customs)).out();
    assertThat(customsClusters).doesNotContain(policeOnly.get(0));

    JsonNode pair = null;
    for (JsonNode c : first) {
      if (c.get("members").size() >= 2) {
        pair = c.get("members");
        break;
      }
    }
    assertThat(pair).isNotNull();
    int checked = 0;
    for (JsonNode c : first) {
      if (c.get("members").size() < 2 || checked >= 3) {
        continue;
      }
      String canonical = c.get("canonical_id").asText();
      Cli.Result node =
          Cli.run(
              LeakTest.concat(
                  new String[] {"network", canonical, "--depth", "0", "--json"}, police));
      if (node.code() != 0) {
        continue;
      }
      checked++;
      Cli.Result member =
          Cli.run(
              LeakTest.concat(
                  new String[] {
                    "network", c.get("members").get(1).asText(), "--depth", "0", "--json"
                  },
                  police));
      assertThat(member.code()).as(member.err()).isZero();
      assertThat(json.readTree(member.out()).get("centre").get("id").asText())
          .as("a cluster member names its resolved node")
          .isEqualTo(canonical);
    }
    assertThat(checked).as("resolved clusters with links in the network").isPositive();
    Cli.Result explained =
        Cli.run(
            LeakTest.concat(
                new String[] {"explain", pair.get(0).asText(), pair.get(1).asText(), "--json"},
                police));
    assertThat(explained.code()).as(explained.err()).isZero();
    JsonNode e = json.readTree(explained.out());
    assertThat(e.get("probability").asDouble()).isGreaterThan(0.5);
    assertThat(e.get("features").toString()).contains("name: ").contains("dob: ");
    Cli.Result hidden =
        Cli.run(
            LeakTest.concat(
                new String[] {"explain", policeOnly.get(0), pair.get(1).asText()}, customs));
    assertThat(hidden.code()).isEqualTo(1);
    assertThat(hidden.out() + hidden.err())
        .contains("not both persons or companies visible")
        .doesNotContain("Amrani");
    assertThat(Cli.run(LeakTest.concat(new String[] {"explain", "x", "x"}, police)).err())
        .contains("two different entities");
    Cli.Result model = Cli.run(LeakTest.concat(new String[] {"explain", "--model"}, police));
    assertThat(model.code()).as(model.err()).isZero();
    assertThat(model.out())
        .contains("prior, two persons")
        .contains("address:")
        .contains("same street, house number and addition")
        .contains("bits");
    JsonNode weights =
        json.readTree(
            Cli.run(LeakTest.concat(new String[] {"explain", "--model", "--json"}, police)).out());
    assertThat(weights.get("m").size()).isEqualTo(weights.get("u").size()).isGreaterThan(8);
    assertThat(Cli.run(LeakTest.concat(new String[] {"explain"}, police)).err())
        .contains("give two entities A and B, or --model");
  }

  @Test
  void matchByExampleRanksTheVariantFirstAndRefusesEmptyQueries() throws Exception {
    String data = CommandsTest.warehouse(tmp, "m", "politie-nl", "osint-donations");
    String[] police = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    Cli.Result r =
        Cli.run(
            LeakTest.concat(
                new String[] {
                  "match", "--name", "Muhammad ELAMRANI", "--dob", "12-03-1985", "--json"
                },
                police));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode first = json.readTree(r.out()).get(0);
    assertThat(first.get("name").asText()).isEqualTo("Mohamed El Amrani");
    assertThat(first.get("explanation").toString()).contains("dob: exact");
    // a data directory from before resolution models were kept, opened read-only by match
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:" + Path.of(data).resolve("warehouse.duckdb"));
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE team_resolution_model");
    }
    Cli.Result old =
        Cli.run(
            LeakTest.concat(
                new String[] {"match", "--name", "Muhammad ELAMRANI", "--json"}, police));
    assertThat(old.code()).as(old.err()).isZero();
    assertThat(old.err()).contains("no saved resolution");
    Cli.Result empty = Cli.run(LeakTest.concat(new String[] {"match"}, police));
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("empty match query").contains("Usage: spil match");
  }

  @Test
  void incrementalRunResolvesANewBatchAndKeepsCanonicalIds() throws Exception {
    String data = CommandsTest.warehouse(tmp, "i", "politie-nl");
    String[] police = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    Cli.Result early = Cli.run(LeakTest.concat(new String[] {"resolve", "--incremental"}, police));
    assertThat(early.code()).isEqualTo(2);
    assertThat(early.err()).contains("needs an earlier full resolution");
    assertThat(Cli.run(LeakTest.concat(new String[] {"resolve"}, police)).code()).isZero();
    JsonNode before =
        json.readTree(
            Cli.run(LeakTest.concat(new String[] {"clusters", "--all", "--json"}, police)).out());
    assertThat(
            Cli.run(
                    "ingest",
                    CommandsTest.example(tmp, "osint-donations").toString(),
                    "--data",
                    data)
                .code())
        .isZero();
    Cli.Result r =
        Cli.run(LeakTest.concat(new String[] {"resolve", "--incremental", "--json"}, police));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode summary = json.readTree(r.out());
    assertThat(summary.get("incremental").asBoolean()).isTrue();
    assertThat(summary.get("new_records").asInt()).isGreaterThan(50);
    JsonNode after =
        json.readTree(
            Cli.run(LeakTest.concat(new String[] {"clusters", "--all", "--json"}, police)).out());
    Map<String, String> idOf = new HashMap<>();
    for (JsonNode c : after) {
      for (JsonNode m : c.get("members")) {
        idOf.put(m.asText(), c.get("canonical_id").asText());
      }
    }
    assertThat(idOf).hasSizeGreaterThan(before.size());
    for (JsonNode c : before) {
      for (JsonNode m : c.get("members")) {
        assertThat(idOf.get(m.asText()))
            .as("an earlier record keeps its canonical id")
            .isEqualTo(c.get("canonical_id").asText());
      }
    }
    Cli.Result match =
        Cli.run(
            LeakTest.concat(
                new String[] {
                  "match", "--name", "Muhammad ELAMRANI", "--dob", "12-03-1985", "--json"
                },
                police));
    assertThat(match.code()).as(match.err()).isZero();
    assertThat(match.err()).as("matching uses the saved weights").doesNotContain("estimating");
    assertThat(json.readTree(match.out()).get(0).get("name").asText())
        .isEqualTo("Mohamed El Amrani");
  }
}
