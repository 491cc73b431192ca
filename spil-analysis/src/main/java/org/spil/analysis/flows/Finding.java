package org.spil.analysis.flows;

/**
 * What a typology found: the payments behind it (positions in the graph's time order, in the order
 * the money moved), a score whose meaning the typology gives, and an explanation an analyst can put
 * in a report: which payments, which window, which threshold, and why it is unusual.
 */
public record Finding(Typology typology, int[] payments, double score, String explanation) {}
