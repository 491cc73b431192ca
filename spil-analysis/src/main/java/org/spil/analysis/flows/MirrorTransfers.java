package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mirror transfers: two domestic payments in two countries, of matching amounts within days of each
 * other, between accounts that never pay each other: the two legs of underground banking (hawala),
 * where money paid in to a banker in one country is paid out by a partner in another and nothing
 * crosses the border. Each leg is used once, matched to the closest leg in days and then in amount.
 * Score: how many matched pairs join the same two bankers' accounts.
 */
final class MirrorTransfers {
  private MirrorTransfers() {}

  static List<Finding> find(Scan scan) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    double minAmount = t.number(Threshold.MIRROR_MIN_AMOUNT);
    int maxDays = t.whole(Threshold.MIRROR_MAX_DAYS);
    double maxDifference = t.number(Threshold.MIRROR_MAX_DIFFERENCE);
    Map<String, List<Integer>> byCountry = new TreeMap<>();
    for (int p = 0; p < g.payments(); p++) {
      String c = g.country(g.from(p));
      if (g.amount(p) >= minAmount
          && c != null
          && c.equals(g.country(g.to(p)))
          && g.kind(g.from(p)) == PaymentGraph.Kind.ACCOUNT
          && g.kind(g.to(p)) == PaymentGraph.Kind.ACCOUNT
          && g.from(p) != g.to(p)) {
        byCountry.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
      }
    }
    if (byCountry.size() < 2) {
      return List.of();
    }
    Map<String, int[]> sorted = new TreeMap<>();
    for (Map.Entry<String, List<Integer>> e : byCountry.entrySet()) {
      int[] legs = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      sorted.put(
          e.getKey(),
          Arrays.stream(legs)
              .boxed()
              .sorted((a, b) -> Double.compare(g.amount(a), g.amount(b)))
              .mapToInt(Integer::intValue)
              .toArray());
    }
    long[] linked = linkedPairs(g);
    boolean[] used = new boolean[g.payments()];
    List<int[]> pairs = new ArrayList<>();
    for (int p = 0; p < g.payments(); p++) {
      String x = g.country(g.from(p));
      if (used[p] || x == null || !byCountry.containsKey(x) || !isLeg(g, p, x, minAmount)) {
        continue;
      }
      int best = -1;
      for (Map.Entry<String, int[]> e : sorted.entrySet()) {
        if (e.getKey().equals(x)) {
          continue;
        }
        int[] legs = e.getValue();
        double low = g.amount(p) * (1 - maxDifference) - TemporalCycles.ROUNDING;
        double high = g.amount(p) * (1 + maxDifference) + TemporalCycles.ROUNDING;
        for (int k = lowerBound(g, legs, low); k < legs.length && g.amount(legs[k]) <= high; k++) {
          int q = legs[k];
          if (used[q]
              || Math.abs(g.day(q) - g.day(p)) > maxDays
              || isLinked(g, linked, g.to(p), g.from(q))
              || isLinked(g, linked, g.to(q), g.from(p))) {
            continue;
          }
          if (best < 0 || closer(g, p, q, best)) {
            best = q;
          }
        }
      }
      if (best >= 0) {
        used[p] = true;
        used[best] = true;
        pairs.add(new int[] {Math.min(p, best), Math.max(p, best)});
      }
    }
    Map<Long, Integer> perRoute = new HashMap<>();
    for (int[] pair : pairs) {
      perRoute.merge(route(g, pair), 1, Integer::sum);
    }
    List<Finding> found = new ArrayList<>();
    for (int[] pair : pairs) {
      found.add(finding(g, pair, perRoute.get(route(g, pair)), t));
    }
    return found;
  }

  private static boolean isLeg(PaymentGraph g, int p, String country, double minAmount) {
    return g.amount(p) >= minAmount
        && country.equals(g.country(g.to(p)))
        && g.kind(g.from(p)) == PaymentGraph.Kind.ACCOUNT
        && g.kind(g.to(p)) == PaymentGraph.Kind.ACCOUNT
        && g.from(p) != g.to(p);
  }

  /** Whether {@code q} is a closer match for {@code p} than {@code best}: in days, then amount. */
  private static boolean closer(PaymentGraph g, int p, int q, int best) {
    int dq = Math.abs(g.day(q) - g.day(p));
    int db = Math.abs(g.day(best) - g.day(p));
    if (dq != db) {
      return dq < db;
    }
    return Math.abs(g.amount(q) - g.amount(p)) < Math.abs(g.amount(best) - g.amount(p));
  }

  /** The two accounts the banker sides of a pair use: the first leg's payee, the second's payer. */
  private static long route(PaymentGraph g, int[] pair) {
    return (long) g.to(pair[0]) * g.nodes() + g.from(pair[1]);
  }

  private static int lowerBound(PaymentGraph g, int[] legs, double amount) {
    int lo = 0;
    int hi = legs.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (g.amount(legs[mid]) < amount) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Every pair of accounts with a payment between them, either way, as sorted keys. */
  private static long[] linkedPairs(PaymentGraph g) {
    long[] keys = new long[g.payments()];
    for (int p = 0; p < keys.length; p++) {
      int a = Math.min(g.from(p), g.to(p));
      int b = Math.max(g.from(p), g.to(p));
      keys[p] = (long) a * g.nodes() + b;
    }
    Arrays.sort(keys);
    return keys;
  }

  private static boolean isLinked(PaymentGraph g, long[] linked, int a, int b) {
    long key = (long) Math.min(a, b) * g.nodes() + Math.max(a, b);
    return Arrays.binarySearch(linked, key) >= 0;
  }

  private static Finding finding(PaymentGraph g, int[] pair, int onRoute, Thresholds t) {
    int a = pair[0];
    int b = pair[1];
    String explanation =
        String.format(
            Locale.ROOT,
            "%s paid %s to %s on %s in %s, and %s paid %s to %s on %s in %s: the same amount"
                + " (within %s) within %s, between accounts that never pay each other, the two"
                + " legs of underground banking, where nothing crosses the border.%s",
            account(g, g.from(a)),
            money(g, g.amount(a)),
            account(g, g.to(a)),
            date(g.day(a)),
            g.country(g.from(a)).toUpperCase(Locale.ROOT),
            account(g, g.from(b)),
            money(g, g.amount(b)),
            account(g, g.to(b)),
            date(g.day(b)),
            g.country(g.from(b)).toUpperCase(Locale.ROOT),
            percent(t.number(Threshold.MIRROR_MAX_DIFFERENCE)),
            days(t.whole(Threshold.MIRROR_MAX_DAYS)),
            onRoute > 1
                ? " It is one of "
                    + onRoute
                    + " such pairs between "
                    + account(g, g.to(a))
                    + " and "
                    + account(g, g.from(b))
                    + "."
                : "");
    return new Finding(Typology.MIRROR_TRANSFER, pair.clone(), onRoute, explanation);
  }
}
