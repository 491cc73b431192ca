package org.spil.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins slow down whoever tries, per user name and per client address: after {@link #FREE}
 * failures each further attempt waits twice as long as the one before (1 s, 2 s, 4 s, ..., at most
 * {@link #LONGEST}); a success clears the user's count. A guesser gets a few tries a day, an
 * analyst who mistyped waits a second.
 */
final class LoginThrottle {
  static final int FREE = 5;
  static final int FREE_PER_ADDRESS = 50;
  static final Duration LONGEST = Duration.ofMinutes(15);

  private record Failures(int count, Instant until) {}

  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

  /** How long the user, or the address, must still wait before trying; zero when it may. */
  Duration wait(String user, String address, Instant now) {
    Duration a = waitOf("user:" + user, now);
    Duration b = waitOf("addr:" + address, now);
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Duration waitOf(String key, Instant now) {
    Failures f = byKey.get(key);
    return f == null || !now.isBefore(f.until()) ? Duration.ZERO : Duration.between(now, f.until());
  }

  void failed(String user, String address, Instant now) {
    count("user:" + user, FREE, now);
    count("addr:" + address, FREE_PER_ADDRESS, now);
  }

  private void count(String key, int free, Instant now) {
    byKey.compute(
        key,
        (k, f) -> {
          int count = f == null ? 1 : f.count() + 1;
          Duration wait =
              count <= free
                  ? Duration.ZERO
                  : Duration.ofSeconds(1L << Math.min(20, count - free - 1));
          return new Failures(count, now.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait));
        });
  }

  void succeeded(String user) {
    byKey.remove("user:" + user);
  }
}
