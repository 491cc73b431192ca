package org.spil.analysis.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each typology on small hand-made graphs: one the typology is about, and its nearest misses (over
 * a threshold, too slow, too few, a regular counterparty, a direct link), which must stay quiet.
 */
class TypologiesTest {
  private int n;

  /** A graph in the making, every account Dutch unless described otherwise. */
  private PaymentGraph.Builder graph() {
    n = 0;
    return PaymentGraph.builder();
  }

  private void pay(PaymentGraph.Builder b, String from, String to, int day, double amount) {
    for (String v : new String[] {from, to}) {
      if (!b.has(v)) {
        b.describe(v, v, "nl", PaymentGraph.Kind.ACCOUNT);
      }
    }
    b.add("p" + n++, from, to, day, amount);
  }

  private static List<Finding> find(PaymentGraph.Builder b, Typology t) {
    return t.find(new Scan(b.build(), Thresholds.defaults()));
  }

  private static List<Finding> find(PaymentGraph.Builder b, Typology t, Thresholds thresholds) {
    return t.find(new Scan(b.build(), thresholds));
  }

  private PaymentGraph.Builder smurfs(double deposit, int spacing) {
    PaymentGraph.Builder b = graph();
    b.describe("cash", "cash", null, PaymentGraph.Kind.CASH_DEPOSIT);
    for (int i = 0; i < 4; i++) {
      pay(b, "cash", "s" + i, 100 + i * spacing, deposit);
      pay(b, "s" + i, "collector", 101 + i * spacing, deposit - 20);
    }
    return b;
  }

