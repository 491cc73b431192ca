package org.spil.policy;

import java.time.LocalDate;
import java.util.List;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;

/**
 * The access decision for one batch of statements (provenance is per batch) and a viewer on a day:
 * visible, hit-only or invisible. Pure: no storage, no clock. The rules, in order (the first that
 * applies decides):
 *
 * <ol>
 *   <li>anything missing or unknown (viewer, provenance, handling code, a legal basis the table
 *       does not know): invisible;
 *   <li>past {@code retain_until}: invisible;
 *   <li>a case purpose whose case does not list the user: invisible;
 *   <li>ingested for a case (compartment): visible when read for that case (by a member), else
 *       invisible;
 *   <li>a valid grant for this user, purpose and batch: visible;
 *   <li>the viewer's own agency: visible if the legal basis is compatible with the purpose's legal
 *       task, else hit-only;
 *   <li>not shared with the viewer's agency ({@code share_with}, or {@code all}): hit-only;
 *   <li>H3 (stated restriction): hit-only, a grant is needed;
 *   <li>H1 (not for court without consent) read for prosecution ({@code wjsg}): hit-only;
 *   <li>legal basis incompatible with the purpose: hit-only;
 *   <li>otherwise (H0, H1, H2 shared with the viewer): visible.
 * </ol>
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
    if (viewer == null || source == null || today == null || source.handlingCode() == null) {
      return Visibility.INVISIBLE;
    }
    if (!bases.isBasis(source.legalBasis()) || !bases.knows(viewer.purpose().legalTask())) {
      return Visibility.INVISIBLE;
    }
    if (source.retainUntil() == null || today.isAfter(source.retainUntil())) {
      return Visibility.INVISIBLE;
    }
    Purpose purpose = viewer.purpose();
    if (purpose.isCase() && !purpose.investigation().members().contains(viewer.user().name())) {
      return Visibility.INVISIBLE;
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
    boolean compatible = bases.compatible(purpose.legalTask(), source.legalBasis());
    if (source.agency().equals(viewer.agency())) {
      return compatible ? Visibility.VISIBLE : Visibility.HIT_ONLY;
    }
    if (!source.sharedWith(viewer.agency())) {
      return Visibility.HIT_ONLY;
    }
    if (source.handlingCode() == HandlingCode.H3) {
      return Visibility.HIT_ONLY;
    }
    if (source.handlingCode() == HandlingCode.H1 && purpose.legalTask().equals("wjsg")) {
      return Visibility.HIT_ONLY;
    }
    return compatible ? Visibility.VISIBLE : Visibility.HIT_ONLY;
  }
}
