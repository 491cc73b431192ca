package org.spil.analysis.flows;

/**
 * Every threshold of the money-flow typologies: its key in a thresholds file, what kind of value it
 * takes, its default and what it means. The defaults are argued for in {@code docs/flows.md}; a
 * user changes them in a file {@link Thresholds#parse} reads, {@code spil flows thresholds} prints
 * them all.
 */
public enum Threshold {
  CYCLE_MAX_PAYMENTS(
      "cycle.max-payments",
      Type.COUNT,
      "8",
      2,
      8,
      "most payments in a cycle, from leaving to return"),
  CYCLE_WINDOW_DAYS(
      "cycle.window-days", Type.DAYS, "30", 0, 3660, "days from the first payment to the last"),
  CYCLE_MIN_AMOUNT(
      "cycle.min-amount",
      Type.AMOUNT,
      "10000",
      0,
      1e15,
      "least amount of the first payment of a cycle"),
  CYCLE_MAX_FEE(
      "cycle.max-fee",
      Type.SHARE,
      "0.05",
      0,
      0.99,
      "largest share of the amount a payment may lose to the next (fees, a broker's cut)"),
  STRUCTURING_REPORTING_THRESHOLD(
      "structuring.reporting-threshold",
      Type.AMOUNT,
      "10000",
      1,
      1e12,
      "cash amount from which a bank must report a deposit"),
  STRUCTURING_JUST_UNDER(
      "structuring.just-under",
      Type.SHARE,
      "0.8",
      0.01,
      0.999,
      "a deposit is structured when it is at least this share of the reporting threshold and"
          + " below it"),
  STRUCTURING_WINDOW_DAYS(
      "structuring.window-days", Type.DAYS, "7", 0, 3660, "days the deposits of one alert span"),
  STRUCTURING_MIN_DEPOSITS(
      "structuring.min-deposits",
      Type.COUNT,
      "3",
      2,
      1e6,
      "fewest structured deposits to alert on"),
  STRUCTURING_PASSED_ON_DAYS(
      "structuring.passed-on-days",
      Type.DAYS,
      "3",
      0,
      3660,
      "days within which a deposit passed on to another account counts as collected there"),
  STRUCTURING_PASSED_ON_SHARE(
      "structuring.passed-on-share",
      Type.SHARE,
      "0.9",
      0.01,
      1,
      "share of a deposit a payment must carry to count as passing it on"),
  FAN_WINDOW_DAYS("fan.window-days", Type.DAYS, "7", 0, 3660, "days a fan-in or fan-out spans"),
  FAN_MIN_COUNTERPARTIES(
      "fan.min-counterparties",
      Type.COUNT,
      "8",
      2,
      1e6,
      "fewest distinct accounts paying in (fan-in) or paid (fan-out) within the window"),
  FAN_MIN_TOTAL(
      "fan.min-total", Type.AMOUNT, "50000", 0, 1e15, "least money a fan must move in the window"),
  FAN_MIN_PAYMENT(
      "fan.min-payment",
      Type.AMOUNT,
      "1000",
      0,
      1e15,
      "smallest payment a fan-in, fan-out or gather-scatter counts (card payments at a shop are"
          + " not laundering)"),
  FAN_REGULAR_MONTHS(
      "fan.regular-months",
      Type.COUNT,
      "3",
      2,
      1e6,
      "a counterparty paid (or paying) in this many distinct months, and in at least half the"
          + " months from the first to the last, is regular (payroll, rent, a standing supplier)"),
  SCATTER_GATHER_WINDOW_DAYS(
      "scatter-gather.window-days",
      Type.DAYS,
      "14",
      0,
      3660,
      "days from the first payment out of the source to the last into the gatherer"),
  SCATTER_GATHER_MIN_INTERMEDIARIES(
      "scatter-gather.min-intermediaries",
      Type.COUNT,
      "3",
      2,
      1e6,
      "fewest accounts the money passes through on its way"),
  SCATTER_GATHER_MIN_SHARE(
      "scatter-gather.min-share",
      Type.SHARE,
      "0.8",
      0.01,
      1,
      "share of what the intermediaries received that must reach the gatherer"),
  GATHER_SCATTER_WINDOW_DAYS(
      "gather-scatter.window-days", Type.DAYS, "14", 0, 3660, "days a gather-scatter spans"),
  GATHER_SCATTER_MIN_COUNTERPARTIES(
      "gather-scatter.min-counterparties",
      Type.COUNT,
      "5",
      2,
      1e6,
      "fewest distinct accounts on each side, paying in and paid"),
  GATHER_SCATTER_MIN_SHARE(
      "gather-scatter.min-share",
      Type.SHARE,
      "0.8",
      0.01,
      1,
      "share of what was gathered that must leave again in the window"),
  GATHER_SCATTER_MAX_SHARE(
      "gather-scatter.max-share",
      Type.FACTOR,
      "1.25",
      1,
      1e6,
      "most it may pay on, as a multiple of what it gathered (paying far more is paying from its"
          + " own money)"),
  GATHER_SCATTER_MIN_TOTAL(
      "gather-scatter.min-total",
      Type.AMOUNT,
      "50000",
      0,
      1e15,
      "least money gathered in the window"),
  PASS_THROUGH_MIN_AMOUNT(
      "pass-through.min-amount",
      Type.AMOUNT,
      "10000",
      0,
      1e15,
      "smallest incoming payment to follow"),
  PASS_THROUGH_MAX_DAYS(
      "pass-through.max-days",
      Type.DAYS,
      "3",
      0,
      3660,
      "days within which the money must leave again"),
  PASS_THROUGH_MIN_SHARE(
      "pass-through.min-share",
      Type.SHARE,
      "0.9",
      0.01,
      1,
      "share of the incoming payment that must leave within those days"),
  PASS_THROUGH_UNUSUAL(
      "pass-through.unusual",
      Type.FACTOR,
      "5",
      1,
      1e9,
      "how many times the account's median other payment the incoming one must be"),
  MIRROR_MIN_AMOUNT("mirror.min-amount", Type.AMOUNT, "10000", 0, 1e15, "smallest leg to match"),
  MIRROR_MAX_DAYS("mirror.max-days", Type.DAYS, "3", 0, 3660, "most days between the two legs"),
  MIRROR_MAX_DIFFERENCE(
      "mirror.max-difference",
      Type.SHARE,
      "0.01",
      0,
      0.5,
      "largest difference between the legs' amounts, as a share of the first"),
  OFF_RAMP_WINDOW_DAYS(
      "off-ramp.window-days", Type.DAYS, "30", 0, 3660, "days the payouts of one alert span"),
  OFF_RAMP_MIN_PAYOUTS(
      "off-ramp.min-payouts",
      Type.COUNT,
      "4",
      1,
      1e6,
      "fewest payouts from exchanges to one account within the window"),
  OFF_RAMP_MIN_TOTAL(
      "off-ramp.min-total", Type.AMOUNT, "20000", 0, 1e15, "least money paid out in the window"),
  TRADE_INVOICE_FACTOR(
      "trade.invoice-factor",
      Type.FACTOR,
      "1.5",
      1,
      1e6,
      "how many times more (or less) than a shipment's declared value its payments must be"),
  TRADE_MATCH_DAYS(
      "trade.match-days",
      Type.DAYS,
      "90",
      0,
      3660,
      "days before or after a shipment's arrival in which a payment can be for it"),
  TRADE_MIN_AMOUNT(
      "trade.min-amount",
      Type.AMOUNT,
      "10000",
      0,
      1e15,
      "least money paid for no goods, by a third party, or above or below the declared value"),
  CRYPTO_EXCHANGES(
      "crypto.exchanges",
      Type.NAMES,
      "Binance, Bitonic, Bitpanda, Bitstamp, Bitvavo, Bybit, Coinbase, Crypto.com, Kraken, OKX",
      0,
      0,
      "names of crypto exchanges, matched at the start of an account holder's name (the exchanges"
          + " named by visible crypto wallets count too)");

  /** The kinds of value a threshold takes. */
  public enum Type {
    /** A whole number of days. */
    DAYS,
    /** A whole number of things. */
    COUNT,
    /** An amount of money in the graph's currency. */
    AMOUNT,
    /** A share between 0 and 1. */
    SHARE,
    /** A multiplier. */
    FACTOR,
    /** A comma-separated list of names. */
    NAMES
  }

  private final String key;
  private final Type type;
  private final String defaultValue;
  private final double min;
  private final double max;
  private final String meaning;

  Threshold(String key, Type type, String defaultValue, double min, double max, String meaning) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.meaning = meaning;
  }

  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  public String defaultValue() {
    return defaultValue;
  }

  /** The least value allowed (not for names). */
  public double min() {
    return min;
  }

  /** The largest value allowed (not for names). */
  public double max() {
    return max;
  }

  /** What it means, in a line. */
  public String meaning() {
    return meaning;
  }

  /** The threshold of a key, or null. */
  public static Threshold of(String key) {
    for (Threshold t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    return null;
  }
}
