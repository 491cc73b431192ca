package org.spil.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spil.analysis.flows.Features;
import org.spil.analysis.flows.Finding;
import org.spil.analysis.flows.PaymentGraph;
import org.spil.analysis.flows.Scan;
import org.spil.analysis.flows.Threshold;
import org.spil.analysis.flows.Thresholds;
import org.spil.analysis.flows.Trace;
import org.spil.analysis.flows.Typology;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.store.AlertVerdicts;
import org.spil.store.ParquetTable;
import org.spil.store.Store;

/**
 * What a viewer may learn of the money flows in the warehouse, from the payments the viewer may
 * see: the laundering typologies of {@link Typology} under a set of {@link Thresholds}, each alert
 * with the payments behind it and an explanation an analyst can put in a report; traces of where
 * money went or came from; windowed features. All read the viewer's {@link PaymentGraphs}: a
 * payment counts in euros where a source gives its amount in euros (a statement of a euro account
 * booked it, at the bank's rate), else in the currency paid, each currency a graph of its own.
 */
public final class MoneyFlows {
  /** The thresholds file of a data directory, read by every scan on it when present. */
  public static final String THRESHOLDS_FILE = "flows.thresholds";

  /** The largest thresholds file read. */
  static final long MAX_THRESHOLDS_BYTES = 1 << 20;

  private final Store store;
  private final FlowGraphs kept;

  /** Money flows that read the payments afresh for every question (the command line). */
  public MoneyFlows(Store store) {
    this(store, null);
  }

  /**
   * Money flows that keep the payment graphs between questions in {@code kept} (the server); a
   * question answered from a kept graph is audited as a read of its own.
   */
  public MoneyFlows(Store store, FlowGraphs kept) {
    this.store = store;
    this.kept = kept;
  }

  /**
   * One payment of an alert, with the accounts as people know them (IBAN and holder); {@code paid}
   * is the amount and currency the payer paid where the payment counts in euros at a bank's rate
   * ("USD 96,120.00"), else null.
   */
  public record Hop(
      String payment,
      String from,
      String to,
      String fromLabel,
      String toLabel,
      String date,
      double amount,
      String currency,
      String dataset,
      String paid) {}

  /**
   * An alert: its typology, a score (its meaning per typology in {@code docs/flows.md}), the
   * accounts it passes, the payments in the order the money moved, the parties that hold the
   * accounts (the subjects), the other entities it rests on (the shipments of a trade-based alert),
   * why it is unusual, and the latest verdict of the reader's team on it (null: not triaged). Its
   * id is its typology and a hash of its payments, the same whenever the same payments are found
   * again.
   */
  public record Alert(
      String id,
      String typology,
      double score,
      List<String> accounts,
      List<String> payments,
      List<String> subjects,
      List<String> entities,
      List<Hop> hops,
      String explanation,
      AlertVerdicts.Verdict triage) {
    /** This alert with the triage of the reader's team. */
    Alert triaged(AlertVerdicts.Verdict verdict) {
      return new Alert(
          id, typology, score, accounts, payments, subjects, entities, hops, explanation, verdict);
    }
  }

  /** What to scan: typologies (empty for all), thresholds, and the days of payments to read. */
  public record Query(Set<Typology> typologies, Thresholds thresholds, String since, String until) {
    public Query {
      typologies =
          typologies.isEmpty() ? EnumSet.allOf(Typology.class) : EnumSet.copyOf(typologies);
      PaymentGraphs.checkDate("since", since);
      PaymentGraphs.checkDate("until", until);
    }

    /** Every typology at the default thresholds over all days. */
    public static Query all() {
      return new Query(Set.of(), Thresholds.defaults(), null, null);
    }
  }

