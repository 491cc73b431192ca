package org.spil.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.spil.policy.Viewer;

/**
 * Counts and sums of the entities of one schema a viewer may see, per period and per combination of
 * the values that group them: the raw material of trends. The warehouse does the counting (one
 * pass, grouped in DuckDB), so that a million shipments come back as a few thousand cells. Each
 * entity counts once, dated by the first of its date properties that holds a date, grouped by the
 * first value of each grouping property, its amount the smallest number among its values. Obtained
 * from {@link Store#tallies()}.
 */
public final class Tallies {
  /** The grouping that names the agency of the batch that first stated the entity. */
  public static final String AGENCY = "@agency";

  private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  private final Store store;

  Tallies(Store store) {
    this.store = store;
  }

  /** The length of a period: calendar weeks (ISO), months or quarters. */
  public enum Period {
    WEEK("strftime(d, '%G-W%V')"),
    MONTH("strftime(d, '%Y-%m')"),
    QUARTER("CAST(year(d) AS VARCHAR) || 'Q' || CAST(quarter(d) AS VARCHAR)");

    private final String sql;

    Period(String sql) {
      this.sql = sql;
    }

    /** The period's name as options and JSON write it. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The period of a name ("month"), or null. */
    public static Period of(String key) {
      for (Period p : values()) {
        if (p.key().equals(key)) {
          return p;
        }
      }
      return null;
    }
  }

  /**
   * What to tally: the schema, the date properties in the order they are tried, the properties
   * whose values group the entities ({@link #AGENCY} for the stating agency), and the property
   * whose numbers are summed (null: none).
   */
  public record Spec(String schema, List<String> dates, List<String> groups, String amount) {
    public Spec {
      dates = List.copyOf(dates);
      groups = List.copyOf(groups);
      for (String p : dates) {
        check(p);
      }
      for (String p : groups) {
        if (!p.equals(AGENCY)) {
          check(p);
        }
      }
      if (amount != null) {
        check(amount);
      }
      check(schema);
      if (dates.isEmpty()) {
        throw new IllegalArgumentException("a tally needs a date property");
      }
    }

    private static void check(String name) {
      if (name == null || !PROPERTY.matcher(name).matches()) {
        throw new IllegalArgumentException("not a schema or property name: '" + name + "'");
      }
    }
  }

  /**
   * One cell: the period ("2024-09", "2024-W37", "2024Q3"), the values of the groups in the order
   * of the spec (null where an entity has none), how many entities, and their amounts summed (0
   * where none has one).
   */
  public record Cell(String period, List<String> groups, long entities, double amount) {}

  /** The cells of the entities the viewer may see, in no particular order. Audited. */
  public List<Cell> of(Viewer viewer, Spec spec, Period period) {
    return cells(viewer, store.scope(viewer), spec, period, "tallies-read");
  }

  /**
   * The cells of the entities the viewer may count: for a counts-only purpose (strategic analysis)
   * those of the batches the policy leaves count-only, as {@link Store#countsOnly} says; for any
   * other, those it may see. Exact counts, as {@code spil stats} gives such a reader: the caller
   * publishes them on a grid with small cells withheld. Audited.
   */
  public List<Cell> counted(Viewer viewer, Spec spec, Period period) {
    if (spec.amount() != null) {
      throw new IllegalArgumentException("counts only: no amount");
    }
    return cells(viewer, store.countScope(viewer), spec, period, "tallies-counted");
  }

