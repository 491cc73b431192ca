package org.spil.analysis.goods;

/**
 * The risk indicators shipment targeting weighs, each with the key a weights file names it by, its
 * default weight and what it says. Only what the data of a warehouse can show: the route, the
 * consignee's history and links, the declared value against others, goods rare for the port,
 * container numbers on two voyages at once, exports after chemical imports, and the money-flow
 * alerts on the consignee.
 */
public enum Indicator {
  TRANSIT_COUNTRY(
      "transit-country",
      1.0,
      "the route passes a transhipment port in a country known as a transit country for the drug"
          + " trade"),
  NEW_TRANSHIPMENT(
      "new-transhipment",
      2.0,
      "the consignee has imported before, but never through this transhipment port"),
  LINKED_CONSIGNEE(
      "linked-consignee",
      3.0,
      "a director or owner of the consignee is a suspect in the files of the police or the"
          + " prosecution"),
  YOUNG_CONSIGNEE(
      "young-consignee", 1.0, "the consignee was founded less than two years before the shipment"),
  VALUE_PER_KG(
      "value-per-kg",
      1.0,
      "the declared value per kilogram is far from that of the same goods from the same country"),
  TRADE_ALERTS(
      "trade-alerts",
      2.0,
      "the consignee's payments for goods raised trade-based laundering alerts (third-party"
          + " payers, paid far above or below the declared value, payments without goods)"),
  UNUSUAL_GOODS(
      "unusual-goods",
      2.0,
      "the goods are rare among the shipments loaded at the port (pineapples from a port that"
          + " ships bananas)"),
  CONTAINER_REUSED(
      "container-reused",
      1.0,
      "the container number is on another shipment arriving within three weeks: no container"
          + " crosses an ocean twice that fast, so one of them carries a cloned number"),
  EXPORT_AFTER_PRECURSORS(
      "export-after-precursors",
      2.0,
      "an export from the Netherlands or Belgium by a firm that imported chemicals in the year"
          + " before (downstream of a precursor import)");

  private final String key;
  private final double weight;
  private final String says;

  Indicator(String key, double weight, String says) {
    this.key = key;
    this.weight = weight;
    this.says = says;
  }

  public String key() {
    return key;
  }

  /** The default weight. */
  public double weight() {
    return weight;
  }

  /** What it says of a shipment, in a line. */
  public String says() {
    return says;
  }

  /** The indicator of a key, or null. */
  public static Indicator of(String key) {
    for (Indicator i : values()) {
      if (i.key.equals(key)) {
        return i;
      }
    }
    return null;
  }
}
