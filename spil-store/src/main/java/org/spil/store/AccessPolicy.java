package org.spil.store;

import java.time.LocalDate;
import org.spil.model.Provenance;

/**
 * The one place that decides whether a viewer may see statements of a given provenance. Default
 * deny: a viewer sees its own agency's statements and those whose {@code share_with} names it or
 * {@code all}, and nothing past its retention date. Every read path of the store filters through
 * {@link #visible}; search documents, counts and exports are built only from visible batches.
 */
public final class AccessPolicy {
  private final LocalDate today;

  public AccessPolicy(LocalDate today) {
    this.today = today;
  }

  public boolean visible(Viewer viewer, Provenance provenance) {
    if (viewer == null || provenance == null) {
      return false;
    }
    if (provenance.retainUntil().isBefore(today)) {
      return false;
    }
    return provenance.sharedWith(viewer.agency());
  }
}
