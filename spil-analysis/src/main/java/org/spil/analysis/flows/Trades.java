package org.spil.analysis.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The declared trade a scan compares payments with: shipments (consignor, consignee, arrival day,
 * declared value in the graph's currency, reference such as the bill of lading, goods), the holder
 * of each account of the payment graph, and the shipment a payment names in its purpose.
 * Consignors, consignees and account holders share one space of holder numbers, so that the company
 * customs names as a consignee is the company the bank names as a payer (the caller decides what is
 * the same company: a resolved entity, the same account). Built for one {@link PaymentGraph}.
 */
public final class Trades {
  private final PaymentGraph graph;
  private final List<String> holderNames;
  private final List<String> holderCountries;
  private final int[] holderOfNode;
  private final int[] referenced;
  private final String[] ids;
  private final String[] references;
  private final String[] goods;
  private final int[] consignor;
  private final int[] consignee;
  private final int[] day;
  private final double[] value;

  private Trades(Builder b) {
    this.graph = b.graph;
    this.holderNames = List.copyOf(b.holderNames);
    this.holderCountries = new ArrayList<>(b.holderCountries);
    this.holderOfNode = b.holderOfNode;
    this.referenced = b.referenced;
    int n = b.ids.size();
    this.ids = b.ids.toArray(String[]::new);
    this.references = b.references.toArray(String[]::new);
    this.goods = b.goods.toArray(String[]::new);
    this.consignor = Arrays.copyOf(b.consignor, n);
    this.consignee = Arrays.copyOf(b.consignee, n);
    this.day = Arrays.copyOf(b.day, n);
    this.value = Arrays.copyOf(b.value, n);
  }

  /** Starts the trade of a graph: no holders, shipments or references yet. */
  public static Builder builder(PaymentGraph graph) {
    return new Builder(graph);
  }

  public PaymentGraph graph() {
    return graph;
  }

  public int shipments() {
    return ids.length;
  }

  public int holders() {
    return holderNames.size();
  }

  /** A holder's name as reports print it. */
  public String holderName(int holder) {
    return holderNames.get(holder);
  }

  /** A holder's country as a source gives it (customs for a consignor), or null. */
  public String holderCountry(int holder) {
    return holderCountries.get(holder);
  }

  /** The holder of a graph node, or -1 when none is known (cash, an unknown account). */
  public int holderOf(int node) {
    return holderOfNode[node];
  }

  /** The shipment a payment (a position in the graph's time order) names, or -1. */
  public int referencedBy(int payment) {
    return referenced[payment];
  }

  public String id(int shipment) {
    return ids[shipment];
  }

  /** The shipment's reference (bill of lading), or null. */
  public String reference(int shipment) {
    return references[shipment];
  }

  /** The goods as declared, or null. */
  public String goods(int shipment) {
    return goods[shipment];
  }

  public int consignor(int shipment) {
    return consignor[shipment];
  }

  public int consignee(int shipment) {
    return consignee[shipment];
  }

  /** The day of arrival (or departure, for exports) as days since 1970-01-01. */
  public int day(int shipment) {
    return day[shipment];
  }

  /** The declared value in the graph's currency. */
  public double value(int shipment) {
    return value[shipment];
  }

  /** Collects holders, shipments and references; holders are numbered in the order added. */
  public static final class Builder {
    private final PaymentGraph graph;
    private final List<String> holderNames = new ArrayList<>();
    private final List<String> holderCountries = new ArrayList<>();
    private final int[] holderOfNode;
    private final int[] referenced;
    private final List<String> ids = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> goods = new ArrayList<>();
    private int[] consignor = new int[16];
    private int[] consignee = new int[16];
    private int[] day = new int[16];
    private double[] value = new double[16];

    private Builder(PaymentGraph graph) {
      this.graph = graph;
      this.holderOfNode = new int[graph.nodes()];
      Arrays.fill(holderOfNode, -1);
      this.referenced = new int[graph.payments()];
      Arrays.fill(referenced, -1);
    }

    /** A new holder, named as reports print it; returns its number. */
    public int holder(String name) {
      holderNames.add(name);
      holderCountries.add(null);
      return holderNames.size() - 1;
    }

    /** Says where a holder is, as a source gives it (lower-case ISO code); null for unknown. */
    public Builder country(int holder, String country) {
      checkHolder(holder);
      holderCountries.set(holder, country);
      return this;
    }

    /** Says who holds a node of the graph. */
    public Builder holds(int node, int holder) {
      checkHolder(holder);
      holderOfNode[node] = holder;
      return this;
    }

    /**
     * A shipment: its id, reference and goods (either may be null), consignor and consignee
     * (holders), day and declared value; returns its number.
     */
    public int shipment(
        String id,
        String reference,
        String goods,
        int consignor,
        int consignee,
        int day,
        double value) {
      checkHolder(consignor);
      checkHolder(consignee);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("shipment " + id + ": declared value " + value);
      }
      int s = ids.size();
      if (s == this.consignor.length) {
        int grown = s * 2;
        this.consignor = Arrays.copyOf(this.consignor, grown);
        this.consignee = Arrays.copyOf(this.consignee, grown);
        this.day = Arrays.copyOf(this.day, grown);
        this.value = Arrays.copyOf(this.value, grown);
      }
      ids.add(id);
      references.add(reference);
      this.goods.add(goods);
      this.consignor[s] = consignor;
      this.consignee[s] = consignee;
      this.day[s] = day;
      this.value[s] = value;
      return s;
    }

    /** Says that a payment (a position in the graph's time order) names a shipment. */
    public Builder refers(int payment, int shipment) {
      if (shipment < 0 || shipment >= ids.size()) {
        throw new IllegalArgumentException("no shipment " + shipment);
      }
      referenced[payment] = shipment;
      return this;
    }

    private void checkHolder(int holder) {
      if (holder < 0 || holder >= holderNames.size()) {
        throw new IllegalArgumentException("no holder " + holder);
      }
    }

    public Trades build() {
      return new Trades(this);
    }
  }
}
