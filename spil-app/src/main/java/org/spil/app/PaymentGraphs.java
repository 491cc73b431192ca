package org.spil.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spil.analysis.flows.PaymentGraph;
import org.spil.analysis.flows.Threshold;
import org.spil.analysis.flows.Trades;
import org.spil.analysis.flows.Typology;
import org.spil.policy.Viewer;
import org.spil.store.Payments;
import org.spil.store.Store;

/**
 * The payment graphs of what a viewer may see, one per currency, with what alerts and traces tell
 * of each payment (its dataset, its parties, what was paid where it counts in euros at a bank's
 * rate) and the declared trade to hold the payments against. Money moves between accounts (a party
 * stands in where a payment names no account); cash paid in or taken out and the accounts of crypto
 * exchanges are nodes of their own kind. Read by {@link MoneyFlows}, kept between requests by
 * {@link FlowGraphs}.
 */
final class PaymentGraphs {
  /** The node every cash deposit comes from. */
  static final String CASH_DEPOSIT = "cash-deposit";

  /** The node every cash withdrawal goes to. */
  static final String CASH_WITHDRAWAL = "cash-withdrawal";

  final Map<String, PaymentGraph> byCurrency = new TreeMap<>();

  /** Per party, the node (a String) or nodes (a Set) of its payments; made on first use. */
  private Map<String, Object> nodesOfParty;

  /** The accounts of each party: those of the payments that name it as payer or beneficiary. */
  synchronized Map<String, Object> nodesOfParties() {
    if (nodesOfParty == null) {
      Map<String, Object> index = new HashMap<>();
      for (Map.Entry<String, PaymentGraph> c : byCurrency.entrySet()) {
        PaymentGraph g = c.getValue();
        List<String[]> of = about.get(c.getKey());
        for (int p = 0; p < g.payments(); p++) {
          String[] a = of.get(g.original(p));
          add(index, a[1], g.node(g.from(p)));
          add(index, a[2], g.node(g.to(p)));
        }
      }
      nodesOfParty = index;
    }
    return nodesOfParty;
  }

  private static void add(Map<String, Object> index, String party, String node) {
    if (party == null) {
      return;
    }
    Object was = index.putIfAbsent(party, node);
    if (was instanceof String one && !one.equals(node)) {
      Set<String> many = new LinkedHashSet<>();
      many.add(one);
      many.add(node);
      index.put(party, many);
    } else if (was instanceof Set<?> many) {
      @SuppressWarnings("unchecked")
      Set<String> nodes = (Set<String>) many;
      nodes.add(node);
    }
  }

  /**
   * Per currency, per payment in the order added: dataset, payer party, beneficiary party, and for
   * a payment counted in euros at a bank's rate, what was paid.
   */
  final Map<String, List<String[]>> about = new HashMap<>();

  /** Per currency, the declared trade to compare its payments with (none: no shipments). */
  final Map<String, Trades> trades = new HashMap<>();

