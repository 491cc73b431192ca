package org.spil.analysis.flows;

import static org.spil.analysis.flows.Wording.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gather-scatter: one account paid by many distinct accounts and paying most of it on to many
 * others within days (but not far more than it gathered: that is paying from its own money, as an
 * importer pays its suppliers from its reserves), a hub through which money changes hands without
 * staying (an underground banker's or a broker's account). Regular counterparties, cash and
 * exchanges are left out. Score: the number of distinct accounts on both sides.
 */
final class GatherScatter {
  private GatherScatter() {}

  static List<Finding> find(Scan scan) {
    PaymentGraph g = scan.graph();
    Thresholds t = scan.thresholds();
    int window = t.whole(Threshold.GATHER_SCATTER_WINDOW_DAYS);
    int min = t.whole(Threshold.GATHER_SCATTER_MIN_COUNTERPARTIES);
    double minShare = t.number(Threshold.GATHER_SCATTER_MIN_SHARE);
    double maxShare = t.number(Threshold.GATHER_SCATTER_MAX_SHARE);
    double minTotal = t.number(Threshold.GATHER_SCATTER_MIN_TOTAL);
    List<Finding> found = new ArrayList<>();
    for (int m = 0; m < g.nodes(); m++) {
      if (g.kind(m) != PaymentGraph.Kind.ACCOUNT
          || g.inEnd(m) - g.inStart(m) < min
          || g.outEnd(m) - g.outStart(m) < min) {
        continue;
      }
      int[] ins = counted(scan, m, false);
      int[] outs = counted(scan, m, true);
      if (distinct(g, ins, 0, ins.length, false) < min
          || distinct(g, outs, 0, outs.length, true) < min) {
        continue;
      }
      int i = 0;
      int o = 0;
      while (i < ins.length) {
        int first = g.day(ins[i]);
        int last = first + window;
        int iEnd = i;
        while (iEnd < ins.length && g.day(ins[iEnd]) <= last) {
          iEnd++;
        }
        while (o < outs.length && g.day(outs[o]) < first) {
          o++;
        }
        int oEnd = o;
        while (oEnd < outs.length && g.day(outs[oEnd]) <= last) {
          oEnd++;
        }
        int payers = distinct(g, ins, i, iEnd, false);
        int payees = distinct(g, outs, o, oEnd, true);
        double in = sum(g, ins, i, iEnd);
        double out = sum(g, outs, o, oEnd);
        if (payers >= min
            && payees >= min
            && in >= minTotal
            && out >= minShare * in
            && out <= maxShare * in) {
          found.add(finding(g, m, ins, i, iEnd, outs, o, oEnd, payers, payees, in, out, window));
          i = iEnd;
          o = oEnd;
        } else {
          i++;
        }
      }
    }
    return found;
  }

  /** {@code m}'s payments in or out, in time order, leaving out regular ones, cash, exchanges. */
  private static int[] counted(Scan scan, int m, boolean out) {
    PaymentGraph g = scan.graph();
    int start = out ? g.outStart(m) : g.inStart(m);
    int end = out ? g.outEnd(m) : g.inEnd(m);
    int[] list = new int[end - start];
    int size = 0;
    for (int i = start; i < end; i++) {
      int p = out ? g.outgoing(i) : g.incoming(i);
      int other = out ? g.to(p) : g.from(p);
      if (other != m
          && g.amount(p) >= scan.thresholds().number(Threshold.FAN_MIN_PAYMENT)
          && g.kind(other) == PaymentGraph.Kind.ACCOUNT
          && !(out ? scan.regular(m, other) : scan.regular(other, m))) {
        list[size++] = p;
      }
    }
    return Arrays.copyOf(list, size);
  }

  private static int distinct(PaymentGraph g, int[] list, int from, int to, boolean out) {
    Set<Integer> others = new HashSet<>();
    for (int i = from; i < to; i++) {
      others.add(out ? g.to(list[i]) : g.from(list[i]));
    }
    return others.size();
  }

  private static double sum(PaymentGraph g, int[] list, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += g.amount(list[i]);
    }
    return s;
  }

  private static Finding finding(
      PaymentGraph g,
      int m,
      int[] ins,
      int i,
      int iEnd,
      int[] outs,
      int o,
      int oEnd,
      int payers,
      int payees,
      double in,
      double out,
      int window) {
    int[] payments = new int[iEnd - i + oEnd - o];
    System.arraycopy(ins, i, payments, 0, iEnd - i);
    System.arraycopy(outs, o, payments, iEnd - i, oEnd - o);
    Arrays.sort(payments);
    String explanation =
        String.format(
            Locale.ROOT,
            "%s received %s from %d distinct accounts between %s and %s and paid %s (%s of it) to"
                + " %d others within %s of the first payment in: a hub through which money from"
                + " many hands reaches many others without staying, as an underground banker's or"
                + " a broker's account does.",
            account(g, m),
            money(g, in),
            payers,
            date(g.day(ins[i])),
            date(g.day(ins[iEnd - 1])),
            money(g, out),
            percent(out / in),
            payees,
            days(window));
    return new Finding(Typology.GATHER_SCATTER, payments, payers + payees, explanation);
  }
}
