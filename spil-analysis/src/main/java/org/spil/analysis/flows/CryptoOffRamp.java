package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Crypto off-ramp: repeated payouts from crypto exchanges to one account within weeks, for a sum
 * worth looking at: crypto turned into money on a bank account at the pace of someone selling
 * proceeds, not of an investor's occasional sale. Score: the sum paid out, in thousands.
 */
final class CryptoOffRamp {
  private CryptoOffRamp() {}

  static List<Finding> find(Scan scan) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    int window = t.whole(Threshold.OFF_RAMP_WINDOW_DAYS);
    int min = t.whole(Threshold.OFF_RAMP_MIN_PAYOUTS);
    double minTotal = t.number(Threshold.OFF_RAMP_MIN_TOTAL);
    Map<Integer, List<Integer>> payouts = new TreeMap<>();
    for (int p = 0; p < g.payments(); p++) {
      if (g.kind(g.from(p)) == PaymentGraph.Kind.EXCHANGE
          && g.kind(g.to(p)) == PaymentGraph.Kind.ACCOUNT) {
        payouts.computeIfAbsent(g.to(p), k -> new ArrayList<>()).add(p);
      }
    }
    List<Finding> found = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : payouts.entrySet()) {
      List<Integer> list = e.getValue();
      int i = 0;
      while (i + min <= list.size()) {
        int j = i;
        double total = 0;
        while (j < list.size() && g.day(list.get(j)) <= g.day(list.get(i)) + window) {
          total += g.amount(list.get(j));
          j++;
        }
        if (j - i >= min && total >= minTotal) {
          found.add(finding(g, e.getKey(), list.subList(i, j), total, t));
          i = j;
        } else {
          i++;
        }
      }
    }
    return found;
  }

  private static Finding finding(
      PaymentGraph g, int account, List<Integer> list, double total, Thresholds t) {
    Set<String> exchanges = new LinkedHashSet<>();
    double largest = 0;
    for (int p : list) {
      exchanges.add(account(g, g.from(p)));
      largest = Math.max(largest, g.amount(p));
    }
    int first = g.day(list.get(0));
    int last = g.day(list.get(list.size() - 1));
    // what else reached the account in those days
    double other = 0;
    for (int i = g.firstInOnOrAfter(account, first); i < g.inEnd(account); i++) {
      int p = g.incoming(i);
      if (g.day(p) > last) {
        break;
      }
      if (g.kind(g.from(p)) != PaymentGraph.Kind.EXCHANGE) {
        other += g.amount(p);
      }
    }
    String explanation =
        String.format(
            Locale.ROOT,
            "%s payouts from %s to %s between %s and %s, %s in all (the largest %s), while"
                + " everything else it received in those days came to %s (the threshold: %d"
                + " payouts and %s within %s): crypto turned into money on a bank account at the"
                + " pace of someone selling proceeds.",
            list.size(),
            String.join(", ", exchanges),
            account(g, account),
            date(first),
            date(last),
            money(g, total),
            money(g, largest),
            money(g, other),
            t.whole(Threshold.OFF_RAMP_MIN_PAYOUTS),
            money(g, t.number(Threshold.OFF_RAMP_MIN_TOTAL)),
            days(t.whole(Threshold.OFF_RAMP_WINDOW_DAYS)));
    return new Finding(
        Typology.CRYPTO_OFF_RAMP,
        list.stream().mapToInt(Integer::intValue).toArray(),
        Math.round(total / 10) / 100.0,
        explanation);
  }
}
