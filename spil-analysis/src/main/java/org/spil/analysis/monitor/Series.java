package org.spil.analysis.monitor;

import java.util.List;

/**
 * A series of counts or sums per period: what is measured ({@code shipments}, {@code crossings}),
 * by which dimension ({@code country}, {@code port}, {@code route}) and for which of its values
 * ({@code tg}, {@code TGLFW}), its periods in order ("2024-09") and a value for each.
 */
public record Series(String measure, String by, String key, List<String> periods, double[] values) {
  public Series {
    periods = List.copyOf(periods);
    if (periods.size() != values.length) {
      throw new IllegalArgumentException("a value for each period");
    }
  }

  /** The sum of the values. */
  public double total() {
    double t = 0;
    for (double v : values) {
      t += v;
    }
    return t;
  }

  /** "shipments by port TGLFW": how people say which series it is. */
  public String title() {
    return measure + " by " + by + " " + key;
  }
}
