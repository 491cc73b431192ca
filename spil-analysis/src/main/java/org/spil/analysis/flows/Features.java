package org.spil.analysis.flows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Windowed graph features of the accounts and payments of a scan, the kind the best published
 * laundering detectors learn from (IBM's Graph Feature Preprocessor: fan-in and fan-out, degrees,
 * cycles and amount statistics within time windows): per account its payments and money in and out,
 * distinct counterparties, the largest fan-in and fan-out within any window of days, the temporal
 * cycles it is on and the alerts of each typology it is in; per payment its day and amount, the
 * payer's fan-out and the payee's fan-in in the window before it, whether it is on a cycle and in
 * how many alerts. Computed on primitive arrays; the columns are named by {@link #ACCOUNT_COLUMNS}
 * and {@link #PAYMENT_COLUMNS}.
 */
public final class Features {
  /** The columns of {@link #accounts}, after the account's id. */
  public static final List<String> ACCOUNT_COLUMNS =
      List.of(
          "payments_in",
          "payments_out",
          "amount_in",
          "amount_out",
          "largest_in",
          "largest_out",
          "payers",
          "payees",
          "window_fan_in",
          "window_fan_out",
          "cycles",
          "first_day",
          "last_day");

  /** The columns of {@link #payments}, after the payment's id. */
  public static final List<String> PAYMENT_COLUMNS =
      List.of(
          "day",
          "amount",
          "payer_window_fan_out",
          "payer_window_out",
          "payee_window_fan_in",
          "payee_window_in",
          "on_cycle",
          "alerts");

  private Features() {}

  /**
   * Per node, its values of {@link #ACCOUNT_COLUMNS} then one count per typology (in the order of
   * {@link Typology#values()}) of the findings whose payments touch it.
   */
  public static double[][] accounts(Scan scan, List<Finding> findings, int windowDays) {
    PaymentGraph g = scan.graph();
    int base = ACCOUNT_COLUMNS.size();
    double[][] out = new double[g.nodes()][base + Typology.values().length];
    int[] onCycles = cycleCounts(scan);
    for (int v = 0; v < g.nodes(); v++) {
      double[] f = out[v];
      f[0] = g.inEnd(v) - g.inStart(v);
      f[1] = g.outEnd(v) - g.outStart(v);
      Set<Integer> payers = new HashSet<>();
      Set<Integer> payees = new HashSet<>();
      int first = Integer.MAX_VALUE;
      int last = Integer.MIN_VALUE;
      for (int i = g.inStart(v); i < g.inEnd(v); i++) {
        int p = g.incoming(i);
        f[2] += g.amount(p);
        f[4] = Math.max(f[4], g.amount(p));
        payers.add(g.from(p));
        first = Math.min(first, g.day(p));
        last = Math.max(last, g.day(p));
      }
      for (int i = g.outStart(v); i < g.outEnd(v); i++) {
        int p = g.outgoing(i);
        f[3] += g.amount(p);
        f[5] = Math.max(f[5], g.amount(p));
        payees.add(g.to(p));
        first = Math.min(first, g.day(p));
        last = Math.max(last, g.day(p));
      }
      f[6] = payers.size();
      f[7] = payees.size();
      f[8] = windowFan(g, v, windowDays, false);
      f[9] = windowFan(g, v, windowDays, true);
      f[10] = onCycles[v];
      f[11] = first == Integer.MAX_VALUE ? 0 : first;
      f[12] = last == Integer.MIN_VALUE ? 0 : last;
    }
    for (Finding finding : findings) {
      Set<Integer> touched = new HashSet<>();
      for (int p : finding.payments()) {
        touched.add(g.from(p));
        touched.add(g.to(p));
      }
      for (int v : touched) {
        out[v][base + finding.typology().ordinal()]++;
      }
    }
    return out;
  }

  /** Per payment (in time order), its values of {@link #PAYMENT_COLUMNS}. */
  public static double[][] payments(Scan scan, List<Finding> findings, int windowDays) {
    PaymentGraph g = scan.graph();
    double[][] out = new double[g.payments()][PAYMENT_COLUMNS.size()];
    boolean[] onCycle = new boolean[g.payments()];
    for (int[] c : TemporalCycles.find(g, cycleSpec(scan))) {
      for (int p : c) {
        onCycle[p] = true;
      }
    }
    int[] alerts = new int[g.payments()];
    for (Finding f : findings) {
      for (int p : f.payments()) {
        alerts[p]++;
      }
    }
    Set<Integer> seen = new HashSet<>();
    for (int p = 0; p < g.payments(); p++) {
      double[] f = out[p];
      f[0] = g.day(p);
      f[1] = g.amount(p);
      int payer = g.from(p);
      int payee = g.to(p);
      int from = g.day(p) - windowDays;
      seen.clear();
      int n = 0;
      for (int i = g.firstOutOnOrAfter(payer, from); i < g.outEnd(payer); i++) {
        int q = g.outgoing(i);
        if (g.day(q) > g.day(p)) {
          break;
        }
        seen.add(g.to(q));
        n++;
      }
      f[2] = seen.size();
      f[3] = n;
      seen.clear();
      n = 0;
      for (int i = g.firstInOnOrAfter(payee, from); i < g.inEnd(payee); i++) {
        int q = g.incoming(i);
        if (g.day(q) > g.day(p)) {
          break;
        }
        seen.add(g.from(q));
        n++;
      }
      f[4] = seen.size();
      f[5] = n;
      f[6] = onCycle[p] ? 1 : 0;
      f[7] = alerts[p];
    }
    return out;
  }

  private static TemporalCycles.Spec cycleSpec(Scan scan) {
    Thresholds t = scan.thresholds();
    return new TemporalCycles.Spec(
        t.whole(Threshold.CYCLE_MAX_PAYMENTS),
        t.whole(Threshold.CYCLE_WINDOW_DAYS),
        t.number(Threshold.CYCLE_MAX_FEE));
  }

  /** Per node, how many temporal cycles (under the scan's cycle thresholds) pass through it. */
  private static int[] cycleCounts(Scan scan) {
    PaymentGraph g = scan.graph();
    int[] counts = new int[g.nodes()];
    for (int[] c : TemporalCycles.find(g, cycleSpec(scan))) {
      for (int p : c) {
        counts[g.from(p)]++;
      }
    }
    return counts;
  }

  /** The most distinct payers (or payees) of {@code v} within any window of days. */
  static int windowFan(PaymentGraph g, int v, int windowDays, boolean out) {
    int start = out ? g.outStart(v) : g.inStart(v);
    int end = out ? g.outEnd(v) : g.inEnd(v);
    int[] others = new int[end - start];
    int[] days = new int[end - start];
    for (int i = start; i < end; i++) {
      int p = out ? g.outgoing(i) : g.incoming(i);
      others[i - start] = out ? g.to(p) : g.from(p);
      days[i - start] = g.day(p);
    }
    int best = 0;
    Map<Integer, Integer> counts = new HashMap<>();
    int j = 0;
    for (int i = 0; i < others.length; i++) {
      counts.merge(others[i], 1, Integer::sum);
      while (days[i] - days[j] > windowDays) {
        counts.merge(others[j], -1, (a, b) -> a + b == 0 ? null : a + b);
        j++;
      }
      best = Math.max(best, counts.size());
    }
    return best;
  }
}
