package org.spil.server;

import static org.spil.server.Params.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.app.Json;
import org.spil.app.Searching;
import org.spil.policy.Case;
import org.spil.policy.Directory;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.server.ApiServer.Access;
import org.spil.server.ApiServer.Call;
import org.spil.server.ApiServer.Route;
import org.spil.store.Store;

/**
 * The routes of sessions: health, login and logout, one's own password, the user and the purposes
 * it may read for, a switch of purpose (checked and audited), API tokens for oneself. Logins are
 * throttled per user and per address without waiting for the store.
 */
final class SessionRoutes {
  private final Store store;
  private final StoreAccess access;
  private final Sessions sessions;
  private final LoginThrottle throttle;

  SessionRoutes(Store store, StoreAccess access, Sessions sessions, LoginThrottle throttle) {
    this.store = store;
    this.access = access;
    this.sessions = sessions;
    this.throttle = throttle;
  }

  /** The routes, as {@link ApiServer#routes()} registers and documents them. */
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
            StoreAccess.Lock.NONE),
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
                          blankToNull(c.ctx().header(ApiServer.PURPOSE_HEADER)),
                          text(b, "purpose"));
              return Map.of("purpose", v.purpose().token());
            }));
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
          "a token lasts at most "
              + MAX_TOKEN_DAYS
              + " days, until "
              + today.plusDays(MAX_TOKEN_DAYS),
          "expires");
    }
    return store.tokens().make(call.session().user, expires, call.session().user);
  }

  /** A wait in whole seconds, rounded up: "try again in 0 s" helps nobody. */
  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private Object login(Call call) throws Exception {
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
    // asked again in turn: guesses sent at once all passed the check above before any failed
    boolean ok =
        access.write(
            () -> {
              Duration again = throttle.wait(user, ctx.ip(), Instant.now());
              if (!again.isZero()) {
                ctx.header("Retry-After", Long.toString(seconds(again)));
                throw new ApiError(
                    429, "too many failed logins; try again in " + seconds(again) + " s", null);
              }
              boolean right = store.accounts().authenticate(user, password.toCharArray(), ctx.ip());
              if (!right) {
                throttle.failed(user, ctx.ip(), now);
              }
              return right;
            });
    if (!ok) {
      throw new ApiError(401, "wrong user or password", null);
    }
    throttle.succeeded(user);
    Sessions.Session s = sessions.start(user, now);
    Cookie cookie = new Cookie(ApiServer.SESSION_COOKIE, s.id);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure("https".equals(ctx.scheme()));
    ctx.cookie(cookie);
    Map<String, Object> out = new LinkedHashMap<>(access.read(() -> describe(user)));
    out.put("csrf", s.csrf);
    return out;
  }

  private Object logout(Call call) {
    sessions.end(call.session().id);
    call.ctx().removeCookie(ApiServer.SESSION_COOKIE, "/");
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
}
