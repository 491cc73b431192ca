package org.spil.server;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logged-in sessions of the server, in memory: a random id (the cookie), the user, a CSRF token
 * every state-changing request must echo, and when it started and was last used. A session ends
 * after {@link #IDLE} without a request, after {@link #LIFETIME} in any case, or at logout; a
 * server restart ends them all.
 */
final class Sessions {
  static final Duration IDLE = Duration.ofMinutes(30);
  static final Duration LIFETIME = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One session; {@code lastSeen} moves with each request. */
  static final class Session {
    final String id;
    final String user;
    final String csrf;
    final Instant started;
    volatile Instant lastSeen;

    Session(String id, String user, String csrf, Instant started) {
      this.id = id;
      this.user = user;
      this.csrf = csrf;
      this.started = started;
      this.lastSeen = started;
    }

    /** The caller of one request made with an API token: no session to keep, no CSRF token. */
    static Session ofToken(String user, Instant now) {
      return new Session(null, user, null, now);
    }
  }

  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  Session start(String user, Instant now) {
    Session s = new Session(randomToken(), user, randomToken(), now);
    byId.put(s.id, s);
    return s;
  }

  /** The live session of an id, its last use moved to now; null when none or expired. */
  Session find(String id, Instant now) {
    Session s = id == null ? null : byId.get(id);
    if (s == null) {
      return null;
    }
    if (now.isAfter(s.lastSeen.plus(IDLE)) || now.isAfter(s.started.plus(LIFETIME))) {
      byId.remove(s.id);
      return null;
    }
    s.lastSeen = now;
    return s;
  }

  /** Ends every session of a user but one (after a password change: other devices log in again). */
  void endOthers(String user, String keep) {
    byId.values().removeIf(s -> s.user.equals(user) && !s.id.equals(keep));
  }

  void end(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }
}