  /**
   * Money that came back to its origin: cycles of payments within {@code windowDays} through at
   * most {@code maxLength} payments, each keeping at least {@code 1 - maxFeeShare} of the one
   * before, in one currency; largest first.
   */
  public List<Alert> cycles(Viewer viewer, int maxLength, int windowDays, double maxFeeShare) {
    Thresholds t =
        Thresholds.defaults()
            .with(Threshold.CYCLE_MAX_PAYMENTS, Integer.toString(maxLength))
            .with(Threshold.CYCLE_WINDOW_DAYS, Integer.toString(windowDays))
            .with(Threshold.CYCLE_MAX_FEE, Double.toString(maxFeeShare));
    return typologies(viewer, new Query(Set.of(Typology.TEMPORAL_CYCLE), t, null, null));
  }

  /**
   * The alerts of the query's typologies in the payments the viewer may see: by typology in the
   * order of {@link Typology}, then highest score first.
   */
  public List<Alert> typologies(Viewer viewer, Query query) {
    PaymentGraphs graphs = graphs(viewer, query, "typologies");
    List<Alert> alerts = new ArrayList<>();
    for (Map.Entry<String, PaymentGraph> c : graphs.byCurrency.entrySet()) {
      Scan scan = new Scan(c.getValue(), query.thresholds(), graphs.trades.get(c.getKey()));
      for (Typology t : query.typologies()) {
        for (Finding f : t.find(scan)) {
          alerts.add(alert(graphs, c.getKey(), c.getValue(), f));
        }
      }
    }
    Map<String, AlertVerdicts.Verdict> verdicts =
        store.alertVerdicts().latest(viewer, alerts.stream().map(Alert::id).toList());
    alerts.replaceAll(a -> a.triaged(verdicts.get(a.id())));
    alerts.sort(
        Comparator.comparing((Alert a) -> Typology.of(a.typology()))
            .thenComparing(Comparator.comparingDouble(Alert::score).reversed())
            .thenComparing(a -> -a.hops().get(0).amount())
            .thenComparing(a -> a.payments().get(0)));
    return alerts;
  }

  /**
   * The payment graphs of what the viewer may see, one per currency, as every analysis here reads
   * them (for benchmarks and exports).
   */
  public Map<String, PaymentGraph> paymentGraphs(Viewer viewer) {
    return graphs(viewer, Query.all(), "graphs").byCurrency;
  }

  /**
   * The viewer's graphs of the query's days: kept ones when there are and the query takes every day
   * (the read then audited here), else read now.
   */
  private PaymentGraphs graphs(Viewer viewer, Query query, String operation) {
    if (kept == null || query.since() != null || query.until() != null) {
      return PaymentGraphs.read(store, viewer, query);
    }
    PaymentGraphs g = kept.get(viewer, () -> PaymentGraphs.read(store, viewer, query));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("operation", operation);
    detail.put("payments", g.byCurrency.values().stream().mapToLong(PaymentGraph::payments).sum());
    store.audited(viewer, "payments-read", detail);
    return g;
  }

  private static Alert alert(PaymentGraphs graphs, String currency, PaymentGraph g, Finding f) {
    List<String[]> about = graphs.about.get(currency);
    List<Hop> hops = new ArrayList<>();
    LinkedHashSet<String> accounts = new LinkedHashSet<>();
    LinkedHashSet<String> subjects = new LinkedHashSet<>();
    for (int p : f.payments()) {
      String[] a = about.get(g.original(p));
      hops.add(
          new Hop(
              g.id(p),
              g.node(g.from(p)),
              g.node(g.to(p)),
              g.label(g.from(p)),
              g.label(g.to(p)),
              LocalDate.ofEpochDay(g.day(p)).toString(),
              g.amount(p),
              currency,
              a[0],
              a.length > 3 ? a[3] : null));
      for (int v : new int[] {g.from(p), g.to(p)}) {
        if (g.kind(v) != PaymentGraph.Kind.CASH_DEPOSIT
            && g.kind(v) != PaymentGraph.Kind.CASH_WITHDRAWAL) {
          accounts.add(g.node(v));
        }
      }
      for (String party : new String[] {a[1], a[2]}) {
        if (party != null) {
          subjects.add(party);
        }
      }
    }
    return new Alert(
        alertId(f.typology(), hops.stream().map(Hop::payment).toList()),
        f.typology().id(),
        f.score(),
        List.copyOf(accounts),
        hops.stream().map(Hop::payment).toList(),
        List.copyOf(subjects),
        f.entities(),
        hops,
        f.explanation(),
        null);
  }

