package org.spil.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.spil.app.Json;
import org.spil.cli.Spil;
import org.spil.cli.ViewerOption;
import org.spil.model.InvalidField;
import org.spil.store.Store;
import org.spil.store.Tallies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil cluster}: the batch work on Spark over the data directory's lake. Found at run time:
 * it lives in spil-spark, which the product jar does not contain; {@code ./spil cluster} puts it
 * and Spark on the class path.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Batch work on Apache Spark over the lake (docs/scale.md).",
    subcommands = {
      ClusterCommand.Network.class,
      ClusterCommand.TallyCommand.class,
      ClusterCommand.EntitiesCommand.class
    })
public final class ClusterCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options every job takes: the master, the partitions, the lake. */
  static final class JobOptions {
    @Option(
        names = "--master",
        defaultValue = "local[2]",
        paramLabel = "URL",
        description = "Spark master: local[N] or spark://HOST:7077 (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(
        names = "--partitions",
        defaultValue = "8",
        paramLabel = "N",
        description = "Shuffle partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
        names = "--lake",
        paramLabel = "DIR",
        description = "The lake (default: the one backends.txt names).")
    Path lake;

    Path lake(Store store) {
      Path l = lake != null ? lake : store.backends().lake();
      if (l == null) {
        throw new InvalidField(
            "lake", "the data directory names no lake: spil migrate --to parquet DIR, or --lake");
      }
      if (!Files.isDirectory(l)) {
        throw new InvalidField("lake", l + " is not a directory");
      }
      return l;
    }

    void check() {
      if (partitions < 1 || partitions > 100_000) {
        throw new InvalidField("partitions", "1 to 100000");
      }
      if (!master.matches(
          "local(\\[(\\d+|\\*)\\])?|spark://[A-Za-z0-9.\\-]+:\\d+(,[A-Za-z0-9.\\-]+:\\d+)*")) {
        throw new InvalidField("master", "local[N] or spark://HOST:PORT, not " + master);
      }
    }
  }

  @Command(
      name = "network",
      mixinStandardHelpOptions = true,
      description = {
        "The viewer's network from the lake, measured on Spark: PageRank, component and core"
            + " number of every node, as the embedded network commands compute them.",
        "Writes the scores as Parquet to --out/nodes when given; prints the strongest nodes."
      })
  static final class Network implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;
    @Mixin ViewerOption viewer;
    @Mixin JobOptions job;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the scores.")
    Path out;

    @Option(
        names = "--top",
        defaultValue = "10",
        paramLabel = "N",
        description = "Nodes to print (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
        names = "--measures",
        defaultValue = "auto",
        paramLabel = "WHERE",
        description =
            "driver (the network gathered on the driver and measured by the embedded code),"
                + " cluster (distributed), or auto: on the driver up to 100 million edges"
                + " (default: ${DEFAULT-VALUE}).")
    String measures;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      job.check();
      GraphMeasures.Where where;
      try {
        where = GraphMeasures.Where.valueOf(measures.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidField("measures", "driver, cluster or auto, not " + measures);
      }
      if (top < 0 || top > 10_000) {
        throw new InvalidField("top", "0 to 10000");
      }
      if (out != null && Files.exists(out.resolve("nodes"))) {
        throw new InvalidField("out", out.resolve("nodes") + " exists");
      }
      PrintWriter w = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(false)) {
        Path lake = job.lake(store);
        SparkSession spark = ClusterSession.open(job.master, job.partitions);
        try {
          ClusterNetwork.Measured m =
              ClusterNetwork.run(spark, store, viewer.viewer(store), lake, where, out, top);
          if (json) {
            w.println(Json.indented(m));
          } else {
            w.printf(
                "%,d nodes, %,d edges; %,d components (largest %,d nodes); highest core %d;"
                    + " PageRank in %d iterations; %.1f s%n",
                m.nodes(),
                m.edges(),
                m.components(),
                m.largestComponent(),
                m.maxCore(),
                m.pagerankIterations(),
                m.seconds());
            for (ClusterNetwork.Ranked r : m.top()) {
              w.printf(
                  "  %.6f  core %-3d %-13s %s (%s)%n",
                  r.pagerank(),
                  r.core(),
                  r.schema() == null ? "" : r.schema(),
                  r.caption(),
                  r.node());
            }
            if (m.out() != null) {
              w.println("scores written to " + m.out());
            }
          }
        } finally {
          spark.stop();
        }
      }
      w.flush();
      return 0;
    }
  }

  @Command(
      name = "tallies",
      mixinStandardHelpOptions = true,
      description = {
        "The entities of a schema the reader may see, counted per period and grouping values on"
            + " Spark, as the warehouse counts them for trends and monitoring.",
        "Each entity once, dated by the first of --dates that holds a date, grouped by the smallest"
            + " value of each --by property (@agency: the agency that first stated it), its"
            + " --amount summed."
      })
  static final class TallyCommand implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;
    @Mixin ViewerOption viewer;
    @Mixin JobOptions job;

    @Option(names = "--schema", required = true, paramLabel = "SCHEMA", description = "Shipment.")
    String schema;

    @Option(
        names = "--dates",
        required = true,
        split = ",",
        paramLabel = "PROP",
        description = "Date properties, tried in order: arrivalDate,departureDate,date.")
    List<String> dates;

    @Option(
        names = "--by",
        split = ",",
        paramLabel = "PROP",
        description = "Grouping properties (@agency for the stating agency).")
    List<String> by = List.of();

    @Option(names = "--amount", paramLabel = "PROP", description = "A property to sum.")
    String amount;

    @Option(
        names = "--period",
        defaultValue = "month",
        paramLabel = "P",
        description = "week, month or quarter (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Also write the cells as Parquet to this new directory.")
    Path out;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      job.check();
      Tallies.Period p = Tallies.Period.of(period);
      if (p == null) {
        throw new InvalidField("period", "week, month or quarter, not " + period);
      }
      Tallies.Spec spec;
      try {
        spec = new Tallies.Spec(schema, dates, by, amount);
      } catch (IllegalArgumentException e) {
        throw new InvalidField("schema", e.getMessage());
      }
      if (out != null && Files.exists(out)) {
        throw new InvalidField("out", out + " exists; give a new directory");
      }
      PrintWriter w = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(false)) {
        Path lake = job.lake(store);
        Store.ReadScope scope = store.readScope(viewer.viewer(store), "cluster tallies");
        java.util.Map<Long, String> agencies = new java.util.HashMap<>();
        scope.identities().forEach((b, batch) -> agencies.put(b, batch.provenance().agency()));
        SparkSession spark = ClusterSession.open(job.master, job.partitions);
        List<Tallies.Cell> cells;
        try {
          cells = ClusterTallies.of(spark, LakeInput.of(spark, lake, scope), agencies, spec, p);
          if (out != null) {
            ClusterTallies.write(spark, cells, spec, out);
          }
        } finally {
          spark.stop();
        }
        cells = new java.util.ArrayList<>(cells);
        cells.sort(
            java.util.Comparator.comparing(Tallies.Cell::period)
                .thenComparing(c -> String.valueOf(c.groups())));
        if (json) {
          w.println(Json.indented(cells));
        } else {
          for (Tallies.Cell c : cells) {
            w.printf(
                "%-9s %-40s %,8d%s%n",
                c.period(),
                String.join(" / ", c.groups().stream().map(String::valueOf).toList()),
                c.entities(),
                amount == null ? "" : String.format("  %,.2f", c.amount()));
          }
          if (cells.isEmpty()) {
            w.println("no " + schema + " dated by " + String.join(", ", dates) + " in your scope");
          }
        }
      }
      w.flush();
      return 0;
    }
  }

  @Command(
      name = "entities",
      mixinStandardHelpOptions = true,
      description = {
        "The statements the reader may see, normalised to entities on Spark and written to a"
            + " directory: FollowTheMoney JSON lines (id, schema, properties) or Parquet.",
        "Each entity once, its values per property sorted and without repeats, its schema the most"
            + " specific its statements name."
      })
  static final class EntitiesCommand implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;
    @Mixin ViewerOption viewer;
    @Mixin JobOptions job;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new directory.")
    Path out;

    @Option(
        names = "--format",
        defaultValue = "ftm",
        paramLabel = "F",
        description = "ftm (JSON lines) or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
      job.check();
      if (!format.equals("ftm") && !format.equals("parquet")) {
        throw new InvalidField("format", "ftm or parquet, not " + format);
      }
      if (Files.exists(out)) {
        throw new InvalidField("out", out + " exists; give a new directory");
      }
      PrintWriter w = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(false)) {
        Path lake = job.lake(store);
        Store.ReadScope scope = store.readScope(viewer.viewer(store), "cluster entities");
        SparkSession spark = ClusterSession.open(job.master, job.partitions);
        try {
          org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> entities =
              ClusterEntities.of(spark, LakeInput.of(spark, lake, scope)).cache();
          long n = entities.count();
          if (format.equals("ftm")) {
            entities.write().json(out.toString());
          } else {
            entities.write().parquet(out.toString());
          }
          w.printf("%,d entities written to %s (%s)%n", n, out, format);
        } finally {
          spark.stop();
        }
      }
      w.flush();
      return 0;
    }
  }
}
