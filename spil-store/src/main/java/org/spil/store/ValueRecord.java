package org.spil.store;

import java.time.LocalDate;

/**
 * One value of an entity as a viewer sees it in {@code spil show}: normalised and original value
 * with the full provenance of the statement it comes from.
 */
public record ValueRecord(
    String value,
    String originalValue,
    String dataset,
    String agency,
    String legalBasis,
    String handlingCode,
    String sourceGrade,
    int infoGrade,
    LocalDate firstSeen,
    LocalDate lastSeen) {}
