package org.spil.analysis.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The projection's builder against a plain oracle: random entities, relationship statements and
 * pivot values, aggregated here with maps and sets, and compared edge by edge.
 */
class NetworkBuilderTest {
  /** What the oracle keeps of the links of one type between two nodes. */
  private static final class Expected {
    int count;
    double amount;
    String first;
    String last;
    final Set<String> datasets = new TreeSet<>();
  }

  @Test
  void pairSlotsNumberPairsAsAMapWould() {
    Random r = new Random(11);
    PairSlots slots = new PairSlots(4);
    Map<Long, Integer> oracle = new HashMap<>();
    List<Long> order = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      // few distinct u ^ v values: the keys that crowd Long's buckets
      int u = r.nextInt(3_000);
      int v = u ^ r.nextInt(8);
      long key = Network.key(u, v);
      Integer expected = oracle.get(key);
      if (expected == null) {
        expected = oracle.size();
        oracle.put(key, expected);
        order.add(key);
      }
      assertThat(slots.slot(key)).isEqualTo(expected);
    }
    assertThat(slots.size()).isEqualTo(oracle.size());
    for (int s = 0; s < order.size(); s++) {
      assertThat(slots.key(s)).isEqualTo(order.get(s));
    }
  }

  @Test
  void linksAndSharedPivotsAggregateAsTheOracleDoes() {
    for (long seed = 1; seed <= 20; seed++) {
      Random r = new Random(seed);
      int people = 5 + r.nextInt(60);
      NetworkBuilder b = new NetworkBuilder(Map.of());
      Map<String, Map<String, Expected>> oracle = new TreeMap<>();
      for (int i = 0; i < people; i++) {
        b.entity("p" + i, "Person", "Person " + i);
      }
      String[] types = {"Payment", "Ownership", "Message"};
      for (int i = r.nextInt(300); i > 0; i--) {
        int u = r.nextInt(people);
        int v = r.nextInt(people);
        String type = types[r.nextInt(types.length)];
        String date = r.nextBoolean() ? "2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) : null;
        Double amount = r.nextBoolean() ? (double) r.nextInt(1000) : null;
        String dataset = "ds" + r.nextInt(3);
        b.link(type, "p" + u, "p" + v, date, amount, "EUR", dataset);
        if (u != v) {
          expect(oracle, u, v, type, date, amount, dataset);
        }
      }
      // pivots held by one node, by a few, and by more than the limit
      for (int k = 0; k < 12; k++) {
        int holders = r.nextInt(NetworkBuilder.PIVOT_LIMIT_DEFAULT + 6);
        Set<Integer> held = new TreeSet<>();
        for (int h = 0; h < holders; h++) {
          int p = r.nextInt(people);
          held.add(p);
          b.pivot("phone:" + k, "p" + p);
          if (r.nextInt(4) == 0) {
            b.pivot("phone:" + k, "p" + p);
          }
        }
        if (held.size() >= 2 && held.size() <= NetworkBuilder.PIVOT_LIMIT_DEFAULT) {
          Integer[] h = held.toArray(new Integer[0]);
          for (int i = 0; i < h.length; i++) {
            for (int j = i + 1; j < h.length; j++) {
              expect(oracle, h[i], h[j], "shared phone", null, null, null);
            }
          }
        }
      }
      Network net = b.build();
      Map<String, Map<String, Expected>> actual = new TreeMap<>();
      int edges = 0;
      for (int u = 0; u < net.size(); u++) {
        for (int v = u + 1; v < net.size(); v++) {
          List<Link> links = net.links(u, v);
          if (links.isEmpty()) {
            assertThat(net.graph().edge(u, v)).isEqualTo(-1);
            continue;
          }
          edges++;
          assertThat(links).isEqualTo(net.links(v, u));
          for (Link l : links) {
            Expected e = new Expected();
            e.count = l.count();
            e.amount = l.amount();
            e.first = l.first();
            e.last = l.last();
            e.datasets.addAll(l.datasets());
            actual
                .computeIfAbsent(pair(net.id(u), net.id(v)), x -> new TreeMap<>())
                .put(l.type(), e);
          }
        }
      }
      assertThat(edges).isEqualTo(net.graph().edges());
      assertThat(actual.keySet()).as("seed %d", seed).isEqualTo(oracle.keySet());
      for (String pair : oracle.keySet()) {
        Map<String, Expected> want = oracle.get(pair);
        Map<String, Expected> got = actual.get(pair);
        assertThat(got.keySet()).as("seed %d, %s", seed, pair).isEqualTo(want.keySet());
        for (String type : want.keySet()) {
          Expected w = want.get(type);
          Expected g = got.get(type);
          assertThat(g.count).isEqualTo(w.count);
          assertThat(g.amount).isEqualTo(Math.round(w.amount * 100) / 100.0);
          assertThat(g.first).isEqualTo(w.first);
          assertThat(g.last).isEqualTo(w.last);
          assertThat(g.datasets).isEqualTo(w.datasets);
        }
      }
    }
  }

  @Test
  void onlyTheLinkTypesAskedForAreKeptWithTheNodesTheyTouch() {
    NetworkBuilder b = new NetworkBuilder(Map.of("p3", "NK-1", "p4", "NK-1"));
    b.link("Payment", "p1", "p2", null, 10.0, "EUR", "ds");
    b.link("Ownership", "p2", "p3", null, null, null, "ds");
    b.link("Payment", "p4", "p5", null, 5.0, "EUR", "ds");
    b.entity("p6", "Person", "alone");
    Network net = b.build(Set.of("Payment"));
    assertThat(net.size()).isEqualTo(4);
    assertThat(net.links(net.node("p1"), net.node("p2")))
        .extracting(Link::type)
        .containsExactly("Payment");
    assertThat(net.links(net.node("p2"), net.node("NK-1"))).isEmpty();
    // a merged member names its cluster's node
    assertThat(net.node("p4")).isEqualTo(net.node("NK-1"));
  }

  private static void expect(
      Map<String, Map<String, Expected>> oracle,
      int u,
      int v,
      String type,
      String date,
      Double amount,
      String dataset) {
    Expected e =
        oracle
            .computeIfAbsent(pair("p" + u, "p" + v), x -> new TreeMap<>())
            .computeIfAbsent(type, x -> new Expected());
    e.count++;
    if (amount != null) {
      e.amount += amount;
    }
    if (date != null) {
      e.first = e.first == null || date.compareTo(e.first) < 0 ? date : e.first;
      e.last = e.last == null || date.compareTo(e.last) > 0 ? date : e.last;
    }
    if (dataset != null) {
      e.datasets.add(dataset);
    }
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
