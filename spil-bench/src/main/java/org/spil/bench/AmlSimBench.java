package org.spil.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spil.analysis.flows.Threshold;
import org.spil.analysis.flows.Thresholds;
import org.spil.app.Administration;
import org.spil.app.DirectoryTree;
import org.spil.app.Ingestion;
import org.spil.app.MoneyFlows;
import org.spil.app.Operator;
import org.spil.ingest.Dataset;
import org.spil.model.EntityIds;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * IBM's AMLSim sample (20,000 accounts, 200 planted fan-in groups, accounts labelled {@code
 * isFraud}) loaded as payments through a dataset mapping like any bank export, a step read as a day
 * from 2020-01-01, and scanned by every typology: the accounts of the alerts scored against {@code
 * isFraud} (every account of an alert, and the central one only: the account in most of its
 * payments), beside a naive baseline flagging as many accounts with the most distinct payers.
 * Nothing here knows the data beyond its columns; a second run divides every amount threshold by
 * 100, because its payments are in the hundreds where the defaults expect tens of thousands.
 */
final class AmlSimBench {
  static final String DATASET = "amlsim-sample";
  static final LocalDate START = LocalDate.of(2020, 1, 1);

  private AmlSimBench() {}

  static void run(Path sample, Path work, PrintWriter out) throws IOException {
    Path nodes = sample.resolve("nodes.csv");
    Path transactions = sample.resolve("transactions.csv");
    if (!Files.isRegularFile(nodes) || !Files.isRegularFile(transactions)) {
      throw new IllegalArgumentException(
          "--amlsim: "
              + sample
              + " holds no nodes.csv and transactions.csv (tar xzf"
              + " ../shared/data/aml/20K_fanin200.tgz)");
    }
    Set<String> fraud = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(nodes, StandardCharsets.UTF_8)) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        accounts.add(f[0]);
        if (f[1].equals("1")) {
          fraud.add(f[0]);
        }
      }
    }
    Path dir = work.resolve("amlsim");
    DirectoryTree.delete(dir);
    Path dataset = dir.resolve("dataset");
    Files.createDirectories(dataset);
    // the export as a bank would give it: one row a payment, with a date
    Map<String, Set<String>> payersOf = new HashMap<>();
    int n = 0;
    try (BufferedReader r = Files.newBufferedReader(transactions, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(dataset.resolve("payments.csv"))) {
      r.readLine();
      w.write("id,payer,payee,amount,date\n");
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        w.write(
            "T"
                + n++
                + ","
                + f[0]
                + ","
                + f[1]
                + ","
                + f[2]
                + ","
                + START.plusDays(Long.parseLong(f[3].strip()))
                + "\n");
        payersOf.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[0]);
      }
    }
    Files.writeString(dataset.resolve("dataset.yml"), YAML);
    long t0 = System.nanoTime();
    try (Store store = Store.open(dir.resolve("data"), true, LocalDate.now())) {
      Operator by = new Operator("bench");
      new Administration(store)
          .addUser(
              by, "bench", "politie-nl", List.of("analyst"), "benchmark-password".toCharArray());
      for (Dataset d : Ingestion.read(List.of(dataset))) {
        Ingestion.run(store, d, LocalDate.now(), by, x -> {}, x -> {});
      }
      double ingest = (System.nanoTime() - t0) / 1e9;
      Viewer v = store.viewer("bench", "wpg-art-9");
      Map<String, String> nodeOf = new HashMap<>();
      for (String a : accounts) {
        nodeOf.put(EntityIds.make(DATASET, "rekening", List.of(a)), a);
      }
      out.printf(
          Locale.ROOT,
          "%nAMLSim sample: %,d accounts (%,d labelled isFraud), %,d payments, ingested through a"
              + " dataset mapping in %.1f s%n",
          accounts.size(),
          fraud.size(),
          n,
          ingest);
      Thresholds defaults = Thresholds.defaults();
      Thresholds scaled = defaults;
      for (Threshold t : Threshold.values()) {
        if (t.type() == Threshold.Type.AMOUNT) {
          scaled = scaled.with(t, Double.toString(defaults.number(t) / 100));
        }
      }
      for (Object[] run :
          List.of(
              new Object[] {"default thresholds", defaults},
              new Object[] {"amount thresholds / 100", scaled})) {
        long t1 = System.nanoTime();
        List<MoneyFlows.Alert> alerts =
            new MoneyFlows(store)
                .typologies(v, new MoneyFlows.Query(Set.of(), (Thresholds) run[1], null, null));
        double took = (System.nanoTime() - t1) / 1e9;
        Set<String> flagged = new HashSet<>();
        Set<String> central = new HashSet<>();
        Map<String, Integer> perTypology = new HashMap<>();
        for (MoneyFlows.Alert a : alerts) {
          perTypology.merge(a.typology(), 1, Integer::sum);
          for (String account : a.accounts()) {
            String node = nodeOf.get(account);
            if (node != null) {
              flagged.add(node);
            }
          }
          // the account in the most of the alert's payments: a fan's hub, a mule, a collector
          Map<String, Integer> inPayments = new HashMap<>();
          for (MoneyFlows.Hop h : a.hops()) {
            inPayments.merge(h.from(), 1, Integer::sum);
            inPayments.merge(h.to(), 1, Integer::sum);
          }
          int most = inPayments.values().stream().mapToInt(Integer::intValue).max().orElse(0);
          inPayments.forEach(
              (account, count) -> {
                String node = nodeOf.get(account);
                if (count == most && node != null) {
                  central.add(node);
                }
              });
        }
        out.printf(
            Locale.ROOT,
            "  %s: %,d alerts %s in %.1f s; %s%n",
            run[0],
            alerts.size(),
            perTypology,
            took,
            score(flagged, fraud));
        if (!flagged.isEmpty()) {
          out.printf(
              Locale.ROOT,
              "    baseline, the %,d accounts with the most distinct payers: %s%n",
              flagged.size(),
              score(top(payersOf, flagged.size()), fraud));
          out.printf(
              Locale.ROOT,
              "    the central account of each alert only: %s; baseline of as many: %s%n",
              score(central, fraud),
              score(top(payersOf, central.size()), fraud));
        }
      }
    }
    out.flush();
  }

  private static String score(Set<String> flagged, Set<String> fraud) {
    long right = flagged.stream().filter(fraud::contains).count();
    double precision = flagged.isEmpty() ? 0 : (double) right / flagged.size();
    double recall = (double) right / fraud.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return String.format(
        Locale.ROOT,
        "%,d accounts flagged, %,d labelled isFraud: precision %.2f, recall %.2f, F1 %.2f",
        flagged.size(),
        right,
        precision,
        recall,
        f1);
  }

  /** The {@code k} accounts paid by the most distinct others (ties by id). */
  private static Set<String> top(Map<String, Set<String>> payersOf, int k) {
    List<String> ids = new ArrayList<>(payersOf.keySet());
    ids.sort(
        (a, b) ->
            payersOf.get(b).size() != payersOf.get(a).size()
                ? Integer.compare(payersOf.get(b).size(), payersOf.get(a).size())
                : a.compareTo(b));
    return new HashSet<>(ids.subList(0, Math.min(k, ids.size())));
  }

  private static final String YAML =
      """
      # IBM AMLSim's sample transactions as a bank export: accounts by number, amounts without a
      # currency, a date for each simulation step.
      name: amlsim-sample
      title: AMLSim sample, 20K accounts with 200 fan-in groups
      agency: politie-nl
      legal_basis: wpg-art-9
      handling_code: H2
      source_grade: C
      info_grade: 3
      retention: P1Y
      share_with: []
      queries:
        - csv_url: payments.csv
          entities:
            van:
              schema: BankAccount
              keys: [payer]
              key_literal: rekening
              properties:
                accountNumber: {column: payer}
            naar:
              schema: BankAccount
              keys: [payee]
              key_literal: rekening
              properties:
                accountNumber: {column: payee}
            betaling:
              schema: Payment
              keys: [id]
              key_literal: betaling
              properties:
                amount: {column: amount}
                date: {column: date}
                payerAccount: {entity: van}
                beneficiaryAccount: {entity: naar}
      """;
}
