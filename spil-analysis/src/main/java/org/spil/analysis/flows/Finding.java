package org.spil.analysis.flows;

import java.util.List;

/**
 * What a typology found: the payments behind it (positions in the graph's time order, in the order
 * the money moved), a score whose meaning the typology gives, an explanation an analyst can put in
 * a report (which payments, which window, which threshold, and why it is unusual), and the other
 * entities it rests on, such as the shipments a trade-based alert compares the payments with.
 */
public record Finding(
    Typology typology, int[] payments, double score, String explanation, List<String> entities) {

  public Finding {
    entities = List.copyOf(entities);
  }

  /** A finding that rests on its payments alone. */
  public Finding(Typology typology, int[] payments, double score, String explanation) {
    this(typology, payments, score, explanation, List.of());
  }
}
