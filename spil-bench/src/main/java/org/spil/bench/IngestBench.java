package org.spil.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.spil.app.DirectoryTree;
import org.spil.app.Ingestion;
import org.spil.ingest.Dataset;
import org.spil.ingest.DatasetReader;
import org.spil.ingest.Ingest;
import org.spil.ingest.IngestReport;
import org.spil.store.Batch;
import org.spil.store.Store;
import org.spil.synth.PersonRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil bench ingest}: generates a person CSV, loads it with plain DuckDB (read_csv and
 * UNPIVOT into entity/property/value rows, no validation) and with Spil (validation, normalisation,
 * provenance, atomic batch, then the search index), and prints both times and their ratio.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Benchmark ingest against plain DuckDB.")
final class IngestBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin BenchOptions bench;

  @Option(names = "--keep", description = "Keep the Spil data directory for 'spil bench search'.")
  boolean keep;

  @Option(
      names = "--load-steps",
      description =
          "Afterwards, time DuckDB's share step by step on the stored statements (CSV, Parquet,"
              + " Appender).")
  boolean loadSteps;

  /** CPU time of the whole process (every thread, DuckDB's native ones included). */
  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Option(
      names = "--no-index",
      description = "Skip building the search index (times the warehouse ingest only).")
  boolean noIndex;

  @Option(
      names = "--runs",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Repeat the DuckDB baseline and the Spil ingest N times, alternating, and print the"
              + " medians (default: ${DEFAULT-VALUE}); a shared machine varies by a quarter. The"
              + " search index is built after the last run only.")
  int runs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (runs < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--runs must be at least 1, not " + runs);
    }
    Path source = bench.source();
    if (!Files.exists(source.resolve("persons.csv"))) {
      long t = System.nanoTime();
      PersonRegister.write(source, bench.rows, 42);
      out.printf("generated %,d rows in %.1f s%n", bench.rows, (System.nanoTime() - t) / 1e9);
    }
    Dataset dataset = DatasetReader.read(source);
    double[] baselines = new double[runs];
    double[] ingests = new double[runs];
    double[] ratios = new double[runs];
    long statements = 0;
    for (int run = 0; run < runs; run++) {
      if (runs > 1) {
        out.printf("run %d of %d%n", run + 1, runs);
      }
      baselines[run] = baseline(source, out);
      validateOnly(dataset, out);
      boolean last = run == runs - 1;
      Stored spil = ingest(dataset, out, baselines[run], last);
      ingests[run] = spil.seconds();
      statements = spil.statements();
      ratios[run] = ingests[run] / baselines[run];
      out.flush();
    }
    if (runs > 1) {
      out.printf(
          "median of %d runs: duckdb baseline %.2f s, spil warehouse %.2f s (%,.0f statements/s),"
              + " ratio %.2f (each run's ratio: %s)%n",
          runs,
          BenchOptions.median(baselines),
          BenchOptions.median(ingests),
          statements / BenchOptions.median(ingests),
          BenchOptions.median(ratios),
          Arrays.stream(ratios)
              .mapToObj(r -> String.format("%.2f", r))
              .collect(Collectors.joining(", ")));
    }
    if (loadSteps) {
      LoadSteps.measure(
          bench.data().resolve("warehouse.duckdb").toAbsolutePath(), bench.work, 2_000_000, out);
    }
    if (!keep) {
      DirectoryTree.delete(bench.data());
    }
    out.flush();
    return 0;
  }

  /** Plain DuckDB: read_csv and UNPIVOT into (entity, property, value) rows; seconds. */
  private double baseline(Path source, PrintWriter out) throws Exception {
    Path duck = bench.work.resolve("baseline.duckdb");
    Files.deleteIfExists(duck);
    Files.deleteIfExists(bench.work.resolve("baseline.duckdb.wal"));
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    long baselineRows;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duck.toAbsolutePath());
        Statement s = c.createStatement()) {
      String csv = source.resolve("persons.csv").toAbsolutePath().toString();
      s.execute("CREATE TABLE raw AS SELECT * FROM read_csv('" + csv + "', all_varchar = true)");
      s.execute(
          "CREATE TABLE statement AS UNPIVOT raw ON COLUMNS(* EXCLUDE (id)) INTO NAME prop VALUE value");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM statement")) {
        rs.next();
        baselineRows = rs.getLong(1);
      }
    }
    double baseline = (System.nanoTime() - t0) / 1e9;
    out.printf(
        "duckdb read_csv + unpivot: %,d rows in %.2f s, cpu %.1f s%n",
        baselineRows, baseline, (cpuNanos() - c0) / 1e9);
    Files.deleteIfExists(duck);
    return baseline;
  }

  /** Reading, validating and normalising alone, every statement dropped. */
  private static void validateOnly(Dataset dataset, PrintWriter out) {
    long tv = System.nanoTime();
    long cv = cpuNanos();
    long[] counted = {0};
    new Ingest(dataset, (e, sc, p, v, o, l, f, line) -> counted[0]++, n -> {}).run();
    double validate = (System.nanoTime() - tv) / 1e9;
    out.printf(
        "spil read+validate+normalise only: %,d statements in %.2f s (%,.0f statements/s), cpu %.1f s%n",
        counted[0], validate, counted[0] / validate, (cpuNanos() - cv) / 1e9);
  }

  /** What one run of the ingest stored, and how long the warehouse took. */
  private record Stored(double seconds, long statements) {}

  /**
   * The whole ingest into a fresh data directory, and the search index unless {@code --no-index}
   * (or not the last run).
   */
  private Stored ingest(Dataset dataset, PrintWriter out, double baseline, boolean last)
      throws Exception {
    Path data = bench.data();
    DirectoryTree.delete(data);
    LocalDate today = LocalDate.now();
    try (Store store = Store.open(data, true, today)) {
      long t1 = System.nanoTime();
      long c1 = cpuNanos();
      IngestReport[] read = new IngestReport[1];
      double[] stagedAt = new double[1];
      Batch batch =
          store.ingest(
              dataset.provenance(today),
              today,
              Ingestion.filesSha256(dataset),
              "bench",
              writer -> {
                read[0] = Ingestion.write(dataset, writer, n -> {});
                stagedAt[0] = (System.nanoTime() - t1) / 1e9;
                return new Store.BatchContent(
                    read[0].rows(), read[0].rejectedRows(), new ArrayList<>());
              });
      IngestReport report = read[0];
      double staged = stagedAt[0];
      double warehouse = (System.nanoTime() - t1) / 1e9;
      double warehouseCpu = (cpuNanos() - c1) / 1e9;
      long t2 = System.nanoTime();
      if (!noIndex && last) {
        store.updateIndex(n -> {});
      }
      double index = (System.nanoTime() - t2) / 1e9;
      out.printf(
          "spil ingest: %,d rows, %,d statements (%,d rejected rows): validate+stage %.2f s, warehouse commit total %.2f s"
              + " (%,.0f statements/s, cpu %.1f s), search index %.2f s%n",
          report.rows(),
          batch.statements(),
          report.rejectedRows(),
          staged,
          warehouse,
          batch.statements() / warehouse,
          warehouseCpu,
          index);
      out.printf(
          "ratio spil warehouse / duckdb baseline: %.2f; with index: %.2f%n",
          warehouse / baseline, (warehouse + index) / baseline);
      return new Stored(warehouse, batch.statements());
    }
  }
}
