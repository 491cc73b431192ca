package org.spil.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spil.app.Json;
import org.spil.app.Searching;
import org.spil.model.InvalidField;
import org.spil.policy.Case;
import org.spil.policy.Directory;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.store.EntityRecord;
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

  /** Largest request body: JSON requests are small (uploads will have their own limit). */
  static final long MAX_BODY = 1 << 20;

  /** Most hits a search finds; {@code limit} and {@code offset} page within them. */
  static final int MAX_HITS = 1000;

  private final Store store;
  private final Sessions sessions = new Sessions();
  private final LoginThrottle throttle = new LoginThrottle();
  private final Object storeLock = new Object();
  private final Javalin app;

  private ApiServer(Store store, String host, int port) {
    this.store = store;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.http.maxRequestSize = MAX_BODY;
              config.routes.get("/api/health", ctx -> json(ctx, Map.of("status", "ok")));
              config.routes.post("/api/session", this::login);
              config.routes.delete("/api/session", this::logout);
              config.routes.get("/api/me", this::me);
              config.routes.get("/api/search", this::search);
              config.routes.get("/api/entities/{id}", this::entity);
              config.routes.get("/api/stats", this::stats);
              config.routes.after(ApiServer::securityHeaders);
              config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e));
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
              config.routes.error(
                  404, "*", ctx -> error(ctx, 404, new ApiError(404, "no such route", null)));
            });
  }

  /** Starts the API on a host and port (0: any free port) over an open, writable store. */
  public static ApiServer start(Store store, String host, int port) {
    ApiServer s = new ApiServer(store, host, port);
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
  }

  private static void securityHeaders(Context ctx) {
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'");
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
  private Viewer viewer(Context ctx) {
    Sessions.Session s = session(ctx);
    String purpose = ctx.header(PURPOSE_HEADER);
    if (purpose == null || purpose.isBlank()) {
      throw new ApiError(
          400,
          "name the purpose of this read (a legal task or a case) in the "
              + PURPOSE_HEADER
              + " header",
          PURPOSE_HEADER);
    }
    synchronized (storeLock) {
      return store.viewer(s.user, purpose.strip());
    }
  }

  private void login(Context ctx) throws JsonProcessingException {
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
      ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      throw new ApiError(
          429, "too many failed logins; try again in " + wait.toSeconds() + " s", null);
    }
    boolean ok;
    synchronized (storeLock) {
      ok = store.accounts().authenticate(user, password.toCharArray(), ctx.ip());
    }
    if (!ok) {
      throttle.failed(user, ctx.ip(), now);
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
    Map<String, Object> out = new LinkedHashMap<>(describe(user));
    out.put("csrf", s.csrf);
    json(ctx, out);
  }

  private void logout(Context ctx) {
    Sessions.Session s = session(ctx);
    sessions.end(s.id);
    ctx.removeCookie(SESSION_COOKIE, "/");
    ctx.status(204);
  }

  /** The user, its agency and roles, and the purposes it may read for. */
  private Map<String, Object> describe(String userName) {
    Directory d;
    synchronized (storeLock) {
      d = store.accounts().directory();
    }
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

  private void me(Context ctx) throws JsonProcessingException {
    json(ctx, describe(session(ctx).user));
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

  private void search(Context ctx) throws JsonProcessingException {
    Viewer v = viewer(ctx);
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new ApiError(400, "give q: a name, an identifier or words to look for", "q");
    }
    int limit = intParam(ctx, "limit", 20, 1, 200);
    int offset = intParam(ctx, "offset", 0, 0, MAX_HITS - 1);
    SearchQuery query =
        new SearchQuery(
            q,
            ctx.queryParam("schema"),
            ctx.queryParam("country"),
            ctx.queryParam("dataset"),
            ctx.queryParam("agency"),
            MAX_HITS,
            "NL");
    List<SearchHit> hits;
    synchronized (storeLock) {
      hits = new Searching(store).search(v, query);
    }
    int from = Math.min(offset, hits.size());
    int to = Math.min(hits.size(), offset + limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("results", hits.subList(from, to));
    // the hits within the reader's scope, best first, up to MAX_HITS: a search is for finding, a
    // listing of everything is an export
    out.put("total", hits.size());
    out.put("total_capped", hits.size() == MAX_HITS);
    out.put("offset", offset);
    out.put("limit", limit);
    json(ctx, out);
  }

  private void entity(Context ctx) throws JsonProcessingException {
    Viewer v = viewer(ctx);
    Optional<EntityRecord> e;
    synchronized (storeLock) {
      e = new Searching(store).show(v, ctx.pathParam("id"));
    }
    // an entity the reader may not see and one that does not exist get the same answer
    json(ctx, e.orElseThrow(() -> new ApiError(404, "no such entity", null)));
  }

  private void stats(Context ctx) throws JsonProcessingException {
    Viewer v = viewer(ctx);
    synchronized (storeLock) {
      json(ctx, new Searching(store).stats(v));
    }
  }
}
