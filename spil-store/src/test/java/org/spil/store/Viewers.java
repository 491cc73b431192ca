package org.spil.store;

import java.util.Set;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;

/** Viewers for tests: an analyst of an agency reading for a legal task (default: wpg-art-9). */
final class Viewers {
  private Viewers() {}

  static Viewer of(String agency) {
    return of(agency, "wpg-art-9");
  }

  static Viewer of(String agency, String task) {
    return new Viewer(
        new User("analyst-" + agency, agency, Set.of(Role.ANALYST)), Purpose.task(task));
  }
}
