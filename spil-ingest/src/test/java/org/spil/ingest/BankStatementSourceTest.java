package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankStatementSourceTest {
  @TempDir Path tmp;

  static final String HEAD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.%s">
        <BkToCstmrStmt>
          <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-02-01T06:00:00</CreDtTm></GrpHdr>
          <Stmt>
            <Id>ST-1</Id>
            <Acct>
              <Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy>
              <Ownr><Nm>M. EL AMRANI</Nm></Ownr>
              <Svcr><FinInstnId><%s>ABNANL2A</%s></FinInstnId></Svcr>
            </Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt>
              <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>
      """;
  static final String TAIL = "    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n";

  private List<SourceRecord> read(String xml) throws IOException {
    Path f = tmp.resolve("s" + System.nanoTime() + ".xml");
    Files.writeString(f, xml);
    List<SourceRecord> out = new ArrayList<>();
    try (RecordSource s =
        RecordSources.open(f, "bank/" + f.getFileName(), RecordSources.Options.NONE)) {
      assertThat(s.columns()).containsAll(BankStatementSource.COLUMNS);
      s.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void readsVersion2EntriesWithTransactionDetails() throws IOException {
    String xml =
        HEAD.formatted("02", "BIC", "BIC")
            + """
                <Ntry>
                  <NtryRef>1</NtryRef><Amt Ccy="EUR">9500.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                  <Sts>BOOK</Sts><BookgDt><Dt>2024-01-03</Dt></BookgDt><ValDt><Dt>2024-01-04</Dt></ValDt>
                  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                  <NtryDtls><TxDtls>
                    <Refs><EndToEndId>E2E-1</EndToEndId></Refs>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">9500.00</Amt></TxAmt></AmtDtls>
                    <RltdPties>
                      <Dbtr><Nm>M. EL AMRANI</Nm></Dbtr><DbtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></DbtrAcct>
                      <Cdtr><Nm>Tulp Vastgoed B.V.</Nm></Cdtr><CdtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></CdtrAcct>
                    </RltdPties>
                    <RltdAgts><CdtrAgt><FinInstnId><BIC>INGBNL2A</BIC></FinInstnId></CdtrAgt></RltdAgts>
                    <RmtInf><Ustrd>lening</Ustrd><Ustrd>deel 2</Ustrd></RmtInf>
                  </TxDtls></NtryDtls>
                </Ntry>
                <Ntry>
                  <Amt Ccy="EUR">12.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                  <BookgDt><Dt>2024-01-05</Dt></BookgDt>
                  <AddtlNtryInf>Rente</AddtlNtryInf>
                </Ntry>
            """
            + TAIL;
    List<SourceRecord> rows = read(xml);
    assertThat(rows).hasSize(2);
    SourceRecord t = rows.get(0);
    assertThat(t.get("statement_id")).isEqualTo("ST-1");
    assertThat(t.get("account_iban")).isEqualTo("NL91ABNA0417164300");
    assertThat(t.get("account_owner")).isEqualTo("M. EL AMRANI");
    assertThat(t.get("account_bic")).isEqualTo("ABNANL2A");
    assertThat(t.get("amount")).isEqualTo("9500.00");
    assertThat(t.get("currency")).isEqualTo("EUR");
    assertThat(t.get("direction")).isEqualTo("DBIT");
    assertThat(t.get("status")).isEqualTo("BOOK");
    assertThat(t.get("booking_date")).isEqualTo("2024-01-03");
    assertThat(t.get("value_date")).isEqualTo("2024-01-04");
    assertThat(t.get("end_to_end_id")).isEqualTo("E2E-1");
    assertThat(t.get("debtor_name")).isEqualTo("M. EL AMRANI");
    assertThat(t.get("creditor_name")).isEqualTo("Tulp Vastgoed B.V.");
    assertThat(t.get("creditor_iban")).isEqualTo("NL20INGB0001234567");
    assertThat(t.get("creditor_agent_bic")).isEqualTo("INGBNL2A");
    assertThat(t.get("counterparty_name")).isEqualTo("Tulp Vastgoed B.V.");
    assertThat(t.get("remittance")).isEqualTo("lening deel 2");
    assertThat(t.get("bank_tx_code")).isEqualTo("PMNT/ICDT/ESCT");
    assertThat(t.line()).isEqualTo(18);
    assertThat(t.get("opening_balance")).isEqualTo("100.00");
    assertThat(t.get("instructed_amount")).as("the amount booked").isEqualTo("9500.00");
    assertThat(t.get("instructed_currency")).isEqualTo("EUR");
    assertThat(t.get("amount_eur")).isEqualTo("9500.00");
    assertThat(t.get("opening_date")).isEqualTo("2024-01-01");
    assertThat(t.get("closing_balance")).as("after the entries: not known to them").isNull();
    SourceRecord interest = rows.get(1);
    assertThat(interest.get("amount")).isEqualTo("12.50");
    assertThat(interest.get("direction")).isEqualTo("CRDT");
    assertThat(interest.get("additional_info")).isEqualTo("Rente");
    assertThat(interest.get("end_to_end_id")).isNull();
    assertThat(interest.get("account_iban")).isEqualTo("NL91ABNA0417164300");
  }

  @Test
  void readsWhatThePayerInstructedInAnotherCurrencyAndTheRateApplied() throws IOException {
    String xml =
        HEAD.formatted("08", "BICFI", "BICFI")
            + """
                <Ntry>
                  <Amt Ccy="EUR">46296.30</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>2024-01-09</Dt></BookgDt>
                  <NtryDtls><TxDtls>
                    <Refs><EndToEndId>E2E-9</EndToEndId></Refs>
                    <AmtDtls>
                      <InstdAmt><Amt Ccy="USD">50000.00</Amt></InstdAmt>
                      <TxAmt><Amt Ccy="EUR">46296.30</Amt>
                        <CcyXchg><SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy><XchgRate>1.08</XchgRate></CcyXchg>
                      </TxAmt>
                    </AmtDtls>
                  </TxDtls></NtryDtls>
                </Ntry>
                <Ntry>
                  <Amt Ccy="USD">1200.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>2024-01-10</Dt></BookgDt>
                </Ntry>
            """
            + TAIL;
    List<SourceRecord> rows = read(xml);
    assertThat(rows).hasSize(2);
    SourceRecord in = rows.get(0);
    assertThat(in.get("amount")).isEqualTo("46296.30");
    assertThat(in.get("instructed_amount")).isEqualTo("50000.00");
    assertThat(in.get("instructed_currency")).isEqualTo("USD");
    assertThat(in.get("exchange_rate")).isEqualTo("1.08");
    assertThat(in.get("amount_eur")).isEqualTo("46296.30");
    SourceRecord dollars = rows.get(1);
    assertThat(dollars.get("instructed_currency")).isEqualTo("USD");
    assertThat(dollars.get("amount_eur")).as("not booked in euros").isNull();
  }

  @Test
  void readsThePeriodAndTheOpeningAndClosingBalancesOfEachStatement() throws IOException {
    String statement =
        """
            <Stmt>
              <Id>%s</Id>
              <FrToDt><FrDtTm>%s-01T00:00:00</FrDtTm><ToDtTm>%s-31T23:59:59</ToDtTm></FrToDt>
              <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>
              <Bal><Tp><CdOrPrtry><Cd>%s</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">250.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%s-01</Dt></Dt></Bal>
              <Bal><Tp><CdOrPrtry><Cd>ITAV</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">9.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%s-15</Dt></Dt></Bal>
              <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%s</Amt>
                <CdtDbtInd>%s</CdtDbtInd><Dt><DtTm>%s-31T23:59:59</DtTm></Dt></Bal>
              <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                <BookgDt><Dt>%s-20</Dt></BookgDt></Ntry>
            </Stmt>
        """;
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
        """
            + statement.formatted(
                "ST-1", "2024-01", "2024-01", "OPBD", "2024-01", "2024-01", "240.00", "CRDT",
                "2024-01", "2024-01")
            + statement.formatted(
                "ST-2", "2024-03", "2024-03", "PRCD", "2024-03", "2024-03", "75.50", "DBIT",
                "2024-03", "2024-03")
            + "</BkToCstmrStmt></Document>\n";
    List<SourceRecord> rows = read(xml);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("period_from")).isEqualTo("2024-01-01");
    assertThat(rows.get(0).get("period_to")).isEqualTo("2024-01-31");
    assertThat(rows.get(0).get("opening_balance")).isEqualTo("250.00");
    assertThat(rows.get(0).get("closing_balance")).isEqualTo("240.00");
    assertThat(rows.get(0).get("closing_date")).isEqualTo("2024-01-31");
    assertThat(rows.get(1).get("statement_id")).isEqualTo("ST-2");
    assertThat(rows.get(1).get("opening_balance")).as("previously closed").isEqualTo("250.00");
    assertThat(rows.get(1).get("closing_balance")).as("overdrawn").isEqualTo("-75.50");
    assertThat(rows.get(1).get("amount"))
        .as("an entry's amount is not a balance")
        .isEqualTo("10.00");
  }

  @Test
  void readsLaterVersionsWithStatusCodeAndSeveralTransactionsPerEntry() throws IOException {
    String xml =
        HEAD.formatted("08", "BICFI", "BICFI")
            + """
                <Ntry>
                  <Amt Ccy="EUR">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>2024-01-09</Dt></BookgDt>
                  <NtryDtls>
                    <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><Amt Ccy="EUR">100.00</Amt>
                      <RltdPties><Dbtr><Pty><Nm>Jan de Vries</Nm></Pty></Dbtr></RltdPties></TxDtls>
                    <TxDtls><Refs><EndToEndId>B</EndToEndId></Refs><Amt Ccy="EUR">200.00</Amt>
                      <RltdPties><Dbtr><Pty><Nm>Piet Bakker</Nm></Pty></Dbtr></RltdPties></TxDtls>
                  </NtryDtls>
                </Ntry>
            """
            + TAIL;
    List<SourceRecord> rows = read(xml);
    assertThat(rows).extracting(r -> r.get("end_to_end_id")).containsExactly("A", "B");
    assertThat(rows).extracting(r -> r.get("amount")).containsExactly("100.00", "200.00");
    assertThat(rows)
        .extracting(r -> r.get("debtor_name"))
        .containsExactly("Jan de Vries", "Piet Bakker");
    assertThat(rows)
        .extracting(r -> r.get("counterparty_name"))
        .containsExactly("Jan de Vries", "Piet Bakker");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("BOOK"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("account_bic")).isEqualTo("ABNANL2A"));
  }

  @Test
  void refusesOtherXmlWithTheFileNamed() throws IOException {
    Path f = tmp.resolve("other.xml");
    Files.writeString(f, "<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n");
    assertThatThrownBy(() -> RecordSources.open(f, "ds/other.xml", RecordSources.Options.NONE))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("ds/other.xml: not an ISO 20022 camt")
        .hasMessageContaining("<rss>");
  }

  @Test
  void malformedXmlNamesFileAndLine() throws IOException {
    String xml =
        HEAD.formatted("02", "BIC", "BIC") + "      <Ntry><Amt Ccy=\"EUR\">1</Amt>\n    </Stmt>\n";
    assertThatThrownBy(() -> read(xml))
        .isInstanceOf(DatasetException.class)
        .hasMessageMatching("(?s)bank/s\\d+\\.xml:1[0-9]: malformed XML.*");
  }

  @Test
  void externalEntitiesAreNeverResolved() throws IOException {
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + HEAD.formatted("02", "BIC", "BIC")
                .substring(HEAD.indexOf('\n') + 1)
                .replace("M. EL AMRANI", "&x;")
            + TAIL;
    List<String> seen = new ArrayList<>();
    try {
      for (SourceRecord r : read(xml)) {
        seen.add(r.get("account_owner"));
      }
    } catch (DatasetException e) {
      assertThat(e.getMessage()).doesNotContain("TOPSECRET");
    }
    assertThat(seen).noneMatch(v -> v != null && v.contains("TOPSECRET"));
  }

  @Test
  void deepNestingAndEndlessTextAreRefusedWithTheirLine() throws IOException {
    String deep =
        HEAD.formatted("02", "BIC", "BIC")
            + "<Ntry>\n"
            + "<AddtlNtryInf>".repeat(100)
            + "</AddtlNtryInf>".repeat(100)
            + "</Ntry>"
            + TAIL;
    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(DatasetException.class)
        .hasMessageMatching("bank/s\\d+\\.xml:15: elements nested more than 64 deep.*");
    String endless =
        HEAD.formatted("02", "BIC", "BIC")
            + "<Ntry>\n<AddtlNtryInf>"
            + "x".repeat(1 << 20)
            + "</AddtlNtryInf></Ntry>"
            + TAIL;
    assertThatThrownBy(() -> read(endless))
        .isInstanceOf(DatasetException.class)
        .hasMessageMatching(
            "bank/s\\d+\\.xml:15: <AddtlNtryInf> holds more than 65536 characters.*");
  }

  record Tx(String name, String iban, long cents, boolean credit, String text) {}

  @Provide
  Arbitrary<List<Tx>> transactions() {
    Arbitrary<String> names =
        Arbitraries.strings()
            .withChars("abcXYZ &<>'\"éЖ")
            .ofMinLength(1)
            .ofMaxLength(20)
            .filter(s -> !s.isBlank() && s.strip().equals(s));
    Arbitrary<String> ibans = Arbitraries.strings().numeric().ofLength(10).map(d -> "NL00ABNA" + d);
    return Combinators.combine(
            names,
            ibans,
            Arbitraries.longs().between(1, 10_000_000_00L),
            Arbitraries.of(true, false),
            names)
        .as(Tx::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8);
  }

  @Property(tries = 200)
  void everyWrittenTransactionIsReadBack(@ForAll("transactions") @Size(min = 1) List<Tx> txs)
      throws IOException {
    StringBuilder xml = new StringBuilder(HEAD.formatted("02", "BIC", "BIC"));
    int n = 0;
    for (Tx t : txs) {
      String party = t.credit() ? "Dbtr" : "Cdtr";
      xml.append("<Ntry><Amt Ccy=\"EUR\">")
          .append(BigDecimal.valueOf(t.cents(), 2))
          .append("</Amt><CdtDbtInd>")
          .append(t.credit() ? "CRDT" : "DBIT")
          .append(
              "</CdtDbtInd><BookgDt><Dt>2024-01-02</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>T")
          .append(++n)
          .append("</EndToEndId></Refs><RltdPties><")
          .append(party)
          .append("><Nm>")
          .append(escape(t.name()))
          .append("</Nm></")
          .append(party)
          .append("><")
          .append(party)
          .append("Acct><Id><IBAN>")
          .append(t.iban())
          .append("</IBAN></Id></")
          .append(party)
          .append("Acct></RltdPties><RmtInf><Ustrd>")
          .append(escape(t.text()))
          .append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
    }
    xml.append(TAIL);
    Path f = Files.createTempFile("statement", ".xml");
    List<SourceRecord> rows = new ArrayList<>();
    try {
      Files.write(f, xml.toString().getBytes(StandardCharsets.UTF_8));
      try (RecordSource s = RecordSources.open(f, "p.xml", RecordSources.Options.NONE)) {
        s.forEachRemaining(rows::add);
      }
    } finally {
      Files.delete(f);
    }
    assertThat(rows).hasSize(txs.size());
    for (int i = 0; i < txs.size(); i++) {
      Tx t = txs.get(i);
      SourceRecord r = rows.get(i);
      assertThat(r.get("end_to_end_id")).isEqualTo("T" + (i + 1));
      assertThat(new BigDecimal(r.get("amount")))
          .isEqualByComparingTo(BigDecimal.valueOf(t.cents(), 2));
      assertThat(r.get("counterparty_name")).isEqualTo(t.name());
      assertThat(r.get("counterparty_iban")).isEqualTo(t.iban());
      assertThat(r.get("remittance")).isEqualTo(t.text());
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Found by fuzzing: a statement cut off inside a text escaped the reader unchecked. */
  @Test
  void aStatementCutOffInsideATextIsMalformedWithItsLine() throws Exception {
    String cut = HEAD.formatted("02", "BIC", "BIC") + "      <AddtlStmtInf>afschrift";
    assertThatThrownBy(() -> read(cut))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("malformed XML");
  }
}