  /** The graphs of the payments the viewer may see on the query's days, read now (audited). */
  static PaymentGraphs read(Store store, Viewer viewer, MoneyFlows.Query query) {
    Map<String, Payments.Party> parties = new HashMap<>();
    store.payments().parties(viewer, p -> parties.put(p.id(), p));
    List<String> exchanges = new ArrayList<>();
    for (String name : query.thresholds().names(Threshold.CRYPTO_EXCHANGES)) {
      exchanges.add(firstWord(name));
    }
    for (String name : store.payments().walletExchanges(viewer)) {
      exchanges.add(firstWord(name));
    }
    Integer since = query.since() == null ? null : day(query.since());
    Integer until = query.until() == null ? null : day(query.until());
    Map<String, PaymentGraph.Builder> builders = new TreeMap<>();
    PaymentGraphs graphs = new PaymentGraphs();
    DeclaredTrade trade =
        query.typologies().contains(Typology.TRADE_BASED)
            ? DeclaredTrade.read(store, viewer)
            : null;
    Map<String, int[]> shipmentOf = new HashMap<>();
    store
        .payments()
        .each(
            viewer,
            p -> {
              Integer day = day(p.date());
              // in euros where a statement booked it in euros, else in the currency paid
              boolean euros = p.amountEur() != null;
              Double amount = euros ? p.amountEur() : p.amount();
              if (day == null
                  || amount == null
                  || (since != null && day < since)
                  || (until != null && day > until)) {
                return;
              }
              String code = p.programme() == null ? "" : p.programme().toUpperCase(Locale.ROOT);
              // accounts first: a bank names the other party as its client wrote it, so one
              // company may stand under several names, while its account is the same
              String from = p.payerAccount() != null ? p.payerAccount() : p.payer();
              String to = p.beneficiaryAccount() != null ? p.beneficiaryAccount() : p.beneficiary();
              if (from == null && code.contains("CDPT")) {
                from = CASH_DEPOSIT;
              }
              if (to == null && code.contains("CWDL")) {
                to = CASH_WITHDRAWAL;
              }
              if (from == null || to == null) {
                return;
              }
              String currency =
                  euros || p.currency() == null ? "EUR" : p.currency().toUpperCase(Locale.ROOT);
              PaymentGraph.Builder b =
                  builders.computeIfAbsent(currency, c -> PaymentGraph.builder().currency(c));
              describe(b, from, p.payer(), parties, exchanges);
              describe(b, to, p.beneficiary(), parties, exchanges);
              b.add(p.id(), from, to, day, amount);
              List<String[]> about = graphs.about.computeIfAbsent(currency, c -> new ArrayList<>());
              boolean converted =
                  euros
                      && p.currency() != null
                      && !p.currency().equalsIgnoreCase("EUR")
                      && p.amount() != null;
              about.add(
                  converted
                      ? new String[] {
                        p.dataset(),
                        p.payer(),
                        p.beneficiary(),
                        String.format(
                            Locale.ROOT,
                            "%s %,.2f",
                            p.currency().toUpperCase(Locale.ROOT),
                            p.amount())
                      }
                      : new String[] {p.dataset(), p.payer(), p.beneficiary()});
              if (trade != null && !trade.isEmpty()) {
                int at = about.size() - 1;
                int[] named = shipmentOf.computeIfAbsent(currency, c -> new int[1024]);
                if (at == named.length) {
                  named = Arrays.copyOf(named, named.length * 2);
                  shipmentOf.put(currency, named);
                }
                named[at] = trade.referencedBy(p.purpose());
              }
            });
    for (Map.Entry<String, PaymentGraph.Builder> e : builders.entrySet()) {
      PaymentGraph g = e.getValue().build();
      graphs.byCurrency.put(e.getKey(), g);
      if (trade != null && !trade.isEmpty()) {
        graphs.trades.put(
            e.getKey(),
            trade.of(g, graphs.about.get(e.getKey()), shipmentOf.get(e.getKey()), parties));
      }
    }
    return graphs;
  }

  /** Says what a node is the first time it is seen: label, country, kind. */
  private static void describe(
      PaymentGraph.Builder b,
      String node,
      String partyId,
      Map<String, Payments.Party> parties,
      List<String> exchanges) {
    if (b.has(node)) {
      return;
    }
    if (node.equals(CASH_DEPOSIT)) {
      b.describe(node, "cash deposits", null, PaymentGraph.Kind.CASH_DEPOSIT);
      return;
    }
    if (node.equals(CASH_WITHDRAWAL)) {
      b.describe(node, "cash withdrawals", null, PaymentGraph.Kind.CASH_WITHDRAWAL);
      return;
    }
    Payments.Party account = parties.get(node);
    Payments.Party party = partyId == null ? null : parties.get(partyId);
    String name = party != null && party.name() != null ? party.name() : null;
    if (name == null && account != null && account.name() != null) {
      name = account.name();
    }
    String iban = account == null ? null : account.iban();
    String label =
        iban != null && name != null
            ? iban + " (" + name + ")"
            : iban != null ? iban : name != null ? name : node;
    String country = null;
    if (iban != null
        && iban.length() >= 2
        && Character.isLetter(iban.charAt(0))
        && Character.isLetter(iban.charAt(1))) {
      country = iban.substring(0, 2).toLowerCase(Locale.ROOT);
    } else if (party != null && party.country() != null) {
      country = party.country().toLowerCase(Locale.ROOT);
    }
    boolean exchange = name != null && exchanges.contains(firstWord(name));
    b.describe(
        node, label, country, exchange ? PaymentGraph.Kind.EXCHANGE : PaymentGraph.Kind.ACCOUNT);
  }

  /** The first word of a name, lower case, letters and digits only: how exchanges are matched. */
  static String firstWord(String name) {
    String first = name.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return first.replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** Refuses a value of a date field that is not a date. */
  static void checkDate(String field, String value) {
    if (value != null && day(value) == null) {
      throw new IllegalArgumentException(field + ": '" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** Days since 1970-01-01 of an ISO date, null for a partial or invalid one. */
  static Integer day(String date) {
    if (date == null || date.length() < 10) {
      return null;
    }
    try {
      return (int) LocalDate.parse(date.substring(0, 10)).toEpochDay();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