  /**
   * The SQL that reads each entity of a tally from a table of statements ({@code entity_id}, {@code
   * schema}, {@code prop}, {@code value} and the batch column), one row each: {@code d} its date
   * (the first of the spec's date properties that holds one), {@code g0...} its groups (the
   * smallest value, or the smallest batch for {@link #AGENCY}), {@code a} its amount (the smallest
   * value that reads as a number). {@code where} is put before the schema's condition (a scope and
   * " AND ", or nothing); {@code date} and {@code number} read a value as a date or a number, or
   * null, in the SQL dialect of the engine (the warehouse's, or the cluster's), which is all they
   * differ in.
   */
  public static String entities(
      Spec spec,
      String table,
      String batchColumn,
      String where,
      java.util.function.UnaryOperator<String> date,
      java.util.function.UnaryOperator<String> number) {
    List<String> props = new ArrayList<>(spec.dates());
    StringBuilder pivot = new StringBuilder("SELECT entity_id, coalesce(");
    for (int i = 0; i < spec.dates().size(); i++) {
      pivot
          .append(i == 0 ? "" : ", ")
          .append("min(")
          .append(date.apply("value"))
          .append(") FILTER (WHERE prop = '")
          .append(spec.dates().get(i))
          .append("')");
    }
    pivot.append(") AS d");
    for (int i = 0; i < spec.groups().size(); i++) {
      String g = spec.groups().get(i);
      if (g.equals(AGENCY)) {
        pivot.append(", min(").append(batchColumn).append(") AS g").append(i);
      } else {
        pivot.append(", min(value) FILTER (WHERE prop = '").append(g).append("') AS g").append(i);
        props.add(g);
      }
    }
    if (spec.amount() != null) {
      pivot
          .append(", min(")
          .append(number.apply("value"))
          .append(") FILTER (WHERE prop = '")
          .append(spec.amount())
          .append("') AS a");
      props.add(spec.amount());
    } else {
      pivot.append(", CAST(NULL AS DOUBLE) AS a");
    }
    pivot
        .append(" FROM ")
        .append(table)
        .append(" WHERE ")
        .append(where)
        .append("schema = '")
        .append(spec.schema())
        .append("' AND prop IN (");
    for (int i = 0; i < props.size(); i++) {
      pivot.append(i == 0 ? "'" : ", '").append(props.get(i)).append("'");
    }
    return pivot.append(") GROUP BY entity_id").toString();
  }

  private List<Cell> cells(Viewer viewer, Scope scope, Spec spec, Period period, String action) {
    List<Cell> out = new ArrayList<>();
    if (scope.isEmpty()) {
      return out;
    }
    String pivot =
        entities(
            spec,
            "statement s",
            "batch_id",
            scope.sql("s.batch_id", "s.entity_id") + " AND ",
            v -> "TRY_CAST(substr(" + v + ", 1, 10) AS DATE)",
            v -> "TRY_CAST(" + v + " AS DOUBLE)");
    StringBuilder sql = new StringBuilder("SELECT ").append(period.sql).append(" AS period");
    StringBuilder groupBy = new StringBuilder(" GROUP BY period");
    for (int i = 0; i < spec.groups().size(); i++) {
      if (spec.groups().get(i).equals(AGENCY)) {
        sql.append(", (SELECT agency FROM batch b WHERE b.batch_id = e.g").append(i).append(")");
      } else {
        sql.append(", e.g").append(i);
      }
      groupBy.append(", ").append(i + 2);
    }
    sql.append(", count(*), coalesce(sum(a), 0) FROM (")
        .append(pivot)
        .append(") e WHERE d IS NOT NULL")
        .append(groupBy);
    int g = spec.groups().size();
    long entities = 0;
    try (Statement st = store.warehouse().connection().createStatement();
        ResultSet rs = st.executeQuery(sql.toString())) {
      while (rs.next()) {
        List<String> groups = new ArrayList<>(g);
        for (int i = 0; i < g; i++) {
          groups.add(rs.getString(i + 2));
        }
        long n = rs.getLong(g + 2);
        entities += n;
        out.add(
            new Cell(
                rs.getString(1),
                java.util.Collections.unmodifiableList(groups),
                n,
                rs.getDouble(g + 3)));
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot tally " + spec.schema() + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("schema", spec.schema());
    detail.put("period", period.key());
    detail.put("groups", spec.groups());
    detail.put("entities", entities);
    detail.put("cells", out.size());
    store.audited(viewer, action, detail);
    return out;
  }
}
