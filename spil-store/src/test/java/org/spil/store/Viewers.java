package org.spil.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.spil.policy.LegalBases;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;

/**
 * Viewers for tests: an analyst of an agency reading for a legal task (default: wpg-art-9); and the
 * legal-bases table of a test's data directory, the defaults with the tests' short agency names
 * ({@code a}, {@code b}, {@code other-agency}) as police, so that their analysts may read.
 */
final class Viewers {
  private Viewers() {}

  static void allowTestAgencies(Path dir) throws IOException {
    String defaults;
    try (InputStream in = LegalBases.class.getResourceAsStream("legal-bases.txt")) {
      defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("legal-bases.txt"),
        defaults + "agency a: police\nagency b: police\nagency other-agency: police\n");
  }

  static Viewer of(String agency) {
    return of(agency, "wpg-art-9");
  }

  static Viewer of(String agency, String task) {
    return new Viewer(
        new User("analyst-" + agency, agency, Set.of(Role.ANALYST)), Purpose.task(task));
  }
}
