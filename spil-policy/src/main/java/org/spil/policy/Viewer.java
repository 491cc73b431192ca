package org.spil.policy;

import java.util.Objects;

/**
 * Who reads and why: every read path of Spil takes one. Built only by {@link Directory#viewer},
 * which checks that the user exists and may use the purpose.
 */
public record Viewer(User user, Purpose purpose) {
  public Viewer {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(purpose, "purpose");
  }

  public String agency() {
    return user.agency();
  }
}
