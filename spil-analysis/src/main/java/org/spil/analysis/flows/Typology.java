package org.spil.analysis.flows;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The laundering typologies Spil looks for in a {@link PaymentGraph}, each with the id alerts
 * carry, a line saying what it finds, and the detector that finds it under a set of {@link
 * Thresholds}.
 */
public enum Typology {
  STRUCTURING(
      "Structuring",
      "structuring",
      "cash deposited in amounts just under the reporting threshold, on one account or on many"
          + " that pass it on to one (fan-in of cash)"),
  FAN_IN("Fan-in", "fan-in", "many accounts paying one within days, none of them regularly"),
  FAN_OUT("Fan-out", "fan-out", "one account paying many within days, none of them regularly"),
  SCATTER_GATHER(
      "Scatter-gather",
      "scatter-gather",
      "money split from one account over several and brought together again in another"),
  GATHER_SCATTER(
      "Gather-scatter",
      "gather-scatter",
      "money gathered from many accounts into one and paid on to many others"),
  TEMPORAL_CYCLE(
      "Cycles",
      "temporal-cycle",
      "money that comes back to its origin within a window, shrinking only by fees"),
  PASS_THROUGH(
      "Pass-through",
      "pass-through",
      "an account where a payment far larger than its usual ones leaves again within days (a"
          + " mule)"),
  MIRROR_TRANSFER(
      "Mirror transfers",
      "mirror-transfer",
      "two domestic payments in two countries with matching amounts within days and no link"
          + " between them (underground banking)"),
  CRYPTO_OFF_RAMP(
      "Crypto off-ramp",
      "crypto-off-ramp",
      "repeated payouts from crypto exchanges to one account within weeks"),
  TRADE_BASED(
      "Trade-based",
      "trade-based",
      "payments for shipments that do not match their declared value, paid by a third party, or"
          + " for goods that never came (compared with customs declarations)");

  private final String label;
  private final String id;
  private final String finds;

  Typology(String label, String id, String finds) {
    this.label = label;
    this.id = id;
    this.finds = finds;
  }

  /** Its name as screens and reports show it. */
  public String label() {
    return label;
  }

  /** The id alerts carry and commands take. */
  public String id() {
    return id;
  }

  /** What it finds, in a line. */
  public String finds() {
    return finds;
  }

  /** The typology of an id, or null. */
  public static Typology of(String id) {
    for (Typology t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The typologies some values name, each value split at commas; none named means none here (the
   * caller decides whether that means all).
   *
   * @throws IllegalArgumentException naming an id that is no typology, and the ids there are
   */
  public static Set<Typology> parse(Collection<String> values) {
    Set<Typology> out = EnumSet.noneOf(Typology.class);
    for (String value : values) {
      for (String id : value.split(",")) {
        if (id.isBlank()) {
          continue;
        }
        Typology t = of(id.strip());
        if (t == null) {
          throw new IllegalArgumentException(
              "no typology '"
                  + id.strip()
                  + "'; there are "
                  + String.join(", ", Arrays.stream(values()).map(Typology::id).toList()));
        }
        out.add(t);
      }
    }
    return out;
  }

  /** What this typology finds in a scan's graph under its thresholds. */
  public List<Finding> find(Scan scan) {
    return switch (this) {
      case STRUCTURING -> Structuring.find(scan);
      case FAN_IN -> Fans.find(scan, false);
      case FAN_OUT -> Fans.find(scan, true);
      case SCATTER_GATHER -> ScatterGather.find(scan);
      case GATHER_SCATTER -> GatherScatter.find(scan);
      case TEMPORAL_CYCLE -> TemporalCycles.findings(scan);
      case PASS_THROUGH -> PassThrough.find(scan);
      case MIRROR_TRANSFER -> MirrorTransfers.find(scan);
      case CRYPTO_OFF_RAMP -> CryptoOffRamp.find(scan);
      case TRADE_BASED -> TradeBased.find(scan);
    };
  }
}
