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

  /**
   * Who shares this viewer's resolution of entities (clusters, canonical ids, judgements): the
   * members of the case when the purpose is a case ({@code case:26Kruiskade}), otherwise the users
   * of the viewer's agency reading for the same legal task ({@code agency:politie-nl:wpg-art-9}).
   */
  public String team() {
    return purpose.isCase()
        ? "case:" + purpose.token()
        : "agency:" + agency() + ":" + purpose.token();
  }
}
