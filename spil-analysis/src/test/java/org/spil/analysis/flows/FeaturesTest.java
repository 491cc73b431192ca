package org.spil.analysis.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Windowed features against a plain oracle on random graphs (the largest fan within any window,
 * counted by trying every window), and on a hand-made fan-out and cycle.
 */
class FeaturesTest {
  private static PaymentGraph random(long seed) {
    Random r = new Random(seed);
    int nodes = 2 + r.nextInt(6);
    PaymentGraph.Builder b = PaymentGraph.builder();
    for (int i = r.nextInt(30); i >= 0; i--) {
      b.add(
          "p" + i,
          "a" + r.nextInt(nodes),
          "a" + r.nextInt(nodes),
          r.nextInt(40),
          1 + r.nextInt(50));
    }
    return b.build();
  }

  @Property(tries = 300)
  void windowFanIsTheMostDistinctCounterpartiesOfAnyWindow(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 10) int window, @ForAll boolean out) {
    PaymentGraph g = random(seed);
    for (int v = 0; v < g.nodes(); v++) {
      int best = 0;
      for (int start = 0; start < 40; start++) {
        Set<Integer> others = new HashSet<>();
        for (int p = 0; p < g.payments(); p++) {
          boolean mine = out ? g.from(p) == v : g.to(p) == v;
          if (mine && g.day(p) >= start && g.day(p) <= start + window) {
            others.add(out ? g.to(p) : g.from(p));
          }
        }
        best = Math.max(best, others.size());
      }
      assertThat(Features.windowFan(g, v, window, out)).as("node %d", v).isEqualTo(best);
    }
  }

  @Test
  void aFanOutAndACycleShowInTheirColumns() {
    PaymentGraph.Builder b = PaymentGraph.builder();
    for (int i = 0; i < 9; i++) {
      b.add("f" + i, "hub", "r" + i, 100 + i % 3, 9_000);
    }
    b.add("c1", "x", "y", 200, 50_000).add("c2", "y", "x", 205, 49_000);
    PaymentGraph g = b.build();
    Scan scan = new Scan(g, Thresholds.defaults());
    List<Finding> findings = Typology.FAN_OUT.find(scan);
    double[][] f = Features.accounts(scan, findings, 7);
    int hub = -1;
    int x = -1;
    for (int v = 0; v < g.nodes(); v++) {
      hub = g.node(v).equals("hub") ? v : hub;
      x = g.node(v).equals("x") ? v : x;
    }
    int col = Features.ACCOUNT_COLUMNS.size();
    assertThat(f[hub][Features.ACCOUNT_COLUMNS.indexOf("window_fan_out")]).isEqualTo(9);
    assertThat(f[hub][Features.ACCOUNT_COLUMNS.indexOf("amount_out")]).isEqualTo(81_000);
    assertThat(f[hub][col + Typology.FAN_OUT.ordinal()]).isEqualTo(1);
    assertThat(f[x][Features.ACCOUNT_COLUMNS.indexOf("cycles")]).isEqualTo(1);
    double[][] p = Features.payments(scan, findings, 7);
    int onCycle = Features.PAYMENT_COLUMNS.indexOf("on_cycle");
    for (int i = 0; i < g.payments(); i++) {
      assertThat(p[i][onCycle]).isEqualTo(g.id(i).startsWith("c") ? 1 : 0);
    }
  }
}
