package org.spil.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.lib.ConnectedComponents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.spil.analysis.graph.Components;
import org.spil.analysis.graph.Graph;
import org.spil.analysis.graph.GraphBuilder;
import org.spil.analysis.graph.KCore;
import org.spil.analysis.graph.PageRank;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * PageRank, connected components and core numbers of an undirected weighted network on the cluster,
 * defined as the embedded engine defines them ({@link PageRank}: a walker follows an edge in
 * proportion to its weight or jumps anywhere, a node without edges sends its walker anywhere, power
 * iteration until the L1 change falls below the tolerance; components as GraphX finds them; core
 * numbers by the distributed h-index iteration of Montresor, De Pellegrini and Miorandi, which
 * converges to the exact core numbers the embedded peeling gives). Nodes are numbered in the order
 * of their ids; results name them by id.
 */
public final class GraphMeasures {
  private GraphMeasures() {}

  /** Per node: its PageRank, its component (the smallest id in it) and its core number. */
  public record Scores(
      Dataset<Row> nodes, int pageRankIterations, long nodeCount, long edgeCount) {}

  /**
   * Where the measures run: on the driver, the projection's edges gathered into the embedded
   * engine's compact graph and measured by its own code; on the cluster, distributed; or on the
   * driver while the network has at most {@link #DRIVER_EDGES} edges (a network of 10^8 edges takes
   * about 2 GB there) and on the cluster beyond.
   */
  public enum Where {
    DRIVER,
    CLUSTER,
    AUTO
  }

  /** The most edges {@link Where#AUTO} measures on the driver. */
  public static final long DRIVER_EDGES = 100_000_000L;

  /** Every measure of a projection, where {@code where} says. */
  public static Scores of(SparkSession spark, NetworkProjection.Projection p, Where where) {
    if (where == Where.CLUSTER) {
      return of(spark, p);
    }
    Dataset<Row> edges = p.edges();
    long m = edges.count();
    if (where == Where.AUTO && m > DRIVER_EDGES) {
      return of(spark, p);
    }
    return onDriver(spark, p.nodes(), edges, m);
  }

