package org.spil.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a batch of statements comes from and under which rules it may be used: the dataset and
 * agency that supplied it, the legal basis, the handling code (H3 with its note), the grading of
 * source and information, how long it may be kept, which other agencies it is shared with ({@code
 * all} for every partner) and, optionally, the case it was supplied for. Kept once per batch, not
 * per statement.
 */
public record Provenance(
    String dataset,
    String title,
    String agency,
    String legalBasis,
    HandlingCode handlingCode,
    String handlingNote,
    SourceGrade sourceGrade,
    int infoGrade,
    LocalDate retainUntil,
    Set<String> shareWith,
    String caseId) {

  /** The share-with token that means every partner agency. */
  public static final String ALL = "all";

  public Provenance {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(legalBasis, "legal_basis");
    Objects.requireNonNull(handlingCode, "handling_code");
    Objects.requireNonNull(sourceGrade, "source_grade");
    Objects.requireNonNull(retainUntil, "retain_until");
    if (infoGrade < 1 || infoGrade > 4) {
      throw new IllegalArgumentException("info_grade must be 1, 2, 3 or 4, not " + infoGrade);
    }
    if (handlingCode == HandlingCode.H3 && (handlingNote == null || handlingNote.isBlank())) {
      throw new IllegalArgumentException(
          "handling_code H3 requires a handling_note stating the restriction");
    }
    shareWith = Set.copyOf(new TreeSet<>(shareWith));
  }

  /** True when an agency may see statements under this provenance (its own, or shared with it). */
  public boolean sharedWith(String viewerAgency) {
    return agency.equals(viewerAgency)
        || shareWith.contains(ALL)
        || shareWith.contains(viewerAgency);
  }
}
