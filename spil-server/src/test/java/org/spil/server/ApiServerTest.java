package org.spil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spil.app.Administration;
import org.spil.app.Ingestion;
import org.spil.app.Operator;
import org.spil.ingest.Dataset;
import org.spil.store.ApiTokens;
import org.spil.store.Store;

/**
 * The API's boundary on the examples: no session 401 with one body whether the user exists or not,
 * a change without the CSRF token 403, a read without a purpose 400, a purpose not the user's 403,
 * and a police record that customs may not see answered as one that does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "a long enough test password";
  @TempDir static Path tmp;
  Store store;
  ApiServer server;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    store = Store.open(tmp.resolve("data"), true, LocalDate.now());
    Path examples = Path.of("../examples");
    List<Dataset> datasets =
        Ingestion.read(List.of(examples.resolve("politie-nl"), examples.resolve("douane-nl")));
    for (Dataset d : datasets) {
      Ingestion.run(store, d, LocalDate.now(), new Operator("test"), n -> {}, n -> {});
    }
    Administration admin = new Administration(store);
    admin.addUser(
        new Operator("test"), "ann", "politie-nl", List.of("analyst"), PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"), "dirk", "douane-nl", List.of("analyst"), PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"), "piet", "politie-nl", List.of("analyst"), PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"), "dana", "douane-nl", List.of("analyst"), PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"),
        "fg",
        "politie-nl",
        List.of("privacy-officer"),
        PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"),
        "rech",
        "politie-nl",
        List.of("investigator"),
        PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"),
        "adv",
        "advocatuur",
        List.of("defence-counsel"),
        PASSWORD.toCharArray());
    admin.addCase(
        new Operator("test"),
        "C1",
        "Kruiskade",
        "wpg-art-9",
        List.of("rech", "adv"),
        List.of("politie-nl"));
    admin.addUser(
        new Operator("test"),
        "beheer",
        "politie-nl",
        List.of("administrator"),
        PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"), "pia", "politie-nl", List.of("analyst"), PASSWORD.toCharArray());
    // dora asks for access and is granted it; dirk never is
    admin.addUser(
        new Operator("test"), "dora", "douane-nl", List.of("analyst"), PASSWORD.toCharArray());
    admin.addUser(
        new Operator("test"), "olga", "politie-nl", List.of("analyst"), PASSWORD.toCharArray());
    server = ApiServer.start(store, "127.0.0.1", 0);
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  /** A logged-in user: its cookie and CSRF token. */
  record Login(String cookie, String csrf) {}

  HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  HttpResponse<String> login(String user, String password) throws Exception {
    return send(
        request("/api/session")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("user", user, "password", password)))));
  }

  Login as(String user) throws Exception {
    HttpResponse<String> r = login(user, PASSWORD);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    return new Login(
        cookie.substring(0, cookie.indexOf(';')), JSON.readTree(r.body()).get("csrf").asText());
  }

  /** The id of the police's record of Mohamed El Amrani, as the police analyst finds it. */
  String policePersonId(Login ann) throws Exception {
    return JSON.readTree(
            get(ann, "/api/search?q=Mohamed%20El%20Amrani&schema=Person", "wpg-art-9").body())
        .get("results")
        .get(0)
        .get("id")
        .asText();
  }

  HttpResponse<String> get(Login l, String path, String purpose) throws Exception {
    HttpRequest.Builder b = request(path).header("Cookie", l.cookie());
    if (purpose != null) {
      b.header(ApiServer.PURPOSE_HEADER, purpose);
    }
    return send(b.GET());
  }

  @Test
  void healthNeedsNoLoginAndEveryAnswerCarriesTheSecurityHeaders() throws Exception {
    HttpResponse<String> r = send(request("/api/health").GET());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    HttpResponse<String> none = send(request("/api/nothing-here").GET());
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(none.body()).get("error").asText()).isEqualTo("no such route");
  }

  @Test
  void wrongCredentialsGetOneAnswerWhetherTheUserExistsOrNot() throws Exception {
    HttpResponse<String> known = login("ann", "not the password at all");
    HttpResponse<String> unknown = login("nobody-at-all", "not the password at all");
    assertThat(known.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(known.body()).isEqualTo(unknown.body());
    assertThat(send(request("/api/search?q=Jan").GET()).statusCode()).isEqualTo(401);
    assertThat(
            send(request("/api/search?q=Jan").header("Cookie", "spil_session=forged").GET())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void repeatedFailuresAreSlowedDown() throws Exception {
    int throttled = 0;
    for (int i = 0; i < 8; i++) {
      if (login("guessed", "wrong guess number " + i).statusCode() == 429) {
        throttled++;
      }
    }
    assertThat(throttled).isPositive();
  }

  @Test
  void readsNeedAPurposeTheUserMayClaim() throws Exception {
    Login ann = as("ann");
    HttpResponse<String> none = get(ann, "/api/search?q=Jan", null);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(none.body()).get("field").asText()).isEqualTo("Spil-Purpose");
    HttpResponse<String> notHers = get(ann, "/api/search?q=Jan", "adw");
    assertThat(notHers.statusCode()).isEqualTo(403);
    HttpResponse<String> ok = get(ann, "/api/search?q=Mohamed%20El%20Amrani", "wpg-art-9");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(ok.body());
    assertThat(body.get("total").asInt()).isPositive();
    assertThat(body.get("results").get(0).get("caption").asText()).contains("El Amrani");
    HttpResponse<String> me = get(ann, "/api/me", null);
    assertThat(JSON.readTree(me.body()).get("legal_tasks").toString())
        .contains("wpg-art-9")
        .doesNotContain("adw");
  }

  @Test
  void aRecordTheReaderMayNotSeeIsAnsweredAsOneThatDoesNotExist() throws Exception {
    Login ann = as("ann");
    Login dirk = as("dirk");
    String id = policePersonId(ann);
    assertThat(get(ann, "/api/entities/" + id, "wpg-art-9").statusCode()).isEqualTo(200);
    HttpResponse<String> hidden = get(dirk, "/api/entities/" + id, "adw");
    HttpResponse<String> missing = get(dirk, "/api/entities/no-such-entity", "adw");
    assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(hidden.body()).isEqualTo(missing.body());
    assertThat(JSON.readTree(missing.body()).get("error").asText()).isEqualTo("no such entity");
    // customs' own shipments name a company El Amrani Trading; the police's person stays unseen
    assertThat(get(dirk, "/api/search?q=Mohamed%20El%20Amrani", "adw").body())
        .doesNotContain("Mohamed")
        .doesNotContain(id);
  }

  @Test
  void aChangeNeedsTheCsrfTokenAndLogoutEndsTheSession() throws Exception {
    Login ann = as("ann");
    HttpResponse<String> forged =
        send(request("/api/session").header("Cookie", ann.cookie()).DELETE());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(get(ann, "/api/me", null).statusCode()).isEqualTo(200);
    HttpResponse<String> out =
        send(
            request("/api/session")
                .header("Cookie", ann.cookie())
                .header(ApiServer.CSRF_HEADER, ann.csrf())
                .DELETE());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(get(ann, "/api/me", null).statusCode()).isEqualTo(401);
  }

  /**
   * The document lists every route of the table, each route answers (no "no such route"), and the
   * routes the clients rely on are among them.
   */
  @Test
  void theOpenApiDocumentDescribesEveryRouteTheServerAnswers() throws Exception {
    JsonNode doc = JSON.readTree(send(request("/api/openapi.json").GET()).body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    JsonNode paths = doc.get("paths");
    for (ApiServer.Route r : server.routes()) {
      assertThat(paths.path(r.path()).has(r.method().name().toLowerCase()))
          .as("%s %s documented", r.method(), r.path())
          .isTrue();
      String path = r.path().replace("{id}", "x");
      HttpResponse<String> answer =
          send(request(path).method(r.method().name(), HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(answer.body())
          .as("%s %s answers", r.method(), path)
          .doesNotContain("no such route");
    }
    for (String route :
        List.of("/api/health", "/api/session", "/api/search", "/api/entities/{id}", "/api/me")) {
      assertThat(paths.has(route)).as(route).isTrue();
    }
    assertThat(paths.get("/api/search").get("get").toString()).contains("Spil-Purpose");
  }

  HttpResponse<String> post(Login l, String path, String purpose, Object body) throws Exception {
    HttpRequest.Builder b =
        request(path)
            .header("Cookie", l.cookie())
            .header(ApiServer.CSRF_HEADER, l.csrf())
            .header("Content-Type", "application/json");
    if (purpose != null) {
      b.header(ApiServer.PURPOSE_HEADER, purpose);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** Customs learns who holds a person, asks, the police grant, and customs then sees it. */
  @Test
  void fromAHitThroughARequestToAGrant() throws Exception {
    Login ann = as("ann");
    Login dora = as("dora");
    JsonNode hits =
        JSON.readTree(get(dora, "/api/hits?name=Muhammad%20ELAMRANI&dob=1985-03-12", "adw").body());
    JsonNode police = null;
    for (JsonNode h : hits.get("results")) {
      if (h.get("agency").asText().equals("politie-nl")) {
        police = h;
      }
    }
    assertThat(police).as(hits.toString()).isNotNull();
    // opaque ids and references are random hex: they may hold any four digits, so are left out
    assertThat(hits.toString().replaceAll("[0-9A-Fa-f]{12,}", "#"))
        .doesNotContain("Amrani")
        .doesNotContain("1985");
    String reference = police.get("reference").asText();

    HttpResponse<String> noToken =
        send(
            request("/api/requests")
                .header("Cookie", dora.cookie())
                .header(ApiServer.PURPOSE_HEADER, "adw")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<String> asked =
        post(dora, "/api/requests", "adw", Map.of("reference", reference, "reason", "consignee"));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    String id = JSON.readTree(asked.body()).get("id").asText();
    assertThat(JSON.readTree(get(ann, "/api/requests", null).body()).get("total").asInt())
        .isPositive();
    HttpResponse<String> self =
        post(dora, "/api/requests/" + id + "/grant", null, Map.of("until", "2099-01-01"));
    assertThat(self.statusCode()).isEqualTo(403);
    HttpResponse<String> badDate =
        post(ann, "/api/requests/" + id + "/grant", null, Map.of("until", "next week"));
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badDate.body()).get("field").asText()).isEqualTo("until");
    HttpResponse<String> granted =
        post(
            ann,
            "/api/requests/" + id + "/grant",
            null,
            Map.of("until", LocalDate.now().plusDays(30).toString()));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(get(dora, "/api/search?q=Mohamed%20El%20Amrani&schema=Person", "adw").body())
        .contains("Mohamed El Amrani");
  }

  /**
   * A request entered through the API is a batch of the caller's agency: a bad field is refused by
   * name with nothing stored; the entered one is in the register of its agency's readers, and
   * customs, with whom it was not shared, see nothing of it, not even a count.
   */
  @Test
  void aRequestEnteredByHandIsItsAgencysBatch() throws Exception {
    Login olga = as("olga");
    Map<String, Object> entry = new java.util.LinkedHashMap<>();
    entry.put("reference", "RHV-API-0001");
    entry.put("country", "Togo");
    entry.put("authority", "Procureur de la République, Lomé");
    entry.put("sent", "2026-10-01");
    entry.put("deadline", "2026-10-31");
    entry.put("subjects", List.of(Map.of("name", "Pietje Entersma", "birth_date", "1980-01-02")));
    entry.put("legal_basis", "wpg-art-9");
    Map<String, Object> bad = new java.util.LinkedHashMap<>(entry);
    bad.put("acknowledged", "2026-09-01");
    HttpResponse<String> refused = post(olga, "/api/cooperation/requests", null, bad);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).get("field").asText()).isEqualTo("acknowledged");
    HttpResponse<String> noList =
        post(olga, "/api/cooperation/requests", null, Map.of("subjects", "Pietje"));
    assertThat(noList.statusCode()).isEqualTo(400);
    assertThat(get(olga, "/api/cooperation", "wpg-art-9").body()).doesNotContain("RHV-API-0001");

    HttpResponse<String> made = post(olga, "/api/cooperation/requests", null, entry);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    assertThat(JSON.readTree(made.body()).get("dataset").asText()).isEqualTo("politie-nl-mla");
    JsonNode register = JSON.readTree(get(olga, "/api/cooperation", "wpg-art-9").body());
    JsonNode request = null;
    for (JsonNode r : register.get("requests")) {
      if (r.get("reference").asText().equals("RHV-API-0001")) {
        request = r;
      }
    }
    assertThat(request).as(register.toString()).isNotNull();
    assertThat(request.get("country").asText()).isEqualTo("tg");
    assertThat(request.get("overdue").asBoolean()).isTrue();
    assertThat(request.toString()).contains("Pietje Entersma");
    HttpResponse<String> customs = get(as("dirk"), "/api/cooperation", "adw");
    assertThat(customs.statusCode()).isEqualTo(200);
    assertThat(customs.body()).doesNotContain("RHV-API-0001").doesNotContain("Entersma");
    assertThat(JSON.readTree(customs.body()).get("countries").toString()).doesNotContain("\"tg\"");
  }

  /** The liaison directory is kept by administrators and read by every user; both audited. */
  @Test
  void anAdministratorKeepsTheLiaisonDirectory() throws Exception {
    Login beheer = as("beheer");
    Login ann = as("ann");
    Map<String, Object> entry =
        Map.of(
            "country", "de",
            "agency", "politie-nl",
            "name", "Liaison officer Wiesbaden, Jan Becker",
            "contact", "+49 611 000 0009",
            "competence", "EIOs");
    assertThat(post(ann, "/api/liaisons", null, entry).statusCode()).isEqualTo(403);
    HttpResponse<String> bad =
        post(
            beheer,
            "/api/liaisons",
            null,
            Map.of("country", "deu", "agency", "a", "name", "n", "contact", "c"));
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("country");
    HttpResponse<String> added = post(beheer, "/api/liaisons", null, entry);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(get(ann, "/api/liaisons", null).body()).contains("Jan Becker");
    HttpResponse<String> again = post(beheer, "/api/liaisons", null, entry);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(again.body()).get("field").asText()).isEqualTo("name");
    HttpRequest.Builder remove =
        request("/api/liaisons?country=de&name=liaison%20officer%20wiesbaden,%20jan%20becker")
            .header("Cookie", beheer.cookie())
            .header(ApiServer.CSRF_HEADER, beheer.csrf());
    assertThat(send(remove.DELETE()).statusCode()).isEqualTo(200);
    assertThat(get(ann, "/api/liaisons", null).body()).doesNotContain("Jan Becker");
    assertThat(Files.readString(store.dir().resolve("audit.jsonl")))
        .contains("liaison-added", "liaison-removed");
  }

  /** The privileged handles through the API: administrators keep them, with a reason, audited. */
  @Test
  void administratorsKeepThePrivilegedHandlesWithAReason() throws Exception {
    Login ann = as("ann");
    Login beheer = as("beheer");
    Map<String, Object> lawyer = Map.of("handle", "mr.devries", "reason", "RK 26/5");
    assertThat(post(ann, "/api/privileged", null, lawyer).statusCode()).isEqualTo(403);
    assertThat(get(ann, "/api/privileged", null).statusCode()).isEqualTo(403);
    HttpResponse<String> noReason =
        post(beheer, "/api/privileged", null, Map.of("handle", "mr.devries"));
    assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
    assertThat(JSON.readTree(noReason.body()).get("field").asText()).isEqualTo("reason");
    HttpResponse<String> added = post(beheer, "/api/privileged", null, lawyer);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(get(beheer, "/api/privileged", null).body()).contains("mr.devries");
    assertThat(post(beheer, "/api/privileged", null, lawyer).statusCode()).isEqualTo(400);
    HttpRequest.Builder remove =
        request("/api/privileged?handle=mr.devries&reason=lifted")
            .header("Cookie", beheer.cookie())
            .header(ApiServer.CSRF_HEADER, beheer.csrf());
    assertThat(send(remove.DELETE()).statusCode()).isEqualTo(200);
    assertThat(get(beheer, "/api/privileged", null).body()).doesNotContain("mr.devries");
    assertThat(Files.readString(store.dir().resolve("audit.jsonl")))
        .contains("privileged-added", "privileged-removed", "RK 26/5");
  }

  @Test
  void theNetworkOfAnEntityIsItsReadersOwn() throws Exception {
    Login ann = as("ann");
    Login dirk = as("dirk");
    String id = policePersonId(ann);
    HttpResponse<String> net = get(ann, "/api/network/" + id + "?depth=2", "wpg-art-9");
    assertThat(net.statusCode()).as(net.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(net.body());
    assertThat(body.get("nodes").size()).isGreaterThan(1);
    assertThat(body.has("edges")).isTrue();
    HttpResponse<String> hidden = get(dirk, "/api/network/" + id, "open-source");
    HttpResponse<String> missing = get(dirk, "/api/network/no-such-entity", "open-source");
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.body()).isEqualTo(missing.body());
    assertThat(get(ann, "/api/network/" + id + "?depth=99", "wpg-art-9").statusCode())
        .isEqualTo(400);
    // links dated in a period: none in a year to come, so only ties that are no events remain
    // (an address, a shared phone)
    HttpResponse<String> future =
        get(ann, "/api/network/" + id + "?depth=2&since=2099-01-01", "wpg-art-9");
    assertThat(future.statusCode()).as(future.body()).isEqualTo(200);
    JsonNode later = JSON.readTree(future.body());
    assertThat(later.get("nodes").size()).isLessThan(body.get("nodes").size());
    for (JsonNode edge : later.get("edges")) {
      for (JsonNode link : edge.path("links")) {
        assertThat(link.has("first")).as(link.toString()).isFalse();
      }
    }
    HttpResponse<String> badDay = get(ann, "/api/network/" + id + "?since=gisteren", "wpg-art-9");
    assertThat(badDay.statusCode()).isEqualTo(400);
    assertThat(badDay.body()).contains("since").contains("gisteren");
    HttpResponse<String> typo = get(ann, "/api/network/" + id + "?links=Mesage", "wpg-art-9");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("no link type 'Mesage'").contains("Message");
    HttpResponse<String> backwards =
        get(ann, "/api/network/" + id + "?since=2024-02-01&until=2024-01-01", "wpg-art-9");
    assertThat(backwards.statusCode()).isEqualTo(400);
  }

  @Test
  void aScriptCallsWithAnApiTokenUntilItIsRevoked() throws Exception {
    // the server is idle meanwhile: the test may use the store it serves
    ApiTokens.Made made = store.tokens().make("ann", LocalDate.now().plusDays(1), "test");
    String token = made.token();
    String id = made.id();
    HttpResponse<String> ok =
        send(
            request("/api/stats")
                .header("Authorization", "Bearer " + token)
                .header(ApiServer.PURPOSE_HEADER, "wpg-art-9")
                .GET());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    HttpResponse<String> wrong =
        send(request("/api/me").header("Authorization", "Bearer spil_not-a-token").GET());
    assertThat(wrong.statusCode()).isEqualTo(401);
    store.tokens().revoke(id, "test");
    assertThat(
            send(request("/api/me").header("Authorization", "Bearer " + token).GET()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aUserChangesItsPasswordAndItsOtherSessionsEnd() throws Exception {
    Login here = as("piet");
    Login elsewhere = as("piet");
    HttpResponse<String> wrong =
        post(here, "/api/me/password", null, Map.of("current", "not it at all", "new", "x"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    HttpResponse<String> tooShort =
        post(here, "/api/me/password", null, Map.of("current", PASSWORD, "new", "short"));
    assertThat(tooShort.statusCode()).isEqualTo(403);
    String next = "another long enough password";
    HttpResponse<String> changed =
        post(here, "/api/me/password", null, Map.of("current", PASSWORD, "new", next));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(get(here, "/api/me", null).statusCode()).isEqualTo(200);
    assertThat(get(elsewhere, "/api/me", null).statusCode()).isEqualTo(401);
    assertThat(login("piet", PASSWORD).statusCode()).isEqualTo(401);
    assertThat(login("piet", next).statusCode()).isEqualTo(200);
  }

  /** The network a reader may see is kept between requests, and made afresh after a grant. */
  @Test
  void aKeptNetworkFollowsAGrant() throws Exception {
    Login ann = as("ann");
    Login dana = as("dana");
    String id = policePersonId(ann);
    assertThat(get(dana, "/api/network/" + id, "adw").statusCode()).isEqualTo(404);
    assertThat(get(dana, "/api/network/" + id, "adw").statusCode()).as("kept").isEqualTo(404);
    String reference = null;
    for (JsonNode h :
        JSON.readTree(
                get(dana, "/api/hits?name=Mohamed%20El%20Amrani&dob=1985-03-12", "adw").body())
            .get("results")) {
      if (h.get("agency").asText().equals("politie-nl")) {
        reference = h.get("reference").asText();
      }
    }
    String request =
        JSON.readTree(
                post(dana, "/api/requests", "adw", Map.of("reference", reference, "reason", "r"))
                    .body())
            .get("id")
            .asText();
    assertThat(
            post(
                    ann,
                    "/api/requests/" + request + "/grant",
                    null,
                    Map.of("until", LocalDate.now().plusDays(5).toString()))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> after = get(dana, "/api/network/" + id, "adw");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
  }

  @Test
  void aBodyBeyondTheLimitIsRefusedAsSuch() throws Exception {
    String big = "{\"user\": \"" + "x".repeat(2 << 20) + "\", \"password\": \"y\"}";
    HttpResponse<String> r =
        send(
            request("/api/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(JSON.readTree(r.body()).get("error").asText()).contains("1 MB");
  }

  @Test
  void aPrivacyOfficerReadsAndVerifiesTheAuditLogAnAnalystDoesNot() throws Exception {
    Login ann = as("ann");
    get(ann, "/api/search?q=Jan%20de%20Vries", "wpg-art-9");
    Login fg = as("fg");
    HttpResponse<String> entries = get(fg, "/api/audit?user=ann", null);
    assertThat(entries.statusCode()).as(entries.body()).isEqualTo(200);
    assertThat(entries.body()).contains("Jan de Vries").contains("\"action\":\"search\"");
    assertThat(get(ann, "/api/audit?user=ann", null).statusCode()).isEqualTo(403);
    JsonNode v = JSON.readTree(get(fg, "/api/audit/verify", null).body());
    assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("checks").asText()).contains("MACs").contains("recorded by the warehouse");
    assertThat(get(ann, "/api/audit/verify", null).statusCode()).isEqualTo(403);
    assertThat(get(fg, "/api/notices", null).statusCode()).isEqualTo(200);
    assertThat(get(ann, "/api/notices", null).statusCode()).isEqualTo(403);
  }

  /** A court order through the API: the police approve one person for the defence, then revoke. */
  @Test
  void defenceCounselSeesWhatAnApprovalOpensUntilItIsRevoked() throws Exception {
    Login ann = as("ann");
    Login rech = as("rech");
    Login adv = as("adv");
    String id = policePersonId(ann);
    assertThat(get(adv, "/api/entities/" + id, "C1").statusCode()).isEqualTo(404);
    assertThat(get(adv, "/api/entities/" + id, "wpg-art-9").statusCode()).isEqualTo(403);
    long batch = store.batches().get(0).id();
    Map<String, Object> order =
        Map.of(
            "case",
            "C1",
            "batch",
            batch,
            "entities",
            List.of(id),
            "audience",
            List.of("defence-counsel"),
            "until",
            LocalDate.now().plusDays(10).toString(),
            "order",
            "RK 26/1");
    assertThat(post(adv, "/api/approvals", null, order).statusCode())
        .as("only the owning agency approves")
        .isEqualTo(403);
    HttpResponse<String> made = post(rech, "/api/approvals", null, order);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
    String approval = JSON.readTree(made.body()).get("id").asText();
    assertThat(get(adv, "/api/entities/" + id, "C1").statusCode()).isEqualTo(200);
    assertThat(get(adv, "/api/search?q=Jan%20de%20Vries", "C1").body())
        .doesNotContain("Jan de Vries");
    HttpResponse<String> revoked =
        send(
            request("/api/approvals/" + approval)
                .header("Cookie", rech.cookie())
                .header(ApiServer.CSRF_HEADER, rech.csrf())
                .DELETE());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
    assertThat(get(adv, "/api/entities/" + id, "C1").statusCode()).isEqualTo(404);
  }

  @Test
  void theAnalysesOfTheNetworkAnswerWithTheCommandsShapes() throws Exception {
    Login ann = as("ann");
    String id = policePersonId(ann);
    JsonNode centrality =
        JSON.readTree(get(ann, "/api/centrality?measure=pagerank&top=5", "wpg-art-9").body());
    assertThat(centrality.get("rows").size()).isBetween(1, 5);
    assertThat(get(ann, "/api/centrality?measure=fame", "wpg-art-9").statusCode()).isEqualTo(400);
    assertThat(
            JSON.readTree(get(ann, "/api/communities?min_size=1", "wpg-art-9").body())
                .has("communities"))
        .isTrue();
    // in the police's links, El Amrani is Yilmaz's business partner
    String partner =
        JSON.readTree(get(ann, "/api/search?q=Yilmaz&schema=Person", "wpg-art-9").body())
            .get("results")
            .get(0)
            .get("id")
            .asText();
    HttpResponse<String> path =
        get(ann, "/api/path?from=" + id + "&to=" + partner + "&k=1", "wpg-art-9");
    assertThat(path.statusCode()).as(path.body()).isEqualTo(200);
    JsonNode paths = JSON.readTree(path.body());
    assertThat(paths.get("connected").asBoolean()).isTrue();
    assertThat(paths.get("paths").get(0).get("nodes").size()).isGreaterThanOrEqualTo(2);
    assertThat(get(ann, "/api/path?from=" + id, "wpg-art-9").statusCode()).isEqualTo(400);
    assertThat(get(ann, "/api/keyplayers?k=2", "wpg-art-9").statusCode()).isEqualTo(200);
    HttpResponse<String> gexf = get(ann, "/api/graph?format=gexf", "wpg-art-9");
    assertThat(gexf.statusCode()).as(gexf.body()).isEqualTo(200);
    assertThat(gexf.body()).contains("<gexf").contains("El Amrani");
    assertThat(get(ann, "/api/graph?format=dot", "wpg-art-9").statusCode()).isEqualTo(400);
    assertThat(get(ann, "/api/bridges?top=3&weighted=true", "wpg-art-9").statusCode())
        .isEqualTo(200);
    assertThat(get(ann, "/api/bridges?weighted=maybe", "wpg-art-9").statusCode()).isEqualTo(400);
  }

  @Test
  void aTeamExplainsAndJudgesAPairThroughTheApi() throws Exception {
    Login ann = as("ann");
    JsonNode jans =
        JSON.readTree(get(ann, "/api/search?q=Jan%20de%20Vries&schema=Person", "wpg-art-9").body())
            .get("results");
    assertThat(jans.size()).isGreaterThanOrEqualTo(2);
    String a = jans.get(0).get("id").asText();
    String b = jans.get(1).get("id").asText();
    HttpResponse<String> why = get(ann, "/api/explain?a=" + a + "&b=" + b, "wpg-art-9");
    assertThat(why.statusCode()).as(why.body()).isEqualTo(200);
    assertThat(JSON.readTree(why.body()).get("features").size()).isPositive();
    assertThat(get(ann, "/api/explain?a=" + a + "&b=no-such", "wpg-art-9").statusCode())
        .isEqualTo(404);
    HttpResponse<String> judged =
        post(ann, "/api/judgements", "wpg-art-9", Map.of("a", a, "b", b, "verdict", "same"));
    assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);
    assertThat(
            post(ann, "/api/judgements", "wpg-art-9", Map.of("a", a, "b", b, "verdict", "maybe"))
                .statusCode())
        .isEqualTo(400);
    assertThat(get(ann, "/api/review?limit=5", "wpg-art-9").statusCode()).isEqualTo(200);
    assertThat(get(ann, "/api/clusters", "wpg-art-9").statusCode()).isEqualTo(200);
  }

  @Test
  void anAdministratorAddsUsersAndCasesAndNobodyElseDoes() throws Exception {
    Login beheer = as("beheer");
    Login ann = as("ann");
    assertThat(get(ann, "/api/users", null).statusCode()).isEqualTo(403);
    assertThat(
            post(ann, "/api/users", null, Map.of("name", "eve", "agency", "politie-nl"))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> added =
        post(
            beheer,
            "/api/users",
            null,
            Map.of(
                "name", "kees",
                "agency", "kmar",
                "roles", List.of("analyst"),
                "password", "kees has a long password"));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(get(beheer, "/api/users", null).body()).contains("\"kees\"");
    HttpResponse<String> weak =
        post(
            beheer,
            "/api/users",
            null,
            Map.of(
                "name", "k2", "agency", "kmar", "roles", List.of("analyst"), "password", "short"));
    // a password too short is refused by the password rules, as a policy
    assertThat(weak.statusCode()).isEqualTo(403);
    assertThat(weak.body()).contains("at least 12 characters");
    HttpResponse<String> c =
        post(
            beheer,
            "/api/cases",
            null,
            Map.of(
                "id",
                "C9",
                "title",
                "t",
                "members",
                List.of("ann"),
                "parties",
                List.of("politie-nl")));
    assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
    HttpResponse<String> m =
        post(beheer, "/api/cases/C9/members", null, Map.of("add", List.of("kees")));
    assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
    assertThat(m.body()).contains("kees");
    assertThat(JSON.readTree(get(ann, "/api/me", null).body()).get("cases").toString())
        .contains("C9");
  }

  @Test
  void aSwitchOfPurposeIsCheckedAndAudited() throws Exception {
    Login ann = as("ann");
    HttpResponse<String> ok =
        post(ann, "/api/session/purpose", "wpg-art-9", Map.of("purpose", "open-source"));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("purpose").asText()).isEqualTo("open-source");
    HttpResponse<String> notHers =
        post(ann, "/api/session/purpose", "open-source", Map.of("purpose", "adw"));
    assertThat(notHers.statusCode()).isEqualTo(403);
    Login fg = as("fg");
    String audit = get(fg, "/api/audit?user=ann", null).body();
    assertThat(audit).contains("\"purpose\"").contains("\"from\":\"wpg-art-9\"");
    assertThat(audit).contains("refused");
  }

  @Test
  void searchFacetsCountEveryHitAndNarrowByHandlingCodeAndDate() throws Exception {
    Login ann = as("ann");
    JsonNode all = JSON.readTree(get(ann, "/api/search?q=de%20Vries&limit=1", "wpg-art-9").body());
    JsonNode facets = all.get("facets");
    int total = all.get("total").asInt();
    assertThat(total).isGreaterThan(1);
    int bySchema = 0;
    for (JsonNode n : facets.get("schema")) {
      bySchema += n.asInt();
    }
    assertThat(bySchema).as("facets count every hit, not the page of one").isEqualTo(total);
    String code = facets.get("handling_code").fieldNames().next();
    JsonNode narrowed =
        JSON.readTree(
            get(ann, "/api/search?q=de%20Vries&limit=200&handling_code=" + code, "wpg-art-9")
                .body());
    assertThat(narrowed.get("total").asInt())
        .isEqualTo(facets.get("handling_code").get(code).asInt());
    narrowed
        .get("results")
        .forEach(h -> assertThat(h.get("handling_code").asText()).isEqualTo(code));
    JsonNode born1979 =
        JSON.readTree(
            get(
                    ann,
                    "/api/search?q=Jan%20de%20Vries&schema=Person&from=1979-01-01&to=1979-12-31",
                    "wpg-art-9")
                .body());
    assertThat(born1979.get("total").asInt()).isPositive();
    born1979
        .get("results")
        .forEach(h -> assertThat(h.get("properties").get("birthDate").toString()).contains("1979"));
    assertThat(get(ann, "/api/search?q=Jan&from=yesterday", "wpg-art-9").statusCode())
        .isEqualTo(400);
  }

  @Test
  void anEntitysRelationsNameItsOtherPartiesAsTheReaderSeesThem() throws Exception {
    Login ann = as("ann");
    String id = policePersonId(ann);
    HttpResponse<String> r = get(ann, "/api/entities/" + id + "/relations", "wpg-art-9");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode relations = JSON.readTree(r.body());
    assertThat(relations.get("total").asInt()).isPositive();
    assertThat(relations.toString()).contains("Associate").contains("Yilmaz");
    HttpResponse<String> cluster = get(ann, "/api/entities/" + id + "/cluster", "wpg-art-9");
    assertThat(cluster.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(cluster.body()).get("members").get(0).get("id").asText())
        .isEqualTo(id);
  }

  @Test
  void theAuditExportIsForOverseersOnly() throws Exception {
    Login fg = as("fg");
    HttpResponse<String> export = get(fg, "/api/audit/export", null);
    assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).contains("ndjson");
    String[] lines = export.body().split("\n");
    assertThat(lines.length).isGreaterThan(3);
    for (String line : lines) {
      assertThat(JSON.readTree(line).isObject()).isTrue();
    }
    assertThat(get(as("ann"), "/api/audit/export", null).statusCode()).isEqualTo(403);
  }

  @Test
  void theWebApplicationIsServedUnderTheSamePolicy() throws Exception {
    HttpResponse<String> index = send(request("/").GET());
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<div id=\"app\">").doesNotContain("<script>");
    assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    String script =
        index
            .body()
            .replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
    HttpResponse<String> js = send(request(script).GET());
    assertThat(js.statusCode()).as(script).isEqualTo(200);
    assertThat(js.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  /** A zip of an FtM dataset of one person, supplied by an agency. */
  static byte[] datasetZip(String agency, String entryPrefix, String person) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
      z.putNextEntry(new java.util.zip.ZipEntry(entryPrefix + "dataset.yml"));
      z.write(
          String.join(
                  "\n",
                  "name: upload-" + agency,
                  "agency: " + agency,
                  "legal_basis: wpg-art-9",
                  "handling_code: H2",
                  "source_grade: B",
                  "info_grade: 2",
                  "retention: P1Y",
                  "ftm_files: [entities.jsonl]",
                  "")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.putNextEntry(new java.util.zip.ZipEntry(entryPrefix + "entities.jsonl"));
      z.write(
          ("{\"id\": \"up-1\", \"schema\": \"Person\", \"properties\": {\"name\": [\""
                  + person
                  + "\"]}}\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  HttpResponse<String> upload(Login l, byte[] zip, String type) throws Exception {
    return send(
        request("/api/uploads")
            .header("Cookie", l.cookie())
            .header(ApiServer.CSRF_HEADER, l.csrf())
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
  }

  /** Polls a job until it ends; its last view. */
  JsonNode finished(Login l, String id) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode j = JSON.readTree(get(l, "/api/jobs/" + id, null).body());
      if (!j.get("state").asText().matches("queued|running")) {
        return j;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " did not end");
  }

  @Test
  void anUploadIsCheckedThenIngestedInAJobOfItsOwner() throws Exception {
    Login ann = as("ann");
    HttpResponse<String> started =
        upload(ann, datasetZip("politie-nl", "", "Wilhelmina Uploadsma"), "application/zip");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = JSON.readTree(started.body()).get("id").asText();
    assertThat(get(as("dirk"), "/api/jobs/" + id, null).statusCode())
        .as("another user's job")
        .isEqualTo(404);
    JsonNode done = finished(ann, id);
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.get("result").toString()).contains("upload-politie-nl");
    assertThat(get(ann, "/api/search?q=Wilhelmina%20Uploadsma", "wpg-art-9").body())
        .contains("Wilhelmina Uploadsma");

    // another agency's name in dataset.yml: refused, nothing written
    Login dirk = as("dirk");
    JsonNode foreign =
        finished(
            dirk,
            JSON.readTree(
                    upload(
                            dirk,
                            datasetZip("politie-nl", "", "Forged Uploadsma"),
                            "application/zip")
                        .body())
                .get("id")
                .asText());
    assertThat(foreign.get("state").asText()).isEqualTo("failed");
    assertThat(foreign.get("error").asText()).contains("douane-nl only");
    // a path out of the dataset: refused before anything is written
    JsonNode escape =
        finished(
            ann,
            JSON.readTree(
                    upload(
                            ann,
                            datasetZip("politie-nl", "../", "Escaped Uploadsma"),
                            "application/zip")
                        .body())
                .get("id")
                .asText());
    assertThat(escape.get("state").asText()).isEqualTo("failed");
    assertThat(escape.get("error").asText()).contains("a path outside the dataset");
    assertThat(get(ann, "/api/search?q=Uploadsma", "wpg-art-9").body())
        .doesNotContain("Forged")
        .doesNotContain("Escaped");
    assertThat(upload(ann, new byte[] {1, 2, 3}, "text/plain").statusCode()).isEqualTo(400);
  }

  @Test
  void resolutionRunsAsAJob() throws Exception {
    Login ann = as("ann");
    HttpResponse<String> started = post(ann, "/api/resolve", "wpg-art-9", Map.of());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode done = finished(ann, JSON.readTree(started.body()).get("id").asText());
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.get("done").asLong()).isPositive();
  }

  @Test
  void aChartIsSavedForTheTeamAndOpensOnEachReadersOwnNetwork() throws Exception {
    Login ann = as("ann");
    String person = policePersonId(ann);
    JsonNode ego =
        JSON.readTree(get(ann, "/api/network/" + person + "?depth=1", "wpg-art-9").body());
    String centre = ego.get("centre").get("id").asText();
    List<Map<String, Object>> nodes = new java.util.ArrayList<>();
    for (JsonNode n : ego.get("nodes")) {
      nodes.add(Map.of("id", n.get("id").asText(), "x", 10.5, "y", -3));
    }
    assertThat(nodes).hasSizeGreaterThan(1);
    HttpResponse<String> saved =
        post(ann, "/api/charts", "wpg-art-9", Map.of("name", "El Amrani's circle", "nodes", nodes));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    String id = JSON.readTree(saved.body()).get("id").asText();

    // a colleague of the same team opens it on her own network (not piet: a test changes his
    // password)
    Login piet = as("pia");
    assertThat(get(piet, "/api/charts", "wpg-art-9").body()).contains(id).contains("El Amrani");
    JsonNode opened = JSON.readTree(get(piet, "/api/charts/" + id, "wpg-art-9").body());
    assertThat(opened.get("nodes").size()).isEqualTo(nodes.size());
    assertThat(opened.get("edges").size()).isPositive();
    assertThat(opened.toString()).contains(centre).contains("10.5");

    // another team does not find it; the same reader for another purpose neither
    assertThat(get(as("dirk"), "/api/charts/" + id, "adw").statusCode()).isEqualTo(404);
    assertThat(get(as("dirk"), "/api/charts", "adw").body()).doesNotContain(id);
    assertThat(get(ann, "/api/charts/" + id, "open-source").statusCode()).isEqualTo(404);
    // a case's team spans agencies and roles: defence counsel opens the investigator's chart and
    // finds none of the police's nodes, which no court order opened to it
    Login rech = as("rech");
    String caseChart =
        JSON.readTree(
                post(rech, "/api/charts", "C1", Map.of("name", "case chart", "nodes", nodes))
                    .body())
            .get("id")
            .asText();
    assertThat(
            JSON.readTree(get(rech, "/api/charts/" + caseChart, "C1").body()).get("nodes").size())
        .as("the investigator sees the nodes it saved")
        .isPositive();
    HttpResponse<String> forDefence = get(as("adv"), "/api/charts/" + caseChart, "C1");
    assertThat(forDefence.statusCode()).as(forDefence.body()).isEqualTo(200);
    JsonNode defence = JSON.readTree(forDefence.body());
    assertThat(defence.get("nodes").size()).isZero();
    assertThat(defence.get("edges").size()).isZero();
    assertThat(forDefence.body()).doesNotContain(centre).doesNotContain("Amrani\"");
    // hostile input
    assertThat(
            post(ann, "/api/charts", "wpg-art-9", Map.of("name", "x", "nodes", List.of()))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    ann,
                    "/api/charts",
                    "wpg-art-9",
                    Map.of(
                        "name",
                        "bad\u202ename",
                        "nodes",
                        List.of(Map.of("id", "a", "x", 1, "y", 2))))
                .statusCode())
        .isEqualTo(400);
  }

  /**
   * Reads run in parallel on their own connections while changes run alone: many readers of two
   * agencies and a writer at once get every answer right, and customs never sees the police's
   * person among them.
   */
  @Test
  void readersInParallelWithAWriterGetTheirOwnAnswers() throws Exception {
    Login ann = as("ann");
    Login dana = as("dana");
    String person = policePersonId(ann);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 160; i++) {
      int n = i;
      answers.add(
          pool.submit(
              () -> {
                switch (n % 5) {
                  case 0 -> {
                    HttpResponse<String> r = get(ann, "/api/entities/" + person, "wpg-art-9");
                    return r.statusCode() == 200 && r.body().contains("1985-03-12")
                        ? "ok"
                        : r.body();
                  }
                  case 1 -> {
                    HttpResponse<String> r = get(dana, "/api/entities/" + person, "adw");
                    return r.statusCode() == 404 ? "ok" : "customs saw: " + r.body();
                  }
                  case 2 -> {
                    HttpResponse<String> r =
                        get(ann, "/api/search?q=Mohamed%20El%20Amrani", "wpg-art-9");
                    return r.statusCode() == 200 && r.body().contains(person) ? "ok" : r.body();
                  }
                  case 3 -> {
                    HttpResponse<String> r = get(dana, "/api/search?q=El%20Amrani", "adw");
                    return r.statusCode() == 200 && !r.body().contains(person)
                        ? "ok"
                        : "customs found: " + r.body();
                  }
                  default -> {
                    HttpResponse<String> r =
                        post(
                            ann,
                            "/api/session/purpose",
                            "wpg-art-9",
                            Map.of("purpose", "wpg-art-9"));
                    return r.statusCode() == 200 ? "ok" : r.body();
                  }
                }
              }));
    }
    pool.shutdown();
    for (java.util.concurrent.Future<String> f : answers) {
      assertThat(f.get()).isEqualTo("ok");
    }
  }

  /** Readers of one team with the same scope share a projection; each read is audited. */
  @Test
  void readersWithTheSameScopeShareOneProjectionAndEachReadIsAudited() throws Exception {
    Login ann = as("ann");
    Login pia = as("pia");
    String person = policePersonId(ann);
    assertThat(get(ann, "/api/network/" + person + "?links=Associate", "wpg-art-9").statusCode())
        .isEqualTo(200);
    int made = server.projectionsMade();
    HttpResponse<String> hers =
        get(pia, "/api/network/" + person + "?links=Associate", "wpg-art-9");
    assertThat(hers.statusCode()).isEqualTo(200);
    assertThat(server.projectionsMade()).as("shared, not made again").isEqualTo(made);
    // another agency's reader has another scope: its own projection, its own answer
    assertThat(get(as("dirk"), "/api/network/" + person + "?links=Associate", "adw").statusCode())
        .isEqualTo(404);
    String audit = get(as("fg"), "/api/audit?user=pia", null).body();
    assertThat(audit).contains("network-read");
  }

  /**
   * An analysis of the whole network is computed once per projection and query; each answer is
   * still a read of its own in the audit log.
   */
  @Test
  void aRememberedAnalysisIsStillAuditedOnEveryRead() throws Exception {
    Login pia = as("pia");
    String path = "/api/centrality?measure=degree&top=5&links=Associate";
    // earlier tests changed the warehouse: answers come from an older projection until the
    // current one is made
    HttpResponse<String> first = get(pia, path, "wpg-art-9");
    for (int i = 0;
        i < 600 && !first.headers().firstValue("Spil-Network-Current").orElseThrow().equals("true");
        i++) {
      Thread.sleep(50);
      first = get(pia, path, "wpg-art-9");
    }
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.headers().firstValue("Spil-Network-Current")).contains("true");
    long before = reads(get(as("fg"), "/api/audit?user=pia&limit=1000", null).body());
    HttpResponse<String> again = get(pia, path, "wpg-art-9");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Spil-Network-Current")).contains("true");
    long after = reads(get(as("fg"), "/api/audit?user=pia&limit=1000", null).body());
    assertThat(after).isEqualTo(before + 1);
  }

  /** Money-flow alerts come as the command line prints them, for a reader with a purpose. */
  @Test
  void cyclesOfMoneyAreAReadForAPurpose() throws Exception {
    Login ann = as("ann");
    HttpResponse<String> r = get(ann, "/api/flows/cycles?window=30", "wpg-art-9");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("results").isArray()).isTrue();
    assertThat(get(ann, "/api/flows/cycles?max_length=9", "wpg-art-9").statusCode()).isEqualTo(400);
    assertThat(get(ann, "/api/flows/cycles", null).statusCode()).isEqualTo(400);
    HttpResponse<String> t =
        get(ann, "/api/flows/typologies?typology=structuring,pass-through", "wpg-art-9");
    assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
    for (JsonNode a : JSON.readTree(t.body()).get("results")) {
      assertThat(a.get("typology").asText()).isIn("structuring", "pass-through");
    }
    HttpResponse<String> kinds = get(ann, "/api/flows/kinds", "wpg-art-9");
    assertThat(kinds.statusCode()).as(kinds.body()).isEqualTo(200);
    assertThat(JSON.readTree(kinds.body()).findValuesAsText("id"))
        .startsWith("structuring")
        .contains("trade-based")
        .hasSize(10);
    HttpResponse<String> bad = get(ann, "/api/flows/typologies?typology=smurfs", "wpg-art-9");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("no typology 'smurfs'");
    assertThat(get(ann, "/api/flows/typologies?since=yesterday", "wpg-art-9").statusCode())
        .isEqualTo(400);
    HttpResponse<String> none = get(ann, "/api/flows/trace?subject=nobody", "wpg-art-9");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("no payment you may see names 'nobody'");
    assertThat(get(ann, "/api/flows/trace?subject=x&attribution=lifo", "wpg-art-9").body())
        .contains("neither proportional nor fifo");
    assertThat(get(ann, "/api/flows/between?a=x", "wpg-art-9").statusCode()).isEqualTo(400);
    HttpResponse<String> features = get(ann, "/api/flows/features?level=payments", "wpg-art-9");
    assertThat(features.statusCode()).as(features.body()).isEqualTo(200);
    assertThat(features.body()).startsWith("PAR1");
    assertThat(get(ann, "/api/flows/features?level=banks", "wpg-art-9").statusCode())
        .isEqualTo(400);
    HttpResponse<String> assets = get(ann, "/api/assets/no-such-entity", "wpg-art-9");
    assertThat(assets.statusCode()).isEqualTo(400);
    assertThat(assets.body()).contains("no entity 'no-such-entity' you may see");
    String alert = "temporal-cycle:0123456789abcdef01234567";
    HttpResponse<String> unsaid =
        post(
            ann,
            "/api/flows/verdicts",
            "wpg-art-9",
            Map.of("alert", alert, "verdict", "dismissed"));
    assertThat(unsaid.statusCode()).isEqualTo(400);
    assertThat(unsaid.body()).contains("say why");
    HttpResponse<String> said =
        post(
            ann,
            "/api/flows/verdicts",
            "wpg-art-9",
            Map.of("alert", alert, "verdict", "dismissed", "reason", "a known family loan"));
    assertThat(said.statusCode()).as(said.body()).isEqualTo(200);
    assertThat(get(as("fg"), "/api/audit?user=ann&limit=1000", null).body())
        .contains("alert-verdict")
        .contains("a known family loan");
  }

  /** How many network reads an audit answer lists. */
  private static long reads(String audit) throws Exception {
    long n = 0;
    for (JsonNode e : JSON.readTree(audit).get("results")) {
      if (e.path("action").asText().equals("network-read")) {
        n++;
      }
    }
    return n;
  }
}
