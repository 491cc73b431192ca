package org.spil.analysis.monitor;

/**
 * Small-cell suppression of monthly counts for readers who may see counts only (strategic
 * analysis): a cell of fewer than {@code k} entities is withheld, and so many more that the
 * published monthly total less the published cells of a dimension never gives a withheld count
 * below {@code k}: per dimension and month, the withheld cells hold no entity or at least {@code k}
 * (complementary suppression: the smallest published cell of the month joins them, or, when none is
 * left, the month's total is withheld). A table is per dimension, per key (a country, a port), per
 * month; an entity may count under several keys of one dimension (a shipment under its loading and
 * its discharge country). Zero cells are withheld too: a published zero would tell a reader that
 * the one entity of a small cell is gone.
 */
public final class SmallCells {
  /** The smallest count published: the size of a cell that may be shown. */
  public static final int K = 10;

  private SmallCells() {}

  /** What is withheld: per dimension, key and month; per month, the total. */
  public record Withheld(boolean[][][] cells, boolean[] totals) {
    /** Whether every month of the range {@code [from, to)} of a key is published. */
    public boolean published(int dimension, int key, int from, int to) {
      for (int m = from; m < to; m++) {
        if (cells[dimension][key][m]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The cells and totals to withhold.
   *
   * @param totals per month, how many entities in all
   * @param tables per dimension, per key, per month, how many entities
   * @param k the smallest count published
   */
  public static Withheld suppress(long[] totals, long[][][] tables, int k) {
    int months = totals.length;
    boolean[] total = new boolean[months];
    for (int m = 0; m < months; m++) {
      total[m] = totals[m] < k;
    }
    boolean[][][] cells = new boolean[tables.length][][];
    for (int d = 0; d < tables.length; d++) {
      long[][] table = tables[d];
      cells[d] = new boolean[table.length][months];
      for (int key = 0; key < table.length; key++) {
        if (table[key].length != months) {
          throw new IllegalArgumentException("a count for each month");
        }
        for (int m = 0; m < months; m++) {
          cells[d][key][m] = table[key][m] < k;
        }
      }
      for (int m = 0; m < months; m++) {
        long withheld = 0;
        for (int key = 0; key < table.length; key++) {
          withheld += cells[d][key][m] ? table[key][m] : 0;
        }
        if (withheld > 0 && withheld < k) {
          int smallest = -1;
          for (int key = 0; key < table.length; key++) {
            if (!cells[d][key][m] && (smallest < 0 || table[key][m] < table[smallest][m])) {
              smallest = key;
            }
          }
          if (smallest >= 0) {
            cells[d][smallest][m] = true;
          } else {
            total[m] = true;
          }
        }
      }
    }
    return new Withheld(cells, total);
  }
}