  /** An alert's id: its typology and a hash of its payments' ids in order of id. */
  static String alertId(Typology typology, List<String> payments) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : payments.stream().sorted().toList()) {
        sha.update(p.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return typology.id() + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Records the verdict of the viewer's team on an alert: confirmed, dismissed (with a reason) or
   * open again; audited.
   *
   * @throws IllegalArgumentException for an id that names no typology
   */
  public void judge(Viewer viewer, String alertId, String verdict, String reason) {
    int colon = alertId == null ? -1 : alertId.indexOf(':');
    Typology t = colon < 0 ? null : Typology.of(alertId.substring(0, colon));
    if (t == null) {
      throw new IllegalArgumentException("alert: '" + alertId + "' is not an alert id");
    }
    store.alertVerdicts().give(viewer, alertId, t.id(), verdict, reason);
  }

  /** Which table of features {@link #features} writes: one row per account or per payment. */
  public enum FeatureLevel {
    ACCOUNTS,
    PAYMENTS;

    /**
     * The level a word names: {@code accounts} or {@code payments}.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static FeatureLevel of(String word) {
      return switch (word) {
        case "accounts" -> ACCOUNTS;
        case "payments" -> PAYMENTS;
        default ->
            throw new IllegalArgumentException("'" + word + "' is neither accounts nor payments");
      };
    }
  }

  /**
   * Writes the windowed graph features of the viewer's payments as Parquet ({@link Features}): one
   * row per account (with a count of the alerts of each typology it is in) or per payment, each
   * with its currency; days as dates. Returns how many rows.
   *
   * @throws IOException when the file cannot be written
   */
  public long features(Viewer viewer, Query query, int windowDays, FeatureLevel level, Path out)
      throws IOException {
    if (windowDays < 1 || windowDays > 3660) {
      throw new IllegalArgumentException("window: 1 to 3660 days, not " + windowDays);
    }
    PaymentGraphs graphs = graphs(viewer, query, "features");
    List<String> columns = new ArrayList<>();
    columns.add("currency");
    if (level == FeatureLevel.ACCOUNTS) {
      columns.addAll(List.of("account", "label", "kind", "country"));
      columns.addAll(Features.ACCOUNT_COLUMNS);
      for (Typology t : Typology.values()) {
        columns.add("alerts_" + t.id().replace('-', '_'));
      }
    } else {
      columns.addAll(List.of("payment", "payer", "payee", "dataset"));
      columns.addAll(Features.PAYMENT_COLUMNS);
    }
    long[] rows = new long[1];
    ParquetTable.write(
        out,
        columns,
        row -> {
          for (Map.Entry<String, PaymentGraph> c : graphs.byCurrency.entrySet()) {
            PaymentGraph g = c.getValue();
            Scan scan = new Scan(g, query.thresholds());
            List<Finding> findings = new ArrayList<>();
            for (Typology t : query.typologies()) {
              findings.addAll(t.find(scan));
            }
            if (level == FeatureLevel.ACCOUNTS) {
              double[][] f = Features.accounts(scan, findings, windowDays);
              for (int v = 0; v < g.nodes(); v++) {
                List<Object> r = new ArrayList<>();
                r.add(c.getKey());
                r.add(g.node(v));
                r.add(g.label(v));
                r.add(g.kind(v).name().toLowerCase(Locale.ROOT).replace('_', '-'));
                r.add(g.country(v));
                addAll(r, f[v], Features.ACCOUNT_COLUMNS);
                row.accept(r.toArray());
                rows[0]++;
              }
            } else {
              double[][] f = Features.payments(scan, findings, windowDays);
              List<String[]> about = graphs.about.get(c.getKey());
              for (int p = 0; p < g.payments(); p++) {
                List<Object> r = new ArrayList<>();
                r.add(c.getKey());
                r.add(g.id(p));
                r.add(g.node(g.from(p)));
                r.add(g.node(g.to(p)));
                r.add(about.get(g.original(p))[0]);
                addAll(r, f[p], Features.PAYMENT_COLUMNS);
                row.accept(r.toArray());
                rows[0]++;
              }
            }
          }
        });
    return rows[0];
  }

  /** The values of a feature row: days as dates, counts as whole numbers, amounts as they are. */
  private static void addAll(List<Object> row, double[] values, List<String> named) {
    for (int i = 0; i < values.length; i++) {
      String name = i < named.size() ? named.get(i) : "alerts";
      double v = values[i];
      if (name.endsWith("day")) {
        row.add(v == 0 ? null : LocalDate.ofEpochDay((long) v).toString());
      } else if (name.startsWith("amount") || name.startsWith("largest")) {
        row.add(v);
      } else {
        row.add((long) v);
      }
    }
  }

  /**
   * What to trace: from an account or party (its accounts; a resolved entity's records and theirs),
   * out (where the money went) or in (where it came from), most hops, days a hop may follow the one
   * before, the days of the first payments, and how money is attributed (proportional or first in,
   * first out).
   */
  public record TraceQuery(
      String subject,
      boolean out,
      int hops,
      int windowDays,
      String since,
      String until,
      Trace.Attribution attribution) {
    public TraceQuery {
      if (subject == null || subject.isBlank()) {
        throw new IllegalArgumentException("name an account or party to trace");
      }
      if (hops < 1 || hops > 12) {
        throw new IllegalArgumentException("hops: 1 to 12, not " + hops);
      }
      if (windowDays < 0 || windowDays > 3660) {
        throw new IllegalArgumentException("window: 0 to 3660 days, not " + windowDays);
      }
      PaymentGraphs.checkDate("since", since);
      PaymentGraphs.checkDate("until", until);
    }
  }

  /**
   * An account or party of a trace: how people know it, its kind (account, cash-withdrawal,
   * cash-deposit, exchange), country, role (start, through, end), and the traced money it received,
   * sent on and kept, in the trace's direction: tracing back, what an account "received" is what it
   * paid towards the subject, and what it "kept" is what came from it and no further back.
   */
  public record FlowNode(
      String id,
      String label,
      String kind,
      String country,
      String role,
      double received,
      double sent,
      double kept) {}

  /**
   * Traced money from one account to another: how much, in which currency, by which payments, from
   * which datasets, on which days.
   */
  public record Flow(
      String source,
      String target,
      double amount,
      String currency,
      List<String> payments,
      List<String> datasets,
      String first,
      String last) {}

  /** A trace: what was traced, the accounts, the flows between them (largest first). */
  public record Traced(
      String subject, String direction, double traced, List<FlowNode> nodes, List<Flow> flows) {}

  /**
   * Where the money of a subject went (or came from), as far as the viewer may see payments.
   *
   * @throws IllegalArgumentException when no visible payment names the subject
   */
  public Traced trace(Viewer viewer, TraceQuery q) {
    return trace(viewer, q, null);
  }

  /** The trace, cut to the ways to {@code other} when given. */
  private Traced trace(Viewer viewer, TraceQuery q, String other) {
    PaymentGraphs graphs = graphs(viewer, Query.all(), other == null ? "trace" : "between");
    Set<String> accounts = accountsOf(graphs, members(viewer, q.subject()));
    Set<String> otherAccounts =
        other == null ? Set.of() : accountsOf(graphs, members(viewer, other));
    int fromDay = q.since() == null ? Integer.MIN_VALUE : PaymentGraphs.day(q.since());
    int toDay = q.until() == null ? Integer.MAX_VALUE : PaymentGraphs.day(q.until());
    Trace.Spec spec =
        new Trace.Spec(
            q.out(), q.hops(), q.windowDays(), fromDay, toDay, q.attribution(), Trace.NOISE);
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, String[]> about = new HashMap<>();
    Map<String, Flowing> flows = new LinkedHashMap<>();
    double traced = 0;
    boolean named = false;
    for (Map.Entry<String, PaymentGraph> c : graphs.byCurrency.entrySet()) {
      PaymentGraph g = c.getValue();
      List<Integer> starts = new ArrayList<>();
      for (int v = 0; v < g.nodes(); v++) {
        if (accounts.contains(g.node(v))) {
          starts.add(v);
        }
      }
      if (starts.isEmpty()) {
        continue;
      }
      named = true;
      Trace.Result r = Trace.run(g, starts.stream().mapToInt(Integer::intValue).toArray(), spec);
      traced += r.traced();
      List<Integer> carried = new ArrayList<>(r.carried().keySet());
      carried.sort(Integer::compare);
      for (int p : carried) {
        double amount = r.carried().get(p);
        int source = q.out() ? g.from(p) : g.to(p);
        int target = q.out() ? g.to(p) : g.from(p);
        for (int v : new int[] {source, target}) {
          about.putIfAbsent(
              g.node(v),
              new String[] {
                g.label(v),
                g.kind(v).name().toLowerCase(Locale.ROOT).replace('_', '-'),
                g.country(v)
              });
        }
        sums.computeIfAbsent(g.node(source), k -> new double[2])[1] += amount;
        sums.computeIfAbsent(g.node(target), k -> new double[2])[0] += amount;
        String key = g.node(g.from(p)) + ">" + g.node(g.to(p)) + ">" + c.getKey();
        String date = LocalDate.ofEpochDay(g.day(p)).toString();
        String dataset = graphs.about.get(c.getKey()).get(g.original(p))[0];
        Flowing f =
            flows.computeIfAbsent(
                key, k -> new Flowing(g.node(g.from(p)), g.node(g.to(p)), c.getKey(), date));
        f.amount += amount;
        f.payments.add(g.id(p));
        if (dataset != null) {
          f.datasets.add(dataset);
        }
        f.last = date;
      }
    }
    if (!named) {
      throw new IllegalArgumentException(
          "no payment you may see names '" + q.subject() + "' as payer, beneficiary or account");
    }
    List<FlowNode> nodes = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      String[] a = about.get(e.getKey());
      double received = round(e.getValue()[0]);
      double sent = round(e.getValue()[1]);
      boolean start = accounts.contains(e.getKey());
      double kept = start ? 0 : round(Math.max(0, received - sent));
      String role =
          start ? "start" : !a[1].equals("account") || kept >= 0.5 * received ? "end" : "through";
      nodes.add(new FlowNode(e.getKey(), a[0], a[1], a[2], role, received, sent, kept));
    }
    List<Flow> sorted = new ArrayList<>();
    for (Flowing f : flows.values()) {
      sorted.add(
          new Flow(
              f.source,
              f.target,
              round(f.amount),
              f.currency,
              List.copyOf(f.payments),
              List.copyOf(f.datasets),
              f.first,
              f.last));
    }
    sorted.sort(Comparator.comparingDouble(Flow::amount).reversed());
    if (other != null) {
      return cut(
          new Traced(q.subject(), q.out() ? "out" : "in", round(traced), nodes, sorted),
          other,
          otherAccounts);
    }
    return new Traced(q.subject(), q.out() ? "out" : "in", round(traced), nodes, sorted);
  }

  /** A flow in the making: payments in time order, so the first date is the first seen. */
  private static final class Flowing {
    final String source;
    final String target;
    final String currency;
    final String first;
    String last;
    double amount;
    final List<String> payments = new ArrayList<>();
    final Set<String> datasets = new LinkedHashSet<>();

    Flowing(String source, String target, String currency, String first) {
      this.source = source;
      this.target = target;
      this.currency = currency;
      this.first = first;
      this.last = first;
    }
  }

  /**
   * The nodes that stand for a subject: itself when it is an account (or a party a payment names
   * without an account), and the accounts of the payments that name it as payer or beneficiary.
   */
  private static Set<String> accountsOf(PaymentGraphs graphs, List<String> subjects) {
    Set<String> out = new LinkedHashSet<>();
    for (String subject : subjects) {
      out.add(subject);
      Object nodes = graphs.nodesOfParties().get(subject);
      if (nodes instanceof String one) {
        out.add(one);
      } else if (nodes instanceof Set<?> many) {
        many.forEach(n -> out.add((String) n));
      }
    }
    return out;
  }

  /** A subject's records: the members of a resolved entity of the viewer's team, or itself. */
  private List<String> members(Viewer viewer, String subject) {
    if (Resolution.isCanonicalId(subject)) {
      List<String> members = store.resolutions().clusters(viewer).get(subject);
      if (members != null) {
        List<String> out = new ArrayList<>(members);
        out.add(subject);
        return out;
      }
    }
    return List.of(subject);
  }

  /**
   * The flows that connect {@code a} to {@code b}: the trace of where {@code a}'s money went, cut
   * to the accounts on a way from {@code a} to an account of {@code b}.
   */
  public Traced between(Viewer viewer, TraceQuery fromA, String b) {
    if (!fromA.out()) {
      throw new IllegalArgumentException("between follows money out of the first subject");
    }
    return trace(viewer, fromA, b);
  }

  /** A trace cut to the accounts on a way to {@code b} or one of its accounts. */
  private static Traced cut(Traced all, String b, Set<String> accountsOfB) {
    Set<String> targets = new LinkedHashSet<>(accountsOfB);
    targets.add(b);
    // accounts from which one of b's is reached along the flows
    Set<String> reaching = new LinkedHashSet<>();
    for (FlowNode n : all.nodes()) {
      if (targets.contains(n.id())) {
        reaching.add(n.id());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Flow f : all.flows()) {
        if (reaching.contains(f.target()) && reaching.add(f.source())) {
          grew = true;
        }
      }
    }
    List<Flow> flows =
        all.flows().stream()
            .filter(f -> reaching.contains(f.source()) && reaching.contains(f.target()))
            .toList();
    List<FlowNode> nodes = all.nodes().stream().filter(n -> reaching.contains(n.id())).toList();
    return new Traced(all.subject(), all.direction(), all.traced(), nodes, flows);
  }

  private static double round(double amount) {
    return Math.round(amount * 100) / 100.0;
  }

  /**
   * The thresholds that apply: the defaults, changed by the data directory's {@link
   * #THRESHOLDS_FILE} when there is one, then by {@code file} when given.
   *
   * @throws IllegalArgumentException naming the file, line, key and reason of a bad value, or a
   *     file that cannot be read
   */
  public static Thresholds thresholds(Path dataDir, Path file) {
    Thresholds t = Thresholds.defaults();
    Path own = dataDir == null ? null : dataDir.resolve(THRESHOLDS_FILE);
    if (own != null && Files.isRegularFile(own)) {
      t = t.parse(readSettings(own, "thresholds"), own.toString());
    }
    if (file != null) {
      t = t.parse(readSettings(file, "thresholds"), file.toString());
    }
    return t;
  }

  /** A settings file's text (thresholds, weights): UTF-8, at most 1 MiB, refused otherwise. */
  static String readSettings(Path file, String what) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + ": no such file");
      }
      if (Files.size(file) > MAX_THRESHOLDS_BYTES) {
        throw new IllegalArgumentException(file + ": larger than 1 MiB, not a " + what + " file");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
