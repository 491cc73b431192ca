package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spil.app.Administration;
import org.spil.app.FlowGraphs;
import org.spil.app.Json;
import org.spil.app.Operator;
import org.spil.model.InvalidField;
import org.spil.policy.PolicyException;
import org.spil.policy.Viewer;
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

  private final Store store;
  private final Operations operations;
  private final Sessions sessions = new Sessions();
  private final LoginThrottle throttle = new LoginThrottle();
  private final Jobs jobs = new Jobs();
  private final StoreAccess access;
  private final NetworkRoutes networkRoutes;

  /** The payment graphs money flows and targeting's trade-based alerts share between requests. */
  private final FlowGraphs graphs;

  private final Javalin app;

  private ApiServer(Store store, String host, int port, Operations operations, TlsKeys tls) {
    this.store = store;
    this.operations = operations;
    this.access = new StoreAccess(store);
    this.networkRoutes = new NetworkRoutes(store, access);
    this.graphs = new FlowGraphs(store);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = host;
              config.jetty.port = port;
              if (tls != null) {
                // HTTPS only: the session cookie is then marked Secure
                KeyStore keys = tls.keyStore();
                config.jetty.addConnector(
                    (server, http) -> {
                      SslContextFactory.Server ssl = new SslContextFactory.Server();
                      ssl.setKeyStore(keys);
                      ssl.setKeyStorePassword(new String(TlsKeys.STORE_PASSWORD));
                      HttpConfiguration https = new HttpConfiguration(http);
                      https.addCustomizer(new SecureRequestCustomizer());
                      ServerConnector connector =
                          new ServerConnector(
                              server,
                              new SslConnectionFactory(ssl, "http/1.1"),
                              new HttpConnectionFactory(https));
                      connector.setHost(host);
                      connector.setPort(port);
                      return connector;
                    });
              }
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
      StoreAccess.Lock lock) {

    /** A route whose reads (GET) run in parallel and whose changes run alone. */
    Route(
        HandlerType method,
        String path,
        List<String> query,
        String summary,
        Access access,
        Answer answer) {
      this(
          method,
          path,
          query,
          summary,
          access,
          answer,
          method == HandlerType.GET ? StoreAccess.Lock.READ : StoreAccess.Lock.WRITE);
    }
  }

  /** Every route of the API but the document describing them, by capability. */
  List<Route> routes() {
    List<Route> all = new ArrayList<>();
    all.addAll(new SessionRoutes(store, access, sessions, throttle).routes());
    all.addAll(new ReadRoutes(store).routes());
    all.addAll(new MessageRoutes(store).routes());
    all.addAll(networkRoutes.routes());
    all.addAll(new ResolutionRoutes(store, access, jobs).routes());
    all.addAll(new ExchangeRoutes(store).routes());
    all.addAll(new FlowsRoutes(store, graphs).routes());
    all.addAll(new GoodsRoutes(store, graphs).routes());
    all.addAll(new MonitoringRoutes(store).routes());
    all.addAll(new WatchRoutes(store).routes());
    all.addAll(new AdminRoutes(store).routes());
    all.addAll(new OversightRoutes(store).routes());
    all.addAll(new WorkRoutes(store, access, jobs, operations).routes());
    return all;
  }

  /** Checks who calls, then answers under the store lock the route asks for. */
  private void handle(Route r, Context ctx) throws Exception {
    Sessions.Session s = r.access() == Access.ANYONE ? null : caller(ctx);
    Object answer;
    if (r.lock() == StoreAccess.Lock.SELF) {
      Viewer v = r.access() == Access.READER ? access.read(() -> viewer(ctx, s)) : null;
      answer = r.answer().of(new Call(ctx, s, v, null));
    } else {
      answer =
          access.under(
              r.lock(),
              () -> {
                Viewer v = r.access() == Access.READER ? viewer(ctx, s) : null;
                Operator op =
                    r.access() == Access.ADMINISTRATOR
                        ? new Administration(store).administrator(s.user)
                        : null;
                return r.answer().of(new Call(ctx, s, v, op));
              });
    }
    if (answer == null) {
      ctx.status(204);
    } else if (answer != Streamed.INSTANCE) {
      json(ctx, answer);
    }
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
    return start(store, host, port, operations, null, null);
  }

  /**
   * Starts the API over HTTPS with a PEM certificate (and chain) and its PKCS#8 key when both are
   * given, else over HTTP.
   */
  public static ApiServer start(
      Store store, String host, int port, Operations operations, Path certificate, Path key) {
    if ((certificate == null) != (key == null)) {
      throw new IllegalArgumentException("give both the TLS certificate and its key, or neither");
    }
    TlsKeys tls = certificate == null ? null : new TlsKeys(certificate, key);
    ApiServer s = new ApiServer(store, host, port, operations, tls);
    s.app.start();
    return s;
  }

  /** Network projections made so far (readers with the same scope and team share one). */
  int projectionsMade() {
    return networkRoutes.projectionsMade();
  }

  /** The port the server listens on. */
  public int port() {
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc && sc.getLocalPort() > 0) {
        return sc.getLocalPort();
      }
    }
    return app.port();
  }

  /** Stops taking requests and waits for those running; the store stays open for its owner. */
  @Override
  public void close() {
    app.stop();
    jobs.close();
    networkRoutes.close();
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
  private Sessions.Session caller(Context ctx) throws Exception {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String user = access.read(() -> store.tokens().userOf(auth.substring(7).strip()));
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

  // ---------------------------------------------------------------- reads

  /** An answer a route has already written to the response itself (a file, not JSON). */
  enum Streamed {
    INSTANCE
  }
}
