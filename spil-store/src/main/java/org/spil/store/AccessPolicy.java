package org.spil.store;

import java.time.LocalDate;
import java.util.List;
import org.spil.policy.Grant;
import org.spil.policy.Policy;
import org.spil.policy.Viewer;
import org.spil.policy.Visibility;

/**
 * Where the store applies the policy: the decision of {@link Policy} for a viewer and a batch on
 * the store's day, with the viewer's grants. Every read path of the store filters through the set
 * of batches whose decision is {@link Visibility#VISIBLE}; search documents, counts, exports and
 * entity pages are built only from those, so hit-only and invisible statements never leave it.
 */
public final class AccessPolicy {
  private final Policy policy;
  private final LocalDate today;

  public AccessPolicy(Policy policy, LocalDate today) {
    this.policy = policy;
    this.today = today;
  }

  public Policy policy() {
    return policy;
  }

  public LocalDate today() {
    return today;
  }

  public Visibility decide(Viewer viewer, Batch batch, List<Grant> grants) {
    if (batch == null) {
      return Visibility.INVISIBLE;
    }
    return policy.decide(viewer, batch.provenance(), batch.id(), grants, today);
  }
}
