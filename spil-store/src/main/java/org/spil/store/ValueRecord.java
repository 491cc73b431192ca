package org.spil.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One value of an entity as a viewer sees it in {@code spil show}: normalised and original value
 * with the full provenance of the statement it comes from (until when it may be kept included), and
 * where in the dataset's files it was read ({@code file:line}; absent for statements ingested
 * before positions were kept).
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
    LocalDate lastSeen,
    LocalDate retainUntil,
    @JsonInclude(JsonInclude.Include.NON_NULL) String source) {}
