package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scatter-gather: money paid from one account to several others which, within days, pay most of it
 * on to one and the same account, so that no payment ties the first to the last. Regular payments
 * (a salary and then the rent) are left out. Score: the number of accounts the money passed
 * through.
 */
final class ScatterGather {
  private ScatterGather() {}

  /** The most onward payments followed from one intermediary per payment into it. */
  static final int FOLLOWED = 1_000;

  static List<Finding> find(Scan scan) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    int window = t.whole(Threshold.SCATTER_GATHER_WINDOW_DAYS);
    int min = t.whole(Threshold.SCATTER_GATHER_MIN_INTERMEDIARIES);
    double minShare = t.number(Threshold.SCATTER_GATHER_MIN_SHARE);
    List<Finding> found = new ArrayList<>();
    for (int a = 0; a < g.nodes(); a++) {
      if (g.kind(a) != PaymentGraph.Kind.ACCOUNT || g.outEnd(a) - g.outStart(a) < min) {
        continue;
      }
      // per gatherer, the (payment in, payment on) pairs through an intermediary, by time
      Map<Integer, List<int[]>> byGatherer = new TreeMap<>();
      for (int i = g.outStart(a); i < g.outEnd(a); i++) {
        int p = g.outgoing(i);
        int m = g.to(p);
        if (m == a || g.kind(m) != PaymentGraph.Kind.ACCOUNT || scan.regular(a, m)) {
          continue;
        }
        int end = Math.min(g.outEnd(m), g.firstOutOnOrAfter(m, g.day(p)) + FOLLOWED);
        for (int k = g.firstOutOnOrAfter(m, g.day(p)); k < end; k++) {
          int q = g.outgoing(k);
          if (g.day(q) > g.day(p) + window) {
            break;
          }
          int b = g.to(q);
          if (b != a && b != m && g.kind(b) == PaymentGraph.Kind.ACCOUNT && !scan.regular(m, b)) {
            byGatherer.computeIfAbsent(b, x -> new ArrayList<>()).add(new int[] {p, q});
          }
        }
      }
      for (Map.Entry<Integer, List<int[]>> e : byGatherer.entrySet()) {
        List<int[]> pairs = e.getValue();
        if (pairs.size() < min) {
          continue;
        }
        int i = 0;
        while (i < pairs.size()) {
          int last = g.day(pairs.get(i)[0]) + window;
          Map<Integer, double[]> through = new LinkedHashMap<>();
          TreeSet<Integer> ins = new TreeSet<>();
          TreeSet<Integer> ons = new TreeSet<>();
          int j = i;
          for (; j < pairs.size() && g.day(pairs.get(j)[0]) <= last; j++) {
            int[] pq = pairs.get(j);
            if (g.day(pq[1]) > last) {
              continue;
            }
            double[] sums = through.computeIfAbsent(g.to(pq[0]), x -> new double[2]);
            if (ins.add(pq[0])) {
              sums[0] += g.amount(pq[0]);
            }
            if (ons.add(pq[1])) {
              sums[1] += g.amount(pq[1]);
            }
          }
          double sent = 0;
          double gathered = 0;
          for (double[] s : through.values()) {
            sent += s[0];
            gathered += Math.min(s[0], s[1]);
          }
          if (through.size() >= min && gathered >= minShare * sent) {
            found.add(finding(g, a, e.getKey(), through.size(), ins, ons, sent, gathered, window));
            i = j;
          } else {
            i++;
          }
        }
      }
    }
    return found;
  }

  private static Finding finding(
      PaymentGraph g,
      int a,
      int b,
      int intermediaries,
      TreeSet<Integer> ins,
      TreeSet<Integer> ons,
      double sent,
      double gathered,
      int window) {
    List<Integer> payments = new ArrayList<>(ins);
    payments.addAll(ons);
    payments.sort(Comparator.naturalOrder());
    boolean direct = false;
    for (int i = g.outStart(a); i < g.outEnd(a) && !direct; i++) {
      direct = g.to(g.outgoing(i)) == b;
    }
    String explanation =
        String.format(
            Locale.ROOT,
            "%s left %s between %s and %s for %d other accounts, which paid %s of it (%s) on to"
                + " %s by %s, within %s of the first payment: money split over several accounts"
                + " and brought together again, so that no single payment ties the two%s.",
            money(g, sent),
            account(g, a),
            date(g.day(ins.first())),
            date(g.day(ins.last())),
            intermediaries,
            money(g, gathered),
            percent(gathered / sent),
            account(g, b),
            date(g.day(ons.last())),
            days(window),
            direct ? "" : " (they never pay each other directly)");
    return new Finding(
        Typology.SCATTER_GATHER,
        payments.stream().mapToInt(Integer::intValue).toArray(),
        intermediaries,
        explanation);
  }
}
