package org.spil.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;

/**
 * The access decision for one batch of statements (provenance is per batch) and a viewer on a day:
 * visible, hit-only, count-only or invisible; and, for one record of a batch, what approvals and
 * entity grants add to it. Pure: no storage, no clock. The rules for a batch, in order (the first
 * that applies decides):
 *
 * <ol>
 *   <li>anything missing or unknown (viewer, provenance, handling code, a legal basis or task the
 *       table does not know): invisible;
 *   <li>a claim the legal-bases table does not allow (the reader's agency, by kind or name, is not
 *       among the task's readers, or no role of the reader's is): invisible;
 *   <li>past {@code retain_until}: invisible;
 *   <li>a case purpose whose case does not list the user: invisible;
 *   <li>defence counsel and the court: invisible (they see only approved subsets, below);
 *   <li>a counts-only task (strategic analysis): a compartment is invisible; the reader's own
 *       agency's data and data shared with it, not H3, under a compatible basis, count-only; the
 *       rest invisible;
 *   <li>ingested for a case (compartment): visible when read for that case (by a member), else
 *       invisible;
 *   <li>a valid grant for this user, purpose and batch: visible;
 *   <li>the viewer's own agency: visible if the legal basis is compatible with the purpose's legal
 *       task, else hit-only;
 *   <li>not shared with the viewer's agency ({@code share_with}, or {@code all}): hit-only;
 *   <li>H3 (stated restriction): hit-only, a grant is needed;
 *   <li>H1 (not for court without consent) read for prosecution ({@code wjsg}) or by a prosecution
 *       agency, whatever its purpose: hit-only;
 *   <li>legal basis incompatible with the purpose: hit-only;
 *   <li>otherwise (H0, H1, H2 shared with the viewer): visible.
 * </ol>
 *
 * <p>A record the batch rules leave short of visible is visible when an {@link Approval} covers it
 * (the viewer reads for the approval's case, as a member in a role of its audience, and the record
 * is in its subset) unless rules 1 to 4 made it invisible or the task is counts-only; or when the
 * batch is hit-only and an entity grant names the record's entity.
 */
public final class Policy {
  private final LegalBases bases;

  public Policy(LegalBases bases) {
    this.bases = bases;
  }

  public LegalBases bases() {
    return bases;
  }

  public Visibility decide(
      Viewer viewer, Provenance source, long batchId, List<Grant> grants, LocalDate today) {
    if (!admissible(viewer, source, today)) {
      return Visibility.INVISIBLE;
    }
    Purpose purpose = viewer.purpose();
    if (viewer.user().isOutsideParty()) {
      return Visibility.INVISIBLE;
    }
    boolean compatible = bases.compatible(purpose.legalTask(), source.legalBasis());
    boolean own = source.agency().equals(viewer.agency());
    if (bases.countsOnly(purpose.legalTask())) {
      return source.caseId() == null
              && (own || source.sharedWith(viewer.agency()))
              && source.handlingCode() != HandlingCode.H3
              && compatible
          ? Visibility.COUNT_ONLY
          : Visibility.INVISIBLE;
    }
    if (source.caseId() != null) {
      return purpose.isCase() && purpose.token().equals(source.caseId())
          ? Visibility.VISIBLE
          : Visibility.INVISIBLE;
    }
    if (grants != null) {
      for (Grant g : grants) {
        if (g.entityId() == null && g.covers(viewer, batchId, today)) {
          return Visibility.VISIBLE;
        }
      }
    }
    if (own) {
      return compatible ? Visibility.VISIBLE : Visibility.HIT_ONLY;
    }
    if (!source.sharedWith(viewer.agency())) {
      return Visibility.HIT_ONLY;
    }
    if (source.handlingCode() == HandlingCode.H3) {
      return Visibility.HIT_ONLY;
    }
    if (source.handlingCode() == HandlingCode.H1
        && (purpose.legalTask().equals("wjsg")
            || bases.kindOf(viewer.agency()) == AgencyKind.PROSECUTION)) {
      return Visibility.HIT_ONLY;
    }
    return compatible ? Visibility.VISIBLE : Visibility.HIT_ONLY;
  }

  /** Rules 1 to 4: nothing else is decided for a viewer, batch or day that fails them. */
  private boolean admissible(Viewer viewer, Provenance source, LocalDate today) {
    if (viewer == null || source == null || today == null || source.handlingCode() == null) {
      return false;
    }
    Purpose purpose = viewer.purpose();
    if (!bases.isBasis(source.legalBasis()) || !bases.knows(purpose.legalTask())) {
      return false;
    }
    if (!viewer.user().isOutsideParty()
        && bases.refusal(viewer.user(), purpose.legalTask()) != null) {
      return false;
    }
    if (source.retainUntil() == null || today.isAfter(source.retainUntil())) {
      return false;
    }
    return !purpose.isCase() || purpose.investigation().members().contains(viewer.user().name());
  }

  /**
   * The approvals that open part of the batch to the viewer on the day: those that apply when the
   * batch as a whole is not visible. Empty when rules 1 to 4 make the batch invisible or the task
   * reads counts only.
   */
  public List<Approval> opened(
      Viewer viewer, Provenance source, long batchId, List<Approval> approvals, LocalDate today) {
    List<Approval> out = new ArrayList<>();
    if (approvals == null
        || approvals.isEmpty()
        || !admissible(viewer, source, today)
        || bases.countsOnly(viewer.purpose().legalTask())) {
      return out;
    }
    for (Approval a : approvals) {
      if (a.opens(viewer, batchId, today)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * The decision for one record of a batch: the record of {@code entityId}, dated by {@code dates}
   * (the values of its {@link Subset#DATED} properties). The batch's decision, raised to visible by
   * an approval that covers the record, or, in a hit-only batch, by a grant of its entity.
   */
  public Visibility decide(
      Viewer viewer,
      Provenance source,
      long batchId,
      String entityId,
      Collection<LocalDate> dates,
      List<Grant> grants,
      List<Approval> approvals,
      LocalDate today) {
    Visibility batch = decide(viewer, source, batchId, grants, today);
    if (batch == Visibility.VISIBLE) {
      return batch;
    }
    for (Approval a : opened(viewer, source, batchId, approvals, today)) {
      if (a.subset().contains(entityId, dates)) {
        return Visibility.VISIBLE;
      }
    }
    if (batch == Visibility.HIT_ONLY && grants != null) {
      for (Grant g : grants) {
        if (entityId.equals(g.entityId()) && g.covers(viewer, batchId, today)) {
          return Visibility.VISIBLE;
        }
      }
    }
    return batch;
  }
}
