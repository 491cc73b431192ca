package org.spil.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.EntityIds;
import org.spil.model.Provenance;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.policy.Viewer;

/**
 * The relationship statements of one schema (payments, messages, ownerships ...) that a viewer may
 * see, aggregated in the warehouse per pair of ends: how many, the sum of their amounts, their
 * first and last date and the datasets they come from. A network projection needs no more of them,
 * and the million-person scenario holds nine million payments and messages: read one by one, they
 * were most of a projection's time. Obtained from {@link Store#links()}.
 */
public final class Links {
  private final Store store;
  private final Warehouse warehouse;

  Links(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  /**
   * The links of one pair of ends of a schema: {@code count} statements of the schema name {@code
   * source} and {@code target} as its ends, with {@code amount} their summed amounts (null when
   * none gives one) in {@code currency} (the first in alphabetical order), their dates from {@code
   * first} to {@code last} (null when none has one; the date, else the start date of each), and the
   * datasets of their first batches.
   */
  public record Aggregate(
      String source,
      String target,
      long count,
      Double amount,
      String currency,
      String first,
      String last,
      List<String> datasets) {}

  /** Receives the aggregates of a schema, one pair of ends at a time. */
  @FunctionalInterface
  public interface AggregateConsumer {
    void accept(Aggregate link);
  }

  /**
   * The aggregated links of a relationship schema that the viewer may see: the ends are the
   * schema's edge source and target properties, or where one has no visible value the account
   * property named as its fallback (null: none). Each statement's date is its first {@code date},
   * else its first {@code startDate} (in alphabetical order, as the entity page lists them); its
   * amount its smallest {@code amount} that is a number. Returns how many links (a statement with
   * several targets links each); audited with the pairs and links read.
   */
  public long of(
      Viewer viewer,
      String schemaName,
      String sourceFallback,
      String targetFallback,
      AggregateConsumer consumer) {
    return of(viewer, schemaName, sourceFallback, targetFallback, null, null, consumer);
  }

  /**
   * As {@link #of(Viewer, String, String, String, AggregateConsumer)}, only the links dated from
   * {@code since} through {@code until} (either null: open); with a period, a link without a date
   * is left out. A message's date is the day it was sent (UTC).
   */
  public long of(
      Viewer viewer,
      String schemaName,
      String sourceFallback,
      String targetFallback,
      LocalDate since,
      LocalDate until,
      AggregateConsumer consumer) {
    Scope scope = store.scope(viewer);
    Schema schema = Schemata.model().get(schemaName);
    if (scope.isEmpty() || !schema.isEdge()) {
      return 0;
    }
    String source = literal(schema.edgeSource());
    String target = literal(schema.edgeTarget());
    String sourceOr = sourceFallback == null ? "NULL" : literal(sourceFallback);
    String targetOr = targetFallback == null ? "NULL" : literal(targetFallback);
    String sql =
        "WITH one AS (SELECT entity_id, min(batch_id) AS batch,"
            + " coalesce(list(value) FILTER (WHERE prop = "
            + source
            + "), list(value) FILTER (WHERE prop = "
            + sourceOr
            + ")) AS sources,"
            + " coalesce(list(value) FILTER (WHERE prop = "
            + target
            + "), list(value) FILTER (WHERE prop = "
            + targetOr
            + ")) AS targets,"
            + " coalesce(min(value) FILTER (WHERE prop = 'date' AND value <> ''),"
            + " min(value) FILTER (WHERE prop = 'startDate' AND value <> '')) AS day,"
            + " min(TRY_CAST(value AS DOUBLE)) FILTER (WHERE prop = 'amount') AS amount,"
            + " min(value) FILTER (WHERE prop = 'currency') AS currency"
            + " FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND schema = "
            + literal(schemaName)
            + " AND prop IN ("
            + String.join(
                ",",
                new TreeSet<>(
                        List.of(
                            source,
                            target,
                            sourceOr,
                            targetOr,
                            "'date'",
                            "'startDate'",
                            "'amount'",
                            "'currency'"))
                    .stream().filter(p -> !p.equals("NULL")).toList())
            + ") GROUP BY entity_id),"
            + " ends AS (SELECT unnest(sources) AS source, targets, batch, day, amount, currency"
            + " FROM one),"
            + " pairs AS (SELECT source, unnest(targets) AS target, batch, day, amount, currency"
            + " FROM ends"
            + within(" WHERE ", "day", since, until, false)
            + ")"
            + " SELECT source, target, count(*), sum(amount), min(currency) FILTER (WHERE amount IS"
            + " NOT NULL), min(day), max(day), list(DISTINCT batch ORDER BY batch)"
            + " FROM pairs GROUP BY source, target ORDER BY source, target";
    Map<Long, Batch> batches = warehouse.batchesById();
    long links = 0;
    long pairs = 0;
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        double sum = rs.getDouble(4);
        Double amount = rs.wasNull() ? null : sum;
        List<String> datasets = new ArrayList<>();
        Array array = rs.getArray(8);
        for (Object b : (Object[]) array.getArray()) {
          Batch batch = batches.get(((Number) b).longValue());
          Provenance p = batch == null ? null : batch.provenance();
          if (p != null && !datasets.contains(p.dataset())) {
            datasets.add(p.dataset());
          }
        }
        consumer.accept(
            new Aggregate(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                amount,
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                datasets));
        links += rs.getLong(3);
        pairs++;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read links of " + schemaName + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
    if (schemaName.equals("Message")) {
      long[] read = chats(scope, batches, since, until, consumer);
      pairs += read[0];
      links += read[1];
    }
    Map<String, Object> detail = new java.util.LinkedHashMap<>();
    detail.put("schemata", List.of(schemaName));
    if (since != null || until != null) {
      detail.put("since", since == null ? null : since.toString());
      detail.put("until", until == null ? null : until.toString());
    }
    detail.put("pairs", pairs);
    detail.put("links", links);
    store.audited(viewer, "links-read", detail);
    return links;
  }

  /**
   * The condition, after {@code joiner} (" WHERE ", " AND "), that keeps the rows whose {@code
   * column} falls in the period, or nothing when it is open at both ends: an ISO date or time text
   * compared as text by its day (a partial date, "2024-04", counts as its first day), or a
   * timestamp.
   */
  private static String within(
      String joiner, String column, LocalDate since, LocalDate until, boolean time) {
    List<String> terms = new ArrayList<>();
    String cast = time ? "::TIMESTAMP" : "";
    String value = time ? column : "rpad(" + column + ", 10, '-01-01')";
    if (since != null) {
      terms.add(value + " >= '" + since + "'" + cast);
    }
    if (until != null) {
      terms.add(value + " < '" + until.plusDays(1) + "'" + cast);
    }
    return terms.isEmpty() ? "" : joiner + String.join(" AND ", terms);
  }

  /**
   * The links of the message store: a message from a handle to each of its recipients, aggregated
   * per pair of the handles' {@code UserAccount} entities (as {@link org.spil.ingest.MessageIngest}
   * makes them), over the batches the viewer reads in full. Returns pairs and links.
   */
  private long[] chats(
      Scope scope,
      Map<Long, Batch> batches,
      LocalDate since,
      LocalDate until,
      AggregateConsumer consumer) {
    if (scope.batches().isEmpty()) {
      return new long[2];
    }
    Set<String> privileged = Privileged.handles(store.dir());
    String withheld = "";
    if (!privileged.isEmpty()) {
      String list =
          privileged.stream().map(Links::literal).collect(java.util.stream.Collectors.joining(","));
      withheld =
          " AND sender NOT IN (" + list + ") AND NOT list_has_any(recipients, [" + list + "])";
    }
    String sql =
        "SELECT batch_id, sender, recipient, count(*), min(sent_at)::DATE, max(sent_at)::DATE"
            + " FROM (SELECT batch_id, sender, unnest(recipients) AS recipient, sent_at"
            + " FROM message WHERE batch_id IN "
            + Warehouse.inList(scope.batches())
            + withheld
            + within(" AND ", "sent_at", since, until, true)
            + ") GROUP BY ALL";
    Map<List<String>, long[]> counts = new java.util.TreeMap<>(Links::compare);
    Map<List<String>, String[]> days = new java.util.HashMap<>();
    Map<List<String>, List<String>> datasets = new java.util.HashMap<>();
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Batch batch = batches.get(rs.getLong(1));
        if (batch == null) {
          continue;
        }
        String dataset = batch.provenance().dataset();
        List<String> pair =
            List.of(
                EntityIds.make(dataset, "handle", List.of(rs.getString(2))),
                EntityIds.make(dataset, "handle", List.of(rs.getString(3))));
        counts.computeIfAbsent(pair, k -> new long[1])[0] += rs.getLong(4);
        String first = rs.getString(5);
        String last = rs.getString(6);
        days.merge(
            pair,
            new String[] {first, last},
            (a, b) ->
                new String[] {
                  a[0].compareTo(b[0]) <= 0 ? a[0] : b[0], a[1].compareTo(b[1]) >= 0 ? a[1] : b[1]
                });
        List<String> ds = datasets.computeIfAbsent(pair, k -> new ArrayList<>());
        if (!ds.contains(dataset)) {
          ds.add(dataset);
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read links of the message store: " + Warehouse.firstLine(e.getMessage()), e);
    }
    long links = 0;
    for (Map.Entry<List<String>, long[]> e : counts.entrySet()) {
      String[] d = days.get(e.getKey());
      consumer.accept(
          new Aggregate(
              e.getKey().get(0),
              e.getKey().get(1),
              e.getValue()[0],
              null,
              null,
              d[0],
              d[1],
              datasets.get(e.getKey())));
      links += e.getValue()[0];
    }
    return new long[] {counts.size(), links};
  }

  private static int compare(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
