package org.spil.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.spil.app.Ingestion;
import org.spil.app.Operator;
import org.spil.ingest.Dataset;
import org.spil.policy.Purpose;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.store.MessageQuery;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench messages}: the message store at scale. Writes a synthetic chat corpus ({@link
 * ChatCorpus}), ingests it (message table, handles, full-text index) and times the whole and the
 * full-text indexing alone (a rebuild of the message index), with the heap's peak; then loads the
 * same id and text side by side into SQLite FTS5 and PostgreSQL full-text search ({@code tsvector}
 * with a GIN index, in a server of its own on 127.0.0.1 run as the {@code postgres} account) and
 * times their full-text indexing alone; then the latency of one-word, two-word and phrase searches,
 * 20 best hits by relevance, in each (Spil's with the viewer's scope applied and the total
 * counted).
 */
@Command(
    name = "messages",
    mixinStandardHelpOptions = true,
    description = "Benchmark the message store (ingest, full-text indexing, search) and its peers.")
final class MessagesBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--messages",
      defaultValue = "1000000",
      description = "Messages in the corpus (default: ${DEFAULT-VALUE}).")
  long messages;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the corpus.")
  long seed;

  @Option(
      names = "--queries",
      defaultValue = "300",
      description = "Measured queries of each kind (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--peers",
      split = ",",
      defaultValue = "sqlite,postgres,lucene",
      description =
          "Peers to run: sqlite, postgres, lucene (Lucene indexing as the peers do: one analysis,"
              + " no text kept, one thread), none (default: ${DEFAULT-VALUE}).")
  List<String> peers;

  @Option(
      names = "--work",
      description = "Work directory (default: bench-work/messages-N); kept for the next run.")
  Path work;

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    Path dir = work != null ? work : Path.of("bench-work", "messages-" + messages);
    Path corpus = dir.resolve("corpus");
    if (!Files.exists(corpus.resolve("messages.tsv"))) {
      long t = System.nanoTime();
      ChatCorpus.write(corpus, messages, seed);
      out.printf(
          "corpus: %,d messages written in %.1f s (%s)%n",
          messages, (System.nanoTime() - t) / 1e9, corpus);
    }
    out.flush();
    List<String[]> queryList = queries(corpus);
    Path data = dir.resolve("spil");
    deleteTree(data);
    spil(corpus, data, queryList);
    if (peers.contains("sqlite")) {
      sqlite(corpus, dir.resolve("sqlite.db"), queryList);
    }
    if (peers.contains("postgres")) {
      postgres(corpus, queryList);
    }
    if (peers.contains("lucene")) {
      leanLucene(corpus, dir.resolve("lucene-lean"));
    }
    return 0;
  }

  /** Queries of three kinds: {kind, word or words}; phrases are bigrams of the corpus. */
  private List<String[]> queries(Path corpus) throws IOException {
    Random r = new Random(seed + 99);
    List<List<String>> vocabularies = ChatCorpus.vocabularies(seed);
    ChatCorpus.Zipf zipf = new ChatCorpus.Zipf(vocabularies.get(0).size() - 1);
    List<String[]> out = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus.resolve("messages.tsv"))) {
      String l;
      while ((l = in.readLine()) != null && lines.size() < 200_000) {
        lines.add(l.substring(l.indexOf('\t') + 1));
      }
    }
    for (int i = 0; i < queries + 50; i++) {
      List<String> words = vocabularies.get(r.nextInt(3));
      out.add(new String[] {"one word", content(words, zipf, r)});
      out.add(new String[] {"two words", content(words, zipf, r) + " " + content(words, zipf, r)});
      String[] tokens;
      do {
        tokens = lines.get(r.nextInt(lines.size())).split(" ");
      } while (tokens.length < 2);
      int at = r.nextInt(tokens.length - 1);
      out.add(new String[] {"phrase", tokens[at] + " " + tokens[at + 1]});
    }
    return out;
  }

  /** A word past the commonest 20 (a query names what it looks for), without quotes or spaces. */
  private static String content(List<String> words, ChatCorpus.Zipf zipf, Random r) {
    while (true) {
      int rank = zipf.next(r);
      String w = words.get(rank);
      if (rank >= 20 && w.matches("[\\p{L}]+")) {
        return w;
      }
    }
  }

  private void spil(Path corpus, Path data, List<String[]> queryList) throws Exception {
    Peak peak = new Peak();
    try (Store store = Store.open(data, true, LocalDate.now())) {
      Dataset d = Ingestion.read(List.of(corpus)).get(0);
      long t = System.nanoTime();
      Ingestion.Outcome o =
          Ingestion.run(store, d, LocalDate.now(), new Operator("bench"), n -> {}, n -> {});
      double total = (System.nanoTime() - t) / 1e9;
      out.printf(
          "spil ingest: %,d messages in %.1f s (warehouse %.1f s, indexes %.1f s): %,.0f"
              + " messages/s, %,.0f per core; heap peak %,d MB%n",
          o.batch().messages(),
          total,
          total - o.indexSeconds(),
          o.indexSeconds(),
          o.batch().messages() / total,
          o.batch().messages() / total / cores(),
          peak.mb());
      out.flush();
      peak.reset();
      t = System.nanoTime();
      store.reindex(n -> {});
      double index = (System.nanoTime() - t) / 1e9;
      out.printf(
          "spil full-text indexing alone (reindex): %.1f s, %,.0f messages/s, %,.0f per core;"
              + " heap peak %,d MB; index %,d MB%n",
          index,
          o.batch().messages() / index,
          o.batch().messages() / index / cores(),
          peak.mb(),
          size(data.resolve("messages")) >> 20);
      peak.stop();
      out.flush();
      Viewer viewer =
          new Viewer(
              new User("bench", "politie-nl", Set.of(Role.ANALYST)), Purpose.task("wpg-art-9"));
      latencies(
          "spil",
          queryList,
          q -> {
            String text = q[0].equals("phrase") ? "\"" + q[1] + "\"" : q[1];
            return store
                .messages()
                .search(
                    viewer,
                    new MessageQuery(
                        text, null, null, null, null, null, null, null, null, 20, 0, 0, "score"))
                .results()
                .size();
          });
    }
  }

  /**
   * Lucene indexing what the peers index: the text in one analysis (the standard tokenizer, lower
   * case), no text kept, the row number as a doc value (what the peers' row id is to them), on one
   * thread, committed but not merged: how much of the gap to them is the engine and how much what
   * Spil's index holds.
   */
  private void leanLucene(Path corpus, Path dir) throws IOException {
    deleteTree(dir);
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setRAMBufferSizeMB(256);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    long t = System.nanoTime();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config);
        BufferedReader in = Files.newBufferedReader(corpus.resolve("messages.tsv"))) {
      Document doc = new Document();
      TextField body = new TextField("body", "", Field.Store.NO);
      NumericDocValuesField row = new NumericDocValuesField("row", 0);
      doc.add(body);
      doc.add(row);
      String l;
      long n = 0;
      while ((l = in.readLine()) != null) {
        body.setStringValue(l.substring(l.indexOf('\t') + 1));
        row.setLongValue(++n);
        writer.addDocument(doc);
      }
      writer.commit();
    }
    double index = (System.nanoTime() - t) / 1e9;
    out.printf(
        "lucene as the peers index (one analysis, no text kept, one thread): %.1f s, %,.0f"
            + " messages/s; index %,d MB%n",
        index, messages / index, size(dir) >> 20);
    out.flush();
  }

  private void sqlite(Path corpus, Path db, List<String[]> queryList) throws Exception {
    Files.deleteIfExists(db);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = OFF");
        s.execute("PRAGMA synchronous = OFF");
        s.execute("CREATE TABLE raw (id TEXT, body TEXT)");
      }
      long t = System.nanoTime();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw VALUES (?, ?)");
          BufferedReader in = Files.newBufferedReader(corpus.resolve("messages.tsv"))) {
        String l;
        int n = 0;
        while ((l = in.readLine()) != null) {
          int tab = l.indexOf('\t');
          ps.setString(1, l.substring(0, tab));
          ps.setString(2, l.substring(tab + 1));
          ps.addBatch();
          if (++n % 10_000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
      double load = (System.nanoTime() - t) / 1e9;
      t = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(body, content='raw',"
                + " tokenize='unicode61 remove_diacritics 2')");
        s.execute("INSERT INTO fts(fts) VALUES('rebuild')");
      }
      c.commit();
      double index = (System.nanoTime() - t) / 1e9;
      out.printf(
          "sqlite fts5: rows loaded in %.1f s; full-text indexing %.1f s, %,.0f messages/s (one"
              + " core); database %,d MB%n",
          load, index, messages / index, Files.size(db) >> 20);
      out.flush();
      c.setAutoCommit(true);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT raw.id FROM fts JOIN raw ON raw.rowid = fts.rowid WHERE fts MATCH ?"
                  + " ORDER BY rank LIMIT 20")) {
        latencies(
            "sqlite",
            queryList,
            q -> {
              String match =
                  q[0].equals("phrase")
                      ? "\"" + q[1] + "\""
                      : String.join(
                          " ", Arrays.stream(q[1].split(" ")).map(w -> "\"" + w + "\"").toList());
              ps.setString(1, match);
              int n = 0;
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  n++;
                }
              }
              return n;
            });
      }
    }
  }

  private void postgres(Path corpus, List<String[]> queryList) throws Exception {
    Path bin = Path.of("/usr/lib/postgresql/15/bin");
    if (!Files.isExecutable(bin.resolve("initdb"))) {
      out.println("postgres: not installed (apt-get install postgresql); skipped");
      return;
    }
    Path root = Files.createTempDirectory("spil-bench-pg");
    run("chown", "postgres", root.toString());
    Path pgdata = root.resolve("data");
    int port = 55432;
    runAsPostgres(
        bin.resolve("initdb").toString(),
        "-D",
        pgdata.toString(),
        "--auth=trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync");
    runAsPostgres(
        bin.resolve("pg_ctl").toString(),
        "-D",
        pgdata.toString(),
        "-l",
        root.resolve("log").toString(),
        "-w",
        "-o",
        "-p "
            + port
            + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
            + root
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            + " -c maintenance_work_mem=1GB -c shared_buffers=1GB -c work_mem=256MB",
        "start");
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE UNLOGGED TABLE raw (id text, body text)");
      }
      long t = System.nanoTime();
      try (Reader in = Files.newBufferedReader(corpus.resolve("messages.tsv"))) {
        new CopyManager(c.unwrap(BaseConnection.class))
            .copyIn("COPY raw FROM STDIN (FORMAT text)", in);
      }
      double load = (System.nanoTime() - t) / 1e9;
      t = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX raw_fts ON raw USING GIN (to_tsvector('simple', body))");
        s.execute("ANALYZE raw");
      }
      double index = (System.nanoTime() - t) / 1e9;
      out.printf(
          "postgres tsvector + GIN: rows loaded in %.1f s; full-text indexing %.1f s, %,.0f"
              + " messages/s (one core)%n",
          load, index, messages / index);
      out.flush();
      try (PreparedStatement words =
              c.prepareStatement(
                  "SELECT id FROM raw WHERE to_tsvector('simple', body) @@ plainto_tsquery('simple',"
                      + " ?) ORDER BY ts_rank(to_tsvector('simple', body), plainto_tsquery('simple',"
                      + " ?)) DESC LIMIT 20");
          PreparedStatement phrase =
              c.prepareStatement(
                  "SELECT id FROM raw WHERE to_tsvector('simple', body) @@"
                      + " phraseto_tsquery('simple', ?) ORDER BY ts_rank(to_tsvector('simple',"
                      + " body), phraseto_tsquery('simple', ?)) DESC LIMIT 20")) {
        latencies(
            "postgres",
            queryList,
            q -> {
              PreparedStatement ps = q[0].equals("phrase") ? phrase : words;
              ps.setString(1, q[1]);
              ps.setString(2, q[1]);
              int n = 0;
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  n++;
                }
              }
              return n;
            });
      }
    } finally {
      runAsPostgres(
          bin.resolve("pg_ctl").toString(), "-D", pgdata.toString(), "-m", "fast", "stop");
      run("rm", "-rf", root.toString());
    }
  }

  /** A query run that returns how many hits it read. */
  private interface Search {
    int run(String[] query) throws Exception;
  }

  /** p50 and p95 per kind of query after a warm-up of the first 50 of each kind. */
  private void latencies(String who, List<String[]> queryList, Search search) throws Exception {
    for (String kind : List.of("one word", "two words", "phrase")) {
      List<String[]> of = queryList.stream().filter(q -> q[0].equals(kind)).toList();
      long[] nanos = new long[of.size() - 50];
      long hits = 0;
      for (int i = 0; i < of.size(); i++) {
        long t = System.nanoTime();
        int n = search.run(of.get(i));
        if (i >= 50) {
          nanos[i - 50] = System.nanoTime() - t;
          hits += n;
        }
      }
      Arrays.sort(nanos);
      out.printf(
          "%s search, %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d queries, %.1f hits each)%n",
          who,
          kind,
          nanos[nanos.length / 2] / 1e6,
          nanos[(int) (nanos.length * 0.95)] / 1e6,
          nanos[nanos.length - 1] / 1e6,
          nanos.length,
          hits / (double) nanos.length);
      out.flush();
    }
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static long size(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void runAsPostgres(String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    all.addAll(List.of(command));
    run(all.toArray(String[]::new));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  /** The heap's peak use, sampled every 50 ms on a thread of its own. */
  private static final class Peak {
    private final AtomicLong max = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    Peak() {
      sampler =
          new Thread(
              () -> {
                Runtime rt = Runtime.getRuntime();
                while (running) {
                  max.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-peak");
      sampler.setDaemon(true);
      sampler.start();
    }

    long mb() {
      return max.get() >> 20;
    }

    void reset() {
      max.set(0);
    }

    void stop() {
      running = false;
    }
  }
}
