package org.spil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spil.app.Administration;
import org.spil.app.Ingestion;
import org.spil.app.Operator;
import org.spil.app.Searching;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * The command line's leak test through the API: the police's values that customs may not see, and
 * the ids of the police's entities, never reach customs reading for its own task, or the police
 * reading for a task their data was not collected for, through search, entity pages, counts,
 * networks, money flows (alerts, traces, features), hits or error messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiLeakTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "a long enough test password";
  @TempDir static Path tmp;
  Store store;
  ApiServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final Set<String> secrets = new HashSet<>();
  final List<String> policeIds = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    store = Store.open(tmp.resolve("data"), true, LocalDate.now());
    Path examples = Path.of("../examples");
    for (var d :
        Ingestion.read(
            List.of(
                examples.resolve("politie-nl"),
                examples.resolve("douane-nl"),
                examples.resolve("politie-bank"),
                examples.resolve("politie-chats")))) {
      Ingestion.run(store, d, LocalDate.now(), new Operator("test"), n -> {}, n -> {});
    }
    Administration admin = new Administration(store);
    for (String[] u : new String[][] {{"ann", "politie-nl"}, {"dirk", "douane-nl"}}) {
      admin.addUser(new Operator("test"), u[0], u[1], List.of("analyst"), PASSWORD.toCharArray());
    }
    Set<String> police = values(store.viewer("ann", "wpg-art-9"), policeIds);
    List<String> customsIds = new ArrayList<>();
    Set<String> customs = values(store.viewer("dirk", "adw"), customsIds);
    policeIds.removeAll(customsIds);
    for (String v : police) {
      if (v.length() >= 6
          && !v.matches("[0-9a-f]{40}")
          && customs.stream().noneMatch(c -> c.contains(v))) {
        secrets.add(v);
      }
    }
    assertThat(secrets).hasSizeGreaterThan(20);
    assertThat(policeIds).isNotEmpty();
    server = ApiServer.start(store, "127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  /** Every property value of what a viewer may export; the entity ids into {@code ids}. */
  Set<String> values(Viewer viewer, List<String> ids) throws Exception {
    StringWriter out = new StringWriter();
    new Searching(store).exportFtm(viewer, out, false);
    Set<String> values = new HashSet<>();
    for (String line : out.toString().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode e = JSON.readTree(line);
      ids.add(e.get("id").asText());
      e.get("properties").forEach(vs -> vs.forEach(v -> values.add(v.asText())));
    }
    return values;
  }

  String login(String user) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("user", user, "password", PASSWORD))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> get(String cookie, String purpose, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Cookie", cookie)
            .header(ApiServer.PURPOSE_HEADER, purpose)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void assertNoSecret(String what, HttpResponse<String> r) {
    for (String s : secrets) {
      assertThat(r.body()).as("%s leaks '%s'", what, s).doesNotContain(s);
    }
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void noRouteLeaksPoliceValuesToCustomsOrToAnIncompatiblePurpose() throws Exception {
    String[][] readers = {{"dirk", "adw"}, {"ann", "open-source"}};
    for (String[] reader : readers) {
      String who = reader[0] + "/" + reader[1];
      String cookie = login(reader[0]);
      for (String secret : secrets.stream().sorted().limit(40).toList()) {
        assertNoSecret(
            who + " search " + secret,
            get(cookie, reader[1], "/api/search?limit=200&q=" + q(secret)));
      }
      for (String search :
          List.of(
              "q=blauwe",
              "q=" + q("\"douane scant\""),
              "q=uithal*",
              "q=betalen",
              "handle=zwartekat",
              "since=2024-02-01",
              "")) {
        HttpResponse<String> found =
            get(cookie, reader[1], "/api/messages/search?context=5&" + search);
        assertThat(found.statusCode()).as(who + " messages " + search).isEqualTo(200);
        assertNoSecret(who + " messages " + search, found);
        assertThat(JSON.readTree(found.body()).get("total").asLong())
            .as(who + " messages " + search)
            .isZero();
      }
      // nor triaged, nor attributed
      HttpResponse<String> triage = get(cookie, reader[1], "/api/messages/triage?all=true");
      assertNoSecret(who + " triage", triage);
      assertThat(JSON.readTree(triage.body()).get("results")).as(who + " triage").isEmpty();
      HttpResponse<String> attributed =
          get(cookie, reader[1], "/api/handles/zwartekat/attribution");
      HttpResponse<String> nobodys =
          get(cookie, reader[1], "/api/handles/no-such-handle/attribution");
      // the same answer as for a handle nobody has: the name echoed, nothing learnt
      assertThat(attributed.statusCode()).as(who + " attribution").isEqualTo(400);
      assertThat(attributed.body().replace("zwartekat", "H"))
          .isEqualTo(nobodys.body().replace("no-such-handle", "H"));
      HttpResponse<String> open = get(cookie, reader[1], "/api/handles/attributions");
      assertNoSecret(who + " attributions", open);
      assertThat(JSON.readTree(open.body()).get("total").asInt()).as(who).isZero();
      HttpResponse<String> missing = get(cookie, reader[1], "/api/entities/no-such-entity");
      HttpResponse<String> missingNet = get(cookie, reader[1], "/api/network/no-such-entity");
      for (String id : policeIds) {
        HttpResponse<String> shown = get(cookie, reader[1], "/api/entities/" + id);
        assertThat(shown.statusCode()).as(who + " entity " + id).isEqualTo(missing.statusCode());
        assertThat(shown.body()).isEqualTo(missing.body());
        for (String part : List.of("relations", "cluster")) {
          HttpResponse<String> hidden = get(cookie, reader[1], "/api/entities/" + id + "/" + part);
          HttpResponse<String> none =
              get(cookie, reader[1], "/api/entities/no-such-entity/" + part);
          assertThat(hidden.statusCode()).as(who + " " + part + " " + id).isEqualTo(200);
          // what names an entity the reader may not see is answered as for one that does not exist
          assertThat(hidden.body().replace(id, "no-such-entity"))
              .as(who + " " + part + " " + id)
              .isEqualTo(none.body());
          assertNoSecret(who + " " + part, hidden);
        }
        // a trace from a police account or party is answered as one from nobody
        HttpResponse<String> traced = get(cookie, reader[1], "/api/flows/trace?subject=" + id);
        HttpResponse<String> nobody =
            get(cookie, reader[1], "/api/flows/trace?subject=no-such-entity");
        assertThat(traced.statusCode()).as(who + " trace " + id).isEqualTo(nobody.statusCode());
        assertThat(traced.body().replace(id, "no-such-entity")).isEqualTo(nobody.body());
        HttpResponse<String> owned = get(cookie, reader[1], "/api/assets/" + id);
        HttpResponse<String> ownedByNobody = get(cookie, reader[1], "/api/assets/no-such-entity");
        assertThat(owned.statusCode())
            .as(who + " assets " + id)
            .isEqualTo(ownedByNobody.statusCode());
        assertThat(owned.body().replace(id, "no-such-entity")).isEqualTo(ownedByNobody.body());
        HttpResponse<String> chained = get(cookie, reader[1], "/api/chain/" + id);
        HttpResponse<String> chainOfNobody = get(cookie, reader[1], "/api/chain/no-such-entity");
        assertThat(chained.statusCode())
            .as(who + " chain " + id)
            .isEqualTo(chainOfNobody.statusCode());
        assertThat(chained.body().replace(id, "no-such-entity")).isEqualTo(chainOfNobody.body());
        HttpResponse<String> net = get(cookie, reader[1], "/api/network/" + id);
        assertThat(net.statusCode()).as(who + " network " + id).isEqualTo(missingNet.statusCode());
        assertThat(net.body()).isEqualTo(missingNet.body());
      }
      HttpResponse<String> stats = get(cookie, reader[1], "/api/stats");
      assertNoSecret(who + " stats", stats);
      assertThat(JSON.readTree(stats.body()).get("datasets").has("politie-nl-personen"))
          .as(who)
          .isFalse();
      for (String analysis :
          List.of(
              "/api/centrality?top=10000",
              "/api/centrality?measure=degree&top=10000",
              "/api/communities?min_size=1",
              "/api/keyplayers?k=10",
              "/api/bridges?top=1000",
              "/api/graph?format=graphml",
              "/api/flows/typologies",
              "/api/flows/cycles",
              "/api/flows/features",
              "/api/flows/features?level=payments",
              "/api/routes",
              "/api/targeting?top=0",
              "/api/insiders?port=NLRTM&top=0",
              "/api/insiders?port=BEANR&top=0",
              "/api/trends?by=port&top=0",
              "/api/trends?by=goods&top=0",
              "/api/trends?measure=seizures&by=drug&top=0",
              "/api/trends?measure=mla-requests&by=agency&period=week&top=0",
              "/api/signals")) {
        HttpResponse<String> r = get(cookie, reader[1], analysis);
        assertThat(r.statusCode()).as(who + " " + analysis + ": " + r.body()).isEqualTo(200);
        assertNoSecret(who + " " + analysis, r);
        for (String id : policeIds) {
          assertThat(r.body()).as(who + " " + analysis + " shows " + id).doesNotContain(id);
        }
      }
      for (String secret : secrets.stream().sorted().limit(10).toList()) {
        assertNoSecret(
            who + " hits " + secret, get(cookie, reader[1], "/api/hits?name=" + q(secret)));
      }
    }
  }

  /**
   * Trends count only what the reader may see: customs counts its shipments, the police reading for
   * open sources count none, and no signal of theirs names a shipment series.
   */
  /**
   * Defence counsel through the API: no message before a court order, exactly the order's period
   * after it, and what it searched for readable by the court's overseer only, not by the police's
   * privacy officer, in a query or an export of the audit.
   */
  @Test
  void theDefenceReadsWhatAnOrderOpensAndOnlyTheCourtSeesWhatItLookedFor() throws Exception {
    Administration admin = new Administration(store);
    for (String[] u :
        new String[][] {
          {"adv", "advocatuur", "defence-counsel"},
          {"rc", "rechtbank", "court"},
          {"rech", "politie-nl", "investigator"},
          {"fg", "politie-nl", "privacy-officer"}
        }) {
      admin.addUser(new Operator("test"), u[0], u[1], List.of(u[2]), PASSWORD.toCharArray());
    }
    admin.addCase(
        new Operator("test"),
        "C9",
        "Kruiskade",
        "wpg-art-9",
        List.of("rech", "adv", "rc"),
        List.of("politie-nl"));
    String adv = login("adv");
    String search =
        "/api/messages/search?q="
            + URLEncoder.encode("uithaler OR chauffeur", StandardCharsets.UTF_8);
    HttpResponse<String> before = get(adv, "C9", search);
    assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
    assertThat(JSON.readTree(before.body()).get("total").asInt()).isZero();
    long chats =
        store.batches().stream()
            .filter(b -> b.provenance().dataset().equals("politie-nl-chats"))
            .findFirst()
            .orElseThrow()
            .id();
    new org.spil.app.Exchange(store)
        .approve(
            "rech",
            "C9",
            chats,
            List.of(),
            LocalDate.parse("2024-02-05"),
            LocalDate.parse("2024-02-06"),
            List.of("defence-counsel", "court"),
            LocalDate.now().plusDays(30),
            "RK 26/77");
    JsonNode after = JSON.readTree(get(adv, "C9", search).body());
    assertThat(after.get("total").asInt()).isOne();
    assertThat(after.get("results").get(0).get("id").asText()).isEqualTo("SK-0004");
    assertThat(after.toString()).doesNotContain("SK-0013").doesNotContain("chauffeur praat");

    HttpResponse<String> court = get(login("rc"), "C9", "/api/audit?user=adv");
    assertThat(court.statusCode()).as(court.body()).isEqualTo(200);
    assertThat(court.body()).contains("uithaler OR chauffeur");
    String fg = login("fg");
    for (String path : List.of("/api/audit", "/api/audit?user=adv", "/api/audit/export")) {
      HttpResponse<String> police = get(fg, "wpg-art-9", path);
      assertThat(police.statusCode()).as(path + ": " + police.body()).isEqualTo(200);
      assertThat(police.body()).as(path).doesNotContain("uithaler").doesNotContain("SK-0004");
    }
    assertThat(get(fg, "wpg-art-9", "/api/audit").body())
        .as("the police's overseer reads its own agency's entries")
        .contains("RK 26/77");
  }

  @Test
  void trendsCountOnlyWhatTheReaderMaySee() throws Exception {
    JsonNode customs = JSON.readTree(get(login("dirk"), "adw", "/api/trends?by=all&top=0").body());
    assertThat(customs).hasSize(1);
    assertThat(customs.get(0).get("total").asDouble()).isPositive();
    String police = login("ann");
    assertThat(JSON.readTree(get(police, "open-source", "/api/trends?by=all&top=0").body()))
        .isEmpty();
    assertThat(get(police, "open-source", "/api/signals").body()).doesNotContain("shipment");
    assertThat(get(police, "open-source", "/api/trends?measure=tonnes").statusCode())
        .isEqualTo(400);
  }

  /** The police do see their values through the same routes, so the secrets above are real. */
  @Test
  void thePoliceSeeTheirOwnValuesThroughTheApi() throws Exception {
    String cookie = login("ann");
    String secret =
        secrets.stream().filter(v -> v.contains(" ")).sorted().findFirst().orElseThrow();
    assertThat(get(cookie, "wpg-art-9", "/api/search?limit=50&q=" + q(secret)).body())
        .contains(secret);
    assertThat(get(cookie, "wpg-art-9", "/api/entities/" + policeIds.get(0)).statusCode())
        .isEqualTo(200);
    assertThat(get(cookie, "wpg-art-9", "/api/messages/search?q=blauwe").body())
        .contains("Maasvlakte");
    assertThat(get(cookie, "wpg-art-9", "/api/messages/triage").body())
        .contains("hij moet weg voor het weekend");
    assertThat(get(cookie, "wpg-art-9", "/api/handles/zwartekat/attribution").statusCode())
        .isEqualTo(200);
    boolean related = false;
    for (String id : policeIds) {
      JsonNode relations =
          JSON.readTree(get(cookie, "wpg-art-9", "/api/entities/" + id + "/relations").body());
      related |= relations.get("total").asInt() > 0;
    }
    assertThat(related).as("the police see their persons' relations").isTrue();
    assertThat(get(cookie, "wpg-art-9", "/api/flows/typologies").body())
        .as("the police see the laundering in their bank data")
        .contains("structuring", "Kruiskade Vastgoed B.V.");
  }

  /**
   * Watches meet a later police delivery: customs' alert names the agency to ask and a reference,
   * never a police value or id; the police reading for a task their data was not collected for get
   * no alert and no count; the police for their own task get the record.
   */
  @Test
  void alertsRevealNothingTheirOwnerMayNotRead() throws Exception {
    HttpResponse<String> session =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("user", "dirk", "password", PASSWORD))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String dirk = session.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String csrf = JSON.readTree(session.body()).get("csrf").asText();
    HttpResponse<String> added =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/watches"))
                .header("Cookie", dirk)
                .header(ApiServer.CSRF_HEADER, csrf)
                .header(ApiServer.PURPOSE_HEADER, "adw")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Muhammad ELAMRANI\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    Viewer ann = store.viewer("ann", "wpg-art-9");
    store
        .watches()
        .add(
            ann,
            new org.spil.store.Watches.Spec("Mohamed El Amrani", null, null, null, null, null));
    store
        .watches()
        .add(
            store.viewer("ann", "open-source"),
            new org.spil.store.Watches.Spec(null, null, null, "Kruiskade", null, null));

    // the police deliver again (a later export: another batch)
    Path later = tmp.resolve("politie-later");
    java.nio.file.Files.createDirectories(later);
    Path examples = Path.of("../examples/politie-nl");
    for (String f : List.of("personen.csv", "verbanden.csv")) {
      java.nio.file.Files.writeString(
          later.resolve(f),
          java.nio.file.Files.readString(examples.resolve(f), StandardCharsets.ISO_8859_1) + "\n",
          StandardCharsets.ISO_8859_1);
    }
    java.nio.file.Files.writeString(
        later.resolve("dataset.yml"),
        java.nio.file.Files.readString(examples.resolve("dataset.yml"))
            .replace("name: politie-nl-personen", "name: politie-nl-later"));
    for (var d : Ingestion.read(List.of(later))) {
      Ingestion.run(store, d, LocalDate.now(), new Operator("test"), n -> {}, n -> {});
    }

    HttpResponse<String> customs = get(dirk, "adw", "/api/alerts");
    assertThat(customs.statusCode()).isEqualTo(200);
    JsonNode alerts = JSON.readTree(customs.body());
    assertThat(alerts.get("total").asInt()).isEqualTo(1);
    assertThat(alerts.get("results").get(0).get("agency").asText()).isEqualTo("politie-nl");
    assertThat(alerts.get("results").get(0).get("entity").isNull()).isTrue();
    assertNoSecret("customs' alerts", customs);
    for (String id : policeIds) {
      assertThat(customs.body()).doesNotContain(id);
    }
    assertThat(get(dirk, "adw", "/api/alerts/unread").body()).isEqualTo("{\"unread\":1}");

    String police = login("ann");
    HttpResponse<String> unfit = get(police, "open-source", "/api/alerts");
    assertThat(JSON.readTree(unfit.body()).get("total").asInt())
        .as("a purpose the police data was not collected for raises nothing")
        .isZero();
    assertThat(get(police, "open-source", "/api/alerts/unread").body()).isEqualTo("{\"unread\":0}");
    JsonNode own = JSON.readTree(get(police, "wpg-art-9", "/api/alerts").body());
    assertThat(own.get("total").asInt()).isEqualTo(1);
    assertThat(own.get("results").get(0).get("entity").asText()).isNotEmpty();
    assertThat(
            get(
                    police,
                    "wpg-art-9",
                    "/api/alerts/" + alerts.get("results").get(0).get("id").asText())
                .statusCode())
        .as("no GET of one alert: another's alert id opens nothing")
        .isNotEqualTo(200);
  }
}
