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
    // prefix sums over the window: of counts, squares and counts times their index, so that every
    // step and every broken line is fitted in constant time
    double[] c = new double[n + 1];
    double[] c2 = new double[n + 1];
    double[] ci = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double v = x[from + i];
      c[i + 1] = c[i] + v;
      c2[i + 1] = c2[i] + v * v;
      ci[i + 1] = ci[i] + i * v;
    }
    double mean = c[n] / n;
    double variance = Math.max(1, mean) * Math.max(1, dispersion);
    double flat = c2[n] - c[n] * c[n] / n;
    // the best single step, anywhere (a jump in the last period is a step, not a ramp)
    double step = flat;
    for (int at = 1; at < n; at++) {
      double left = c2[at] - c[at] * c[at] / at;
      double right = (c2[n] - c2[at]) - (c[n] - c[at]) * (c[n] - c[at]) / (n - at);
      step = Math.min(step, left + right);
    }
    // the best broken line: level before k, a + b (i - k + 1) from k
    Ramp best = null;
    double bestRss = Double.POSITIVE_INFINITY;
    for (int k = 0; k <= n - minRamp; k++) {
      double[] fit = hinge(c, c2, ci, n, k);
      if (fit[2] < bestRss) {
        bestRss = fit[2];
        best = new Ramp(from + k, fit[0], fit[1], to, 0);
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

  /**
   * The least-squares broken line of a window of {@code n} counts breaking at its {@code k}-th,
   * from the window's prefix sums of counts, squares and counts times index: {level, slope,
   * residual sum of squares}, the line {@code level + slope * max(0, i - k + 1)}.
   */
  static double[] hinge(double[] c, double[] c2, double[] ci, int n, int k) {
    // the columns 1 and h(i) = max(0, i - k + 1): h runs 1..m over the last m = n - k counts
    double m = n - k;
    double sh = m * (m + 1) / 2;
    double shh = m * (m + 1) * (2 * m + 1) / 6;
    double sy = c[n];
    // sum of (i - k + 1) x_i over i >= k
    double shy = (ci[n] - ci[k]) - (k - 1) * (c[n] - c[k]);
    double det = n * shh - sh * sh;
    if (det <= 0) {
      return new double[] {sy / n, 0, Double.POSITIVE_INFINITY};
    }
    double slope = (n * shy - sh * sy) / det;
    double level = (sy - slope * sh) / n;
    // the residual sum of squares of a least-squares fit: sum y^2 - level sum y - slope sum h y
    double rss = Math.max(0, c2[n] - level * sy - slope * shy);
    return new double[] {level, slope, rss};
  }
}
