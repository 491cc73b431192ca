package org.spil.analysis.monitor;

/**
 * A change of slope: counts that were level and then rise (or fall) period after period, as a new
 * route grows month by month, told apart from one step up. On the counts of one regime (from the
 * last change of level, as {@link Signals} knows it when it judges), a broken line (level until a
 * period, then a constant slope) is fitted at every break and compared with the best single step
 * and with no change at all, by least squares with the variance of counts (their mean times the
 * overdispersion the series shows between neighbouring periods). A ramp is called when it explains
 * the counts better than no change by more than {@code penalty} times log(periods), as binary
 * segmentation prices a change, and better than any one step by more than log(periods), and when it
 * has run at least {@code min-ramp} periods: a level that moved once is a step; a level moving
 * every period is a trend.
 */
public final class Slopes {
  private Slopes() {}

  /**
   * A ramp: its first period (the first above or below the level), the level before it, its slope
   * per period, the last period fitted, and its gain over no change in log-likelihood units.
   */
  public record Ramp(int at, double level, double slope, int last, double gain) {

    /** The fitted count at the last period. */
    public double reached() {
      return level + slope * (last - at + 1);
    }
  }

  /**
   * The ramp of {@code x[from..to]} (inclusive), or null when there is none as the class describes:
   * every ramp runs at least {@code minRamp} periods; {@code dispersion} is the series'
   * overdispersion ({@link Segmentation#dispersion}).
   */
  public static Ramp of(
      double[] x, int from, int to, int minRamp, double penalty, double dispersion) {
    int n = to - from + 1;
    if (n < minRamp + 2 || minRamp < 2) {
      return null;
    }
    double mean = 0;
    for (int i = from; i <= to; i++) {
      mean += x[i];
    }
    mean /= n;
    double variance = Math.max(1, mean) * Math.max(1, dispersion);
    double flat = 0;
    for (int i = from; i <= to; i++) {
      flat += (x[i] - mean) * (x[i] - mean);
    }
    // the best single step, anywhere (a jump in the last period is a step, not a ramp)
    double step = flat;
    for (int at = from + 1; at <= to; at++) {
      step = Math.min(step, rss(x, from, at - 1) + rss(x, at, to));
    }
    // the best broken line: level before k, a + b (i - k + 1) from k
    Ramp best = null;
    double bestRss = Double.POSITIVE_INFINITY;
    for (int k = from; k <= to - minRamp + 1; k++) {
      double[] fit = hinge(x, from, to, k);
      if (fit[2] < bestRss) {
        bestRss = fit[2];
        best = new Ramp(k, fit[0], fit[1], to, 0);
      }
    }
    if (best == null) {
      return null;
    }
    double log = Math.log(Math.max(n, 2));
    double gain = (flat - bestRss) / (2 * variance);
    double overStep = (step - bestRss) / (2 * variance);
    if (2 * gain <= penalty * log || 2 * overStep <= log) {
      return null;
    }
    return new Ramp(best.at(), best.level(), best.slope(), to, gain);
  }

  /** The residual sum of squares of {@code x[from..to]} about its mean (0 when empty). */
  private static double rss(double[] x, int from, int to) {
    if (to < from) {
      return 0;
    }
    double m = 0;
    for (int i = from; i <= to; i++) {
      m += x[i];
    }
    m /= to - from + 1;
    double r = 0;
    for (int i = from; i <= to; i++) {
      r += (x[i] - m) * (x[i] - m);
    }
    return r;
  }

  /**
   * The least-squares broken line of {@code x[from..to]} breaking at {@code k}: {level, slope,
   * residual sum of squares}, the line {@code level + slope * max(0, i - k + 1)}.
   */
  static double[] hinge(double[] x, int from, int to, int k) {
    // ordinary least squares on the columns 1 and h(i) = max(0, i - k + 1)
    double n = to - from + 1;
    double sh = 0;
    double shh = 0;
    double sy = 0;
    double shy = 0;
    for (int i = from; i <= to; i++) {
      double h = Math.max(0, i - k + 1);
      sh += h;
      shh += h * h;
      sy += x[i];
      shy += h * x[i];
    }
    double det = n * shh - sh * sh;
    if (det <= 0) {
      return new double[] {sy / n, 0, Double.POSITIVE_INFINITY};
    }
    double slope = (n * shy - sh * sy) / det;
    double level = (sy - slope * sh) / n;
    double r = 0;
    for (int i = from; i <= to; i++) {
      double e = x[i] - level - slope * Math.max(0, i - k + 1);
      r += e * e;
    }
    return new double[] {level, slope, r};
  }
}
