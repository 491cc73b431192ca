package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Pass-through: an account where a payment far larger than its usual ones arrives and most of it
 * leaves again within days, coming from and going to others than those it deals with regularly: the
 * mark of a money mule or a conduit company. Usual means the median of the account's other
 * payments, in and out; an account with no other payments is a pure conduit. Score: how many times
 * its usual payment the incoming one is (capped at 1,000).
 */
final class PassThrough {
  private PassThrough() {}

  /** Above this many payments the usual amount of an account is its median over all of them. */
  private static final int EXACT_UP_TO = 200;

  static List<Finding> find(Scan scan) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    double minAmount = t.number(Threshold.PASS_THROUGH_MIN_AMOUNT);
    int maxDays = t.whole(Threshold.PASS_THROUGH_MAX_DAYS);
    double minShare = t.number(Threshold.PASS_THROUGH_MIN_SHARE);
    double unusual = t.number(Threshold.PASS_THROUGH_UNUSUAL);
    boolean[] used = new boolean[g.payments()];
    List<Finding> found = new ArrayList<>();
    for (int m = 0; m < g.nodes(); m++) {
      if (g.kind(m) != PaymentGraph.Kind.ACCOUNT || g.outEnd(m) == g.outStart(m)) {
        continue;
      }
      for (int i = g.inStart(m); i < g.inEnd(m); i++) {
        int p = g.incoming(i);
        double in = g.amount(p);
        // a regular customer's payment is the account's own business too
        if (in < minAmount || g.from(p) == m || scan.regular(g.from(p), m)) {
          continue;
        }
        // what left within the days, largest first, as long as it fits in what came in
        List<Integer> candidates = new ArrayList<>();
        for (int k = g.firstOutOnOrAfter(m, g.day(p)); k < g.outEnd(m); k++) {
          int q = g.outgoing(k);
          if (g.day(q) > g.day(p) + maxDays) {
            break;
          }
          // a regular payment (payroll, rent) is the account's own business, not money passing
          if (!used[q] && g.to(q) != m && q != p && !scan.regular(m, g.to(q))) {
            candidates.add(q);
          }
        }
        candidates.sort((a, b) -> Double.compare(g.amount(b), g.amount(a)));
        List<Integer> left = new ArrayList<>();
        double out = 0;
        for (int q : candidates) {
          if (out + g.amount(q) <= in + TemporalCycles.ROUNDING) {
            left.add(q);
            out += g.amount(q);
          }
        }
        if (out < minShare * in) {
          continue;
        }
        double usual = usual(g, m, p, left);
        if (usual > 0 && in < unusual * usual) {
          continue;
        }
        for (int q : left) {
          used[q] = true;
        }
        found.add(finding(g, m, p, left, out, usual, t));
      }
    }
    return found;
  }

  /** The median of {@code m}'s payments other than {@code p} and {@code left}; 0 when none. */
  private static double usual(PaymentGraph g, int m, int p, List<Integer> left) {
    int degree = g.inEnd(m) - g.inStart(m) + g.outEnd(m) - g.outStart(m);
    double[] amounts = new double[degree];
    int n = 0;
    boolean exact = degree <= EXACT_UP_TO;
    for (int i = g.inStart(m); i < g.inEnd(m); i++) {
      int q = g.incoming(i);
      if (!exact || q != p) {
        amounts[n++] = g.amount(q);
      }
    }
    for (int i = g.outStart(m); i < g.outEnd(m); i++) {
      int q = g.outgoing(i);
      if (!exact || !left.contains(q)) {
        amounts[n++] = g.amount(q);
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(amounts, 0, n);
    return n % 2 == 1 ? amounts[n / 2] : (amounts[n / 2 - 1] + amounts[n / 2]) / 2;
  }

  private static Finding finding(
      PaymentGraph g, int m, int p, List<Integer> left, double out, double usual, Thresholds t) {
    left.sort(Integer::compare);
    int[] payments = new int[left.size() + 1];
    payments[0] = p;
    for (int k = 0; k < left.size(); k++) {
      payments[k + 1] = left.get(k);
    }
    int lastDay = g.day(left.get(left.size() - 1));
    double times = usual > 0 ? g.amount(p) / usual : Double.POSITIVE_INFINITY;
    String usualWords =
        usual > 0
            ? String.format(
                Locale.ROOT,
                "%.0f times the account's usual payment (the median of its others, %s)",
                times,
                money(g, usual))
            : "on an account with no other payments";
    String explanation =
        String.format(
            Locale.ROOT,
            "%s arrived on %s on %s from %s, %s, and %s of it (%s) left again in %s by %s, %s"
                + " (the threshold: %s within %s): money that only passes"
                + " through, as on a mule's account.",
            money(g, g.amount(p)),
            account(g, m),
            date(g.day(p)),
            account(g, g.from(p)),
            usualWords,
            money(g, out),
            percent(out / g.amount(p)),
            count(left.size(), "payment", "payments"),
            date(lastDay),
            lastDay == g.day(p)
                ? "the day it arrived"
                : days(lastDay - g.day(p)) + " after it arrived",
            percent(t.number(Threshold.PASS_THROUGH_MIN_SHARE)),
            days(t.whole(Threshold.PASS_THROUGH_MAX_DAYS)));
    return new Finding(
        Typology.PASS_THROUGH,
        payments,
        Math.round(Math.min(1000, times) * 10) / 10.0,
        explanation);
  }
}
