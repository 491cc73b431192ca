package org.spil.analysis.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments as a temporal multigraph on primitive arrays: accounts (or holders) are nodes 0..n-1,
 * payments are numbered by time (day, then the order they were added), each with its payer,
 * beneficiary, day and amount; every node's outgoing payments are kept in time order, so that what
 * leaves an account after a day is found by binary search. The analyses of money flows (tracing,
 * cycles, typologies) run on it.
 */
public final class PaymentGraph {
  private final String[] nodes;
  private final String[] ids;
  private final int[] from;
  private final int[] to;
  private final int[] day;
  private final double[] amount;

  /**
   * Per node, its outgoing payments in time order: {@code outgoing[outStart[v] .. outStart[v+1])}.
   */
  private final int[] outStart;

  private final int[] outgoing;

  private PaymentGraph(
      String[] nodes, String[] ids, int[] from, int[] to, int[] day, double[] amount) {
    this.nodes = nodes;
    this.ids = ids;
    this.from = from;
    this.to = to;
    this.day = day;
    this.amount = amount;
    outStart = new int[nodes.length + 1];
    for (int p = 0; p < from.length; p++) {
      outStart[from[p] + 1]++;
    }
    for (int v = 0; v < nodes.length; v++) {
      outStart[v + 1] += outStart[v];
    }
    outgoing = new int[from.length];
    int[] fill = Arrays.copyOf(outStart, nodes.length);
    // payments are numbered in time order, so each node's list is too
    for (int p = 0; p < from.length; p++) {
      outgoing[fill[from[p]]++] = p;
    }
  }

  /** Payments in the making; {@link #build} numbers them by time. */
  public static final class Builder {
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<String> nodeIds = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<int[]> ends = new ArrayList<>();
    private final List<Double> amounts = new ArrayList<>();

    private int node(String id) {
      return nodeIndex.computeIfAbsent(
          id,
          k -> {
            nodeIds.add(k);
            return nodeIds.size() - 1;
          });
    }

    /** One payment: its id, payer, beneficiary, day (days since 1970-01-01) and amount. */
    public Builder add(String id, String payer, String beneficiary, int day, double amount) {
      if (!(amount >= 0) || Double.isInfinite(amount)) {
        throw new IllegalArgumentException("payment " + id + ": amount must be a number >= 0");
      }
      ids.add(id);
      ends.add(new int[] {node(payer), node(beneficiary), day});
      amounts.add(amount);
      return this;
    }

    public PaymentGraph build() {
      Integer[] order = new Integer[ids.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(ends.get(a)[2], ends.get(b)[2]));
      int n = order.length;
      String[] pid = new String[n];
      int[] f = new int[n];
      int[] t = new int[n];
      int[] d = new int[n];
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        int[] e = ends.get(order[i]);
        pid[i] = ids.get(order[i]);
        f[i] = e[0];
        t[i] = e[1];
        d[i] = e[2];
        a[i] = amounts.get(order[i]);
      }
      return new PaymentGraph(nodeIds.toArray(new String[0]), pid, f, t, d, a);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How many accounts (nodes). */
  public int nodes() {
    return nodes.length;
  }

  /** How many payments. */
  public int payments() {
    return ids.length;
  }

  public String node(int v) {
    return nodes[v];
  }

  /** The id of payment {@code p} (in time order). */
  public String id(int p) {
    return ids[p];
  }

  public int from(int p) {
    return from[p];
  }

  public int to(int p) {
    return to[p];
  }

  public int day(int p) {
    return day[p];
  }

  public double amount(int p) {
    return amount[p];
  }

  /** Where node {@code v}'s outgoing payments start in {@link #outgoing(int)}'s numbering. */
  public int outStart(int v) {
    return outStart[v];
  }

  /** Where node {@code v}'s outgoing payments end (exclusive). */
  public int outEnd(int v) {
    return outStart[v + 1];
  }

  /** The payment at position {@code i} of the outgoing lists. */
  public int outgoing(int i) {
    return outgoing[i];
  }

  /** The first position of {@code v}'s outgoing payments made on or after {@code fromDay}. */
  public int firstOutOnOrAfter(int v, int fromDay) {
    int lo = outStart[v];
    int hi = outStart[v + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (day[outgoing[mid]] < fromDay) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
