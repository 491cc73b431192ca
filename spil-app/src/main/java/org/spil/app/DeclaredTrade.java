package org.spil.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spil.analysis.flows.PaymentGraph;
import org.spil.analysis.flows.Trades;
import org.spil.model.types.NameKeys;
import org.spil.policy.Viewer;
import org.spil.store.Payments;
import org.spil.store.Shipments;
import org.spil.store.Store;

/**
 * The trade a viewer may see, to compare with the payments: the visible shipments with their
 * consignors and consignees, and who is the same company on both sides. An account is its holders'
 * (every party a payment names with it, however the bank spelt it), a resolved entity of the team
 * is all its records, and parties with the same name of three words or more are one; the bill of
 * lading a payment's purpose names ties it to its shipment. Read once per payment graph build and
 * turned into the {@link Trades} of each currency's graph.
 */
final class DeclaredTrade {
  /** A name of fewer words says too little to join a bank's payer to customs' consignee. */
  static final int MIN_NAME_WORDS = 3;

  private final List<Shipments.Shipment> shipments = new ArrayList<>();
  private final Map<String, Integer> byReference = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, String> countries = new HashMap<>();
  private final Map<String, List<String>> clusters;

  private DeclaredTrade(Map<String, List<String>> clusters) {
    this.clusters = clusters;
  }

  /** The shipments and their parties the viewer may see, and the team's resolution (audited). */
  static DeclaredTrade read(Store store, Viewer viewer) {
    DeclaredTrade t = new DeclaredTrade(store.resolutions().clusters(viewer));
    store
        .shipments()
        .each(
            viewer,
            s -> {
              if (s.consignor() == null
                  || s.consignee() == null
                  || s.declaredValue() == null
                  || s.day() == null) {
                return;
              }
              t.shipments.add(s);
              if (s.billOfLading() != null) {
                t.byReference.put(reference(s.billOfLading()), t.shipments.size() - 1);
              }
            });
    store
        .shipments()
        .parties(
            viewer,
            p -> {
              t.names.put(p.id(), p.name());
              if (p.country() != null) {
                t.countries.put(p.id(), p.country().toLowerCase(Locale.ROOT));
              }
            });
    return t;
  }

  boolean isEmpty() {
    return shipments.isEmpty();
  }

  /** A reference as payments and customs write it alike: letters and digits, upper case. */
  static String reference(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }

  /**
   * The shipment a payment's purpose names by its bill of lading (a word of it: letters and digits,
   * six or more), or -1. Read for every payment, so the words are cut by hand, not by a pattern.
   */
  int referencedBy(String purpose) {
    if (purpose == null || byReference.isEmpty()) {
      return -1;
    }
    int n = purpose.length();
    for (int i = 0; i < n; ) {
      while (i < n && !Character.isLetterOrDigit(purpose.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(purpose.charAt(i))) {
        i++;
      }
      if (i - start >= 6) {
        Integer s = byReference.get(purpose.substring(start, i).toUpperCase(Locale.ROOT));
        if (s != null) {
          return s;
        }
      }
    }
    return -1;
  }

  /**
   * The trades of one currency's graph: {@code about} holds per payment, in the order added,
   * dataset, payer and beneficiary party; {@code shipmentOf} the shipment its purpose names (-1
   * none); {@code parties} what the viewer may see of the payments' parties and accounts.
   */
  Trades of(
      PaymentGraph g, List<String[]> about, int[] shipmentOf, Map<String, Payments.Party> parties) {
    Map<String, String> parent = new HashMap<>();
    for (int p = 0; p < g.payments(); p++) {
      String[] a = about.get(g.original(p));
      if (a[1] != null) {
        union(parent, g.node(g.from(p)), a[1]);
      }
      if (a[2] != null) {
        union(parent, g.node(g.to(p)), a[2]);
      }
    }
    clusters.forEach((canonical, members) -> members.forEach(m -> union(parent, m, canonical)));
    Map<String, String> nameOf = new HashMap<>(names);
    parties.forEach(
        (id, party) -> {
          if (party.name() != null) {
            nameOf.putIfAbsent(id, party.name());
          }
        });
    nameOf.forEach(
        (id, name) -> {
          String key = NameKeys.fingerprint(name);
          if (key.split(" ").length >= MIN_NAME_WORDS) {
            union(parent, id, "name:" + key);
          }
        });
    Trades.Builder b = Trades.builder(g);
    Map<String, Integer> holderOfRoot = new HashMap<>();
    String currency = g.currency() == null ? "EUR" : g.currency();
    int[] shipmentIndex = new int[shipments.size()];
    for (int s = 0; s < shipments.size(); s++) {
      Shipments.Shipment x = shipments.get(s);
      String c = x.currency() == null ? "EUR" : x.currency().toUpperCase(Locale.ROOT);
      if (!currency.equals(c)) {
        shipmentIndex[s] = -1;
        continue;
      }
      int from = holder(b, holderOfRoot, parent, x.consignor(), nameOf);
      int to = holder(b, holderOfRoot, parent, x.consignee(), nameOf);
      // where customs says the parties are: a supplier's bank account may be anywhere
      b.country(from, countries.get(x.consignor()));
      b.country(to, countries.get(x.consignee()));
      shipmentIndex[s] =
          b.shipment(x.id(), x.billOfLading(), x.goods(), from, to, x.day(), x.declaredValue());
    }
    for (int v = 0; v < g.nodes(); v++) {
      if (g.kind(v) == PaymentGraph.Kind.ACCOUNT || g.kind(v) == PaymentGraph.Kind.EXCHANGE) {
        b.holds(v, holder(b, holderOfRoot, parent, g.node(v), nameOf, g.label(v)));
      }
    }
    for (int p = 0; p < g.payments(); p++) {
      int s = shipmentOf[g.original(p)];
      if (s >= 0 && shipmentIndex[s] >= 0) {
        b.refers(p, shipmentIndex[s]);
      }
    }
    return b.build();
  }

  private static int holder(
      Trades.Builder b,
      Map<String, Integer> holderOfRoot,
      Map<String, String> parent,
      String id,
      Map<String, String> nameOf) {
    return holder(b, holderOfRoot, parent, id, nameOf, nameOf.getOrDefault(id, id));
  }

  private static int holder(
      Trades.Builder b,
      Map<String, Integer> holderOfRoot,
      Map<String, String> parent,
      String id,
      Map<String, String> nameOf,
      String fallback) {
    String root = find(parent, id);
    Integer h = holderOfRoot.get(root);
    if (h == null) {
      h = b.holder(nameOf.getOrDefault(id, fallback));
      holderOfRoot.put(root, h);
    }
    return h;
  }

  private static String find(Map<String, String> parent, String x) {
    String root = x;
    for (String up = parent.get(root); up != null; up = parent.get(root)) {
      root = up;
    }
    // path compression: every id on the way points at the root
    String at = x;
    while (!at.equals(root)) {
      String up = parent.get(at);
      parent.put(at, root);
      at = up;
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }
}
