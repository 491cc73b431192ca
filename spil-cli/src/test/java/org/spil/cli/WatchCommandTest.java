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
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.store.Store;
import org.spil.store.Watches;

/**
 * Watch lists on the examples: a new delivery raises alerts for whoever watches what it holds, each
 * under the owner's own rights; customs learns only whom to ask; whoever ingests learns nothing;
 * alerts are triaged, bound to their purpose and owner, and withdrawn when the record may no longer
 * be read.
 */
class WatchCommandTest {
  @TempDir Path tmp;
  final ObjectMapper json = new ObjectMapper();

  private Cli.Result run(String... args) {
    return Cli.run(args);
  }

  private JsonNode alerts(String data, String user, String purpose, String... more)
      throws Exception {
    String[] base = {"alerts", "--as", user, "--purpose", purpose, "--data", data, "--json"};
    Cli.Result r = run(LeakTest.concat(base, more));
    assertThat(r.code()).as(r.err()).isZero();
    return json.readTree(r.out());
  }

  @Test
  void aDeliveryRaisesAlertsUnderEachOwnersRights() throws Exception {
    String data = tmp.resolve("d").toString();
    Cli.Result customs =
        run("ingest", CommandsTest.EXAMPLES.resolve("douane-nl").toString(), "--data", data);
    assertThat(customs.code()).as(customs.err()).isZero();
    CommandsTest.addUsers(data, tmp);

    // the police watch a name with a date of birth, customs the same name, kmar a query
    Cli.Result police =
        run(
            "watch",
            "add",
            "--name",
            "Muhammad ELAMRANI",
            "--dob",
            "12-03-1985",
            "--note",
            "main suspect",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    assertThat(police.code()).as(police.err()).isZero();
    String policeWatch = json.readTree(police.out()).get("id").asText();
    assertThat(
            run(
                    "watch",
                    "add",
                    "--name",
                    "Mohamed El Amrani",
                    "--as",
                    "douane-nl",
                    "--purpose",
                    "adw",
                    "--data",
                    data)
                .code())
        .isZero();
    assertThat(
            run(
                    "watch",
                    "add",
                    "--query",
                    "Kruiskade",
                    "--as",
                    "x",
                    "--purpose",
                    "wpg-art-9",
                    "--data",
                    data)
                .code())
        .isZero();
    Cli.Result listed =
        run("watch", "list", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data);
    assertThat(listed.out()).contains(policeWatch).contains("born 1985-03-12").contains("main");

    // the police's information desk, as the liaison directory names it
    Files.writeString(
        Path.of(data).resolve("liaisons.txt"),
        "nl | politie-nl | Landelijk Informatieknooppunt | +31 88 000 0100 | desk; hits\n");
    Cli.Result delivery =
        run("ingest", CommandsTest.EXAMPLES.resolve("politie-nl").toString(), "--data", data);
    assertThat(delivery.code()).as(delivery.err()).isZero();
    assertThat(delivery.out() + delivery.err())
        .as("whoever ingests is not told whose watches the data met")
        .doesNotContainIgnoringCase("alert")
        .doesNotContainIgnoringCase("watch");

    JsonNode forPolice = alerts(data, "politie-nl", "wpg-art-9");
    assertThat(forPolice).hasSize(1);
    JsonNode a = forPolice.get(0);
    assertThat(a.get("entity").asText()).isNotEmpty();
    assertThat(a.get("status").asText()).isEqualTo("new");
    assertThat(a.get("watch").asText()).isEqualTo(policeWatch);
    assertThat(a.get("explanation").asText()).contains("politie-nl").contains("strong");
    Cli.Result shown =
        run(
            "show",
            a.get("entity").asText(),
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data);
    assertThat(shown.out()).contains("El Amrani");

    // customs may only know the police hold a match: whom to ask, a reference, never a value
    JsonNode forCustoms = alerts(data, "douane-nl", "adw");
    assertThat(forCustoms).hasSize(1);
    JsonNode hit = forCustoms.get(0);
    assertThat(hit.get("entity").isNull()).isTrue();
    assertThat(hit.get("agency").asText()).isEqualTo("politie-nl");
    assertThat(hit.get("contact").asText())
        .isEqualTo("Landelijk Informatieknooppunt, +31 88 000 0100");
    assertThat(hit.get("reference").asText()).matches("REF-[0-9A-F]{20}");
    // opaque ids and references are random hex: they may hold any four digits, so are left out
    assertThat(hit.toString()).doesNotContain(a.get("entity").asText());
    assertThat(hit.toString().replaceAll("[0-9A-Fa-f]{12,}", "#"))
        .doesNotContain("Kruiskade")
        .doesNotContain("1985")
        .doesNotContain("06-12345678");

    // kmar's analyst of agency x may read none of the police data: nothing, not even a count
    assertThat(alerts(data, "x", "wpg-art-9")).isEmpty();

    // bound to owner and purpose
    assertThat(alerts(data, "politie-nl", "wpg-art-8")).isEmpty();
    String id = a.get("id").asText();
    Cli.Result stranger =
        run("alerts", "--confirm", id, "--as", "douane-nl", "--purpose", "adw", "--data", data);
    assertThat(stranger.code()).isNotZero();
    assertThat(stranger.err()).contains("no alert");

    // triage: a dismissal needs a reason; unread leaves triaged alerts out
    Cli.Result bare =
        run(
            "alerts",
            "--dismiss",
            id,
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data);
    assertThat(bare.code()).isNotZero();
    assertThat(bare.err()).contains("reason");
    Cli.Result dismissed =
        run(
            "alerts",
            "--dismiss",
            id,
            "--reason",
            "the namesake from Utrecht",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data);
    assertThat(dismissed.code()).as(dismissed.err()).isZero();
    assertThat(alerts(data, "politie-nl", "wpg-art-9", "--unread")).isEmpty();
    JsonNode after = alerts(data, "politie-nl", "wpg-art-9").get(0);
    assertThat(after.get("status").asText()).isEqualTo("dismissed");
    assertThat(after.get("reason").asText()).isEqualTo("the namesake from Utrecht");

    // the same delivery again is no new batch and raises nothing new
    run("ingest", CommandsTest.EXAMPLES.resolve("politie-nl").toString(), "--data", data);
    assertThat(alerts(data, "politie-nl", "wpg-art-9")).hasSize(1);

    // the person watched as an entity: the police's next delivery of the same register gives him
    // a new phone number (only new statements are stored, and only they raise alerts)
    Cli.Result entityWatch =
        run(
            "watch",
            "add",
            "--entity",
            a.get("entity").asText(),
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data);
    assertThat(entityWatch.code()).as(entityWatch.err()).isZero();
    Path later = tmp.resolve("politie-later");
    Files.createDirectories(later);
    for (String f : List.of("personen.csv", "verbanden.csv", "dataset.yml")) {
      Files.copy(CommandsTest.EXAMPLES.resolve("politie-nl").resolve(f), later.resolve(f));
    }
    Path register = later.resolve("personen.csv");
    Files.write(
        register,
        new String(Files.readAllBytes(register), java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("06-12345678", "06-87654321")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Cli.Result next = run("ingest", later.toString(), "--data", data);
    assertThat(next.code()).as(next.err()).isZero();
    JsonNode more = alerts(data, "politie-nl", "wpg-art-9", "--unread");
    assertThat(more)
        .extracting(n -> n.get("explanation").asText())
        .anyMatch(e -> e.contains("states more about the watched entity"));

    // every step audited
    String audit =
        Files.readString(Path.of(data).resolve("audit.jsonl"))
            .lines()
            .filter(l -> l.contains("\"alert") || l.contains("\"watch"))
            .reduce("", String::concat);
    assertThat(audit)
        .contains("\"watch-add\"")
        .contains("\"alert\"")
        .contains("\"alert-triage\"")
        .contains("\"watch-hit\"");
  }

  @Test
  void anAlertIsWithdrawnWhenItsRecordMayNoLongerBeRead() throws Exception {
    String data = tmp.resolve("w").toString();
    Path expiring = tmp.resolve("politie-expiring");
    Files.createDirectories(expiring);
    for (String f : List.of("personen.csv", "verbanden.csv")) {
      Files.copy(CommandsTest.EXAMPLES.resolve("politie-nl").resolve(f), expiring.resolve(f));
    }
    LocalDate until = LocalDate.now().plusDays(10);
    Files.writeString(
        expiring.resolve("dataset.yml"),
        Files.readString(CommandsTest.EXAMPLES.resolve("politie-nl").resolve("dataset.yml"))
            .replace("retention: P5Y", "retain_until: " + until));
    CommandsTest.addUsers(data, tmp);
    run(
        "watch",
        "add",
        "--id",
        "P-1002",
        "--as",
        "politie-nl",
        "--purpose",
        "wpg-art-9",
        "--data",
        data);
    assertThat(run("ingest", expiring.toString(), "--data", data).code()).isZero();
    JsonNode now = alerts(data, "politie-nl", "wpg-art-9");
    assertThat(now).hasSize(1);
    assertThat(now.get(0).get("explanation").asText()).contains("on id");

    try (Store later = Store.open(Path.of(data), false, until.plusDays(1))) {
      List<Watches.Alert> alerts =
          later.watches().alerts(later.viewer("politie-nl", "wpg-art-9"), false);
      assertThat(alerts).hasSize(1);
      Watches.Alert w = alerts.get(0);
      assertThat(w.status()).isEqualTo("withdrawn");
      assertThat(w.entity()).isNull();
      assertThat(w.explanation()).startsWith("withdrawn").doesNotContain("P-1002");
      assertThat(later.watches().unread(later.viewer("politie-nl", "wpg-art-9"))).isZero();
      assertThat(later.watches().alerts(later.viewer("politie-nl", "wpg-art-9"), true)).isEmpty();
    }
    try (Store purging = Store.open(Path.of(data), true, until.plusDays(1))) {
      assertThat(purging.retention().purge("test").batches()).hasSize(1);
      Watches.Alert purged =
          purging.watches().alerts(purging.viewer("politie-nl", "wpg-art-9"), false).get(0);
      assertThat(purged.explanation()).contains("purged");
      assertThat(purged.entity()).isNull();
    }
    // nothing of the record stays in the alert: no id in the warehouse's alert rows
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:" + Path.of(data).resolve("warehouse.duckdb"), readOnly());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM watch_alert WHERE entity_id IS NOT NULL OR reference IS NOT"
                    + " NULL")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  /**
   * An entity watched before a resolution: the records the resolution merges into it raise alerts,
   * each once; a second resolution that merges nothing new raises none.
   */
  @Test
  void aResolutionThatMergesRecordsIntoAWatchedEntityRaisesAlerts() throws Exception {
    String[] examples = {"politie-nl", "douane-nl", "osint-donations"};
    // the pair a resolution merges, found on a warehouse of its own (entity ids are stable)
    String first = CommandsTest.warehouse(tmp, "first", examples);
    String[] police = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", first};
    assertThat(run(LeakTest.concat(new String[] {"resolve"}, police)).code()).isZero();
    JsonNode pair = null;
    for (JsonNode c :
        json.readTree(run(LeakTest.concat(new String[] {"clusters", "--json"}, police)).out())) {
      if (c.get("members").size() == 2) {
        pair = c.get("members");
        break;
      }
    }
    assertThat(pair).as("a cluster of two").isNotNull();

    String data = CommandsTest.warehouse(tmp, "second", examples);
    String[] as = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    Cli.Result watched =
        run(LeakTest.concat(new String[] {"watch", "add", "--entity", pair.get(0).asText()}, as));
    assertThat(watched.code()).as(watched.err()).isZero();
    assertThat(alerts(data, "politie-nl", "wpg-art-9")).isEmpty();
    assertThat(run(LeakTest.concat(new String[] {"resolve"}, as)).code()).isZero();
    JsonNode raised = alerts(data, "politie-nl", "wpg-art-9");
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).get("entity").asText()).isEqualTo(pair.get(1).asText());
    assertThat(raised.get(0).get("explanation").asText())
        .contains("resolution now counts this record as the watched entity");
    assertThat(run(LeakTest.concat(new String[] {"resolve"}, as)).code()).isZero();
    assertThat(alerts(data, "politie-nl", "wpg-art-9")).hasSize(1);
    // customs, who may not read the police's record, cannot watch it
    Cli.Result customs =
        run(
            "watch",
            "add",
            "--entity",
            policeOnly(pair),
            "--as",
            "douane-nl",
            "--purpose",
            "adw",
            "--data",
            data);
    assertThat(customs.code()).isNotZero();
    assertThat(customs.err()).contains("you may see");
  }

  /** The member of the pair from the police's data (the other may be customs'). */
  private String policeOnly(JsonNode pair) throws Exception {
    for (JsonNode m : pair) {
      Cli.Result r =
          run(
              "show",
              m.asText(),
              "--as",
              "douane-nl",
              "--purpose",
              "adw",
              "--data",
              tmp.resolve("second").toString());
      if (r.code() != 0) {
        return m.asText();
      }
    }
    return "no-such-id";
  }

  @Test
  void aSearchWatchRaisesOnWhatTheSearchFindsInTheNewDelivery() throws Exception {
    String data = tmp.resolve("q").toString();
    CommandsTest.addUsers(data, tmp);
    Cli.Result watched =
        run(
            "watch",
            "add",
            "--query",
            "Kruiskade",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data);
    assertThat(watched.code()).as(watched.err()).isZero();
    assertThat(
            run("ingest", CommandsTest.EXAMPLES.resolve("politie-nl").toString(), "--data", data)
                .code())
        .isZero();
    JsonNode raised = alerts(data, "politie-nl", "wpg-art-9");
    assertThat(raised).isNotEmpty();
    assertThat(raised)
        .allMatch(
            a -> a.get("explanation").asText().contains("answers the watched query 'Kruiskade'"));
    Cli.Result found =
        run(
            "search",
            "Kruiskade",
            "--as",
            "politie-nl",
            "--purpose",
            "wpg-art-9",
            "--data",
            data,
            "--json");
    for (JsonNode a : raised) {
      assertThat(found.out()).as("what the search finds").contains(a.get("entity").asText());
    }
  }

  private static Properties readOnly() {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return p;
  }

  @Test
  void watchesAreCheckedBeforeTheyAreKept() {
    String data = tmp.resolve("v").toString();
    CommandsTest.addUsers(data, tmp);
    String[] who = {"--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data};
    assertThat(run(LeakTest.concat(new String[] {"watch", "add"}, who)).err())
        .contains("watch one thing");
    assertThat(
            run(LeakTest.concat(new String[] {"watch", "add", "--name", "A", "--query", "B"}, who))
                .err())
        .contains("watch one thing");
    assertThat(
            run(LeakTest.concat(new String[] {"watch", "add", "--dob", "1985-03-12"}, who)).err())
        .contains("watch one thing");
    assertThat(
            run(LeakTest.concat(
                    new String[] {"watch", "add", "--name", "A", "--dob", "12th of March"}, who))
                .err())
        .contains("dob");
    assertThat(run(LeakTest.concat(new String[] {"watch", "add", "--name", "A\u202eB"}, who)).err())
        .contains("printable");
    assertThat(
            run(LeakTest.concat(new String[] {"watch", "add", "--entity", "no-such-id"}, who))
                .err())
        .contains("no entity 'no-such-id' you may see");
    assertThat(
            run(LeakTest.concat(new String[] {"watch", "remove", "W-0000000000000000"}, who)).err())
        .contains("no watch");
    Cli.Result strategic =
        run(
            "watch",
            "add",
            "--name",
            "A",
            "--as",
            "politie-nl",
            "--purpose",
            "strategic",
            "--data",
            data);
    assertThat(strategic.code()).isNotZero();
  }
}
