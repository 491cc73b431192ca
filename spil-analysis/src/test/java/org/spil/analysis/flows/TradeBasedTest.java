package org.spil.analysis.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trade-based laundering on small hand-made trade: an importer, its supplier abroad, a third party,
 * shipments with declared values and payments that name them (or not). Each case has its nearest
 * miss, which must stay quiet: a payment at the declared value, a difference under the least
 * amount, a payment near a shipment.
 */
class TradeBasedTest {
  private static final int DAY = 20_000;

  /** A little world of trade: holders by name, shipments, payments in the making. */
  private static final class World {
    final List<String> holders = new ArrayList<>(List.of("Importer", "Supplier", "Third"));
    final List<Object[]> shipments = new ArrayList<>();
    final List<Object[]> payments = new ArrayList<>();
    String supplierCountry = "ec";
    boolean yearsOfData = true;

    World ship(String ref, String from, String to, int day, double value) {
      shipments.add(new Object[] {ref, from, to, day, value});
      return this;
    }

    /** A payment from one holder's account to another's, naming a shipment reference or null. */
    World pay(String from, String to, int day, double amount, String ref) {
      payments.add(new Object[] {from, to, day, amount, ref});
      return this;
    }

    List<Finding> find() {
      return find(Thresholds.defaults());
    }

    List<Finding> find(Thresholds thresholds) {
      // the rest of the data: a year of it on either side, between two who trade in nothing
      if (yearsOfData) {
        payments.add(0, new Object[] {"Third", "Importer", DAY - 365, 500.0, null});
        payments.add(new Object[] {"Third", "Importer", DAY + 365, 500.0, null});
      }
      PaymentGraph.Builder b = PaymentGraph.builder();
      for (String h : holders) {
        b.describe("acct-" + h, "acct-" + h, "nl", PaymentGraph.Kind.ACCOUNT);
      }
      for (int i = 0; i < payments.size(); i++) {
        Object[] p = payments.get(i);
        b.add("p" + i, "acct-" + p[0], "acct-" + p[1], (int) p[2], (double) p[3]);
      }
      PaymentGraph g = b.build();
      Trades.Builder t = Trades.builder(g);
      Map<String, Integer> holder = new HashMap<>();
      for (String h : holders) {
        holder.put(h, t.holder(h));
      }
      // the supplier's account is Dutch, as banks abroad often are; customs says where it is
      t.country(holder.get("Supplier"), supplierCountry);
      for (int v = 0; v < g.nodes(); v++) {
        t.holds(v, holder.get(g.node(v).substring("acct-".length())));
      }
      Map<String, Integer> byRef = new HashMap<>();
      for (Object[] s : shipments) {
        byRef.put(
            (String) s[0],
            t.shipment(
                "s-" + s[0],
                (String) s[0],
                "bananen",
                holder.get((String) s[1]),
                holder.get((String) s[2]),
                (int) s[3],
                (double) s[4]));
      }
      for (int p = 0; p < g.payments(); p++) {
        String ref = (String) payments.get(Integer.parseInt(g.id(p).substring(1)))[4];
        if (ref != null) {
          t.refers(p, byRef.get(ref));
        }
      }
      return Typology.TRADE_BASED.find(new Scan(g, thresholds, t.build()));
    }
  }

