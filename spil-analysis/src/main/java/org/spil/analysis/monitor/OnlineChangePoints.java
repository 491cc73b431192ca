package org.spil.analysis.monitor;

/**
 * Bayesian online change-point detection (Adams and MacKay, 2007) for counts: the probability of
 * each run length (periods since the last change) updated period by period, with a Poisson rate per
 * run under a Gamma prior (so a period's count given the run so far is negative binomial) and a
 * constant hazard. A change is called at the first period where the runs begun after the series'
 * first period hold most of the probability; its start is the most probable of those beginnings.
 * Each period uses only the counts up to it: what a monitor would have said then.
 */
public final class OnlineChangePoints {
  /** The periods whose mean sets the prior rate. */
  static final int PRIOR_PERIODS = 3;

  private OnlineChangePoints() {}

  /**
   * Every change called, each searched for after the last one's start as a fresh series (its prior
   * from its own first periods), called no earlier than {@code from} and than the period after the
   * last call.
   */
  public static java.util.List<Change> all(
      double[] counts, double hazard, double probability, int from) {
    java.util.List<Change> out = new java.util.ArrayList<>();
    int offset = 0;
    int earliest = from;
    while (offset < counts.length) {
      double[] rest = java.util.Arrays.copyOfRange(counts, offset, counts.length);
      Change c = first(rest, hazard, probability, Math.max(0, earliest - offset));
      if (c == null) {
        break;
      }
      Change shifted =
          new Change(
              c.calledAt() + offset, c.start() + offset, c.probability(), c.before(), c.after());
      out.add(shifted);
      earliest = shifted.calledAt() + 1;
      offset = shifted.start();
    }
    return out;
  }

  /**
   * A change called: the period it was called at, the period its new run starts, the probability of
   * a new run then, and the mean count per period before and after.
   */
  public record Change(int calledAt, int start, double probability, double before, double after) {}

  /**
   * The first change called in the counts: at the first period where the runs begun after the first
   * hold {@code probability} or more, starting where the most probable of them begins; null when
   * none.
   *
   * @param hazard the prior probability of a change in any period (1/60: one in five years)
   * @param from the first period at which a change may be called (the history before it is
   *     baseline)
   */
  public static Change first(double[] counts, double hazard, double probability, int from) {
    int n = counts.length;
    double early = 0;
    int prior = Math.min(n, Math.min(PRIOR_PERIODS, Math.max(1, from)));
    for (int i = 0; i < prior; i++) {
      early += counts[i];
    }
    // a weak prior: the mean of the first periods before any change may be called, worth one
    // period of evidence
    double alpha0 = Math.max(early / Math.max(1, prior), 0.1);
    double beta0 = 1;
    double[] run = new double[n + 2];
    double[] alpha = new double[n + 2];
    double[] beta = new double[n + 2];
    double[] sum = new double[n + 2];
    run[0] = 1;
    alpha[0] = alpha0;
    beta[0] = beta0;
    int longest = 0;
    for (int t = 0; t < n; t++) {
      double x = counts[t];
      double evidence = 0;
      double[] grown = new double[longest + 2];
      double change = 0;
      for (int k = 0; k <= longest; k++) {
        double p = run[k] * Math.exp(logNegativeBinomial(x, alpha[k], beta[k]));
        grown[k + 1] = p * (1 - hazard);
        change += p * hazard;
      }
      grown[0] = change;
      for (double g : grown) {
        evidence += g;
      }
      if (!(evidence > 0)) {
        // the counts fit no run at all (numerically): start afresh
        java.util.Arrays.fill(grown, 0);
        grown[1] = 1;
        evidence = 1;
      }
      for (int k = longest + 1; k >= 1; k--) {
        run[k] = grown[k] / evidence;
        alpha[k] = alpha[k - 1] + x;
        beta[k] = beta[k - 1] + 1;
        sum[k] = sum[k - 1] + x;
      }
      run[0] = grown[0] / evidence;
      alpha[0] = alpha0;
      beta[0] = beta0;
      sum[0] = 0;
      longest++;
      if (t < from) {
        continue;
      }
      // runs begun after the first period: a change since the series began
      double fresh = 0;
      int best = -1;
      for (int k = 1; k <= t; k++) {
        fresh += run[k];
        if (best < 0 || run[k] > run[best]) {
          best = k;
        }
      }
      if (fresh >= probability && best > 0) {
        int start = t - best + 1;
        double before = 0;
        for (int i = 0; i < start; i++) {
          before += counts[i];
        }
        double after = 0;
        for (int i = start; i <= t; i++) {
          after += counts[i];
        }
        return new Change(t, start, fresh, before / start, after / (t - start + 1));
      }
    }
    return null;
  }

  /** log P(x) for a negative binomial with Gamma(alpha, beta) mixing of a Poisson rate. */
  static double logNegativeBinomial(double x, double alpha, double beta) {
    return logGamma(alpha + x)
        - logGamma(alpha)
        - logGamma(x + 1)
        + alpha * Math.log(beta / (beta + 1))
        - x * Math.log(beta + 1);
  }

  /** log Γ(z) for z > 0 (Lanczos, g = 7, nine terms: fifteen significant digits). */
  static double logGamma(double z) {
    if (z < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
    }
    z -= 1;
    double a = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
  }

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
}
