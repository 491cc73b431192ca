package org.spil.store;

import java.util.Objects;

/**
 * Who is reading: for now the viewer's agency, which decides what it may see (its own statements
 * and those shared with it). The safeguards issue adds the user, roles and purpose; every read path
 * already takes a Viewer so that change stays in {@link AccessPolicy}.
 */
public record Viewer(String agency) {
  public Viewer {
    Objects.requireNonNull(agency, "agency");
    if (agency.isBlank()) {
      throw new IllegalArgumentException("a viewer needs an agency");
    }
  }
}
