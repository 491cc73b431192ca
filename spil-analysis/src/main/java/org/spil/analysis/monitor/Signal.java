package org.spil.analysis.monitor;

import java.util.List;

/**
 * A change in a series: which series, what kind ({@code emergence}: from (next to) nothing; {@code
 * rise}; {@code drop}), the period it starts and the period a monitor would have called it, the
 * mean per period before and after, its strength (the segmentation's evidence for it as a multiple
 * of the price of a change: above 1 it is worth a change), the detectors that called it, and what
 * it means in words.
 */
public record Signal(
    Series series,
    String kind,
    String start,
    String called,
    double before,
    double after,
    double strength,
    List<String> detectors,
    String explanation) {
  public Signal {
    detectors = List.copyOf(detectors);
  }
}
