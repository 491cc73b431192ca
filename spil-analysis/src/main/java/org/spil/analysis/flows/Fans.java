package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fan-in and fan-out: one account paid by (or paying) many distinct accounts within days, for a sum
 * worth looking at, leaving out counterparties it deals with regularly (payroll, rent, a standing
 * supplier) and cash and exchanges (which structuring and off-ramps cover). Score: the number of
 * distinct counterparties.
 */
final class Fans {
  private Fans() {}

  static List<Finding> find(Scan scan, boolean out) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    int window = t.whole(Threshold.FAN_WINDOW_DAYS);
    int min = t.whole(Threshold.FAN_MIN_COUNTERPARTIES);
    double minTotal = t.number(Threshold.FAN_MIN_TOTAL);
    double minPayment = t.number(Threshold.FAN_MIN_PAYMENT);
    List<Finding> found = new ArrayList<>();
    int[] list = new int[16];
    for (int v = 0; v < g.nodes(); v++) {
      if (g.kind(v) != PaymentGraph.Kind.ACCOUNT) {
        continue;
      }
      int start = out ? g.outStart(v) : g.inStart(v);
      int end = out ? g.outEnd(v) : g.inEnd(v);
      if (end - start < min) {
        continue;
      }
      // the payments that count, in time order
      int size = 0;
      for (int i = start; i < end; i++) {
        int p = out ? g.outgoing(i) : g.incoming(i);
        int other = out ? g.to(p) : g.from(p);
        if (other == v
            || g.amount(p) < minPayment
            || g.kind(other) != PaymentGraph.Kind.ACCOUNT
            || (out ? scan.regular(v, other) : scan.regular(other, v))) {
          continue;
        }
        if (size == list.length) {
          list = Arrays.copyOf(list, size * 2);
        }
        list[size++] = p;
      }
      // windows from each payment on, counts kept as the window's ends move forward
      Map<Integer, Integer> counterparties = new HashMap<>();
      double total = 0;
      int j = 0;
      for (int i = 0; i < size; i++) {
        while (j < size && g.day(list[j]) <= g.day(list[i]) + window) {
          counterparties.merge(other(g, list[j], out), 1, Integer::sum);
          total += g.amount(list[j]);
          j++;
        }
        if (counterparties.size() >= min && total >= minTotal) {
          found.add(finding(g, v, list, i, j, counterparties.size(), total, out, t));
          counterparties.clear();
          total = 0;
          i = j - 1;
          continue;
        }
        counterparties.merge(other(g, list[i], out), -1, (a, b) -> a + b == 0 ? null : a + b);
        total -= g.amount(list[i]);
      }
    }
    return found;
  }

  private static int other(PaymentGraph g, int p, boolean out) {
    return out ? g.to(p) : g.from(p);
  }

  private static Finding finding(
      PaymentGraph g,
      int v,
      int[] list,
      int from,
      int to,
      int counterparties,
      double total,
      boolean out,
      Thresholds t) {
    int[] payments = Arrays.copyOfRange(list, from, to);
    int first = g.day(payments[0]);
    int last = g.day(payments[payments.length - 1]);
    String explanation =
        String.format(
            Locale.ROOT,
            "%s %s %d distinct accounts in %s between %s and %s (%s in all; the threshold is %d"
                + " accounts and %s within %s), none of which %s regularly: money %s, as when"
                + " proceeds are %s.",
            account(g, v),
            out ? "paid" : "was paid by",
            counterparties,
            count(payments.length, "payment", "payments"),
            date(first),
            date(last),
            money(g, total),
            t.whole(Threshold.FAN_MIN_COUNTERPARTIES),
            money(g, t.number(Threshold.FAN_MIN_TOTAL)),
            days(t.whole(Threshold.FAN_WINDOW_DAYS)),
            out ? "it pays" : "pays it",
            out ? "spread over many accounts at once" : "collected from many accounts at once",
            out ? "distributed or layered" : "pooled");
    return new Finding(
        out ? Typology.FAN_OUT : Typology.FAN_IN, payments, counterparties, explanation);
  }
}
