package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payments, shipments, bank statements and parties money-flow analysis reads hold only what the
 * reader may see: a hidden batch that adds payments between the same accounts, another amount, euro
 * amount and date to a visible payment, a name and IBAN to a visible account, another declared
 * value to a visible shipment, a shipment of its own, a later statement and another balance changes
 * nothing a reader of the visible batch gets, and a reader of no batch gets nothing.
 */
class PaymentsTest {
  @TempDir Path tmp;

  private static void write(Store store, String dataset, String agency, List<String[]> rows) {
    BatchWriter w =
        store
            .warehouse()
            .begin(
                StoreTest.provenance(dataset, agency, Set.of(), StoreTest.TODAY.plusYears(1)),
                StoreTest.TODAY,
                dataset);
    Set<String> entities = new java.util.TreeSet<>();
    for (String[] r : rows) {
      w.accept(r[0], r[1], r[2], r[3], null, null);
      entities.add(r[0]);
    }
    w.commit(entities.size(), 0, List.of());
  }

  private static List<String[]> payment(String id, String from, String to, String date, String a) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {id, "Payment", "payerAccount", from});
    rows.add(new String[] {id, "Payment", "beneficiaryAccount", to});
    rows.add(new String[] {id, "Payment", "date", date});
    rows.add(new String[] {id, "Payment", "amount", a});
    rows.add(new String[] {id, "Payment", "programme", "PMNT/ICDT/ESCT"});
    return rows;
  }

  private static Map<String, String> read(Store store, String agency) {
    Map<String, String> out = new TreeMap<>();
    store
        .payments()
        .each(
            Viewers.of(agency),
            p ->
                out.put(
                    p.id(),
                    p.payerAccount()
                        + ">"
                        + p.beneficiaryAccount()
                        + " "
                        + p.date()
                        + " "
                        + p.amount()
                        + " "
                        + p.programme()
                        + " "
                        + p.amountEur()));
    store
        .shipments()
        .each(
            Viewers.of(agency),
            x ->
                out.put(
                    x.id(),
                    x.consignor()
                        + ">"
                        + x.consignee()
                        + " "
                        + x.billOfLading()
                        + " "
                        + x.declaredValue()
                        + " "
                        + x.date()));
    store
        .shipments()
        .parties(Viewers.of(agency), p -> out.put("shipment party " + p.id(), p.name()));
    store
        .accountStatements()
        .latest(Viewers.of(agency), List.of("accA", "accB"))
        .forEach((account, b) -> out.put("balance " + account, b.amount() + " " + b.date()));
    store
        .payments()
        .parties(
            Viewers.of(agency), p -> out.put(p.id(), p.schema() + " " + p.name() + " " + p.iban()));
    out.put("exchanges", store.payments().walletExchanges(Viewers.of(agency)).toString());
    return out;
  }

  @Test
  void aHiddenBatchChangesNothingAReaderGets() throws IOException {
    Viewers.allowTestAgencies(tmp);
    try (Store store = Store.open(tmp, true, StoreTest.TODAY)) {
      List<String[]> visible = new ArrayList<>();
      visible.addAll(payment("pay1", "accA", "accB", "2025-03-01", "9500.00"));
      visible.addAll(payment("pay2", "accB", "accA", "2025-03-04", "9400.00"));
      visible.add(new String[] {"accA", "BankAccount", "iban", "NL02ABNA0123456789"});
      visible.add(new String[] {"ship1", "Shipment", "consignor", "coA"});
      visible.add(new String[] {"ship1", "Shipment", "consignee", "coB"});
      visible.add(new String[] {"ship1", "Shipment", "billOfLading", "BL123456789"});
      visible.add(new String[] {"ship1", "Shipment", "declaredValue", "40000"});
      visible.add(new String[] {"ship1", "Shipment", "arrivalDate", "2025-02-20"});
      visible.add(new String[] {"coA", "Company", "name", "Bananera SA"});
      visible.add(new String[] {"st1", "AccountStatement", "account", "accA"});
      visible.add(new String[] {"st1", "AccountStatement", "endDate", "2025-03-31"});
      visible.add(new String[] {"st1", "AccountStatement", "closingBalance", "1200.50"});
      write(store, "ds1", "a", visible);
      Map<String, String> before = read(store, "a");
      List<String[]> hidden = new ArrayList<>();
      hidden.addAll(payment("pay3", "accA", "accB", "2025-03-02", "9300.00"));
      hidden.add(new String[] {"pay1", "Payment", "amount", "1.00"});
      hidden.add(new String[] {"pay1", "Payment", "date", "2020-01-01"});
      hidden.add(new String[] {"accB", "BankAccount", "iban", "AE070331234567890123456"});
      hidden.add(new String[] {"accA", "BankAccount", "name", "Hidden Holder"});
      hidden.add(new String[] {"w1", "CryptoWallet", "mangingExchange", "Hidden Exchange"});
      hidden.add(new String[] {"pay1", "Payment", "amountEur", "2.00"});
      hidden.add(new String[] {"ship1", "Shipment", "declaredValue", "1"});
      hidden.add(new String[] {"ship1", "Shipment", "arrivalDate", "2020-01-01"});
      hidden.add(new String[] {"ship2", "Shipment", "consignor", "coA"});
      hidden.add(new String[] {"ship2", "Shipment", "consignee", "coC"});
      hidden.add(new String[] {"coB", "Company", "name", "Hidden Importer"});
      hidden.add(new String[] {"st1", "AccountStatement", "closingBalance", "-5"});
      hidden.add(new String[] {"st2", "AccountStatement", "account", "accA"});
      hidden.add(new String[] {"st2", "AccountStatement", "endDate", "2025-04-30"});
      hidden.add(new String[] {"st2", "AccountStatement", "closingBalance", "999999"});
      hidden.add(new String[] {"st3", "AccountStatement", "account", "accB"});
      hidden.add(new String[] {"st3", "AccountStatement", "closingBalance", "7"});
      write(store, "hidden", "b", hidden);
      assertThat(read(store, "a")).isEqualTo(before);
      assertThat(before)
          .containsEntry("pay1", "accA>accB 2025-03-01 9500.0 PMNT/ICDT/ESCT null")
          .containsEntry("ship1", "coA>coB BL123456789 40000.0 2025-02-20")
          .containsEntry("shipment party coA", "Bananera SA")
          .doesNotContainKey("shipment party coB")
          .doesNotContainKey("ship2")
          .containsEntry("balance accA", "1200.5 2025-03-31")
          .doesNotContainKey("balance accB")
          .containsEntry("accA", "BankAccount null NL02ABNA0123456789")
          .doesNotContainKey("accB")
          .containsEntry("exchanges", "[]");
      assertThat(read(store, "b"))
          .containsKey("pay3")
          .doesNotContainKey("pay2")
          .containsKey("ship2")
          .containsEntry("balance accA", "999999.0 2025-04-30");
      assertThat(read(store, "nobody")).containsOnlyKeys("exchanges");
    }
  }
}
