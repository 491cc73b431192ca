package org.spil.app;

/**
 * Who makes a change that is not a read (an ingest, a new user or case, a purge), as the audit log
 * names them: the operating-system account that runs a local command ({@code os:NAME}), or later an
 * authenticated administrator of the server.
 */
public record Operator(String name) {
  public Operator {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an operator needs a name");
    }
  }

  /** The operating-system account running this process. */
  public static Operator local() {
    return new Operator("os:" + System.getProperty("user.name", "unknown"));
  }
}
