package org.spil.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spil.analysis.graph.Centrality;
import org.spil.analysis.graph.Lengths;
import org.spil.analysis.network.Network;
import org.spil.app.Administration;
import org.spil.app.Exchange;
import org.spil.app.Facets;
import org.spil.app.Ingestion;
import org.spil.app.Json;
import org.spil.app.NetworkAnalysis;
import org.spil.app.Operator;
import org.spil.app.Oversight;
import org.spil.app.Resolving;
import org.spil.app.Searching;
import org.spil.ingest.DatasetArchive;
import org.spil.model.InvalidField;
import org.spil.policy.Case;
import org.spil.policy.Directory;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.EntityRecord;
import org.spil.store.HitNoHit;
import org.spil.store.SearchHit;
import org.spil.store.SearchQuery;
import org.spil.store.Store;

/**
 * The HTTP API over one open store: the server owns the data directory while it runs. A session
 * (cookie, from {@code POST /api/session}) is the security boundary; every state-changing request
 * echoes the session's CSRF token in {@code Spil-CSRF}; every read names its purpose in {@code
 * Spil-Purpose}, which the store turns into a viewer exactly as it does for {@code --purpose}. Each
 * handler parses, calls one operation of {@code spil-app} and renders its record as the CLI's
 * {@code --json} does. Errors are {@code {"error", "field"}}, never a stack trace. The store has
 * one DuckDB connection, so operations run one at a time.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  static final String SESSION_COOKIE = "spil_session";
  static final String CSRF_HEADER = "Spil-CSRF";
  static final String PURPOSE_HEADER = "Spil-Purpose";

  /** Where the web application's files are on the class path (spil-web's jar). */
  static final String WEB_APP = "/org/spil/web/app";

  /**
   * No script, style, image or connection but the server's own (no inline script or style), no
   * plugins, no framing: a value injected into a page cannot run.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Largest request body: JSON requests are small (uploads will have their own limit). */
  static final long MAX_BODY = 1 << 20;

  /** Most hits a search finds; {@code limit} and {@code offset} page within them. */
  static final int MAX_HITS = 1000;

  /**
   * Hits a search finds at least, for its facets and total: the best 100 (a search finding more
   * says so with {@code total_capped}); paging further finds as many as the page needs. Finding all
   * 1,000 took twice as long as finding 100 on the scenario (28 against 15 ms).
   */
  static final int FACET_HITS = 100;

  private final Store store;
  private final Operations operations;
  private final Sessions sessions = new Sessions();
  private final LoginThrottle throttle = new LoginThrottle();
  private final Jobs jobs = new Jobs();
  private final Object storeLock = new Object();
  private final Javalin app;

  private ApiServer(Store store, String host, int port, Operations operations) {
    this.store = store;
    this.operations = operations;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.http.maxRequestSize = MAX_BODY;
              for (Route r : routes()) {
                config.routes.addHttpHandler(r.method(), r.path(), ctx -> handle(r, ctx));
              }
              config.routes.get("/api/openapi.json", ctx -> json(ctx, OpenApi.document(routes())));
              // the web application: static files of spil-web, under the same policy headers
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = WEB_APP;
                    files.location = Location.CLASSPATH;
                    files.headers =
                        Map.of(
                            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                            "X-Content-Type-Options", "nosniff",
                            "Referrer-Policy", "no-referrer",
                            "Cache-Control", "no-cache");
                  });
              config.routes.after(ApiServer::securityHeaders);
              config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e));
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) ->
                      error(
                          ctx,
                          e.getStatus(),
                          new ApiError(
                              e.getStatus(),
                              switch (e.getStatus()) {
                                case 404 -> "no such route";
                                case 413 -> "the body is larger than " + (MAX_BODY >> 20) + " MB";
                                default -> e.getMessage();
                              },
                              null)));
              config.routes.exception(
                  InvalidField.class,
                  (e, ctx) -> error(ctx, 400, new ApiError(400, e.getMessage(), e.field())));
              config.routes.exception(
                  IllegalArgumentException.class,
                  (e, ctx) -> error(ctx, 400, new ApiError(400, e.getMessage(), null)));
              config.routes.exception(
                  PolicyException.class,
                  (e, ctx) -> error(ctx, 403, new ApiError(403, e.getMessage(), e.field())));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                    error(
                        ctx,
                        500,
                        new ApiError(500, "the server could not answer; see its log", null));
                  });
            });
  }

  /**
   * Who may call a route: anyone, a logged-in user, a logged-in user reading for a purpose, or an
   * administrator (refused and audited for anyone else).
   */
  enum Access {
    ANYONE,
    USER,
    READER,
    ADMINISTRATOR
  }

  /**
   * A request as a route's answer sees it: the context, the session (null for {@link
   * Access#ANYONE}), the viewer ({@link Access#READER} only) and the operator ({@link
   * Access#ADMINISTRATOR} only).
   */
  record Call(Context ctx, Sessions.Session session, Viewer viewer, Operator operator) {}

  /** What a route does with a call: the record to answer with, as JSON; null for 204. */
  interface Answer {
    Object of(Call call) throws Exception;
  }

  /**
   * One route of the API: method, path, its query parameters, what it answers, who may call it, and
   * the answer. The table registers the routes and documents them ({@code /api/openapi.json}), so
   * the two cannot differ.
   */
  record Route(
      HandlerType method,
      String path,
      List<String> query,
      String summary,
      Access access,
      Answer answer,
      boolean locked) {

    /** A route that works on the store, one operation at a time. */
    Route(
        HandlerType method,
        String path,
        List<String> query,
        String summary,
        Access access,
        Answer answer) {
      this(method, path, query, summary, access, answer, true);
    }
  }

  /** Every route of the API but the document describing them. */
  List<Route> routes() {
    return List.of(
        new Route(
            HandlerType.GET,
            "/api/health",
            List.of(),
            "Whether the server answers.",
            Access.ANYONE,
            c -> Map.of("status", "ok")),
        new Route(
            HandlerType.POST,
            "/api/session",
            List.of(),
            "Log in with {\"user\", \"password\"}: a session cookie and the CSRF token.",
            Access.ANYONE,
            this::login,
            false),
        new Route(
            HandlerType.DELETE, "/api/session", List.of(), "Log out.", Access.USER, this::logout),
        new Route(
            HandlerType.POST,
            "/api/me/password",
            List.of(),
            "Change one's own password: {\"current\", \"new\"}; other sessions end.",
            Access.USER,
            this::changePassword),
        new Route(
            HandlerType.POST,
            "/api/tokens",
            List.of(),
            "Make an API token for oneself (from a login session, not from a token):"
                + " {\"expires\"} at most 90 days on, 30 if not given; shown once.",
            Access.USER,
            this::makeToken),
        new Route(
            HandlerType.DELETE,
            "/api/tokens/{id}",
            List.of(),
            "Revoke one of one's own API tokens.",
            Access.USER,
            c -> {
              store.tokens().revoke(c.ctx().pathParam("id"), c.session().user, c.session().user);
              return null;
            }),
        new Route(
            HandlerType.POST,
            "/api/operations",
            List.of(),
            "Run a command of the command line as the caller: {\"args\": [\"search\", \"Jan\","
                + " \"--purpose\", \"wpg-art-9\"]} -> {\"exit\", \"out\", \"err\"}, as"
                + " spil prints it.",
            Access.USER,
            this::operation),
        new Route(
            HandlerType.POST,
            "/api/uploads",
            List.of(),
            "Upload a dataset as a zip (Content-Type: application/zip, at most "
                + (MAX_UPLOAD >> 20)
                + " MB): checked, then ingested as one atomic batch in a job; dataset.yml must name"
                + " the uploader's agency. 202 with the job.",
            Access.USER,
            this::upload),
        new Route(
            HandlerType.POST,
            "/api/resolve",
            List.of(),
            "Resolve what the reader may see for its team, in a job: {\"threshold\","
                + " \"incremental\"}. 202 with the job.",
            Access.READER,
            this::resolve),
        new Route(
            HandlerType.GET,
            "/api/jobs/{id}",
            List.of(),
            "A job of the caller's: state (queued, running, done, failed, cancelled), progress,"
                + " result or error.",
            Access.USER,
            c -> job(c).view(),
            false),
        new Route(
            HandlerType.DELETE,
            "/api/jobs/{id}",
            List.of(),
            "Cancel a job of the caller's; a cancelled ingest writes nothing.",
            Access.USER,
            c -> {
              job(c).cancel.set(true);
              return job(c).view();
            },
            false),
        new Route(
            HandlerType.GET,
            "/api/me",
            List.of(),
            "The user, its agency and roles, the legal tasks it may claim and its cases.",
            Access.USER,
            c -> {
              Map<String, Object> out = new LinkedHashMap<>(describe(c.session().user));
              if (c.session().csrf != null) {
                // the page reloaded: its script reads the token again, as only it can (same origin)
                out.put("csrf", c.session().csrf);
              }
              return out;
            }),
        new Route(
            HandlerType.POST,
            "/api/session/purpose",
            List.of(),
            "Switch the purpose the user reads for: {\"purpose\"}; checked and audited.",
            Access.USER,
            c -> {
              JsonNode b = body(c.ctx());
              Viewer v =
                  new Searching(store)
                      .switchPurpose(
                          c.session().user,
                          blankToNull(c.ctx().header(PURPOSE_HEADER)),
                          text(b, "purpose"));
              return Map.of("purpose", v.purpose().token());
            }),
        new Route(
            HandlerType.GET,
            "/api/search",
            List.of(
                "q",
                "limit",
                "offset",
                "schema",
                "country",
                "dataset",
                "agency",
                "handling_code",
                "from",
                "to"),
            "Search names, identifiers and addresses within what the purpose lets the user see;"
                + " facets (schema, country, handling code) count every hit found.",
            Access.READER,
            this::search),
        new Route(
            HandlerType.GET,
            "/api/entities/{id}",
            List.of(),
            "An entity with every visible value and its provenance.",
            Access.READER,
            this::entity),
        new Route(
            HandlerType.GET,
            "/api/entities/{id}/relations",
            List.of(),
            "What an entity takes part in (directorships, ownerships, payments, shipments,"
                + " messages, border crossings...), with the other parties, as the reader may see"
                + " it.",
            Access.READER,
            c -> new Searching(store).relations(c.viewer(), c.ctx().pathParam("id"))),
        new Route(
            HandlerType.GET,
            "/api/entities/{id}/cluster",
            List.of(),
            "The team's resolved entity an entity belongs to, with its members the reader may"
                + " see; {\"canonical_id\": null} when it stands alone.",
            Access.READER,
            c -> new Resolving(store).clusterOf(c.viewer(), c.ctx().pathParam("id"))),
        new Route(
            HandlerType.GET,
            "/api/stats",
            List.of(),
            "Entities and statements visible, per dataset, schema, agency and handling code.",
            Access.READER,
            c -> new Searching(store).stats(c.viewer())),
        new Route(
            HandlerType.GET,
            "/api/network/{id}",
            List.of("depth", "max_nodes", "links"),
            "The network around an entity: nodes within depth steps, edges with their sources.",
            Access.READER,
            this::egoNetwork),
        new Route(
            HandlerType.GET,
            "/api/approvals",
            List.of(),
            "Approvals in force that the user's agency made or that the user reads by.",
            Access.USER,
            c -> page(new Exchange(store).approvals(c.session().user))),
        new Route(
            HandlerType.POST,
            "/api/approvals",
            List.of(),
            "The owning agency records what a court order opens to a case: {\"case\","
                + " \"batch\", \"entities\" or \"from\" and \"to\", \"audience\","
                + " \"until\", \"order\"}.",
            Access.USER,
            this::approve),
        new Route(
            HandlerType.DELETE,
            "/api/approvals/{id}",
            List.of(),
            "The owning agency revokes an approval.",
            Access.USER,
            c -> {
              new Exchange(store).revoke(c.session().user, c.ctx().pathParam("id"));
              return null;
            }),
        new Route(
            HandlerType.GET,
            "/api/users",
            List.of(),
            "Every user (administrators).",
            Access.ADMINISTRATOR,
            c -> page(new Administration(store).users())),
        new Route(
            HandlerType.POST,
            "/api/users",
            List.of(),
            "Add a user (administrators): {\"name\", \"agency\", \"roles\", \"password\"}.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return new Administration(store)
                  .addUser(
                      c.operator(),
                      text(b, "name"),
                      text(b, "agency"),
                      texts(b, "roles"),
                      text(b, "password").toCharArray());
            }),
        new Route(
            HandlerType.GET,
            "/api/cases",
            List.of(),
            "Every case with its members and parties (administrators).",
            Access.ADMINISTRATOR,
            c -> page(new Administration(store).cases())),
        new Route(
            HandlerType.POST,
            "/api/cases",
            List.of(),
            "Add a case (administrators): {\"id\", \"title\", \"legal_task\", \"members\","
                + " \"parties\"}.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return new Administration(store)
                  .addCase(
                      c.operator(),
                      text(b, "id"),
                      text(b, "title"),
                      b.hasNonNull("legal_task") ? text(b, "legal_task") : "wpg-art-9",
                      texts(b, "members"),
                      texts(b, "parties"));
            }),
        new Route(
            HandlerType.POST,
            "/api/cases/{id}/members",
            List.of(),
            "Add and remove members of a case (administrators): {\"add\", \"remove\"}; the"
                + " agencies whose data the case holds are told.",
            Access.ADMINISTRATOR,
            c -> {
              JsonNode b = body(c.ctx());
              return new Administration(store)
                  .changeMembers(
                      c.operator(), c.ctx().pathParam("id"), texts(b, "add"), texts(b, "remove"));
            }),
        new Route(
            HandlerType.GET,
            "/api/audit",
            List.of("user", "entity", "since"),
            "Audit entries an overseer may read (a privacy officer its agency's, the court its"
                + " cases' defence, an administrator the system's).",
            Access.USER,
            c ->
                page(
                    Oversight.query(
                        store,
                        c.session().user,
                        blankToNull(c.ctx().queryParam("user")),
                        blankToNull(c.ctx().queryParam("entity")),
                        blankToNull(c.ctx().queryParam("since"))))),
        new Route(
            HandlerType.GET,
            "/api/audit/verify",
            List.of(),
            "Whether the audit log is intact: chain, day roots, MACs, head, recorded positions.",
            Access.USER,
            c -> Oversight.verify(store, c.session().user)),
        new Route(
            HandlerType.GET,
            "/api/audit/export",
            List.of(),
            "The audit log as JSON lines for verification elsewhere, entries outside the"
                + " caller's partitions as hashes (audited).",
            Access.USER,
            this::auditExport),
        new Route(
            HandlerType.GET,
            "/api/notices",
            List.of(),
            "Notices to a privacy officer: hit queries that look like enumeration, quotas, case"
                + " members changed.",
            Access.USER,
            c -> page(Oversight.notices(store, c.session().user))),
        new Route(
            HandlerType.GET,
            "/api/centrality",
            List.of("measure", "top", "weighted", "links"),
            "Who matters in the reader's network: a centrality measure, top nodes.",
            Access.READER,
            c ->
                NetworkAnalysis.centrality(
                    network(c),
                    Centrality.parse(
                        Optional.ofNullable(c.ctx().queryParam("measure")).orElse("betweenness")),
                    intParam(c.ctx(), "top", 10, 1, 10_000),
                    lengths(c.ctx()))),
        new Route(
            HandlerType.GET,
            "/api/communities",
            List.of("resolution", "min_size", "links"),
            "Communities (Louvain) of the reader's network.",
            Access.READER,
            c ->
                NetworkAnalysis.communities(
                    network(c),
                    doubleParam(c.ctx(), "resolution", 1.0, 0.01, 100),
                    intParam(c.ctx(), "min_size", 2, 1, 1_000_000))),
        new Route(
            HandlerType.GET,
            "/api/path",
            List.of("from", "to", "k", "weighted", "links"),
            "The shortest paths between two entities in the reader's network.",
            Access.READER,
            c ->
                NetworkAnalysis.paths(
                    network(c),
                    required(c.ctx(), "from"),
                    required(c.ctx(), "to"),
                    intParam(c.ctx(), "k", 1, 1, 20),
                    lengths(c.ctx()))),
        new Route(
            HandlerType.GET,
            "/api/keyplayers",
            List.of("k", "weighted", "links"),
            "The k nodes whose removal breaks the reader's network most.",
            Access.READER,
            c ->
                NetworkAnalysis.keyPlayers(
                    network(c), intParam(c.ctx(), "k", 5, 1, 100), lengths(c.ctx()))),
        new Route(
            HandlerType.GET,
            "/api/bridges",
            List.of("top", "max_steps", "weighted", "links"),
            "Links between the underworld and the legal economy in the reader's network.",
            Access.READER,
            c ->
                NetworkAnalysis.bridges(
                    network(c),
                    intParam(c.ctx(), "top", 10, 1, 10_000),
                    intParam(c.ctx(), "max_steps", 3, 1, 10),
                    lengths(c.ctx()))),
        new Route(
            HandlerType.GET,
            "/api/clusters",
            List.of("all"),
            "The team's resolved clusters as the reader may see them (with all=true, single records"
                + " too).",
            Access.READER,
            c ->
                page(
                    new Resolving(store)
                        .clusters(c.viewer(), "true".equals(c.ctx().queryParam("all"))))),
        new Route(
            HandlerType.GET,
            "/api/explain",
            List.of("a", "b"),
            "Why two records are, or are not, the same: weight, probability, each feature's part.",
            Access.READER,
            c ->
                new Resolving(store)
                    .explain(c.viewer(), required(c.ctx(), "a"), required(c.ctx(), "b"))
                    .orElseThrow(() -> new ApiError(404, "no such pair of records", null))),
        new Route(
            HandlerType.GET,
            "/api/review",
            List.of("threshold", "limit"),
            "The pairs closest to the threshold, not yet judged by the team: where a judgement"
                + " helps most.",
            Access.READER,
            c ->
                page(
                    new Resolving(store)
                        .review(
                            c.viewer(),
                            doubleParam(
                                c.ctx(), "threshold", Resolution.DEFAULT_THRESHOLD, 0.001, 0.999),
                            intParam(c.ctx(), "limit", 20, 1, 200)))),
        new Route(
            HandlerType.POST,
            "/api/judgements",
            List.of(),
            "The reader's judgement on two records for its team: {\"a\", \"b\", \"verdict\":"
                + " same|different|unsure, \"revise\"}.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              return new Resolving(store)
                  .judge(
                      c.viewer(),
                      text(b, "a"),
                      text(b, "b"),
                      text(b, "verdict"),
                      b.path("revise").asBoolean(false));
            }),
        new Route(
            HandlerType.GET,
            "/api/hits",
            List.of("name", "dob", "iban", "phone", "id"),
            "Hit/no-hit: which other agencies hold matching records the user may not see.",
            Access.READER,
            c ->
                page(
                    new Exchange(store)
                        .hit(
                            c.viewer(),
                            new HitNoHit.Query(
                                c.ctx().queryParam("name"),
                                c.ctx().queryParam("dob"),
                                c.ctx().queryParam("iban"),
                                c.ctx().queryParam("phone"),
                                c.ctx().queryParam("id"))))),
        new Route(
            HandlerType.POST,
            "/api/requests",
            List.of(),
            "Ask the agency behind a hit's reference for access: {\"reference\", \"reason\"}.",
            Access.READER,
            c -> {
              JsonNode b = body(c.ctx());
              return new Exchange(store)
                  .request(c.viewer(), text(b, "reference"), text(b, "reason"));
            }),
        new Route(
            HandlerType.GET,
            "/api/requests",
            List.of(),
            "The user's requests and those to its agency.",
            Access.USER,
            c -> page(new Exchange(store).requests(c.session().user))),
        new Route(
            HandlerType.POST,
            "/api/requests/{id}/grant",
            List.of(),
            "The owning agency grants a request until a day: {\"until\": \"2027-01-31\"}.",
            Access.USER,
            c ->
                new Exchange(store)
                    .grant(
                        c.session().user,
                        c.ctx().pathParam("id"),
                        date(text(body(c.ctx()), "until"), "until"))),
        new Route(
            HandlerType.POST,
            "/api/requests/{id}/refuse",
            List.of(),
            "The owning agency refuses a request: {\"reason\"}.",
            Access.USER,
            c ->
                new Exchange(store)
                    .refuse(
                        c.session().user, c.ctx().pathParam("id"), text(body(c.ctx()), "reason"))));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private Object approve(Call call) {
    JsonNode b = body(call.ctx());
    JsonNode batch = b.get("batch");
    if (batch == null || !batch.canConvertToLong()) {
      throw new ApiError(400, "give \"batch\" as a number", "batch");
    }
    return new Exchange(store)
        .approve(
            call.session().user,
            text(b, "case"),
            batch.asLong(),
            texts(b, "entities"),
            b.hasNonNull("from") ? date(text(b, "from"), "from") : null,
            b.hasNonNull("to") ? date(text(b, "to"), "to") : null,
            texts(b, "audience"),
            date(text(b, "until"), "until"),
            text(b, "order"));
  }

  /** A list of texts of a body; empty when absent, 400 naming it when not a list of texts. */
  private static List<String> texts(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode t : v) {
        if (!t.isTextual()) {
          throw new ApiError(400, "give \"" + field + "\" as a list of texts", field);
        }
        out.add(t.asText());
      }
      return out;
    }
    throw new ApiError(400, "give \"" + field + "\" as a list of texts", field);
  }

  /** A list in the API's envelope: {@code {"results", "total"}}. */
  private static Map<String, Object> page(List<?> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("results", results);
    out.put("total", results.size());
    return out;
  }

  /** The request's body, a JSON object; 400 otherwise. */
  private static JsonNode body(Context ctx) {
    try {
      JsonNode b = Json.MAPPER.readTree(ctx.body());
      if (b != null && b.isObject()) {
        return b;
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    throw new ApiError(400, "the body must be a JSON object", null);
  }

  /** A text field of a body; 400 naming it when missing. */
  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ApiError(400, "give \"" + field + "\" as text", field);
    }
    return v.asText();
  }

  private static LocalDate date(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400, field + " must be a date such as 2027-01-31, not '" + value + "'", field);
    }
  }

  /** Most network projections kept; each is the whole network one viewer may see. */
  static final int MAX_PROJECTIONS = 8;

  /** The projections last used, per viewer, link types, warehouse generation and day. */
  private final Map<String, Network> projections =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Network> eldest) {
          return size() > MAX_PROJECTIONS;
        }
      };

  /**
   * The network a viewer may see, projected once and kept while the warehouse is unchanged (a
   * batch, grant, approval or resolution moves its generation) on the same day: the first request
   * of an analyst pays the projection, the next ones only the walk.
   */
  private Network projection(Viewer viewer, Set<String> links) {
    String key =
        String.join(
            "\u0000",
            viewer.user().name(),
            viewer.purpose().token(),
            links == null ? "*" : String.join(",", new TreeSet<>(links)),
            Long.toString(store.generation()),
            store.today().toString());
    Network net = projections.get(key);
    if (net == null) {
      net = NetworkAnalysis.load(store, viewer, links);
      projections.put(key, net);
    }
    return net;
  }

  /** A wait in whole seconds, rounded up: "try again in 0 s" helps nobody. */
  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** The reader's network with the link types the request names ({@code links}, all if none). */
  private Network network(Call call) {
    String links = call.ctx().queryParam("links");
    Set<String> linkTypes =
        links == null || links.isBlank() ? null : Set.copyOf(List.of(links.split(",")));
    return projection(call.viewer(), linkTypes);
  }

  /** Path lengths: by hops, or with {@code weighted=true} by the inverse of the links' weight. */
  private static Lengths lengths(Context ctx) {
    String w = ctx.queryParam("weighted");
    if (w == null || w.isBlank() || w.equals("false")) {
      return Lengths.HOPS;
    }
    if (w.equals("true")) {
      return Lengths.INVERSE_WEIGHT;
    }
    throw new ApiError(400, "weighted must be true or false", "weighted");
  }

  private static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new ApiError(400, "give " + name, name);
    }
    return v.strip();
  }

  private static double doubleParam(
      Context ctx, String name, double fallback, double min, double max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiError(400, name + " must be a number from " + min + " to " + max, name);
  }

  private Object egoNetwork(Call call) {
    Context ctx = call.ctx();
    int depth = intParam(ctx, "depth", 2, 1, 6);
    int maxNodes = intParam(ctx, "max_nodes", 500, 1, 5000);
    Network net = network(call);
    try {
      return NetworkAnalysis.ego(net, ctx.pathParam("id"), depth, maxNodes);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("unknown entity")) {
        // an entity outside the reader's network and one that does not exist: the same answer
        throw new ApiError(404, "no such entity", null);
      }
      throw e;
    }
  }

  /** Checks who calls, then answers; one operation on the store at a time. */
  private void handle(Route r, Context ctx) throws Exception {
    Sessions.Session s = r.access() == Access.ANYONE ? null : caller(ctx);
    Object answer;
    if (!r.locked()) {
      answer = r.answer().of(new Call(ctx, s, null, null));
    } else {
      answer = locked(r, ctx, s);
    }
    if (answer == null) {
      ctx.status(204);
    } else if (answer != Streamed.INSTANCE) {
      json(ctx, answer);
    }
  }

  private Object locked(Route r, Context ctx, Sessions.Session s) throws Exception {
    Object answer;
    synchronized (storeLock) {
      Viewer v = r.access() == Access.READER ? viewer(ctx, s) : null;
      Operator op =
          r.access() == Access.ADMINISTRATOR
              ? new Administration(store).administrator(s.user)
              : null;
      answer = r.answer().of(new Call(ctx, s, v, op));
    }
    return answer;
  }

  /** Starts the API on a host and port (0: any free port) over an open, writable store. */
  public static ApiServer start(Store store, String host, int port) {
    return start(store, host, port, null);
  }

  /**
   * Starts the API, with the command line's operations for {@code POST /api/operations} (null:
   * none).
   */
  public static ApiServer start(Store store, String host, int port, Operations operations) {
    ApiServer s = new ApiServer(store, host, port, operations);
    s.app.start();
    return s;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Stops taking requests and waits for those running; the store stays open for its owner. */
  @Override
  public void close() {
    app.stop();
    jobs.close();
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }

  private static void json(Context ctx, Object value) throws JsonProcessingException {
    ctx.contentType("application/json").result(Json.MAPPER.writeValueAsString(value));
  }

  private static void error(Context ctx, int status, ApiError e) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    if (e.field != null) {
      body.put("field", e.field);
    }
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(Json.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException impossible) {
      ctx.status(status).result("{\"error\":\"unprintable error\"}");
    }
  }

  // ---------------------------------------------------------------- authentication

  /**
   * Who calls: the user of an API token ({@code Authorization: Bearer}, for scripts; no cookie, so
   * no CSRF token either), else of the session cookie. 401 with one body for every failure.
   */
  private Sessions.Session caller(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String user;
      synchronized (storeLock) {
        user = store.tokens().userOf(auth.substring(7).strip());
      }
      if (user == null) {
        throw new ApiError(401, "log in first: POST /api/session", null);
      }
      return Sessions.Session.ofToken(user, Instant.now());
    }
    return session(ctx);
  }

  /**
   * The session of a request, refreshed; 401 without one, 403 without its CSRF token on a change.
   */
  private Sessions.Session session(Context ctx) {
    Sessions.Session s = sessions.find(ctx.cookie(SESSION_COOKIE), Instant.now());
    if (s == null) {
      throw new ApiError(401, "log in first: POST /api/session", null);
    }
    HandlerType m = ctx.method();
    boolean change =
        m == HandlerType.POST
            || m == HandlerType.PUT
            || m == HandlerType.PATCH
            || m == HandlerType.DELETE;
    if (change && !s.csrf.equals(ctx.header(CSRF_HEADER))) {
      throw new ApiError(
          403,
          "a change needs the session's CSRF token in the " + CSRF_HEADER + " header",
          CSRF_HEADER);
    }
    return s;
  }

  /** The viewer of a read: the session's user and the purpose the request names. */
  private Viewer viewer(Context ctx, Sessions.Session s) {
    String purpose = ctx.header(PURPOSE_HEADER);
    if (purpose == null || purpose.isBlank()) {
      throw new ApiError(
          400,
          "name the purpose of this read (a legal task or a case) in the "
              + PURPOSE_HEADER
              + " header",
          PURPOSE_HEADER);
    }
    return store.viewer(s.user, purpose.strip());
  }

  private Object login(Call call) throws JsonProcessingException {
    Context ctx = call.ctx();
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "the body is not JSON: {\"user\": ..., \"password\": ...}", null);
    }
    String user = body == null ? null : body.path("user").asText(null);
    String password = body == null ? null : body.path("password").asText(null);
    if (user == null || password == null) {
      throw new ApiError(400, "give \"user\" and \"password\"", user == null ? "user" : "password");
    }
    Instant now = Instant.now();
    Duration wait = throttle.wait(user, ctx.ip(), now);
    if (!wait.isZero()) {
      ctx.header("Retry-After", Long.toString(seconds(wait)));
      throw new ApiError(429, "too many failed logins; try again in " + seconds(wait) + " s", null);
    }
    // the throttle answers without the store: a burst of guesses does not queue behind readers
    boolean ok;
    synchronized (storeLock) {
      // asked again in turn: guesses sent at once all passed the check above before any failed
      wait = throttle.wait(user, ctx.ip(), Instant.now());
      if (!wait.isZero()) {
        ctx.header("Retry-After", Long.toString(seconds(wait)));
        throw new ApiError(
            429, "too many failed logins; try again in " + seconds(wait) + " s", null);
      }
      ok = store.accounts().authenticate(user, password.toCharArray(), ctx.ip());
      if (!ok) {
        throttle.failed(user, ctx.ip(), now);
      }
    }
    if (!ok) {
      throw new ApiError(401, "wrong user or password", null);
    }
    throttle.succeeded(user);
    Sessions.Session s = sessions.start(user, now);
    Cookie cookie = new Cookie(SESSION_COOKIE, s.id);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure("https".equals(ctx.scheme()));
    ctx.cookie(cookie);
    Map<String, Object> out;
    synchronized (storeLock) {
      out = new LinkedHashMap<>(describe(user));
    }
    out.put("csrf", s.csrf);
    return out;
  }

  private Object logout(Call call) {
    sessions.end(call.session().id);
    call.ctx().removeCookie(SESSION_COOKIE, "/");
    return null;
  }

  private Object changePassword(Call call) {
    JsonNode b = body(call.ctx());
    String user = call.session().user;
    Instant now = Instant.now();
    Duration wait = throttle.wait(user, call.ctx().ip(), now);
    if (!wait.isZero()) {
      call.ctx().header("Retry-After", Long.toString(seconds(wait)));
      throw new ApiError(
          429, "too many wrong passwords; try again in " + seconds(wait) + " s", null);
    }
    try {
      store
          .accounts()
          .changePassword(
              user,
              text(b, "current").toCharArray(),
              text(b, "new").toCharArray(),
              call.ctx().ip());
    } catch (PolicyException e) {
      if ("current".equals(e.field())) {
        // a session does not let its holder guess the password it was opened with
        throttle.failed(user, call.ctx().ip(), now);
      }
      throw e;
    }
    if (call.session().id != null) {
      sessions.endOthers(user, call.session().id);
    }
    return null;
  }

  /** The user, its agency and roles, and the purposes it may read for. */
  private Map<String, Object> describe(String userName) {
    Directory d = store.accounts().directory();
    User u = d.users().get(userName);
    Set<String> purposes = new TreeSet<>();
    for (String task : d.bases().purposes()) {
      if (d.bases().refusal(u, task) == null) {
        purposes.add(task);
      }
    }
    List<String> cases = new ArrayList<>();
    for (Case c : d.cases().values()) {
      if (c.members().contains(userName)) {
        cases.add(c.id());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", u.name());
    out.put("agency", u.agency());
    out.put("roles", u.roles().stream().map(Role::label).sorted().toList());
    out.put("legal_tasks", List.copyOf(purposes));
    out.put("cases", cases);
    return out;
  }

  // ---------------------------------------------------------------- reads

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiError(400, name + " must be a whole number from " + min + " to " + max, name);
  }

  private Object search(Call call) {
    Context ctx = call.ctx();
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new ApiError(400, "give q: a name, an identifier or words to look for", "q");
    }
    int limit = intParam(ctx, "limit", 20, 1, 200);
    int offset = intParam(ctx, "offset", 0, 0, MAX_HITS - 1);
    String codes = ctx.queryParam("handling_code");
    Set<String> handling =
        codes == null || codes.isBlank() ? Set.of() : Set.of(codes.strip().split("\\s*,\\s*"));
    String from = blankToNull(ctx.queryParam("from"));
    String to = blankToNull(ctx.queryParam("to"));
    SearchQuery query =
        new SearchQuery(
            q,
            ctx.queryParam("schema"),
            ctx.queryParam("country"),
            ctx.queryParam("dataset"),
            ctx.queryParam("agency"),
            Math.min(MAX_HITS, Math.max(FACET_HITS, offset + limit)),
            "NL");
    List<SearchHit> found = new Searching(store).search(call.viewer(), query);
    Facets.Narrowed narrowed =
        Facets.of(
            found,
            handling,
            from == null ? null : date(from, "from"),
            to == null ? null : date(to, "to"));
    List<SearchHit> hits = narrowed.hits();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "results",
        hits.subList(Math.min(offset, hits.size()), Math.min(hits.size(), offset + limit)));
    // the hits within the reader's scope, best first, up to MAX_HITS: a search is for finding, a
    // listing of everything is an export
    out.put("total", hits.size());
    out.put("total_capped", found.size() == query.limit());
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("facets", narrowed.facets());
    return out;
  }

  /**
   * The audit log for an overseer, streamed from an owner-only temporary copy that is removed when
   * sent; refused (and audited) for anyone else as {@code spil audit export} is.
   */
  private Object auditExport(Call call) throws IOException {
    Path copy = Files.createTempFile("spil-audit-", ".jsonl");
    try {
      Oversight.export(store, call.session().user, copy, true);
      call.ctx()
          .contentType("application/x-ndjson")
          .header("Content-Disposition", "attachment; filename=\"spil-audit.jsonl\"")
          .result(Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE));
      return Streamed.INSTANCE;
    } catch (RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }

  /** An answer a route has already written to the response itself (a file, not JSON). */
  enum Streamed {
    INSTANCE
  }

  /** Largest upload: a dataset's zip. */
  static final long MAX_UPLOAD = 512L << 20;

  private Jobs.Job job(Call call) {
    Jobs.Job j = jobs.of(call.session().user, call.ctx().pathParam("id"));
    if (j == null) {
      throw new ApiError(404, "no such job", null);
    }
    return j;
  }

  private Object upload(Call call) throws IOException {
    String type = call.ctx().contentType();
    if (type == null || !type.startsWith("application/zip")) {
      throw new ApiError(400, "send the dataset as a zip with Content-Type: application/zip", null);
    }
    // an owner-only directory of its own, removed when the job ends
    Path dir = Files.createTempDirectory("spil-upload-");
    Path zip = dir.resolve("upload.zip");
    try {
      DatasetArchive.copyBounded(call.ctx().req().getInputStream(), zip, MAX_UPLOAD);
    } catch (RuntimeException | IOException e) {
      DatasetArchive.removeQuietly(dir);
      throw e;
    }
    String user = call.session().user;
    Path work = dir.resolve("dataset");
    Jobs.Job job =
        jobs.submit(
            user,
            "upload",
            j -> {
              try {
                synchronized (storeLock) {
                  return Ingestion.upload(
                          store, user, zip, work, n -> j.progress(n, "rows"), j::cancelled)
                      .summary();
                }
              } finally {
                DatasetArchive.removeQuietly(dir);
              }
            });
    call.ctx().status(202);
    return job.view();
  }

  private Object resolve(Call call) {
    JsonNode b = body(call.ctx());
    double threshold = b.path("threshold").asDouble(Resolution.DEFAULT_THRESHOLD);
    boolean incremental = b.path("incremental").asBoolean(false);
    Viewer viewer = call.viewer();
    Jobs.Job job =
        jobs.submit(
            viewer.user().name(),
            "resolve",
            j -> {
              synchronized (storeLock) {
                return new Resolving(store)
                    .resolve(
                        viewer,
                        threshold,
                        incremental,
                        0,
                        step -> {
                          j.progress(j.done + 1, step);
                        })
                    .summary();
              }
            });
    call.ctx().status(202);
    return job.view();
  }

  /** Most days an API token made through the API lasts. */
  static final int MAX_TOKEN_DAYS = 90;

  private Object makeToken(Call call) {
    if (call.session().id == null) {
      throw new ApiError(403, "a token cannot make tokens; log in with a password", null);
    }
    JsonNode b = body(call.ctx());
    LocalDate today = store.today();
    LocalDate expires =
        b.hasNonNull("expires") ? date(text(b, "expires"), "expires") : today.plusDays(30);
    if (expires.isAfter(today.plusDays(MAX_TOKEN_DAYS))) {
      throw new ApiError(
          400,
          "a token lasts at most " + MAX_TOKEN_DAYS + " days, until " + today.plusDays(90),
          "expires");
    }
    return store.tokens().make(call.session().user, expires, call.session().user);
  }

  private Object operation(Call call) {
    if (operations == null) {
      throw new ApiError(404, "this server runs no command-line operations", null);
    }
    List<String> args = texts(body(call.ctx()), "args");
    if (args.isEmpty()) {
      throw new ApiError(400, "give \"args\": the command and its arguments", "args");
    }
    return operations.run(store, call.session().user, args);
  }

  private Object entity(Call call) {
    Optional<EntityRecord> e = new Searching(store).show(call.viewer(), call.ctx().pathParam("id"));
    // an entity the reader may not see and one that does not exist get the same answer
    return e.orElseThrow(() -> new ApiError(404, "no such entity", null));
  }
}
