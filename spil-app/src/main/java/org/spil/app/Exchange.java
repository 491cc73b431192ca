package org.spil.app;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.spil.model.InvalidField;
import org.spil.policy.Approval;
import org.spil.policy.Role;
import org.spil.policy.Subset;
import org.spil.policy.Viewer;
import org.spil.store.HitNoHit;
import org.spil.store.Requests;
import org.spil.store.Store;

/**
 * The exchange between agencies: hit/no-hit (which other agencies hold matching records the viewer
 * may not see, never a value), the access requests that follow a hit, decided by the owning agency,
 * and the subsets of batches the owning agency approves for a case as a court orders. Every step is
 * audited in the store.
 */
public final class Exchange {
  private final Store store;

  public Exchange(Store store) {
    this.store = store;
  }

  /** The hits for a name (with a date of birth), an IBAN, a phone number or an identifier. */
  public List<HitNoHit.Hit> hit(Viewer viewer, HitNoHit.Query query) {
    return store.hits().find(viewer, query);
  }

  /** Asks the agency behind a hit's reference for access, for the viewer's purpose. */
  public Requests.View request(Viewer viewer, String reference, String reason) {
    return store.requests().create(viewer, reference, reason);
  }

  /** The requests a user made and those to the user's agency. */
  public List<Requests.View> requests(String user) {
    return store.requests().list(user);
  }

  /** A user of the owning agency grants a request until a day (inclusive). */
  public Requests.View grant(String user, String request, LocalDate until) {
    return store.requests().decide(user, request, true, until, null);
  }

  /** A user of the owning agency refuses a request, saying why. */
  public Requests.View refuse(String user, String request, String reason) {
    return store.requests().decide(user, request, false, null, reason);
  }

  /**
   * A user of the batch's owning agency approves a subset of the batch for a case, for an audience
   * (the case team and the court when none is given), until a day, carrying out an order.
   */
  public Approval approve(
      String user,
      String caseId,
      long batch,
      Subset subset,
      Set<Role> audience,
      LocalDate until,
      String order) {
    return store.approvals().record(user, caseId, batch, subset, audience, until, order);
  }

  /**
   * An approval as a front end asks for it: the entities (or a period, from and to; not both), the
   * audience by role labels (none: the case team and the court).
   */
  public Approval approve(
      String user,
      String caseId,
      long batch,
      List<String> entities,
      LocalDate from,
      LocalDate to,
      List<String> audience,
      LocalDate until,
      String order) {
    boolean named = entities != null && !entities.isEmpty();
    Subset subset;
    if (named && (from != null || to != null)) {
      throw new InvalidField("entity", "name entities or a period, not both");
    } else if (named) {
      subset = new Subset.Entities(Set.copyOf(entities));
    } else if (from != null && to != null) {
      subset = new Subset.Period(from, to);
    } else {
      throw new InvalidField("entity", "name the entities or a period (from and to)");
    }
    Set<Role> roles = null;
    if (audience != null && !audience.isEmpty()) {
      roles = EnumSet.noneOf(Role.class);
      for (String r : audience) {
        roles.add(Role.parse(r));
      }
    }
    return approve(user, caseId, batch, subset, roles, until, order);
  }

  /** The approvals in force that the user's agency made or that the user may read by. */
  public List<Approval> approvals(String user) {
    return store.approvals().list(user);
  }

  /** A user of the owning agency revokes an approval. */
  public void revoke(String user, String approval) {
    store.approvals().revoke(user, approval);
  }
}
