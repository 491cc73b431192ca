package org.spil.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A subset of one batch approved for a case, as a court orders and the owning agency records it:
 * the members of the case whose role is in {@code audience} (the case team, the court, defence
 * counsel when disclosed to the defence) see the subset in full when they read for the case, until
 * {@code until} inclusive; whatever else the batch holds stays as the other rules decide. {@code
 * order} is the reference of the order (a court's decision number).
 */
public record Approval(
    String id,
    String caseId,
    long batchId,
    Subset subset,
    Set<Role> audience,
    LocalDate until,
    String order,
    String approvedBy) {

  /** Who sees an approval when none is named: the case team and the court. */
  public static final Set<Role> CASE_TEAM_AND_COURT =
      Set.of(Role.ANALYST, Role.INVESTIGATOR, Role.COURT);

  public Approval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(subset, "subset");
    Objects.requireNonNull(until, "until");
    if (order == null || order.isBlank()) {
      throw new PolicyException("order", "an approval names the order it carries out");
    }
    if (audience == null || audience.isEmpty()) {
      throw new PolicyException("audience", "an approval names who may read it");
    }
    for (Role r : audience) {
      if (r == Role.PRIVACY_OFFICER || r == Role.ADMINISTRATOR) {
        throw new PolicyException(
            "audience", "an approval is for readers of the case, not for the " + r.label());
      }
    }
    audience = Set.copyOf(EnumSet.copyOf(audience));
  }

  /**
   * Whether this approval shows the viewer the record (its entity and dates) of the batch on the
   * day: the viewer reads for this case as a member, in a role of the audience, before the end.
   */
  public boolean covers(
      Viewer viewer, long batch, String entityId, Collection<LocalDate> dates, LocalDate today) {
    return opens(viewer, batch, today) && subset.contains(entityId, dates);
  }

  /** Whether this approval opens a subset of the batch to the viewer on the day. */
  public boolean opens(Viewer viewer, long batch, LocalDate today) {
    Purpose p = viewer.purpose();
    return batchId == batch
        && p.isCase()
        && p.token().equals(caseId)
        && p.investigation().members().contains(viewer.user().name())
        && viewer.user().roles().stream().anyMatch(audience::contains)
        && !today.isAfter(until);
  }
}