  @Test
  void paymentsAtTheDeclaredValueAreQuiet() {
    World w =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 40_000)
            .pay("Importer", "Supplier", DAY + 20, 39_500, "BL1")
            .ship("BL2", "Supplier", "Importer", DAY + 60, 50_000)
            .pay("Importer", "Supplier", DAY + 50, 25_000, "BL2")
            .pay("Importer", "Supplier", DAY + 80, 25_000, "BL2");
    assertThat(w.find()).isEmpty();
    assertThat(
            Typology.TRADE_BASED.find(
                new Scan(PaymentGraph.builder().build(), Thresholds.defaults())))
        .as("no trade known")
        .isEmpty();
  }

  @Test
  void paidFarAboveTheDeclaredValueIsOverInvoicing() {
    World w =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 40_000)
            .pay("Importer", "Supplier", DAY + 5, 100_000, "BL1")
            .pay("Importer", "Supplier", DAY + 9, 60_000, "BL1");
    List<Finding> found = w.find();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).payments()).containsExactly(1, 2);
    assertThat(found.get(0).score()).isEqualTo(120_000);
    assertThat(found.get(0).entities()).as("the shipment it rests on").containsExactly("s-BL1");
    assertThat(found.get(0).explanation())
        .startsWith("Shipment BL1 (bananen) from Supplier to Importer, declared at EUR 40,000.00")
        .contains("paid EUR 160,000.00 in 2 payments")
        .contains("EUR 120,000.00 above the declared value, 4.00 times it (threshold 1.5 times)");
    World near =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 40_000)
            .pay("Importer", "Supplier", DAY + 5, 59_000, "BL1");
    assertThat(near.find()).as("under 1.5 times").isEmpty();
    World small =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 4_000)
            .pay("Importer", "Supplier", DAY + 5, 12_000, "BL1");
    assertThat(small.find()).as("three times, but only EUR 8,000 more").isEmpty();
    assertThat(
            small
                .find(Thresholds.defaults().with(Threshold.TRADE_MIN_AMOUNT, "5000"))
                .get(0)
                .score())
        .as("with a lower least amount")
        .isEqualTo(8_000);
  }

  @Test
  void paidFarBelowTheDeclaredValueIsUnderInvoicing() {
    World w =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 90_000)
            .pay("Importer", "Supplier", DAY + 5, 30_000, "BL1");
    List<Finding> found = w.find();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).explanation())
        .contains("EUR 60,000.00 below the declared value, 33% of it");
    World atTheEnd =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 90_000)
            .pay("Importer", "Supplier", DAY + 5, 30_000, "BL1");
    atTheEnd.yearsOfData = false;
    assertThat(atTheEnd.find()).as("the rest may be paid after the data ends").isEmpty();
  }

  @Test
  void aThirdPartyPayingForTheGoodsIsFlagged() {
    World w =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 80_000)
            .pay("Importer", "Supplier", DAY + 3, 30_000, "BL1")
            .pay("Third", "Supplier", DAY + 4, 50_000, "BL1");
    List<Finding> found = w.find();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).payments()).containsExactly(1, 2);
    assertThat(found.get(0).score()).isEqualTo(50_000);
    assertThat(found.get(0).explanation())
        .contains("EUR 50,000.00 of it was paid by Third, not by the consignee");
    World small =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 80_000)
            .pay("Importer", "Supplier", DAY + 3, 75_000, "BL1")
            .pay("Third", "Supplier", DAY + 4, 5_000, "BL1");
    assertThat(small.find()).as("a third party paying a small rest").isEmpty();
  }

  @Test
  void paymentsWithNoShipmentNearThemAreForGoodsThatNeverCame() {
    World w =
        new World()
            .ship("BL9", "Supplier", "Third", DAY, 40_000)
            .pay("Importer", "Supplier", DAY + 200, 60_000, null)
            .pay("Importer", "Supplier", DAY + 230, 70_000, null)
            .pay("Importer", "Supplier", DAY + 600, 20_000, null);
    List<Finding> found = w.find();
    assertThat(found).as("two runs: 30 days apart, then a year later").hasSize(2);
    assertThat(found.get(0).payments()).containsExactly(1, 2);
    assertThat(found.get(0).score()).isEqualTo(130_000);
    assertThat(found.get(0).explanation())
        .startsWith("Importer paid Supplier EUR 130,000.00 in 2 payments")
        .contains("no shipment from Supplier to Importer arrived within 90 days")
        .contains("none ever, while it shipped to others");
    World nearGoods =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY + 190, 60_000)
            .pay("Importer", "Supplier", DAY + 200, 60_000, null);
    assertThat(nearGoods.find()).as("a shipment arrived 10 days before").isEmpty();
    World notASupplier = new World().pay("Importer", "Third", DAY, 60_000, null);
    assertThat(notASupplier.find()).as("the payee ships nothing to anyone").isEmpty();
    World domestic =
        new World()
            .ship("BL9", "Supplier", "Third", DAY, 40_000)
            .pay("Importer", "Supplier", DAY + 200, 60_000, null);
    domestic.supplierCountry = "nl";
    assertThat(domestic.find()).as("a domestic customer's payment passes no customs").isEmpty();
  }

  @Test
  void unnamedPaymentsNearShipmentsAreComparedWithTheirDeclaredValue() {
    World w =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 20_000)
            .ship("BL2", "Supplier", "Importer", DAY + 30, 20_000)
            .pay("Importer", "Supplier", DAY + 10, 100_000, null)
            .pay("Importer", "Supplier", DAY + 40, 80_000, null);
    List<Finding> found = w.find();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).score()).isEqualTo(140_000);
    assertThat(found.get(0).explanation())
        .contains("against EUR 40,000.00 declared for the 2 shipments");
    assertThat(found.get(0).entities()).containsExactly("s-BL1", "s-BL2");
    World fair =
        new World()
            .ship("BL1", "Supplier", "Importer", DAY, 20_000)
            .ship("BL2", "Supplier", "Importer", DAY + 30, 20_000)
            .pay("Importer", "Supplier", DAY + 10, 20_000, null)
            .pay("Importer", "Supplier", DAY + 40, 21_000, null);
    assertThat(fair.find()).isEmpty();
  }
}
