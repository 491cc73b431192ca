package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Money that comes back to where it started: temporal cycles of payments, each hop made on or after
 * the day of the one before, all within a window of days from the first, through distinct accounts,
 * with each amount at most the one before and at least that less a fee share. A cycle is found
 * once, from its first payment in time order, by a depth-first walk forward in time that never
 * looks past the window nor at a payment whose amount the fee rule rules out: the walk stays among
 * the few payments a laundering cycle could continue with, where enumerating the simple cycles of
 * each window's static graph (and filtering them for time afterwards) visits every cycle of the
 * window.
 */
public final class TemporalCycles {
  /**
   * What counts as a cycle: at most {@code maxLength} payments (2 to 8), all within {@code
   * windowDays} days of the first, each amount between the one before less {@code maxFeeShare} of
   * it and the one before (a cent of rounding allowed).
   */
  public record Spec(int maxLength, int windowDays, double maxFeeShare) {
    public Spec {
      if (maxLength < 2 || maxLength > 8) {
        throw new IllegalArgumentException("a cycle has 2 to 8 payments, not " + maxLength);
      }
      if (windowDays < 0) {
        throw new IllegalArgumentException("the window must be at least 0 days");
      }
      if (!(maxFeeShare >= 0 && maxFeeShare < 1)) {
        throw new IllegalArgumentException("the fee share must be at least 0 and below 1");
      }
    }

    /** Whether a payment of {@code next} may follow one of {@code previous}. */
    boolean follows(double previous, double next) {
      return next <= previous + ROUNDING && next >= previous * (1 - maxFeeShare) - ROUNDING;
    }
  }

  /** A cent: amounts are compared with this much rounding. */
  static final double ROUNDING = 0.005;

  private TemporalCycles() {}

  /**
   * The cycles of a scan under its thresholds, each explained, leaving out those whose first
   * payment is below {@link Threshold#CYCLE_MIN_AMOUNT} and those between regular trading partners
   * only. Score: the share of the money that came back.
   */
  static List<Finding> findings(Scan scan) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    Spec spec =
        new Spec(
            t.whole(Threshold.CYCLE_MAX_PAYMENTS),
            t.whole(Threshold.CYCLE_WINDOW_DAYS),
            t.number(Threshold.CYCLE_MAX_FEE));
    double least = t.number(Threshold.CYCLE_MIN_AMOUNT);
    List<Finding> out = new ArrayList<>();
    for (int[] cycle : find(g, spec)) {
      if (g.amount(cycle[0]) >= least && !trade(scan, cycle)) {
        out.add(finding(g, cycle, spec));
      }
    }
    return out;
  }

  /**
   * Whether every hop of a cycle is between accounts that pay each other regularly: two trading
   * partners that buy from each other, whose money comes back in the way of business.
   */
  private static boolean trade(Scan scan, int[] cycle) {
    PaymentGraph g = scan.graph();
    for (int p : cycle) {
      if (!scan.regular(g.from(p), g.to(p))) {
        return false;
      }
    }
    return true;
  }

  private static Finding finding(PaymentGraph g, int[] cycle, Spec spec) {
    double lowest = 1;
    double highest = 0;
    for (int i = 1; i < cycle.length; i++) {
      double kept = g.amount(cycle[i]) / g.amount(cycle[i - 1]);
      lowest = Math.min(lowest, kept);
      highest = Math.max(highest, kept);
    }
    int first = cycle[0];
    int last = cycle[cycle.length - 1];
    double back = g.amount(last) / g.amount(first);
    String explanation =
        String.format(
            Locale.ROOT,
            "%s left %s on %s and %s (%s) came back to it on %s, %s later, through %s in %d"
                + " payments, each carrying %s of the one before: money that"
                + " returns to its origin within %s, shrinking only by what fees would take (at"
                + " most %s a payment), is moved to look like trade or investment, not spent.",
            money(g, g.amount(first)),
            account(g, g.from(first)),
            date(g.day(first)),
            money(g, g.amount(last)),
            percent(back),
            date(g.day(last)),
            days(g.day(last) - g.day(first)),
            count(cycle.length - 1, "other account", "other accounts"),
            cycle.length,
            lowest == highest ? percent(lowest) : percent(lowest) + " to " + percent(highest),
            days(spec.windowDays()),
            String.format(Locale.ROOT, "%.0f%%", 100 * spec.maxFeeShare()));
    return new Finding(
        Typology.TEMPORAL_CYCLE, cycle, Math.round(back * 1000) / 1000.0, explanation);
  }

  /** Every cycle, as its payments in order (positions in the graph's time order). */
  public static List<int[]> find(PaymentGraph g, Spec spec) {
    List<int[]> out = new ArrayList<>();
    int[] path = new int[spec.maxLength()];
    boolean[] onPath = new boolean[g.nodes()];
    for (int first = 0; first < g.payments(); first++) {
      int origin = g.from(first);
      if (origin == g.to(first)) {
        continue;
      }
      path[0] = first;
      onPath[origin] = true;
      onPath[g.to(first)] = true;
      walk(g, spec, path, 1, onPath, origin, g.day(first) + spec.windowDays(), out);
      onPath[origin] = false;
      onPath[g.to(first)] = false;
    }
    return out;
  }

  private static void walk(
      PaymentGraph g,
      Spec spec,
      int[] path,
      int length,
      boolean[] onPath,
      int origin,
      int lastDay,
      List<int[]> out) {
    int previous = path[length - 1];
    int at = g.to(previous);
    for (int i = g.firstOutOnOrAfter(at, g.day(previous)); i < g.outEnd(at); i++) {
      int p = g.outgoing(i);
      if (g.day(p) > lastDay) {
        break;
      }
      // later in time order than the first payment, so that each cycle is found from its first
      if (p <= path[0] || !spec.follows(g.amount(previous), g.amount(p))) {
        continue;
      }
      int next = g.to(p);
      if (next == origin) {
        int[] cycle = new int[length + 1];
        System.arraycopy(path, 0, cycle, 0, length);
        cycle[length] = p;
        out.add(cycle);
      } else if (!onPath[next] && length + 1 < spec.maxLength()) {
        path[length] = p;
        onPath[next] = true;
        walk(g, spec, path, length + 1, onPath, origin, lastDay, out);
        onPath[next] = false;
      }
    }
  }
}
