package org.spil.cli;

import java.util.Set;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;

/** Viewers for tests that read the store directly: an analyst of an agency, for wpg-art-9. */
final class Viewers {
  private Viewers() {}

  static Viewer of(String agency) {
    return new Viewer(
        new User("analyst-" + agency, agency, Set.of(Role.ANALYST)), Purpose.task("wpg-art-9"));
  }
}
