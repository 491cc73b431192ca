package org.spil.analysis.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where money went from some accounts (or where it came from): time-respecting paths of payments,
 * each hop made on or after the day of the one before and within a window of days of it, with the
 * amount of the start's money each payment carried, attributed proportionally or first in, first
 * out. The trace goes hop by hop up to a number of hops and stops where money leaves the banking
 * system it can see: cash withdrawals, crypto exchanges. What a node received of the traced money
 * and did not pass on, it kept.
 *
 * <p>Proportional: of the traced money a payment brought, each later payment out of the account
 * within the window carries a share in proportion to its amount, all of them together at most what
 * came in, and no more than that payment brought when the account paid out less than it received.
 * First in, first out: the account's incoming payments, traced or not, form a queue in time order,
 * and each payment out takes the oldest money first, together with its traced share.
 */
public final class Trace {
  /** How traced money is attributed to the payments out of an account. */
  public enum Attribution {
    PROPORTIONAL,
    FIFO;

    /**
     * The attribution a word names: {@code proportional} or {@code fifo}.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static Attribution of(String word) {
      return switch (word) {
        case "proportional" -> PROPORTIONAL;
        case "fifo" -> FIFO;
        default ->
            throw new IllegalArgumentException("'" + word + "' is neither proportional nor fifo");
      };
    }
  }

  /**
   * What to trace: the direction (out: where the money went; in: where it came from), most hops,
   * days a hop may follow the one before, the days of the first payments, the attribution, and the
   * least share of what was traced a payment must carry to be followed ({@link #NOISE} is the usual
   * one).
   */
  public record Spec(
      boolean out,
      int hops,
      int windowDays,
      int fromDay,
      int toDay,
      Attribution attribution,
      double minShare) {
    public Spec {
      if (!(minShare >= 0 && minShare < 1)) {
        throw new IllegalArgumentException("the least share must be at least 0 and below 1");
      }
      if (hops < 1 || hops > 12) {
        throw new IllegalArgumentException("hops must be 1 to 12, not " + hops);
      }
      if (windowDays < 0) {
        throw new IllegalArgumentException("the window must be at least 0 days");
      }
    }
  }

  /** The usual least share of what was traced a payment must carry: less is noise. */
  public static final double NOISE = 0.001;

  private Trace() {}

  /**
   * The traced amount per payment (by position in time order; absent: none) and the hop at which
   * each payment was first reached, from the payments of {@code starts}.
   */
  public record Result(Map<Integer, Double> carried, Map<Integer, Integer> hop, double traced) {}

  public static Result run(PaymentGraph g, int[] starts, Spec spec) {
    boolean[] start = new boolean[g.nodes()];
    for (int s : starts) {
      start[s] = true;
    }
    Map<Integer, Double> carried = new HashMap<>();
    Map<Integer, Integer> hop = new HashMap<>();
    // the first hop: every payment of the starts in the days asked for carries all its money
    Map<Integer, Double> layer = new HashMap<>();
    double traced = 0;
    for (int s : starts) {
      int from = spec.out ? g.outStart(s) : g.inStart(s);
      int to = spec.out ? g.outEnd(s) : g.inEnd(s);
      for (int i = from; i < to; i++) {
        int p = spec.out ? g.outgoing(i) : g.incoming(i);
        int other = spec.out ? g.to(p) : g.from(p);
        if (g.day(p) < spec.fromDay() || g.day(p) > spec.toDay() || start[other]) {
          continue;
        }
        layer.put(p, g.amount(p));
        traced += g.amount(p);
      }
    }
    double noise = traced * spec.minShare();
    for (int h = 1; h <= spec.hops() && !layer.isEmpty(); h++) {
      // a payment reached again carries at most the rest of its amount, and passes on only that
      for (Map.Entry<Integer, Double> e : layer.entrySet()) {
        double room = g.amount(e.getKey()) - carried.getOrDefault(e.getKey(), 0.0);
        double added = Math.max(0, Math.min(room, e.getValue()));
        e.setValue(added);
        carried.merge(e.getKey(), added, Double::sum);
        hop.putIfAbsent(e.getKey(), h);
      }
      if (h == spec.hops()) {
        break;
      }
      // per account the layer reached, the traced money that arrived there
      Map<Integer, List<Integer>> arrivals = new HashMap<>();
      for (int p : layer.keySet()) {
        int v = spec.out ? g.to(p) : g.from(p);
        if (!start[v] && g.kind(v) == PaymentGraph.Kind.ACCOUNT) {
          arrivals.computeIfAbsent(v, k -> new ArrayList<>()).add(p);
        }
      }
      Map<Integer, Double> next = new HashMap<>();
      for (Map.Entry<Integer, List<Integer>> e : arrivals.entrySet()) {
        if (spec.attribution() == Attribution.FIFO) {
          fifo(g, e.getKey(), e.getValue(), layer, spec, next);
        } else {
          proportional(g, e.getKey(), e.getValue(), layer, spec, next);
        }
      }
      capped(g, next);
      next.values().removeIf(a -> a < noise);
      layer = next;
    }
    carried.values().removeIf(a -> a < noise);
    hop.keySet().retainAll(carried.keySet());
    return new Result(carried, hop, traced);
  }

