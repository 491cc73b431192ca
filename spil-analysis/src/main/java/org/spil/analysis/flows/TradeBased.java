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
 * Trade-based laundering: payments to a supplier compared with the shipments customs saw it send. A
 * payment that names a shipment (its bill of lading in the purpose) is for that shipment; each
 * shipment's payments are checked for a payer that is not its consignee (a third party paying for
 * another's goods) and for a total far above or below its declared value (over- or under-invoicing;
 * below only where the payments in view span the days it may be paid in). Payments across a border
 * to a supplier that name no shipment (a domestic customer's payment passes no customs) are for the
 * shipments from it to the payer that arrived within the matching days, compared in total with
 * their declared value; a run of such payments with no shipment from the supplier to the payer near
 * any of them is paid for goods that never came. Needs {@link Trades} in the scan (none: no
 * alerts). Score: the money not covered by declared goods (paid by a third party, above or below
 * the declared value, or for nothing).
 */
final class TradeBased {
  private TradeBased() {}

  static List<Finding> find(Scan scan) {
    Trades tr = scan.trades();
    if (tr == null || tr.shipments() == 0) {
      return List.of();
    }
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    boolean[] supplier = new boolean[tr.holders()];
    Map<Long, List<Integer>> shipmentsOfPair = new HashMap<>();
    for (int s = 0; s < tr.shipments(); s++) {
      supplier[tr.consignor(s)] = true;
      shipmentsOfPair
          .computeIfAbsent(pair(tr, tr.consignee(s), tr.consignor(s)), k -> new ArrayList<>())
          .add(s);
    }
    shipmentsOfPair.values().forEach(l -> l.sort((a, b) -> Integer.compare(tr.day(a), tr.day(b))));
    Map<Integer, List<Integer>> paidFor = new TreeMap<>();
    Map<Long, List<Integer>> unnamed = new TreeMap<>();
    for (int p = 0; p < g.payments(); p++) {
      int s = tr.referencedBy(p);
      if (s >= 0) {
        paidFor.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
        continue;
      }
      int payee = tr.holderOf(g.to(p));
      int payer = tr.holderOf(g.from(p));
      if (payee >= 0
          && supplier[payee]
          && payer >= 0
          && payer != payee
          && crossBorder(tr, payee, p)) {
        unnamed.computeIfAbsent(pair(tr, payer, payee), k -> new ArrayList<>()).add(p);
      }
    }
    List<Finding> found = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : paidFor.entrySet()) {
      Finding f = shipment(tr, t, e.getKey(), e.getValue());
      if (f != null) {
        found.add(f);
      }
    }
    for (Map.Entry<Long, List<Integer>> e : unnamed.entrySet()) {
      int payer = (int) (e.getKey() / tr.holders());
      int payee = (int) (e.getKey() % tr.holders());
      List<Integer> shipments = shipmentsOfPair.getOrDefault(pair(tr, payer, payee), List.of());
      found.addAll(unnamed(tr, t, payer, payee, e.getValue(), shipments, paidFor));
    }
    return found;
  }

  /**
   * Whether a payment goes from one country to another, the payee's country as customs gives it
   * where it does (else its account's): only trade that crosses a border passes customs.
   */
  private static boolean crossBorder(Trades tr, int payee, int p) {
    PaymentGraph g = tr.graph();
    String from = g.country(g.from(p));
    String to = tr.holderCountry(payee) != null ? tr.holderCountry(payee) : g.country(g.to(p));
    return from != null && to != null && !from.equals(to);
  }

  private static long pair(Trades tr, int a, int b) {
    return (long) a * tr.holders() + b;
  }

  /** The payments that name one shipment: a third party among the payers, or far off its value. */
  private static Finding shipment(Trades tr, Thresholds t, int s, List<Integer> payments) {
    PaymentGraph g = tr.graph();
    double minAmount = t.number(Threshold.TRADE_MIN_AMOUNT);
    double paid = 0;
    double byOthers = 0;
    List<String> others = new ArrayList<>();
    for (int p : payments) {
      paid += g.amount(p);
      int payer = tr.holderOf(g.from(p));
      if (payer != tr.consignee(s)) {
        byOthers += g.amount(p);
        String who = payer < 0 ? account(g, g.from(p)) : tr.holderName(payer);
        if (!others.contains(who)) {
          others.add(who);
        }
      }
    }
    List<String> why = new ArrayList<>();
    double unexplained = 0;
    if (byOthers >= minAmount) {
      unexplained += byOthers;
      why.add(
          String.format(
              Locale.ROOT,
              "%s of it was paid by %s, not by the consignee: a third party paying for another's"
                  + " goods",
              money(g, byOthers),
              String.join(" and ", others)));
    }
    String off = offValue(g, t, paid, tr.value(s), covered(tr, t, List.of(s)));
    if (off != null) {
      unexplained += Math.abs(paid - tr.value(s));
      why.add(off);
    }
    if (why.isEmpty()) {
      return null;
    }
    String explanation =
        String.format(
            Locale.ROOT,
            "%s was paid %s in %s from %s to %s that name it: %s. Trade-based laundering moves"
                + " value under cover of trade (FATF-Egmont trade-based money laundering risk"
                + " indicators, 2021).",
            describe(tr, s),
            money(g, paid),
            count(payments.size(), "payment", "payments"),
            date(g.day(payments.get(0))),
            date(g.day(payments.get(payments.size() - 1))),
            String.join("; ", why));
    return new Finding(
        Typology.TRADE_BASED,
        toArray(payments),
        round(unexplained),
        explanation,
        List.of(tr.id(s)));
  }

  /**
   * Why {@code paid} is far off a declared {@code value}, or null when it is within the factor or
   * the difference is under the least amount; paid below counts only when {@code belowCounts}.
   */
  private static String offValue(
      PaymentGraph g, Thresholds t, double paid, double value, boolean belowCounts) {
    double factor = t.number(Threshold.TRADE_INVOICE_FACTOR);
    double minAmount = t.number(Threshold.TRADE_MIN_AMOUNT);
    if (paid - value >= minAmount && paid > value * factor) {
      return String.format(
          Locale.ROOT,
          "%s above the declared value%s (threshold %s times): over-invoicing, or goods declared"
              + " under their price",
          money(g, paid - value),
          value > 0 ? String.format(Locale.ROOT, ", %.2f times it", paid / value) : "",
          number(factor));
    }
    if (belowCounts && value - paid >= minAmount && paid * factor < value) {
      return String.format(
          Locale.ROOT,
          "%s below the declared value, %.0f%% of it (threshold: 1/%s): under-invoicing, the rest"
              + " settled some other way, unless it was paid from an account not in your data",
          money(g, value - paid),
          100 * paid / value,
          number(factor));
    }
    return null;
  }

  /**
   * Payments from {@code payer} to supplier {@code payee} that name no shipment: those near a
   * shipment between them against the declared value of those shipments, runs of those near none as
   * paid for no goods.
   */
  private static List<Finding> unnamed(
      Trades tr,
      Thresholds t,
      int payer,
      int payee,
      List<Integer> payments,
      List<Integer> shipments,
      Map<Integer, List<Integer>> paidFor) {
    PaymentGraph g = tr.graph();
    int matchDays = t.whole(Threshold.TRADE_MATCH_DAYS);
    double minAmount = t.number(Threshold.TRADE_MIN_AMOUNT);
    int[] days = new int[shipments.size()];
    for (int k = 0; k < days.length; k++) {
      days[k] = tr.day(shipments.get(k));
    }
    List<Integer> near = new ArrayList<>();
    List<List<Integer>> runs = new ArrayList<>();
    for (int p : payments) {
      if (nearest(days, g.day(p)) <= matchDays) {
        near.add(p);
      } else if (!runs.isEmpty()) {
        List<Integer> run = runs.get(runs.size() - 1);
        if (g.day(p) - g.day(run.get(run.size() - 1)) <= matchDays) {
          run.add(p);
        } else {
          runs.add(new ArrayList<>(List.of(p)));
        }
      } else {
        runs.add(new ArrayList<>(List.of(p)));
      }
    }
    List<Finding> found = new ArrayList<>();
    if (!near.isEmpty()) {
      int first = g.day(near.get(0)) - matchDays;
      int last = g.day(near.get(near.size() - 1)) + matchDays;
      double declared = 0;
      List<Integer> counted = new ArrayList<>();
      for (int s : shipments) {
        if (tr.day(s) >= first && tr.day(s) <= last && !paidFor.containsKey(s)) {
          declared += tr.value(s);
          counted.add(s);
        }
      }
      if (counted.isEmpty()) {
        runs.add(near);
      } else {
        double paid = sum(g, near);
        String off = offValue(g, t, paid, declared, covered(tr, t, counted));
        if (off != null) {
          found.add(
              new Finding(
                  Typology.TRADE_BASED,
                  toArray(near),
                  round(Math.abs(paid - declared)),
                  String.format(
                      Locale.ROOT,
                      "%s paid %s %s in %s from %s to %s that name no shipment, against %s"
                          + " declared for the %s from it that arrived within %s of them: %s."
                          + " Trade-based laundering moves value under cover of trade"
                          + " (FATF-Egmont, 2021).",
                      tr.holderName(payer),
                      tr.holderName(payee),
                      money(g, paid),
                      count(near.size(), "payment", "payments"),
                      date(g.day(near.get(0))),
                      date(g.day(near.get(near.size() - 1))),
                      money(g, declared),
                      count(counted.size(), "shipment", "shipments"),
                      days(matchDays),
                      off),
                  counted.stream().map(tr::id).toList()));
        }
      }
    }
    for (List<Integer> run : runs) {
      run.sort(Integer::compare);
      double paid = sum(g, run);
      if (paid < minAmount) {
        continue;
      }
      found.add(
          new Finding(
              Typology.TRADE_BASED,
              toArray(run),
              round(paid),
              String.format(
                  Locale.ROOT,
                  "%s paid %s %s in %s from %s to %s, but no shipment from %s to %s arrived"
                      + " within %s of any of them in the customs data you may see (%s): payments"
                      + " for goods that never came, a trade-based laundering indicator"
                      + " (FATF-Egmont, 2021).",
                  tr.holderName(payer),
                  tr.holderName(payee),
                  money(g, paid),
                  count(run.size(), "payment", "payments"),
                  date(g.day(run.get(0))),
                  date(g.day(run.get(run.size() - 1))),
                  tr.holderName(payee),
                  tr.holderName(payer),
                  days(matchDays),
                  shipments.isEmpty()
                      ? "none ever, while it shipped to others"
                      : count(shipments.size(), "shipment", "shipments") + " at other times")));
    }
    return found;
  }

  /**
   * Whether the payments in view cover the days in which every one of the shipments may be paid
   * (the matching days before and after arrival): a shipment near the start or the end of the data
   * may be paid before it or after, so too little paid for it says nothing.
   */
  private static boolean covered(Trades tr, Thresholds t, List<Integer> shipments) {
    PaymentGraph g = tr.graph();
    int matchDays = t.whole(Threshold.TRADE_MATCH_DAYS);
    int first = g.day(0);
    int last = g.day(g.payments() - 1);
    for (int s : shipments) {
      if (tr.day(s) - matchDays < first || tr.day(s) + matchDays > last) {
        return false;
      }
    }
    return true;
  }

  /** Days from {@code day} to the nearest of the sorted {@code days}; MAX_VALUE when none. */
  private static int nearest(int[] days, int day) {
    int at = Arrays.binarySearch(days, day);
    if (at >= 0) {
      return 0;
    }
    int insert = -at - 1;
    int best = Integer.MAX_VALUE;
    if (insert < days.length) {
      best = days[insert] - day;
    }
    if (insert > 0) {
      best = Math.min(best, day - days[insert - 1]);
    }
    return best;
  }

  private static String describe(Trades tr, int s) {
    PaymentGraph g = tr.graph();
    String ref = tr.reference(s) == null ? tr.id(s) : tr.reference(s);
    return String.format(
        Locale.ROOT,
        "Shipment %s%s from %s to %s, declared at %s and arriving %s,",
        ref,
        tr.goods(s) == null ? "" : " (" + tr.goods(s) + ")",
        tr.holderName(tr.consignor(s)),
        tr.holderName(tr.consignee(s)),
        money(g, tr.value(s)),
        date(tr.day(s)));
  }

  private static double sum(PaymentGraph g, List<Integer> payments) {
    double sum = 0;
    for (int p : payments) {
      sum += g.amount(p);
    }
    return sum;
  }

  private static int[] toArray(List<Integer> payments) {
    return payments.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private static double round(double amount) {
    return Math.round(amount * 100) / 100.0;
  }

  private static String number(double x) {
    return x == Math.rint(x)
        ? Long.toString((long) x)
        : String.format(Locale.ROOT, "%s", x).replaceAll("0+$", "");
  }
}
