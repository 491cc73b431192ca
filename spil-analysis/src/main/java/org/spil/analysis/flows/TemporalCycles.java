package org.spil.analysis.flows;

import java.util.ArrayList;
import java.util.List;

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