  /** The payments that may carry on what {@code p} brought to {@code v}: later, in the window. */
  private static List<Integer> onward(PaymentGraph g, int v, int p, Spec spec) {
    List<Integer> out = new ArrayList<>();
    if (spec.out()) {
      for (int i = g.firstOutOnOrAfter(v, g.day(p)); i < g.outEnd(v); i++) {
        int q = g.outgoing(i);
        if (g.day(q) > g.day(p) + spec.windowDays()) {
          break;
        }
        if (q != p && g.to(q) != v) {
          out.add(q);
        }
      }
    } else {
      // backwards: what came into v before p left it, within the window before
      int from = g.firstInOnOrAfter(v, g.day(p) - spec.windowDays());
      for (int i = from; i < g.inEnd(v); i++) {
        int q = g.incoming(i);
        if (g.day(q) > g.day(p)) {
          break;
        }
        if (q != p && g.from(q) != v) {
          out.add(q);
        }
      }
    }
    return out;
  }

  private static void proportional(
      PaymentGraph g,
      int v,
      List<Integer> arrived,
      Map<Integer, Double> layer,
      Spec spec,
      Map<Integer, Double> next) {
    for (int p : arrived) {
      List<Integer> onward = onward(g, v, p, spec);
      double total = 0;
      for (int q : onward) {
        total += g.amount(q);
      }
      if (total <= 0) {
        continue;
      }
      double factor = layer.get(p) / Math.max(total, g.amount(p));
      for (int q : onward) {
        next.merge(q, g.amount(q) * factor, Double::sum);
      }
    }
  }

  /**
   * First in, first out at {@code v}: money arrives in time order (traced or not) and each payment
   * out of {@code v} takes the oldest that is still there and no older than the window. Tracing
   * forward, a payment out carries the traced share of the money it took; tracing back, a payment
   * in is the source of the traced share of the payments out that took it.
   */
  private static void fifo(
      PaymentGraph g,
      int v,
      List<Integer> arrived,
      Map<Integer, Double> layer,
      Spec spec,
      Map<Integer, Double> next) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (int p : arrived) {
      first = Math.min(first, g.day(p));
      last = Math.max(last, g.day(p));
    }
    int lo = first - spec.windowDays();
    int hi = spec.out() ? last + spec.windowDays() : last;
    List<Integer> in = new ArrayList<>();
    for (int i = g.firstInOnOrAfter(v, lo); i < g.inEnd(v) && g.day(g.incoming(i)) <= hi; i++) {
      if (g.from(g.incoming(i)) != v) {
        in.add(g.incoming(i));
      }
    }
    double[] left = new double[in.size()];
    for (int k = 0; k < left.length; k++) {
      left[k] = g.amount(in.get(k));
    }
    int head = 0;
    for (int i = g.firstOutOnOrAfter(v, lo); i < g.outEnd(v); i++) {
      int q = g.outgoing(i);
      if (g.day(q) > hi) {
        break;
      }
      if (g.to(q) == v) {
        continue;
      }
      double need = g.amount(q);
      for (int k = head; k < in.size() && need > 0; k++) {
        int p = in.get(k);
        if (g.day(p) > g.day(q)) {
          break;
        }
        if (left[k] <= 0 || g.day(q) - g.day(p) > spec.windowDays()) {
          if (k == head) {
            head++;
          }
          continue;
        }
        double take = Math.min(need, left[k]);
        left[k] -= take;
        need -= take;
        if (spec.out()) {
          Double traced = layer.get(p);
          if (traced != null && arrivedAt(g, p, v, spec)) {
            next.merge(q, take * traced / g.amount(p), Double::sum);
          }
        } else {
          Double traced = layer.get(q);
          if (traced != null && arrivedAt(g, q, v, spec)) {
            next.merge(p, take * traced / g.amount(q), Double::sum);
          }
        }
      }
    }
  }

  /** Whether traced payment {@code p} reached {@code v} in the trace's direction. */
  private static boolean arrivedAt(PaymentGraph g, int p, int v, Spec spec) {
    return (spec.out() ? g.to(p) : g.from(p)) == v;
  }

  /** No payment carries more than its amount. */
  private static void capped(PaymentGraph g, Map<Integer, Double> next) {
    next.replaceAll((q, a) -> Math.min(a, g.amount(q)));
  }
}
