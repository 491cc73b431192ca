package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Structuring: cash deposits just under the amount from which a bank reports them, made within days
 * of each other and ending up on one account, either deposited on it or on others that pass each
 * deposit on within days (smurfs feeding a collector: fan-in of cash). Score: what was deposited,
 * in reporting thresholds, the reports it took to avoid.
 */
final class Structuring {
  private Structuring() {}

  static List<Finding> find(Scan scan) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    double threshold = t.number(Threshold.STRUCTURING_REPORTING_THRESHOLD);
    double low = threshold * t.number(Threshold.STRUCTURING_JUST_UNDER);
    int passedOnDays = t.whole(Threshold.STRUCTURING_PASSED_ON_DAYS);
    double passedOnShare = t.number(Threshold.STRUCTURING_PASSED_ON_SHARE);
    boolean[] used = new boolean[g.payments()];
    // per collecting account, its deposits in time order, each with the payment passing it on
    Map<Integer, List<int[]>> byCollector = new TreeMap<>();
    for (int p = 0; p < g.payments(); p++) {
      if (g.kind(g.from(p)) != PaymentGraph.Kind.CASH_DEPOSIT
          || g.amount(p) < low
          || g.amount(p) >= threshold) {
        continue;
      }
      int on = g.to(p);
      int passedOn = -1;
      for (int i = g.firstOutOnOrAfter(on, g.day(p)); i < g.outEnd(on); i++) {
        int q = g.outgoing(i);
        if (g.day(q) > g.day(p) + passedOnDays) {
          break;
        }
        if (!used[q]
            && g.to(q) != on
            && g.kind(g.to(q)) == PaymentGraph.Kind.ACCOUNT
            && g.amount(q) <= g.amount(p) + TemporalCycles.ROUNDING
            && g.amount(q) >= passedOnShare * g.amount(p)) {
          passedOn = q;
          used[q] = true;
          break;
        }
      }
      int collector = passedOn >= 0 ? g.to(passedOn) : on;
      byCollector.computeIfAbsent(collector, k -> new ArrayList<>()).add(new int[] {p, passedOn});
    }
    List<Finding> out = new ArrayList<>();
    int window = t.whole(Threshold.STRUCTURING_WINDOW_DAYS);
    int min = t.whole(Threshold.STRUCTURING_MIN_DEPOSITS);
    for (Map.Entry<Integer, List<int[]>> e : byCollector.entrySet()) {
      List<int[]> deposits = e.getValue();
      int i = 0;
      while (i < deposits.size()) {
        int j = i;
        while (j + 1 < deposits.size()
            && g.day(deposits.get(j + 1)[0]) <= g.day(deposits.get(i)[0]) + window) {
          j++;
        }
        if (j - i + 1 >= min) {
          out.add(finding(g, e.getKey(), deposits.subList(i, j + 1), threshold, passedOnDays));
          i = j + 1;
        } else {
          i++;
        }
      }
    }
    return out;
  }

  private static Finding finding(
      PaymentGraph g, int collector, List<int[]> deposits, double threshold, int passedOnDays) {
    List<Integer> payments = new ArrayList<>();
    Set<Integer> accounts = new LinkedHashSet<>();
    double total = 0;
    double least = Double.MAX_VALUE;
    double most = 0;
    int passed = 0;
    for (int[] d : deposits) {
      payments.add(d[0]);
      accounts.add(g.to(d[0]));
      total += g.amount(d[0]);
      least = Math.min(least, g.amount(d[0]));
      most = Math.max(most, g.amount(d[0]));
      if (d[1] >= 0) {
        payments.add(d[1]);
        passed++;
      }
    }
    int first = g.day(deposits.get(0)[0]);
    int last = g.day(deposits.get(deposits.size() - 1)[0]);
    StringBuilder b = new StringBuilder();
    b.append(count(deposits.size(), "cash deposit", "cash deposits"))
        .append(" of ")
        .append(money(g, least))
        .append(" to ")
        .append(money(g, most))
        .append(", each just under the ")
        .append(money(g, threshold))
        .append(" from which a bank reports cash, were paid in between ")
        .append(date(first))
        .append(" and ")
        .append(date(last))
        .append(" (")
        .append(money(g, total))
        .append(" in all)");
    if (passed == 0) {
      b.append(" on ").append(account(g, collector));
    } else {
      b.append(" on ")
          .append(count(accounts.size(), "account", "accounts"))
          .append(", and ")
          .append(passed == deposits.size() ? "each" : passed + " of them")
          .append(" passed on within ")
          .append(days(passedOnDays))
          .append(" to ")
          .append(account(g, collector));
    }
    b.append(": cash split so that no single deposit is reported, and brought together again.");
    return new Finding(
        Typology.STRUCTURING,
        payments.stream().mapToInt(Integer::intValue).toArray(),
        Math.round(100 * total / threshold) / 100.0,
        b.toString());
  }
}
