package org.spil.analysis.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments as a temporal multigraph on primitive arrays: accounts (or holders) are nodes 0..n-1,
 * payments are numbered by time (day, then the order they were added), each with its payer,
 * beneficiary, day and amount; every node's outgoing and incoming payments are kept in time order,
 * so that what leaves or reaches an account after a day is found by binary search. Nodes carry what
 * the typologies ask of an account: a label an analyst recognises (an IBAN and its holder), a
 * country, and whether it is an ordinary account, cash or a crypto exchange. All amounts are in the
 * graph's one currency. The analyses of money flows (tracing, cycles, typologies) run on it.
 */
public final class PaymentGraph {
  /** What a node stands for. */
  public enum Kind {
    /** A bank account, or a party where a payment names no account. */
    ACCOUNT,
    /** Cash paid in at a counter or machine: the source of every cash deposit. */
    CASH_DEPOSIT,
    /** Cash taken out: where every cash withdrawal goes. */
    CASH_WITHDRAWAL,
    /** An account of a crypto exchange: money from it is crypto sold, to it crypto bought. */
    EXCHANGE
  }

  private final String currency;
  private final String[] nodes;
  private final String[] labels;
  private final String[] countries;
  private final Kind[] kinds;
  private final String[] ids;
  private final int[] from;
  private final int[] to;
  private final int[] day;
  private final double[] amount;
  private final int[] original;

  /**
   * Per node, its outgoing payments in time order: {@code outgoing[outStart[v] .. outStart[v+1])}.
   */
  private final int[] outStart;

  private final int[] outgoing;

  /** Per node, its incoming payments in time order, as {@link #outStart} has the outgoing. */
  private final int[] inStart;

  private final int[] incoming;

  private PaymentGraph(
      String currency,
      String[] nodes,
      String[] labels,
      String[] countries,
      Kind[] kinds,
      String[] ids,
      int[] from,
      int[] to,
      int[] day,
      double[] amount,
      int[] original) {
    this.currency = currency;
    this.nodes = nodes;
    this.labels = labels;
    this.countries = countries;
    this.kinds = kinds;
    this.ids = ids;
    this.from = from;
    this.to = to;
    this.day = day;
    this.amount = amount;
    this.original = original;
    outStart = new int[nodes.length + 1];
    outgoing = new int[from.length];
    index(from, outStart, outgoing);
    inStart = new int[nodes.length + 1];
    incoming = new int[to.length];
    index(to, inStart, incoming);
  }

  /** Payments grouped by an end, each group in time order (payments are numbered by time). */
  private static void index(int[] end, int[] start, int[] list) {
    for (int p = 0; p < end.length; p++) {
      start[end[p] + 1]++;
    }
    for (int v = 0; v + 1 < start.length; v++) {
      start[v + 1] += start[v];
    }
    int[] fill = Arrays.copyOf(start, start.length - 1);
    for (int p = 0; p < end.length; p++) {
      list[fill[end[p]]++] = p;
    }
  }

  /** Payments in the making; {@link #build} numbers them by time. */
  public static final class Builder {
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final List<String> nodeIds = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private int[] payers = new int[1024];
    private int[] payees = new int[1024];
    private int[] days = new int[1024];
    private double[] amounts = new double[1024];
    private final Map<Integer, String[]> described = new HashMap<>();
    private final Map<Integer, Kind> kinds = new HashMap<>();
    private String currency = "EUR";

    private int node(String id) {
      Integer v = nodeIndex.get(id);
      if (v == null) {
        v = nodeIds.size();
        nodeIds.add(id);
        nodeIndex.put(id, v);
      }
      return v;
    }

    /** The currency of every amount (default EUR). */
    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    /**
     * What node {@code id} is: a label for people (null for the id), its country (an ISO code, null
     * where unknown) and its kind.
     */
    public Builder describe(String id, String label, String country, Kind kind) {
      int v = node(id);
      described.put(v, new String[] {label, country});
      kinds.put(v, kind);
      return this;
    }

    /** Whether a node of this id is in the graph already. */
    public boolean has(String id) {
      return nodeIndex.containsKey(id);
    }

