package org.spil.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.spil.analysis.flows.PaymentGraph;
import org.spil.analysis.flows.TemporalCycles;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * What a viewer may learn of the money flows in the warehouse, from the payments the viewer may
 * see: so far money that comes back to where it started (temporal cycles), each alert with the
 * payments behind it and an explanation an analyst can put in a report. Money moves between
 * accounts (a party stands in where a payment names no account).
 */
public final class MoneyFlows {
  private final Store store;

  public MoneyFlows(Store store) {
    this.store = store;
  }

  /** One payment of an alert. */
  public record Hop(
      String payment,
      String from,
      String to,
      String date,
      double amount,
      String currency,
      String dataset) {}

  /**
   * An alert: its typology, a score (here the share of the money that came back), the accounts or
   * parties it passes, the payments in order, and why it is unusual.
   */
  public record Alert(
      String typology,
      double score,
      List<String> accounts,
      List<String> payments,
      List<Hop> hops,
      String explanation) {}

  /**
   * Money that came back to its origin: cycles of payments within {@code windowDays} through at
   * most {@code maxLength} payments, each keeping at least {@code 1 - maxFeeShare} of the one
   * before, in one currency; largest first.
   */
  public List<Alert> cycles(Viewer viewer, int maxLength, int windowDays, double maxFeeShare) {
    TemporalCycles.Spec spec = new TemporalCycles.Spec(maxLength, windowDays, maxFeeShare);
    Map<String, PaymentGraph.Builder> byCurrency = new TreeMap<>();
    // of each payment only its dataset is kept beside the graph: its date is the graph's day
    Map<String, String> datasets = new HashMap<>();
    store
        .payments()
        .each(
            viewer,
            p -> {
              Integer day = day(p.date());
              // accounts first: a bank names the other party as its client wrote it, so one
              // company may stand under several names, while its account is the same
              String from = p.payerAccount() != null ? p.payerAccount() : p.payer();
              String to = p.beneficiaryAccount() != null ? p.beneficiaryAccount() : p.beneficiary();
              if (day == null || p.amount() == null || from == null || to == null) {
                return;
              }
              String currency =
                  p.currency() == null ? "EUR" : p.currency().toUpperCase(Locale.ROOT);
              byCurrency
                  .computeIfAbsent(currency, c -> PaymentGraph.builder())
                  .add(p.id(), from, to, day, p.amount());
              datasets.put(p.id(), p.dataset());
            });
    List<Alert> alerts = new ArrayList<>();
    for (Map.Entry<String, PaymentGraph.Builder> c : byCurrency.entrySet()) {
      PaymentGraph g = c.getValue().build();
      for (int[] cycle : TemporalCycles.find(g, spec)) {
        alerts.add(alert(g, cycle, c.getKey(), datasets, spec));
      }
    }
    alerts.sort(
        Comparator.comparingDouble((Alert a) -> -a.hops().get(0).amount())
            .thenComparing(a -> a.payments().get(0)));
    return alerts;
  }

  private static Alert alert(
      PaymentGraph g,
      int[] cycle,
      String currency,
      Map<String, String> datasets,
      TemporalCycles.Spec spec) {
    List<Hop> hops = new ArrayList<>();
    LinkedHashSet<String> accounts = new LinkedHashSet<>();
    double lowest = 1;
    double highest = 0;
    for (int i = 0; i < cycle.length; i++) {
      int p = cycle[i];
      hops.add(
          new Hop(
              g.id(p),
              g.node(g.from(p)),
              g.node(g.to(p)),
              LocalDate.ofEpochDay(g.day(p)).toString(),
              g.amount(p),
              currency,
              datasets.get(g.id(p))));
      accounts.add(g.node(g.from(p)));
      if (i > 0) {
        double kept = g.amount(p) / g.amount(cycle[i - 1]);
        lowest = Math.min(lowest, kept);
        highest = Math.max(highest, kept);
      }
    }
    Hop first = hops.get(0);
    Hop last = hops.get(hops.size() - 1);
    double back = last.amount() / first.amount();
    int days = g.day(cycle[cycle.length - 1]) - g.day(cycle[0]);
    String explanation =
        String.format(
            Locale.ROOT,
            "%s %,.2f left %s on %s and %s %,.2f (%.1f%%) came back to it on %s, %d days later,"
                + " through %d other accounts in %d payments, each carrying %.1f-%.1f%% of the one"
                + " before: money that returns to its origin within %d days, shrinking only by"
                + " what fees would take (at most %.0f%% a payment), is moved to look like trade"
                + " or investment, not spent.",
            currency,
            first.amount(),
            first.from(),
            first.date(),
            currency,
            last.amount(),
            100 * back,
            last.date(),
            days,
            accounts.size() - 1,
            hops.size(),
            100 * lowest,
            100 * highest,
            spec.windowDays(),
            100 * spec.maxFeeShare());
    return new Alert(
        "temporal-cycle",
        Math.round(back * 1000) / 1000.0,
        List.copyOf(accounts),
        hops.stream().map(Hop::payment).toList(),
        hops,
        explanation);
  }

  /** Days since 1970-01-01 of an ISO date, null for a partial or invalid one. */
  private static Integer day(String date) {
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
