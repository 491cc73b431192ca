package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relationship statements aggregated in the warehouse per pair of ends, against a plain oracle that
 * aggregates the same random payments and messages in Java, only those of batches the reader may
 * see.
 */
class LinksTest {
  @TempDir Path tmp;

  /** What the oracle keeps of the links between two ends. */
  private static final class Expected {
    long count;
    Double amount;
    final Set<String> currencies = new TreeSet<>();
    String first;
    String last;
    final Set<String> datasets = new TreeSet<>();

    @Override
    public String toString() {
      return count
          + " "
          + (amount == null ? null : Math.round(amount * 100) / 100.0)
          + " "
          + (currencies.isEmpty() ? null : currencies.iterator().next())
          + " "
          + first
          + " "
          + last
          + " "
          + datasets;
    }
  }

  private static final LocalDate SINCE = LocalDate.of(2025, 3, 1);
  private static final LocalDate UNTIL = LocalDate.of(2025, 5, 14);

  @Test
  void paymentsAndMessagesAggregateAsTheOracleDoes() throws IOException {
    Viewers.allowTestAgencies(tmp);
    Random r = new Random(5);
    Map<String, Map<String, Expected>> oracle = new TreeMap<>();
    Map<String, Map<String, Long>> inPeriod = new TreeMap<>();
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      String[][] batches = {{"ds1", "a"}, {"ds2", "a"}, {"hidden", "b"}};
      for (String[] batch : batches) {
        BatchWriter w =
            store
                .warehouse()
                .begin(
                    StoreTest.provenance(
                        batch[0], batch[1], Set.of(), StoreTest.TODAY.plusYears(1)),
                    StoreTest.TODAY,
                    batch[0]);
        boolean visible = batch[1].equals("a");
        int n = 0;
        for (int i = 0; i < 400; i++) {
          boolean message = r.nextInt(3) == 0;
          String schema = message ? "Message" : "Payment";
          String id = batch[0] + "-" + schema + i;
          w.accept(id, schema, "id", id, null, null);
          List<String> from = new ArrayList<>();
          List<String> to = new ArrayList<>();
          String source = message ? "sender" : "payer";
          String target = message ? "recipients" : "beneficiary";
          if (r.nextInt(5) > 0) {
            from.add("p" + r.nextInt(12));
            w.accept(id, schema, source, from.get(0), null, null);
          } else if (!message) {
            // no payer: its account stands for it
            from.add("acc" + r.nextInt(4));
            w.accept(id, schema, "payerAccount", from.get(0), null, null);
          }
          for (int k = message ? 1 + r.nextInt(3) : 1; k > 0; k--) {
            String t = "p" + r.nextInt(12);
            if (!to.contains(t)) {
              to.add(t);
              w.accept(id, schema, target, t, null, null);
            }
          }
          int dated = r.nextInt(6);
          String date =
              dated < 3
                  ? "2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9)
                  : dated == 3 ? "2025-0" + (1 + r.nextInt(9)) : null;
          if (date != null) {
            w.accept(id, schema, "date", date, null, null);
          }
          Double amount = !message && r.nextBoolean() ? (double) r.nextInt(10_000) / 100 : null;
          String currency = amount == null ? null : r.nextBoolean() ? "EUR" : "USD";
          if (amount != null) {
            w.accept(id, schema, "amount", Double.toString(amount), null, null);
            w.accept(id, schema, "currency", currency, null, null);
          }
          n++;
          if (!visible) {
            continue;
          }
          for (String f : from) {
            for (String t : to) {
              Expected e =
                  oracle
                      .computeIfAbsent(schema, x -> new TreeMap<>())
                      .computeIfAbsent(f + ">" + t, x -> new Expected());
              e.count++;
              if (amount != null) {
                e.amount = (e.amount == null ? 0 : e.amount) + amount;
                e.currencies.add(currency);
              }
              if (date != null) {
                e.first = e.first == null || date.compareTo(e.first) < 0 ? date : e.first;
                e.last = e.last == null || date.compareTo(e.last) > 0 ? date : e.last;
                // a partial date counts as its month's first day
                LocalDate day = LocalDate.parse(date.length() == 7 ? date + "-01" : date);
                if (!day.isBefore(SINCE) && !day.isAfter(UNTIL)) {
                  inPeriod
                      .computeIfAbsent(schema, x -> new TreeMap<>())
                      .merge(f + ">" + t, 1L, Long::sum);
                }
              }
              e.datasets.add(batch[0]);
            }
          }
        }
        w.commit(n, 0, List.of());
      }
      for (String schema : List.of("Payment", "Message")) {
        Map<String, String> found = new TreeMap<>();
        long links =
            store
                .links()
                .of(
                    Viewers.of("a"),
                    schema,
                    schema.equals("Payment") ? "payerAccount" : null,
                    null,
                    l -> {
                      Expected e = new Expected();
                      e.count = l.count();
                      e.amount = l.amount();
                      if (l.currency() != null) {
                        e.currencies.add(l.currency());
                      }
                      e.first = l.first();
                      e.last = l.last();
                      e.datasets.addAll(l.datasets());
                      found.put(l.source() + ">" + l.target(), e.toString());
                    });
        Map<String, String> expected = new TreeMap<>();
        oracle.get(schema).forEach((k, v) -> expected.put(k, v.toString()));
        assertThat(found).as(schema).isEqualTo(expected);
        assertThat(links)
            .isEqualTo(oracle.get(schema).values().stream().mapToLong(e -> e.count).sum());
      }
      assertThat(store.links().of(Viewers.of("other-agency"), "Payment", null, null, l -> {}))
          .isZero();
      // the links of a period: those dated in it, a month given alone on its first day
      for (String schema : List.of("Payment", "Message")) {
        Map<String, Long> found = new TreeMap<>();
        store
            .links()
            .of(
                Viewers.of("a"),
                schema,
                schema.equals("Payment") ? "payerAccount" : null,
                null,
                SINCE,
                UNTIL,
                l -> found.put(l.source() + ">" + l.target(), l.count()));
        assertThat(found).as(schema).isEqualTo(inPeriod.getOrDefault(schema, Map.of()));
        assertThat(found).isNotEmpty();
      }
    }
  }
}
