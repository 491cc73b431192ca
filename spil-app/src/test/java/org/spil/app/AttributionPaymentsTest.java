package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * A handle that speaks of money it moved ("heb net 9.437 euro overgemaakt") is matched against the
 * bank's payments of persons: the holder of the account that paid about that sum that day (or the
 * next) is a candidate, one who made several of the sums spoken of is the strongest; a payment of
 * the sum on another day, or on the other side, does not count; nobody is named for a sum no
 * payment fits, nor for a reader who may read the chats but not the bank's payments.
 */
class AttributionPaymentsTest {
  @TempDir Path tmp;

  private static final String PROVENANCE =
      """
      agency: politie-nl
      legal_basis: wpg-art-9
      handling_code: H2
      source_grade: B
      info_grade: 2
      retention: P5Y
      """;

  @Test
  void sumsAHandleSaysItMovedNameThePersonWhosePaymentsTheyAre() throws Exception {
    Path bank =
        dataset(
            "bank",
            "account holders and their payments",
            """
            queries:
              - csv_url: holders.csv
                entities:
                  p: {schema: Person, keys: [iban], key_literal: holder, properties: {name: {column: name}}}
                  a:
                    schema: BankAccount
                    keys: [iban]
                    key_literal: account
                    properties: {iban: {column: iban}, holder: {entity: p}}
              - csv_url: payments.csv
                entities:
                  from: {schema: BankAccount, keys: [from], key_literal: account, properties: {iban: {column: from}}}
                  to: {schema: BankAccount, keys: [to], key_literal: account, properties: {iban: {column: to}}}
                  pay:
                    schema: Payment
                    keys: [id]
                    properties:
                      amount: {column: amount}
                      currency: {literal: EUR}
                      date: {column: date}
                      payerAccount: {entity: from}
                      beneficiaryAccount: {entity: to}
            """);
    Files.writeString(
        bank.resolve("holders.csv"),
        """
        iban,name
        NL91ABNA0417164300,Anna de Vries
        NL20INGB0001234567,Bram Bakker
        NL69RABO0123456789,Cees Claassen
        NL02ABNA0123456789,Dirk Dekker
        """);
    Files.writeString(
        bank.resolve("payments.csv"),
        """
        id,date,amount,from,to
        T1,2024-03-05,9437.00,NL91ABNA0417164300,NL44RABO0987654321
        T2,2024-03-20,9437.00,NL20INGB0001234567,NL44RABO0987654321
        T3,2024-03-05,9437.00,NL44RABO0987654321,NL69RABO0123456789
        T4,2024-04-03,9500.00,NL44RABO0987654321,NL91ABNA0417164300
        T5,2024-04-02,9480.00,NL44RABO0987654321,NL02ABNA0123456789
        T6,2024-05-10,120.00,NL02ABNA0123456789,NL44RABO0987654321
        """);

    Path chats =
        dataset(
            "chats",
            "intercepted messages",
            """
            share_with: [kmar]
            messages:
              - csv_url: chats.jsonl
                columns: {id: id, time: time, from: from, to: to, body: body}
            """);
    Files.writeString(
        chats.resolve("chats.jsonl"),
        message("M1", "2024-03-05T16:10:00Z", "zwartekat", "heb net 9.437 euro overgemaakt")
            + message("M2", "2024-04-02T20:30:00Z", "zwartekat", "9.500 euro gestort vandaag")
            + message("M3", "2024-06-01T11:00:00Z", "grijzemuis", "heb net 7.777 euro betaald")
            + message("M4", "2024-03-05T12:00:00Z", "grijzemuis", "alles goed?"));

    try (Store store = Store.open(tmp.resolve("data"), true, LocalDate.of(2026, 12, 7))) {
      Operator by = new Operator("test");
      for (Path d : List.of(bank, chats)) {
        Ingestion.run(
            store, Ingestion.read(List.of(d)).get(0), store.today(), by, x -> {}, x -> {});
      }
      new Administration(store)
          .addUser(by, "ann", "politie-nl", List.of("analyst"), "a long password".toCharArray());
      Viewer ann = store.viewer("ann", "wpg-art-9");
      Attribution attribution = new Attribution(store);

      List<Attribution.Candidate> candidates = attribution.attribute(ann, "zwartekat").candidates();
      assertThat(candidates).as("%s", candidates).isNotEmpty();
      Attribution.Candidate anna = candidates.get(0);
      assertThat(anna.caption()).as("%s", candidates).isEqualTo("Anna de Vries");
      assertThat(anna.evidence())
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e)
                      .contains("2 of the 2 sums")
                      .contains("2024-03-05 paid 9,437.00 EUR")
                      .contains("2024-04-03 received 9,500.00 EUR"));
      // Dirk received a sum within 2 per cent that day, once: a candidate, far weaker
      assertThat(candidates)
          .extracting(Attribution.Candidate::caption)
          .containsExactly("Anna de Vries", "Dirk Dekker");
      assertThat(candidates.get(1).score()).isLessThan(anna.score() / 2);
      // Bram paid the sum on another day, Cees received it that day: neither fits
      assertThat(attribution.attribute(ann, "grijzemuis").candidates()).isEmpty();

      // the days a handle asks, read alone, answer as all payments read at once do
      PersonPayments byDays = PersonClues.read(store, ann).payments(store, ann);
      PersonPayments whole = PersonClues.read(store, ann).payments(store, ann);
      for (int i = 0; i <= PersonPayments.FETCHES; i++) {
        whole.read(store, ann, List.of(LocalDate.of(2020, 1, 1).plusDays(3L * i)));
      }
      List<LocalDate> asked =
          List.of(
              LocalDate.of(2024, 3, 5),
              LocalDate.of(2024, 3, 20),
              LocalDate.of(2024, 4, 2),
              LocalDate.of(2024, 5, 10));
      byDays.read(store, ann, asked);
      assertThat(byDays.persons()).isEqualTo(whole.persons()).isEqualTo(4);
      for (LocalDate day : asked) {
        for (double sum : new double[] {9437, 9500, 120}) {
          for (Boolean paid : new Boolean[] {true, false, null}) {
            assertThat(byDays.matching(day, sum, paid))
                .as("%s %s %s", day, sum, paid)
                .isEqualTo(whole.matching(day, sum, paid));
          }
        }
      }
      assertThat(whole.matching(LocalDate.of(2024, 4, 2), 9500, null)).hasSize(2);

      // the KMar reads the chats, shared with it, but not the bank's payments: the sums name
      // nobody for it
      new Administration(store)
          .addUser(by, "kim", "kmar", List.of("analyst"), "a long password".toCharArray());
      Attribution.Handle seen =
          new Attribution(store).attribute(store.viewer("kim", "wpg-art-9"), "zwartekat");
      assertThat(seen.messages()).isEqualTo(2);
      assertThat(seen.candidates()).isEmpty();
    }
  }

  /** A dataset directory with its dataset.yml: name, title, the police's provenance, layout. */
  private Path dataset(String name, String title, String layout) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(
        dir.resolve("dataset.yml"),
        "name: " + name + "\ntitle: " + title + "\n" + PROVENANCE + layout);
    return dir;
  }

  private static String message(String id, String time, String from, String body) {
    return String.format(
        "{\"id\":\"%s\",\"time\":\"%s\",\"from\":\"%s\",\"to\":\"vriend\",\"body\":\"%s\"}%n",
        id, time, from, body);
  }
}
