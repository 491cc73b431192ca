package org.spil.analysis.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression on random monthly tables: nothing below k is published, the published
 * total less the published cells of a dimension never gives a count below k, and taking one entity
 * away from the data changes no published cell into one below k.
 */
class SmallCellsTest {
  static final int K = SmallCells.K;

  /** An entity: its month and its key in each of two dimensions where it counts once. */
  record Entity(int month, int country, int port) {}

  static List<Entity> entities(Random r, int n, int months, int countries, int ports) {
    List<Entity> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // skewed, as trade is: a few large countries and ports, many small ones
      int c = (int) Math.min(countries - 1, Math.abs(r.nextGaussian()) * countries / 3);
      int p = (int) Math.min(ports - 1, Math.abs(r.nextGaussian()) * ports / 3);
      out.add(new Entity(r.nextInt(months), c, p));
    }
    return out;
  }

  static long[] totals(List<Entity> es, int months) {
    long[] t = new long[months];
    es.forEach(e -> t[e.month()]++);
    return t;
  }

  static long[][][] tables(List<Entity> es, int months, int countries, int ports) {
    long[][] byCountry = new long[countries][months];
    long[][] byPort = new long[ports][months];
    for (Entity e : es) {
      byCountry[e.country()][e.month()]++;
      byPort[e.port()][e.month()]++;
    }
    return new long[][][] {byCountry, byPort};
  }

  /** Every published count is at least k; every residual of a published total is 0 or >= k. */
  static void assertSafe(long[] totals, long[][][] tables, SmallCells.Withheld w) {
    for (int m = 0; m < totals.length; m++) {
      if (!w.totals()[m]) {
        assertThat(totals[m]).isGreaterThanOrEqualTo(K);
      }
      for (int d = 0; d < tables.length; d++) {
        long published = 0;
        for (int key = 0; key < tables[d].length; key++) {
          if (!w.cells()[d][key][m]) {
            assertThat(tables[d][key][m]).as("a published cell").isGreaterThanOrEqualTo(K);
            published += tables[d][key][m];
          }
        }
        if (!w.totals()[m]) {
          long residual = totals[m] - published;
          assertThat(residual == 0 || residual >= K)
              .as("month %d, dimension %d: the withheld cells hold %d", m, d, residual)
              .isTrue();
        }
      }
    }
  }

  @Property(tries = 300, seed = "20261207")
  void nothingBelowKCanBeReadOrDerived(
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll @IntRange(min = 1, max = 40) int months,
      @ForAll @IntRange(min = 1, max = 30) int countries,
      @ForAll @IntRange(min = 1, max = 30) int ports,
      @ForAll long seed) {
    Random r = new Random(seed);
    List<Entity> es = entities(r, n, months, countries, ports);
    long[] totals = totals(es, months);
    long[][][] tables = tables(es, months, countries, ports);
    assertSafe(totals, tables, SmallCells.suppress(totals, tables, K));
    if (!es.isEmpty()) {
      // one entity fewer: what is published then is as safe
      es.remove(r.nextInt(es.size()));
      long[] fewerTotals = totals(es, months);
      long[][][] fewer = tables(es, months, countries, ports);
      assertSafe(fewerTotals, fewer, SmallCells.suppress(fewerTotals, fewer, K));
    }
  }

  @Test
  void aLoneSmallCellTakesTheSmallestOtherWithIt() {
    // one month: 40 shipments in all, from three countries 25, 12 and 3
    long[] totals = {40};
    long[][][] tables = {{{25}, {12}, {3}}};
    SmallCells.Withheld w = SmallCells.suppress(totals, tables, K);
    assertThat(w.cells()[0][2][0]).as("3 < k").isTrue();
    assertThat(w.cells()[0][1][0]).as("12, else 40 - 25 - 12 gives the 3").isTrue();
    assertThat(w.cells()[0][0][0]).isFalse();
    assertThat(w.totals()[0]).isFalse();
  }

  @Test
  void whenNothingIsLeftToWithholdTheTotalIsWithheld() {
    long[] totals = {12};
    long[][][] tables = {{{9}, {3}}};
    SmallCells.Withheld w = SmallCells.suppress(totals, tables, K);
    assertThat(w.cells()[0][0][0]).isTrue();
    assertThat(w.cells()[0][1][0]).isTrue();
    assertThat(w.totals()[0]).as("12 - nothing published = 12 >= k: the total may stand").isFalse();
    SmallCells.Withheld one = SmallCells.suppress(new long[] {13}, new long[][][] {{{10}, {3}}}, K);
    assertThat(one.cells()[0][0][0]).as("10 goes with the 3").isTrue();
    SmallCells.Withheld alone = SmallCells.suppress(new long[] {3}, new long[][][] {{{3}}}, K);
    assertThat(alone.totals()[0]).isTrue();
  }
}
