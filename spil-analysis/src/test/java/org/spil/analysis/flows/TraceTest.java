package org.spil.analysis.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Tracing on random small graphs, both ways and both attributions: a trace never goes back in time
 * nor beyond its window, a payment never carries more than its amount, and no account passes on
 * more of the traced money than reached it. And on a hand-made mule chain, what the amounts are.
 */
class TraceTest {
  private static PaymentGraph random(long seed) {
    Random r = new Random(seed);
    int nodes = 2 + r.nextInt(6);
    PaymentGraph.Builder b = PaymentGraph.builder();
    for (int i = r.nextInt(25); i >= 0; i--) {
      b.add(
          "p" + i,
          "a" + r.nextInt(nodes),
          "a" + r.nextInt(nodes),
          r.nextInt(15),
          1 + r.nextInt(100));
    }
    return b.build();
  }

  @Property(tries = 600)
  void neverBackInTimeNorMoreThanArrived(
      @ForAll long seed,
      @ForAll boolean out,
      @ForAll boolean fifo,
      @ForAll @IntRange(min = 1, max = 5) int hops,
      @ForAll @IntRange(min = 0, max = 6) int window) {
    PaymentGraph g = random(seed);
    Trace.Spec spec =
        new Trace.Spec(
            out,
            hops,
            window,
            0,
            20,
            fifo ? Trace.Attribution.FIFO : Trace.Attribution.PROPORTIONAL,
            0);
    Trace.Result r = Trace.run(g, new int[] {0}, spec);
    Map<Integer, Double> in = new HashMap<>();
    Map<Integer, Double> on = new HashMap<>();
    for (Map.Entry<Integer, Double> e : r.carried().entrySet()) {
      int q = e.getKey();
      assertThat(e.getValue()).isLessThanOrEqualTo(g.amount(q) + 1e-9).isGreaterThanOrEqualTo(0);
      int near = out ? g.from(q) : g.to(q);
      int far = out ? g.to(q) : g.from(q);
      in.merge(far, e.getValue(), Double::sum);
      if (near == 0) {
        assertThat(r.hop().get(q)).isEqualTo(1);
        assertThat(e.getValue()).isEqualTo(g.amount(q));
        continue;
      }
      on.merge(near, e.getValue(), Double::sum);
      // it carries on money that came with a payment before it (after it, tracing back)
      boolean follows = false;
      for (int p : r.carried().keySet()) {
        int through = out ? g.to(p) : g.from(p);
        int gap = out ? g.day(q) - g.day(p) : g.day(p) - g.day(q);
        follows |= through == near && gap >= 0 && gap <= window && r.hop().get(p) < r.hop().get(q);
      }
      assertThat(follows).as("payment %d follows one traced before it", q).isTrue();
    }
    for (Map.Entry<Integer, Double> e : on.entrySet()) {
      assertThat(e.getValue())
          .as("account %d passes on no more than reached it", e.getKey())
          .isLessThanOrEqualTo(in.getOrDefault(e.getKey(), 0.0) + 1e-6);
    }
  }

  @Test
  void aMuleChainCarriesWhatArrivedProportionallyOrOldestFirst() {
    PaymentGraph g =
        PaymentGraph.builder()
            .add("salary", "employer", "mule", 1, 2_000)
            .add("dirty", "boss", "mule", 5, 10_000)
            .add("on1", "mule", "x", 6, 6_000)
            .add("on2", "mule", "y", 7, 6_000)
            .add("late", "mule", "z", 60, 500)
            .build();
    int boss = -1;
    for (int v = 0; v < g.nodes(); v++) {
      boss = g.node(v).equals("boss") ? v : boss;
    }
    Trace.Result p =
        Trace.run(
            g,
            new int[] {boss},
            new Trace.Spec(true, 3, 30, 0, 100, Trace.Attribution.PROPORTIONAL, 0));
    // EUR 12,000 left, EUR 10,000 of it traced: each payment on carries 5,000
    assertThat(carried(g, p, "on1")).isEqualTo(5_000.0);
    assertThat(carried(g, p, "on2")).isEqualTo(5_000.0);
    assertThat(carried(g, p, "late")).as("outside the window").isNull();
    Trace.Result f =
        Trace.run(
            g, new int[] {boss}, new Trace.Spec(true, 3, 30, 0, 100, Trace.Attribution.FIFO, 0));
    // the salary went first: on1 takes it and 4,000 of the dirty money, on2 6,000 of it
    assertThat(carried(g, f, "on1")).isEqualTo(4_000.0);
    assertThat(carried(g, f, "on2")).isEqualTo(6_000.0);
  }

  private static Double carried(PaymentGraph g, Trace.Result r, String id) {
    for (Map.Entry<Integer, Double> e : r.carried().entrySet()) {
      if (g.id(e.getKey()).equals(id)) {
        return e.getValue();
      }
    }
    return null;
  }
}
