package org.spil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's schedule: free tries, then doubling waits, per user and (more) per address. */
class LoginThrottleTest {
  static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

  @Test
  void aUserGetsFiveFreeTriesThenDoublingWaitsUpToAQuarterOfAnHour() {
    LoginThrottle t = new LoginThrottle();
    for (int i = 0; i < LoginThrottle.FREE; i++) {
      assertThat(t.wait("ann", "10.0.0.1", T0)).isZero();
      t.failed("ann", "10.0.0.1", T0);
    }
    assertThat(t.wait("ann", "10.0.0.1", T0)).isZero();
    t.failed("ann", "10.0.0.1", T0);
    assertThat(t.wait("ann", "10.0.0.2", T0)).isEqualTo(Duration.ofSeconds(1));
    t.failed("ann", "10.0.0.1", T0);
    assertThat(t.wait("ann", "10.0.0.2", T0)).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 30; i++) {
      t.failed("ann", "10.0.0.1", T0);
    }
    assertThat(t.wait("ann", "10.0.0.2", T0)).isEqualTo(LoginThrottle.LONGEST);
    assertThat(t.wait("ann", "10.0.0.2", T0.plus(LoginThrottle.LONGEST))).isZero();
    assertThat(t.wait("bob", "10.0.0.2", T0)).as("another user elsewhere").isZero();
    t.succeeded("ann");
    assertThat(t.wait("ann", "10.0.0.2", T0)).isZero();
  }

  @Test
  void oneAddressTryingManyNamesIsSlowedAfterFiftyButItsOtherUsersBeforeThatAreNot() {
    LoginThrottle t = new LoginThrottle();
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      t.failed("name" + i, "10.0.0.9", T0);
    }
    assertThat(t.wait("colleague", "10.0.0.9", T0)).isZero();
    t.failed("name-x", "10.0.0.9", T0);
    assertThat(t.wait("colleague", "10.0.0.9", T0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.wait("colleague", "10.0.0.8", T0)).isZero();
  }
}