  @Test
  void structuringIsCashJustUnderTheThresholdBroughtTogether() {
    List<Finding> found = find(smurfs(9_500, 1), Typology.STRUCTURING);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).payments()).hasSize(8);
    assertThat(found.get(0).explanation())
        .contains("4 cash deposits")
        .contains("just under the EUR 10,000.00")
        .contains("passed on within 3 days to collector");
    assertThat(find(smurfs(10_500, 1), Typology.STRUCTURING)).as("over the threshold").isEmpty();
    assertThat(find(smurfs(5_000, 1), Typology.STRUCTURING)).as("far under it").isEmpty();
    assertThat(find(smurfs(9_500, 10), Typology.STRUCTURING)).as("weeks apart").isEmpty();
  }

  private PaymentGraph.Builder fanOut(int accounts, int months) {
    PaymentGraph.Builder b = graph();
    for (int m = 0; m < months; m++) {
      for (int i = 0; i < accounts; i++) {
        pay(b, "hub", "r" + i, 20_000 + 31 * m + i % 5, 10_000);
      }
    }
    return b;
  }

  @Test
  void fanOutIsManyIrregularCounterpartiesWithinDays() {
    List<Finding> found = find(fanOut(8, 1), Typology.FAN_OUT);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).score()).isEqualTo(8);
    assertThat(found.get(0).explanation()).startsWith("hub paid 8 distinct accounts");
    assertThat(find(fanOut(7, 1), Typology.FAN_OUT)).as("one too few").isEmpty();
    assertThat(find(fanOut(8, 3), Typology.FAN_OUT)).as("a payroll, every month").isEmpty();
    assertThat(find(fanOut(8, 1), Typology.FAN_IN)).as("the other way").isEmpty();
  }

  @Test
  void fanInIsManyPayingOne() {
    PaymentGraph.Builder b = graph();
    for (int i = 0; i < 9; i++) {
      pay(b, "s" + i, "pool", 300 + i % 6, 7_000);
    }
    assertThat(find(b, Typology.FAN_IN)).hasSize(1);
    PaymentGraph.Builder small = graph();
    for (int i = 0; i < 9; i++) {
      pay(small, "s" + i, "pool", 300 + i % 6, 100);
    }
    assertThat(find(small, Typology.FAN_IN)).as("too little money").isEmpty();
  }

  private PaymentGraph.Builder scatter(int intermediaries, double onShare, int days) {
    PaymentGraph.Builder b = graph();
    for (int i = 0; i < intermediaries; i++) {
      pay(b, "source", "m" + i, 500, 10_000);
      pay(b, "m" + i, "gatherer", 500 + days, 10_000 * onShare);
    }
    return b;
  }

  @Test
  void scatterGatherBringsSplitMoneyTogether() {
    List<Finding> found = find(scatter(3, 0.98, 4), Typology.SCATTER_GATHER);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).payments()).hasSize(6);
    assertThat(found.get(0).explanation())
        .contains("for 3 other accounts")
        .contains("on to gatherer")
        .contains("never pay each other directly");
    assertThat(find(scatter(2, 0.98, 4), Typology.SCATTER_GATHER)).as("two").isEmpty();
    assertThat(find(scatter(3, 0.5, 4), Typology.SCATTER_GATHER)).as("half kept").isEmpty();
    assertThat(find(scatter(3, 0.98, 30), Typology.SCATTER_GATHER)).as("a month on").isEmpty();
  }

  private PaymentGraph.Builder hub(double onShare) {
    PaymentGraph.Builder b = graph();
    for (int i = 0; i < 5; i++) {
      pay(b, "in" + i, "hub", 700 + i, 12_000);
      pay(b, "hub", "out" + i, 702 + i, 12_000 * onShare);
    }
    return b;
  }

  @Test
  void gatherScatterIsAHubMoneyDoesNotStayIn() {
    List<Finding> found = find(hub(0.95), Typology.GATHER_SCATTER);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).score()).isEqualTo(10);
    assertThat(find(hub(0.2), Typology.GATHER_SCATTER)).as("money that stays").isEmpty();
    assertThat(find(hub(1.2), Typology.GATHER_SCATTER))
        .as("a little more, from its own")
        .hasSize(1);
    assertThat(find(hub(1.7), Typology.GATHER_SCATTER))
        .as("paying far more than came in: its own money")
        .isEmpty();
  }

  private PaymentGraph.Builder mule(double usual, int daysLater) {
    PaymentGraph.Builder b = graph();
    for (int i = 0; i < 10; i++) {
      pay(b, "mule", "shop", 30 * i, usual);
    }
    pay(b, "abroad", "mule", 400, 30_000);
    pay(b, "mule", "x", 400 + daysLater, 15_000);
    pay(b, "mule", "y", 401 + daysLater, 14_000);
    return b;
  }

  @Test
  void passThroughIsMoneyFarAboveTheUsualLeavingWithinDays() {
    List<Finding> found = find(mule(100, 1), Typology.PASS_THROUGH);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).payments()).hasSize(3);
    assertThat(found.get(0).score()).isEqualTo(300);
    assertThat(found.get(0).explanation()).contains("300 times the account's usual payment");
    assertThat(find(mule(100, 10), Typology.PASS_THROUGH)).as("ten days later").isEmpty();
    assertThat(find(mule(20_000, 1), Typology.PASS_THROUGH)).as("usual for it").isEmpty();
  }

  private PaymentGraph.Builder legs(String secondCountry, boolean linked) {
    PaymentGraph.Builder b = graph();
    b.describe("client", "client", "nl", PaymentGraph.Kind.ACCOUNT);
    b.describe("bankerNl", "bankerNl", "nl", PaymentGraph.Kind.ACCOUNT);
    b.describe("bankerAe", "bankerAe", secondCountry, PaymentGraph.Kind.ACCOUNT);
    b.describe("payee", "payee", secondCountry, PaymentGraph.Kind.ACCOUNT);
    b.add("a", "client", "bankerNl", 900, 50_000);
    b.add("b", "bankerAe", "payee", 901, 50_000);
    if (linked) {
      b.add("c", "bankerNl", "bankerAe", 100, 50);
    }
    return b;
  }

  @Test
  void mirrorTransfersAreMatchingDomesticLegsInTwoCountries() {
    List<Finding> found = find(legs("ae", false), Typology.MIRROR_TRANSFER);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).explanation()).contains("in NL").contains("in AE");
    assertThat(find(legs("nl", false), Typology.MIRROR_TRANSFER)).as("one country").isEmpty();
    assertThat(find(legs("ae", true), Typology.MIRROR_TRANSFER))
        .as("they pay each other")
        .isEmpty();
  }

  private PaymentGraph.Builder payouts(int count) {
    PaymentGraph.Builder b = graph();
    b.describe("exchange", "Coinvault", "nl", PaymentGraph.Kind.EXCHANGE);
    for (int i = 0; i < count; i++) {
      pay(b, "exchange", "seller", 1000 + 4 * i, 8_000);
    }
    return b;
  }

  @Test
  void cryptoOffRampIsRepeatedPayoutsFromExchanges() {
    List<Finding> found = find(payouts(5), Typology.CRYPTO_OFF_RAMP);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).explanation()).startsWith("5 payouts from Coinvault to seller");
    assertThat(find(payouts(3), Typology.CRYPTO_OFF_RAMP)).as("three").isEmpty();
    Thresholds strict = Thresholds.defaults().with(Threshold.OFF_RAMP_MIN_TOTAL, "50000");
    assertThat(find(payouts(5), Typology.CRYPTO_OFF_RAMP, strict)).as("EUR 40,000").isEmpty();
  }
}
