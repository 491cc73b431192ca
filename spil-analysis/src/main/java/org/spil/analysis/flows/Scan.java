package org.spil.analysis.flows;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One scan of a payment graph under a set of thresholds: what every typology's detector reads, and
 * what they share and is worth computing once, such as which pairs of accounts pay each other
 * regularly (payroll, rent, a standing supplier), which the fan typologies leave out.
 */
public final class Scan {
  private final PaymentGraph graph;
  private final Thresholds thresholds;
  private final Trades trades;
  private long[] regularPairs;

  /** The most accounts a scan takes: a pair of them and a month fit in one long. */
  static final int MAX_NODES = 8_000_000;

  public Scan(PaymentGraph graph, Thresholds thresholds) {
    this(graph, thresholds, null);
  }

  /**
   * A scan that also compares the payments with declared trade ({@link Typology#TRADE_BASED});
   * {@code trades} may be null (no trade known), else it must be built for this graph.
   */
  public Scan(PaymentGraph graph, Thresholds thresholds, Trades trades) {
    if (trades != null && trades.graph() != graph) {
      throw new IllegalArgumentException("the trades were built for another payment graph");
    }
    if (graph.nodes() > MAX_NODES) {
      throw new IllegalArgumentException(
          "a scan takes at most " + MAX_NODES + " accounts, not " + graph.nodes());
    }
    this.graph = graph;
    this.thresholds = thresholds;
    this.trades = trades;
  }

  public PaymentGraph graph() {
    return graph;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  /** The declared trade to compare payments with, or null. */
  public Trades trades() {
    return trades;
  }

  /**
   * Whether {@code from} pays {@code to} regularly: in at least {@link
   * Threshold#FAN_REGULAR_MONTHS} distinct calendar months, and in at least half the months from
   * the first such payment to the last.
   */
  public boolean regular(int from, int to) {
    if (regularPairs == null) {
      regularPairs = regularPairs();
    }
    return Arrays.binarySearch(regularPairs, pair(from, to)) >= 0;
  }

  private long pair(int from, int to) {
    return (long) from * graph.nodes() + to;
  }

  /** The pairs paying in enough distinct months, sorted: payments keyed by pair and month. */
  private long[] regularPairs() {
    int months = thresholds.whole(Threshold.FAN_REGULAR_MONTHS);
    int n = graph.payments();
    long[] keys = new long[n];
    int firstMonth = n == 0 ? 0 : month(graph.day(0));
    for (int p = 0; p < n; p++) {
      // payments are in time order, so the month offsets start at 0; 2^16 months is 5,000 years
      long m = Math.min(0xFFFF, month(graph.day(p)) - firstMonth);
      keys[p] = pair(graph.from(p), graph.to(p)) << 16 | m;
    }
    Arrays.sort(keys);
    long[] out = new long[16];
    int size = 0;
    int i = 0;
    while (i < n) {
      long pair = keys[i] >>> 16;
      int distinct = 0;
      long since = keys[i] & 0xFFFF;
      long lastMonth = -1;
      for (; i < n && keys[i] >>> 16 == pair; i++) {
        long m = keys[i] & 0xFFFF;
        if (m != lastMonth) {
          distinct++;
          lastMonth = m;
        }
      }
      // in enough months, and in at least half the months from the first to the last: a mule
      // used three times in three years is no standing order
      if (distinct >= months && 2L * distinct >= lastMonth - since + 1) {
        if (size == out.length) {
          out = Arrays.copyOf(out, size * 2);
        }
        out[size++] = pair;
      }
    }
    return Arrays.copyOf(out, size);
  }

  private static int month(int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }
}