  /**
   * The measures on the driver: the nodes numbered in the order of their ids, the edges gathered
   * into a {@link GraphBuilder}'s graph as the embedded projection builds it, then {@link
   * PageRank}, {@link Components} and {@link KCore} themselves.
   */
  private static Scores onDriver(
      SparkSession spark, Dataset<Row> nodes, Dataset<Row> edges, long m) {
    List<String> ids = new ArrayList<>();
    nodes.orderBy("node").toLocalIterator().forEachRemaining(r -> ids.add(r.getString(0)));
    Map<String, Integer> number = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      number.put(ids.get(i), i);
    }
    if (m > Integer.MAX_VALUE) {
      throw new IllegalStateException(
          m + " edges do not fit the driver's graph: --measures cluster");
    }
    GraphBuilder b = new GraphBuilder(ids.size(), (int) m);
    edges
        .toLocalIterator()
        .forEachRemaining(
            r -> b.add(number.get(r.getString(0)), number.get(r.getString(1)), r.getDouble(2)));
    edges.unpersist();
    Graph g = b.build(false);
    PageRank.Result rank = PageRank.compute(g);
    Components.Result components = Components.weak(g);
    int[] core = KCore.coreNumbers(g);
    int[] smallest = new int[components.count()];
    java.util.Arrays.fill(smallest, Integer.MAX_VALUE);
    for (int v = 0; v < ids.size(); v++) {
      int c = components.component()[v];
      smallest[c] = Math.min(smallest[c], v);
    }
    List<Row> rows = new ArrayList<>(ids.size());
    for (int v = 0; v < ids.size(); v++) {
      rows.add(
          RowFactory.create(
              ids.get(v), rank.scores()[v], ids.get(smallest[components.component()[v]]), core[v]));
    }
    Dataset<Row> named = spark.createDataFrame(rows, SCORES);
    return new Scores(named, rank.iterations(), ids.size(), g.edges());
  }

  private static final StructType SCORES =
      new StructType()
          .add("node", DataTypes.StringType)
          .add("pagerank", DataTypes.DoubleType)
          .add("component", DataTypes.StringType)
          .add("core", DataTypes.IntegerType);

  /** Every measure of a projection, distributed. */
  public static Scores of(SparkSession spark, NetworkProjection.Projection p) {
    // the nodes, numbered in the order of their ids
    JavaPairRDD<String, Long> numbered =
        p.nodes()
            .javaRDD()
            .map(r -> r.getString(0))
            .sortBy(s -> s, true, partitions(spark))
            .zipWithIndex()
            .mapToPair(t -> t)
            .persist(StorageLevel.MEMORY_AND_DISK());
    long n = numbered.count();
    JavaPairRDD<Long, String> ids = numbered.mapToPair(t -> new Tuple2<>(t._2(), t._1()));
    // the edges between numbers, each once
    JavaRDD<long[]> pairs =
        p.edges()
            .javaRDD()
            .mapToPair(
                r -> new Tuple2<>(r.getString(0), new Tuple2<>(r.getString(1), r.getDouble(2))))
            .join(numbered)
            .mapToPair(
                t -> new Tuple2<>(t._2()._1()._1(), new Tuple2<>(t._2()._2(), t._2()._1()._2())))
            .join(numbered)
            .map(
                t ->
                    new long[] {
                      t._2()._1()._1(), t._2()._2(), Double.doubleToLongBits(t._2()._1()._2())
                    })
            .persist(StorageLevel.MEMORY_AND_DISK());
    long m = pairs.count();
    // both directions of each edge
    JavaPairRDD<Long, Tuple2<Long, Double>> out =
        pairs
            .flatMapToPair(
                e -> {
                  double w = Double.longBitsToDouble(e[2]);
                  return Arrays.asList(
                          new Tuple2<>(e[0], new Tuple2<>(e[1], w)),
                          new Tuple2<>(e[1], new Tuple2<>(e[0], w)))
                      .iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    PageRankResult pr = pageRank(numbered.values(), out, n, partitions(spark));
    JavaPairRDD<Long, Long> component = components(spark, numbered.values(), pairs);
    JavaPairRDD<Long, Integer> core = coreNumbers(numbered.values(), out, partitions(spark));
    JavaRDD<Row> rows =
        ids.join(pr.ranks)
            .join(component)
            .join(core)
            .map(
                t ->
                    RowFactory.create(
                        t._2()._1()._1()._1(),
                        t._2()._1()._1()._2(),
                        t._2()._1()._2(),
                        t._2()._2()));
    Dataset<Row> byNumber =
        spark.createDataFrame(
            rows,
            new StructType()
                .add("node", DataTypes.StringType)
                .add("pagerank", DataTypes.DoubleType)
                .add("component_no", DataTypes.LongType)
                .add("core", DataTypes.IntegerType));
    byNumber.createOrReplaceTempView("measured");
    spark
        .createDataFrame(
            ids.map(t -> RowFactory.create(t._1(), t._2())),
            new StructType().add("no", DataTypes.LongType).add("id", DataTypes.StringType))
        .createOrReplaceTempView("numbered");
    Dataset<Row> named =
        spark.sql(
            "SELECT m.node, m.pagerank, c.id AS component, m.core FROM measured m JOIN numbered c"
                + " ON c.no = m.component_no");
    return new Scores(named, pr.iterations, n, m);
  }

  private static int partitions(SparkSession spark) {
    return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
  }

  private record PageRankResult(JavaPairRDD<Long, Double> ranks, int iterations) {}

  /**
   * Power iteration as {@link PageRank#compute} runs it, with its damping, tolerance and iteration
   * limit: every node starts at 1/n; each round a node gets (1 - d)/n, d/n of the rank of the nodes
   * without edges, and d times what its neighbours send, each its rank in proportion to the edge's
   * share of its weight. The edges and the ranks are partitioned alike, so that a round shuffles
   * only what the nodes send; one action a round finds both the change and the next round's rank of
   * the nodes without edges.
   */
  private static PageRankResult pageRank(
      JavaRDD<Long> nodes, JavaPairRDD<Long, Tuple2<Long, Double>> out, long n, int partitions) {
    double d = PageRank.DAMPING_DEFAULT;
    HashPartitioner part = new HashPartitioner(partitions);
    JavaPairRDD<Long, Double> strength = out.mapValues(t -> t._2()).reduceByKey(part, Double::sum);
    // per source: the share of its weight each edge carries
    JavaPairRDD<Long, Tuple2<Long, Double>> shares =
        out.partitionBy(part)
            .join(strength)
            .mapValues(t -> new Tuple2<>(t._1()._1(), t._1()._2() / t._2()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Set<Long> without = new HashSet<>(nodes.subtract(strength.keys()).collect());
    Broadcast<Set<Long>> dangling =
        JavaSparkContext.fromSparkContext(nodes.context()).broadcast(without);
    JavaPairRDD<Long, Double> rank =
        nodes
            .mapToPair(v -> new Tuple2<>(v, 1.0 / n))
            .partitionBy(part)
            .persist(StorageLevel.MEMORY_AND_DISK());
    double lost = without.size() / (double) n;
    int it = 0;
    while (it < PageRank.ITERATIONS_DEFAULT) {
      it++;
      double base = (1 - d) / n + d * lost / n;
      JavaPairRDD<Long, Double> received =
          shares
              .join(rank)
              .values()
              .mapToPair(t -> new Tuple2<>(t._1()._1(), t._1()._2() * t._2()))
              .reduceByKey(part, Double::sum);
      JavaPairRDD<Long, Double> next =
          rank.leftOuterJoin(received)
              .mapValues(t -> base + d * t._2().orElse(0.0))
              .persist(StorageLevel.MEMORY_AND_DISK());
      if (it % 20 == 0) {
        next.checkpoint();
      }
      double[] moved =
          next.join(rank)
              .map(
                  t ->
                      new double[] {
                        Math.abs(t._2()._1() - t._2()._2()),
                        dangling.value().contains(t._1()) ? t._2()._1() : 0
                      })
              .fold(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
      rank.unpersist(false);
      rank = next;
      lost = moved[1];
      if (moved[0] < PageRank.TOLERANCE_DEFAULT) {
        break;
      }
    }
    shares.unpersist(false);
    return new PageRankResult(rank, it);
  }

  /** The component of each node, by GraphX: the smallest node number in it. */
  private static JavaPairRDD<Long, Long> components(
      SparkSession spark, JavaRDD<Long> nodes, JavaRDD<long[]> pairs) {
    ClassTag<Long> longTag = ClassTag$.MODULE$.<Long>apply(Long.class);
    ClassTag<Double> doubleTag = ClassTag$.MODULE$.<Double>apply(Double.class);
    JavaRDD<Tuple2<Object, Long>> vertices = nodes.map(v -> new Tuple2<Object, Long>(v, v));
    JavaRDD<Edge<Double>> edges =
        pairs.map(e -> new Edge<>(e[0], e[1], Double.longBitsToDouble(e[2])));
    org.apache.spark.graphx.Graph<Long, Double> g =
        org.apache.spark.graphx.Graph.apply(
            vertices.rdd(),
            edges.rdd(),
            0L,
            StorageLevel.MEMORY_AND_DISK(),
            StorageLevel.MEMORY_AND_DISK(),
            longTag,
            doubleTag);
    org.apache.spark.graphx.Graph<Object, Double> cc =
        ConnectedComponents.run(g, longTag, doubleTag);
    return cc.vertices().toJavaRDD().mapToPair(t -> new Tuple2<>((Long) t._1(), (Long) t._2()));
  }

  /**
   * Core numbers by the h-index iteration: every node starts at its degree and takes, each round,
   * the smaller of its estimate and the h-index of its neighbours' estimates (the largest h such
   * that h of them are at least h), until no estimate changes.
   */
  private static JavaPairRDD<Long, Integer> coreNumbers(
      JavaRDD<Long> nodes, JavaPairRDD<Long, Tuple2<Long, Double>> out, int partitions) {
    HashPartitioner part = new HashPartitioner(partitions);
    JavaPairRDD<Long, long[]> neighbours =
        out.mapValues(t -> t._1())
            .groupByKey(part)
            .mapValues(
                it -> {
                  List<Long> l = new ArrayList<>();
                  it.forEach(l::add);
                  return l.stream().mapToLong(Long::longValue).distinct().toArray();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<Long, Integer> core =
        nodes
            .mapToPair(v -> new Tuple2<>(v, 0))
            .partitionBy(part)
            .leftOuterJoin(neighbours)
            .mapValues(t -> t._2().isPresent() ? t._2().get().length : 0)
            .persist(StorageLevel.MEMORY_AND_DISK());
    for (int round = 1; ; round++) {
      JavaPairRDD<Long, Integer> sent =
          neighbours
              .join(core)
              .flatMapToPair(
                  t -> {
                    List<Tuple2<Long, Integer>> to = new ArrayList<>(t._2()._1().length);
                    for (long u : t._2()._1()) {
                      to.add(new Tuple2<>(u, t._2()._2()));
                    }
                    return to.iterator();
                  });
      JavaPairRDD<Long, Integer> h =
          sent.groupByKey(part)
              .mapValues(
                  it -> {
                    List<Integer> values = new ArrayList<>();
                    it.forEach(values::add);
                    return hIndex(values);
                  });
      JavaPairRDD<Long, Integer> next =
          core.leftOuterJoin(h)
              .mapValues(t -> Math.min(t._1(), t._2().orElse(0)))
              .persist(StorageLevel.MEMORY_AND_DISK());
      if (round % 10 == 0) {
        next.checkpoint();
      }
      long changed = next.join(core).filter(t -> !t._2()._1().equals(t._2()._2())).count();
      core.unpersist(false);
      core = next;
      if (changed == 0) {
        return core;
      }
    }
  }

  /** The largest h such that at least h of the values are h or more. */
  static int hIndex(List<Integer> values) {
    int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
    int h = 0;
    for (int i = v.length - 1; i >= 0; i--) {
      int atLeast = v.length - i;
      if (v[i] >= atLeast) {
        h = atLeast;
      } else {
        break;
      }
    }
    return h;
  }
}
