package org.spil.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Permission from an owning agency, answering an access request: {@code user} may see the
 * statements of batch {@code batchId} (of entity {@code entityId} only, when set) for {@code
 * purpose} until {@code until} inclusive.
 */
public record Grant(
    String id, String user, String purpose, long batchId, String entityId, LocalDate until) {
  public Grant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(until, "until");
  }

  /** Whether this grant lets {@code viewer} see the batch (or its entity) on {@code today}. */
  public boolean covers(Viewer viewer, long batch, LocalDate today) {
    return batchId == batch
        && user.equals(viewer.user().name())
        && purpose.equals(viewer.purpose().token())
        && !today.isAfter(until);
  }
}
