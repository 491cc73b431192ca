package org.spil.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.spil.store.Tallies;

/**
 * The tallies behind trends and monitoring on the cluster: the entities of one schema that a job's
 * input may read, counted (and their amounts summed) per period and per combination of grouping
 * values, by the rules of the warehouse's {@link Tallies}: each entity once, dated by the first of
 * its date properties that holds a full date (its first ten characters), grouped by the smallest
 * value of each grouping property or by the agency of the first batch that stated it, its amount
 * the smallest of its values that reads as a number. Periods are named as the warehouse names them
 * ("2024-09", "2024-W37", "2024Q3").
 */
public final class ClusterTallies {
  private ClusterTallies() {}

  /** The cells of the entities of {@code spec.schema()} in the input, per {@code period}. */
  public static List<Tallies.Cell> of(
      SparkSession spark,
      LakeInput input,
      Map<Long, String> agencies,
      Tallies.Spec spec,
      Tallies.Period period) {
    input.statements().createOrReplaceTempView("tally_st");
    List<Row> rows = new ArrayList<>();
    agencies.forEach((b, a) -> rows.add(RowFactory.create(b, a)));
    spark
        .createDataFrame(
            rows,
            new StructType().add("batch", DataTypes.LongType).add("agency", DataTypes.StringType))
        .createOrReplaceTempView("tally_agency");
    // a date only where the value begins with a whole one: Spark reads "2024" and "2024-03" as
    // dates, the warehouse does not
    String pivot =
        Tallies.entities(
            spec,
            "tally_st",
            "batch",
            "",
            v ->
                "CASE WHEN substr("
                    + v
                    + ", 1, 10) RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN try_cast(substr("
                    + v
                    + ", 1, 10) AS DATE) END",
            v -> "try_cast(" + v + " AS DOUBLE)");
    StringBuilder select = new StringBuilder("SELECT ").append(periodSql(period)).append(" AS p");
    StringBuilder from = new StringBuilder(" FROM (").append(pivot).append(") e");
    StringBuilder groupBy = new StringBuilder(" GROUP BY ").append(periodSql(period));
    for (int i = 0; i < spec.groups().size(); i++) {
      if (spec.groups().get(i).equals(Tallies.AGENCY)) {
        select.append(", b").append(i).append(".agency");
        from.append(" LEFT JOIN tally_agency b")
            .append(i)
            .append(" ON b")
            .append(i)
            .append(".batch = e.g")
            .append(i);
        groupBy.append(", b").append(i).append(".agency");
      } else {
        select.append(", e.g").append(i);
        groupBy.append(", e.g").append(i);
      }
    }
    select.append(", count(*), coalesce(sum(a), 0)");
    String sql = select.toString() + from + " WHERE d IS NOT NULL" + groupBy;
    int g = spec.groups().size();
    List<Tallies.Cell> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      List<String> groups = new ArrayList<>(g);
      for (int i = 0; i < g; i++) {
        groups.add(r.isNullAt(i + 1) ? null : r.get(i + 1).toString());
      }
      out.add(
          new Tallies.Cell(
              r.getString(0),
              Collections.unmodifiableList(groups),
              r.getLong(g + 1),
              r.getDouble(g + 2)));
    }
    return out;
  }

  /**
   * Writes cells as Parquet to a new directory: {@code period}, a column per grouping property (as
   * the spec names it, {@code @agency} as {@code agency}), {@code entities}, {@code amount}.
   */
  public static void write(
      SparkSession spark, List<Tallies.Cell> cells, Tallies.Spec spec, java.nio.file.Path out) {
    StructType schema = new StructType().add("period", DataTypes.StringType);
    for (String g : spec.groups()) {
      schema = schema.add(g.equals(Tallies.AGENCY) ? "agency" : g, DataTypes.StringType);
    }
    schema = schema.add("entities", DataTypes.LongType).add("amount", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (Tallies.Cell c : cells) {
      List<Object> values = new ArrayList<>();
      values.add(c.period());
      values.addAll(c.groups());
      values.add(c.entities());
      values.add(c.amount());
      rows.add(RowFactory.create(values.toArray()));
    }
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(out.toString());
  }

  /** A period's name as the warehouse writes it, from the date {@code d}. */
  private static String periodSql(Tallies.Period period) {
    return switch (period) {
      case WEEK ->
          "concat(CAST(extract(YEAROFWEEK FROM d) AS STRING), '-W',"
              + " lpad(CAST(weekofyear(d) AS STRING), 2, '0'))";
      case MONTH -> "date_format(d, 'yyyy-MM')";
      case QUARTER -> "concat(CAST(year(d) AS STRING), 'Q', CAST(quarter(d) AS STRING))";
    };
  }
}