    /** One payment: its id, payer, beneficiary, day (days since 1970-01-01) and amount. */
    public Builder add(String id, String payer, String beneficiary, int day, double amount) {
      if (!(amount >= 0) || Double.isInfinite(amount)) {
        throw new IllegalArgumentException("payment " + id + ": amount must be a number >= 0");
      }
      int n = ids.size();
      if (n == payers.length) {
        int grown = n + (n >> 1);
        payers = Arrays.copyOf(payers, grown);
        payees = Arrays.copyOf(payees, grown);
        days = Arrays.copyOf(days, grown);
        amounts = Arrays.copyOf(amounts, grown);
      }
      ids.add(id);
      payers[n] = node(payer);
      payees[n] = node(beneficiary);
      days[n] = day;
      amounts[n] = amount;
      return this;
    }

    public PaymentGraph build() {
      int n = ids.size();
      // by day, then the order added: a key of the day's offset and the index, sorted as longs
      int minDay = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        minDay = Math.min(minDay, days[i]);
      }
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) days[i] - minDay) << 32 | i;
      }
      Arrays.sort(keys);
      String[] pid = new String[n];
      int[] f = new int[n];
      int[] t = new int[n];
      int[] d = new int[n];
      double[] a = new double[n];
      int[] original = new int[n];
      for (int i = 0; i < n; i++) {
        int k = (int) keys[i];
        original[i] = k;
        pid[i] = ids.get(k);
        f[i] = payers[k];
        t[i] = payees[k];
        d[i] = days[k];
        a[i] = amounts[k];
      }
      String[] nodeArray = nodeIds.toArray(new String[0]);
      String[] labels = new String[nodeArray.length];
      String[] countries = new String[nodeArray.length];
      Kind[] kindArray = new Kind[nodeArray.length];
      for (int v = 0; v < nodeArray.length; v++) {
        String[] about = described.get(v);
        labels[v] = about == null || about[0] == null ? nodeArray[v] : about[0];
        countries[v] = about == null ? null : about[1];
        kindArray[v] = kinds.getOrDefault(v, Kind.ACCOUNT);
      }
      return new PaymentGraph(
          currency, nodeArray, labels, countries, kindArray, pid, f, t, d, a, original);
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

  /** The currency of every amount. */
  public String currency() {
    return currency;
  }

  /** The id of node {@code v} (an account's or party's entity id). */
  public String node(int v) {
    return nodes[v];
  }

  /** How people know node {@code v}: an IBAN and its holder, or the id. */
  public String label(int v) {
    return labels[v];
  }

  /** The country of node {@code v}, an ISO code, or null where unknown. */
  public String country(int v) {
    return countries[v];
  }

  public Kind kind(int v) {
    return kinds[v];
  }

  /** The id of payment {@code p} (in time order). */
  public String id(int p) {
    return ids[p];
  }

  /** Which payment {@code p} was among those added to the builder, counting from 0. */
  public int original(int p) {
    return original[p];
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

  /** Where node {@code v}'s incoming payments start in {@link #incoming(int)}'s numbering. */
  public int inStart(int v) {
    return inStart[v];
  }

  /** Where node {@code v}'s incoming payments end (exclusive). */
  public int inEnd(int v) {
    return inStart[v + 1];
  }

  /** The payment at position {@code i} of the incoming lists. */
  public int incoming(int i) {
    return incoming[i];
  }

  /** The first position of {@code v}'s incoming payments made on or after {@code fromDay}. */
  public int firstInOnOrAfter(int v, int fromDay) {
    return firstOnOrAfter(incoming, inStart[v], inStart[v + 1], fromDay);
  }

  /** The first position of {@code v}'s outgoing payments made on or after {@code fromDay}. */
  public int firstOutOnOrAfter(int v, int fromDay) {
    return firstOnOrAfter(outgoing, outStart[v], outStart[v + 1], fromDay);
  }

  private int firstOnOrAfter(int[] list, int lo, int hi, int fromDay) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (day[list[mid]] < fromDay) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
