package org.spil.analysis.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * A seasonal count alarm in the manner of Farrington (Farrington et al., 1996) and the CDC's EARS:
 * each period's count against what the reference periods lead one to expect. With a year of history
 * the reference is the same season in earlier years (the period a year and two years back, and
 * {@code window} periods either side), as Farrington takes it, so that a summer peak is compared
 * with summers; before that, the periods just before. Reference periods before the series' current
 * regime (the start of its last change) are left out, so that a flow that rose is judged against
 * its new level and not alarmed again every year. The expected count is their mean, the spread a
 * Poisson's widened by the overdispersion the reference shows; a period alarms when its count is at
 * least {@code minCount} and lies more than {@code z} spreads above the mean. An alarm where the
 * reference held (next to) nothing is an emergence.
 */
public final class CountAlarm {
  private CountAlarm() {}

  /**
   * A period that alarmed: which, its count, the expected count and the alarm threshold, and
   * whether the reference held nothing (an emergence).
   */
  public record Alarm(
      int at, double observed, double expected, double threshold, boolean emergence) {
    /** How many spreads above the expected count: the alarm's strength. */
    public double strength(double z) {
      double spread = (threshold - expected) / z;
      return spread > 0 ? (observed - expected) / spread : observed;
    }
  }

  /** The settings of the alarm (see the type's comment), and the periods in a year (12, 52). */
  public record Settings(
      int window, int recent, int minReference, double z, double minCount, int year) {}

  /**
   * Whether period {@code t} alarms given the regime that starts at {@code regime} (0: the whole
   * series); null when it does not or when too few reference periods are known.
   */
  public static Alarm at(double[] counts, int t, int regime, Settings s) {
    List<Double> reference = new ArrayList<>();
    int year = s.year();
    if (t - year - s.window() >= regime) {
      for (int back = year; back <= 2 * year; back += year) {
        for (int d = -s.window(); d <= s.window(); d++) {
          int i = t - back + d;
          if (i >= regime && i < t) {
            reference.add(counts[i]);
          }
        }
      }
    } else {
      for (int i = Math.max(regime, t - s.recent()); i < t; i++) {
        reference.add(counts[i]);
      }
    }
    if (reference.size() < s.minReference()) {
      return null;
    }
    double mean = 0;
    double most = 0;
    for (double r : reference) {
      mean += r;
      most = Math.max(most, r);
    }
    mean /= reference.size();
    double variance = 0;
    for (double r : reference) {
      variance += (r - mean) * (r - mean);
    }
    variance /= Math.max(1, reference.size() - 1);
    double dispersion = mean > 0 ? Math.max(1, variance / mean) : 1;
    double threshold = mean + s.z() * Math.sqrt(dispersion * Math.max(mean, 1));
    double x = counts[t];
    if (x < s.minCount() || x <= threshold) {
      return null;
    }
    return new Alarm(t, x, mean, threshold, most <= 1 && mean < 0.5);
  }
}
