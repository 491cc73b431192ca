package org.spil.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ISO 20022 bank-to-customer statement (camt.053, and the report and notification variants
 * camt.052 and camt.054) as one row per transaction: the statement's account with each booked
 * entry's transaction details, in the fixed columns of {@link #COLUMNS}, so that a dataset maps
 * bank statements with the same {@code queries:} as a CSV file. An entry without transaction
 * details is one row. Counterparty columns name the other side from the account's point of view.
 * The statement's period and its opening and closing booked balances (signed: a debit balance is
 * negative) come with every row of it. {@code instructed_amount} and {@code instructed_currency}
 * are what the payer instructed (the transaction's InstdAmt), else the amount booked, so that both
 * sides' statements of one payment agree on them; {@code exchange_rate} is the rate the bank
 * applied (CcyXchg), and {@code amount_eur} the amount booked where it was booked in euros. The XML
 * is streamed (statements of any size) and read without DTDs or external entities.
 */
final class BankStatementSource implements RecordSource {
  static final List<String> COLUMNS =
      List.of(
          "statement_id",
          "account_iban",
          "account_other_id",
          "account_currency",
          "account_owner",
          "account_bic",
          "entry_ref",
          "account_servicer_ref",
          "booking_date",
          "value_date",
          "status",
          "direction",
          "amount",
          "currency",
          "end_to_end_id",
          "debtor_name",
          "debtor_iban",
          "creditor_name",
          "creditor_iban",
          "debtor_agent_bic",
          "creditor_agent_bic",
          "counterparty_name",
          "counterparty_iban",
          "remittance",
          "bank_tx_code",
          "additional_info",
          "period_from",
          "period_to",
          "opening_balance",
          "opening_date",
          "closing_balance",
          "closing_date",
          "instructed_amount",
          "instructed_currency",
          "exchange_rate",
          "amount_eur");

  private static final Map<String, Integer> HEADER = header();
  private static final Set<String> STATEMENT_ELEMENTS = Set.of("Stmt", "Rpt", "Ntfctn");

  /** Elements nest at most this deep. */
  static final int MAX_DEPTH = 64;

  /** An element's text holds at most this many characters. */
  static final int MAX_TEXT_CHARS = 1 << 16;

  private final String displayName;
  private final InputStream in;
  private final XMLStreamReader xml;
  private final List<String> path = new ArrayList<>();
  private final String[] statement = new String[COLUMNS.size()];
  private final String[] entry = new String[COLUMNS.size()];
  private String[] tx;
  private boolean entryHadDetails;
  private final StringBuilder text = new StringBuilder();
  private String amountCurrency;
  private final String[] balance = new String[4];
  private long rowLine;
  private SourceRecord next;

  BankStatementSource(Path file, String displayName) throws IOException {
    this.displayName = displayName;
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    this.in = Files.newInputStream(file);
    try {
      this.xml = factory.createXMLStreamReader(in);
      while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
        // skip the prolog and comments before the root element
      }
      if (!xml.isStartElement()) {
        throw new DatasetException(displayName + ": empty XML file, no bank statement");
      }
      String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
      if (!xml.getLocalName().equals("Document") || !ns.matches(".*camt\\.05[234].*")) {
        throw new DatasetException(
            displayName
                + ": not an ISO 20022 camt.052/053/054 bank statement (root element <"
                + xml.getLocalName()
                + "> in namespace '"
                + ns
                + "'); other XML is not read");
      }
      path.add("Document");
    } catch (XMLStreamException e) {
      in.close();
      throw malformed(e);
    } catch (RuntimeException e) {
      in.close();
      if (e.getCause() instanceof XMLStreamException x) {
        throw malformed(x);
      }
      throw e;
    }
  }

  private static Map<String, Integer> header() {
    Map<String, Integer> h = new LinkedHashMap<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      h.put(COLUMNS.get(i), i);
    }
    return h;
  }

  private DatasetException malformed(XMLStreamException e) {
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
    String message =
        e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", "");
    return new DatasetException(
        displayName + (line > 0 ? ":" + line : "") + ": malformed XML: " + message, e);
  }

  @Override
  public Set<String> columns() {
    return HEADER.keySet();
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    try {
      while (next == null && xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (path.size() >= MAX_DEPTH) {
              throw new DatasetException(
                  displayName
                      + ":"
                      + xml.getLocation().getLineNumber()
                      + ": elements nested more than "
                      + MAX_DEPTH
                      + " deep; a bank statement nests about 10");
            }
            start(xml.getLocalName());
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (text.length() + xml.getTextLength() > MAX_TEXT_CHARS) {
              throw new DatasetException(
                  displayName
                      + ":"
                      + xml.getLocation().getLineNumber()
                      + ": <"
                      + path.get(path.size() - 1)
                      + "> holds more than "
                      + MAX_TEXT_CHARS
                      + " characters; no field of a bank statement is that long");
            }
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
          }
          case XMLStreamConstants.END_ELEMENT -> end();
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    } catch (RuntimeException e) {
      // the parser reads text lazily and reports a document cut short inside it unchecked
      if (e.getCause() instanceof XMLStreamException x) {
        throw malformed(x);
      }
      throw e;
    }
    return next != null;
  }

  private void start(String name) {
    path.add(name);
    text.setLength(0);
    if (STATEMENT_ELEMENTS.contains(name) && path.size() == 3) {
      Arrays.fill(statement, null);
    } else if (name.equals("Ntry")) {
      System.arraycopy(statement, 0, entry, 0, statement.length);
      entryHadDetails = false;
      rowLine = xml.getLocation().getLineNumber();
    } else if (name.equals("TxDtls")) {
      tx = entry.clone();
      entryHadDetails = true;
      rowLine = xml.getLocation().getLineNumber();
    } else if (name.equals("Amt")) {
      amountCurrency = xml.getAttributeValue(null, "Ccy");
    } else if (name.equals("Bal") && !within("Ntry")) {
      Arrays.fill(balance, null);
    }
  }

  private void end() {
    String value = text.toString().strip();
    text.setLength(0);
    if (!value.isEmpty()) {
      assign(path.get(path.size() - 1), value);
    }
    String name = path.remove(path.size() - 1);
    if (name.equals("TxDtls") && tx != null) {
      next = row(tx);
      tx = null;
    } else if (name.equals("Ntry") && !entryHadDetails) {
      next = row(entry);
    } else if (name.equals("Bal") && !within("Ntry")) {
      balance();
    }
  }

  /**
   * Keeps a statement's opening or closing booked balance (type, amount, indicator, date in {@link
   * #balance}): OPBD or PRCD opens, CLBD closes; other balances (available, interim) are not kept.
   */
  private void balance() {
    String type = balance[0];
    String amount = balance[1];
    if (type == null || amount == null) {
      return;
    }
    String signed = "DBIT".equals(balance[2]) ? "-" + amount : amount;
    if (type.equals("OPBD") || type.equals("PRCD")) {
      put(statement, "opening_balance", signed);
      put(statement, "opening_date", balance[3]);
    } else if (type.equals("CLBD")) {
      put(statement, "closing_balance", signed);
      put(statement, "closing_date", balance[3]);
    }
  }

  private void assign(String name, String value) {
    String parent = ancestor(1);
    boolean inEntry = within("Ntry");
    if (!inEntry && within("Bal")) {
      switch (name) {
        case "Cd" -> balance[0] = within("Bal", "Tp") ? value : balance[0];
        case "Amt" -> balance[1] = value;
        case "CdtDbtInd" -> balance[2] = value;
        case "Dt", "DtTm" -> balance[3] = value.length() > 10 ? value.substring(0, 10) : value;
        default -> {}
      }
      return;
    }
    if (!inEntry && within("FrToDt")) {
      String date = value.length() > 10 ? value.substring(0, 10) : value;
      if (name.equals("FrDtTm")) {
        put(statement, "period_from", date);
      } else if (name.equals("ToDtTm")) {
        put(statement, "period_to", date);
      }
      return;
    }
    String[] target = tx != null ? tx : inEntry ? entry : statement;
    switch (name) {
      case "IBAN" -> {
        if (within("RltdPties", "DbtrAcct")) {
          put(target, "debtor_iban", value);
        } else if (within("RltdPties", "CdtrAcct")) {
          put(target, "creditor_iban", value);
        } else if (!inEntry && within("Acct", "Id")) {
          put(target, "account_iban", value);
        }
      }
      case "Id" -> {
        if (STATEMENT_ELEMENTS.contains(parent) && path.size() == 4) {
          put(target, "statement_id", value);
        } else if (!inEntry && within("Acct", "Othr")) {
          put(target, "account_other_id", value);
        }
      }
      case "Ccy" -> {
        if (!inEntry && parent.equals("Acct")) {
          put(target, "account_currency", value);
        }
      }
      case "Nm" -> {
        if (within("RltdPties", "Dbtr") && !within("DbtrAcct")) {
          putFirst(target, "debtor_name", value);
        } else if (within("RltdPties", "Cdtr") && !within("CdtrAcct")) {
          putFirst(target, "creditor_name", value);
        } else if (!inEntry && within("Acct", "Ownr")) {
          putFirst(target, "account_owner", value);
        }
      }
      case "BIC", "BICFI" -> {
        if (within("RltdAgts", "DbtrAgt")) {
          put(target, "debtor_agent_bic", value);
        } else if (within("RltdAgts", "CdtrAgt")) {
          put(target, "creditor_agent_bic", value);
        } else if (!inEntry && within("Acct", "Svcr")) {
          put(target, "account_bic", value);
        }
      }
      case "Amt" -> {
        boolean entryAmount = parent.equals("Ntry");
        boolean txAmount = tx != null && (parent.equals("TxDtls") || parent.equals("TxAmt"));
        if (entryAmount || txAmount) {
          put(target, "amount", value);
          put(target, "currency", amountCurrency);
        } else if (parent.equals("InstdAmt")) {
          put(target, "instructed_amount", value);
          put(target, "instructed_currency", amountCurrency);
        }
      }
      case "XchgRate" -> put(target, "exchange_rate", value);
      case "NtryRef" -> put(target, "entry_ref", value);
      case "AcctSvcrRef" -> put(target, "account_servicer_ref", value);
      case "Dt", "DtTm" -> {
        if (parent.equals("BookgDt")) {
          put(target, "booking_date", value);
        } else if (parent.equals("ValDt")) {
          put(target, "value_date", value);
        }
      }
      case "Sts", "Cd" -> {
        if (inEntry && (name.equals("Sts") || parent.equals("Sts"))) {
          put(target, "status", value);
        } else if (within("BkTxCd")) {
          append(target, "bank_tx_code", value, "/");
        }
      }
      case "SubFmlyCd" -> append(target, "bank_tx_code", value, "/");
      case "CdtDbtInd" -> {
        if (inEntry) {
          put(target, "direction", value);
        }
      }
      case "EndToEndId" -> put(target, "end_to_end_id", value);
      case "Ustrd" -> append(target, "remittance", value, " ");
      case "AddtlNtryInf" -> put(target, "additional_info", value);
      default -> {}
    }
  }

  private static void put(String[] target, String column, String value) {
    target[HEADER.get(column)] = value;
  }

  private static void putFirst(String[] target, String column, String value) {
    int i = HEADER.get(column);
    if (target[i] == null) {
      target[i] = value;
    }
  }

  private static void append(String[] target, String column, String value, String separator) {
    int i = HEADER.get(column);
    target[i] = target[i] == null ? value : target[i] + separator + value;
  }

  private SourceRecord row(String[] values) {
    String[] out = values.clone();
    int amount = HEADER.get("amount");
    int currency = HEADER.get("currency");
    if (out[HEADER.get("instructed_amount")] == null) {
      out[HEADER.get("instructed_amount")] = out[amount];
      out[HEADER.get("instructed_currency")] = out[currency];
    }
    String booked = out[currency] != null ? out[currency] : out[HEADER.get("account_currency")];
    if ("EUR".equalsIgnoreCase(booked)) {
      out[HEADER.get("amount_eur")] = out[amount];
    }
    boolean credit = "CRDT".equals(out[HEADER.get("direction")]);
    out[HEADER.get("counterparty_name")] =
        out[HEADER.get(credit ? "debtor_name" : "creditor_name")];
    out[HEADER.get("counterparty_iban")] =
        out[HEADER.get(credit ? "debtor_iban" : "creditor_iban")];
    return new SourceRecord(displayName, rowLine, HEADER, out);
  }

  private boolean within(String... names) {
    int from = 0;
    for (String n : names) {
      int at = path.subList(from, path.size()).indexOf(n);
      if (at < 0) {
        return false;
      }
      from += at + 1;
    }
    return true;
  }

  private String ancestor(int up) {
    int i = path.size() - 1 - up;
    return i >= 0 ? path.get(i) : "";
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceRecord r = next;
    next = null;
    return r;
  }

  @Override
  public void close() {
    try {
      xml.close();
      in.close();
    } catch (XMLStreamException | IOException e) {
      throw new DatasetException(displayName + ": cannot close: " + e.getMessage(), e);
    }
  }
}
