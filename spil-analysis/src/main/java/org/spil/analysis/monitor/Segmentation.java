package org.spil.analysis.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary segmentation of counts into periods of constant rate: the split of a segment that gains
 * most Poisson log-likelihood is kept when the gain, divided by the overdispersion the series shows
 * between neighbouring periods, beats a penalty of {@code penalty} times the log of the series'
 * length (a BIC-like price for each change); then each side is split again. Offline: it sees the
 * counts it is given, which {@link Signals} cuts at the period it judges.
 */
public final class Segmentation {
  private Segmentation() {}

  /** A change between segments: its first period, and the mean count per period either side. */
  public record Split(int at, double before, double after, double gain) {}

  /** The changes found, in order of their periods; each segment at least {@code minLength}. */
  public static List<Split> of(double[] counts, double penalty, int minLength) {
    int n = counts.length;
    double[] cumulative = new double[n + 1];
    for (int i = 0; i < n; i++) {
      cumulative[i + 1] = cumulative[i] + counts[i];
    }
    double dispersion = dispersion(counts);
    double price = penalty * Math.log(Math.max(n, 2)) * dispersion;
    List<Split> out = new ArrayList<>();
    split(cumulative, 0, n, price, Math.max(1, minLength), out);
    out.sort((a, b) -> Integer.compare(a.at(), b.at()));
    return out;
  }

  private static void split(
      double[] cum, int from, int to, double price, int minLength, List<Split> out) {
    if (to - from < 2 * minLength) {
      return;
    }
    double whole = logLikelihood(cum[to] - cum[from], to - from);
    int best = -1;
    double bestGain = 0;
    for (int at = from + minLength; at <= to - minLength; at++) {
      double gain =
          logLikelihood(cum[at] - cum[from], at - from)
              + logLikelihood(cum[to] - cum[at], to - at)
              - whole;
      if (gain > bestGain) {
        bestGain = gain;
        best = at;
      }
    }
    if (best < 0 || 2 * bestGain <= price) {
      return;
    }
    out.add(
        new Split(
            best,
            (cum[best] - cum[from]) / (best - from),
            (cum[to] - cum[best]) / (to - best),
            bestGain));
    split(cum, from, best, price, minLength, out);
    split(cum, best, to, price, minLength, out);
  }

  /** The Poisson log-likelihood of a segment at its own rate, without the terms in x! alone. */
  private static double logLikelihood(double sum, int length) {
    return sum > 0 ? sum * Math.log(sum / length) - sum : 0;
  }

  /**
   * The overdispersion of counts as neighbouring periods show it: half the mean squared difference
   * over the mean (1 for a Poisson series; a change contributes one difference only), at least 1.
   */
  static double dispersion(double[] counts) {
    if (counts.length < 3) {
      return 1;
    }
    double mean = 0;
    for (double c : counts) {
      mean += c;
    }
    mean /= counts.length;
    if (mean <= 0) {
      return 1;
    }
    double[] d = new double[counts.length - 1];
    for (int i = 1; i < counts.length; i++) {
      d[i - 1] = (counts[i] - counts[i - 1]) * (counts[i] - counts[i - 1]);
    }
    // the median squared difference, robust to the jump at a change (for a normal difference of
    // variance 2*sigma^2 the median of its square is 0.455 of that)
    java.util.Arrays.sort(d);
    double median = d[d.length / 2];
    return Math.max(1, median / 0.455 / 2 / mean);
  }
}
