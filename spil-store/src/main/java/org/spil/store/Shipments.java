package org.spil.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.spil.policy.Viewer;

/**
 * The shipments a viewer may see, one row each, for comparing trade with payments and for routes:
 * consignor and consignee, bill of lading, goods, declared value and currency, the day it arrived
 * (or left, for an export), its ports, weight, container and the terminal that handled it. Obtained
 * from {@link Store#shipments()}.
 */
public final class Shipments {
  private final Store store;

  Shipments(Store store) {
    this.store = store;
  }

  /**
   * One visible shipment: the first of its values of each property, the declared value the smallest
   * that is a number, the day its arrival date, else its departure date, else its date; null where
   * it has none.
   */
  public record Shipment(
      String id,
      String consignor,
      String consignee,
      String billOfLading,
      String goods,
      Double declaredValue,
      String currency,
      String date,
      String portOfLoading,
      String portOfTranshipment,
      String portOfDischarge,
      Double weight,
      String containerNumber,
      String terminal) {
    /** The day of {@link #date()} as days since 1970-01-01; null when it has none that parses. */
    public Integer day() {
      if (date == null || date.length() < 10) {
        return null;
      }
      try {
        return (int) LocalDate.parse(date.substring(0, 10)).toEpochDay();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  /** Every shipment the viewer may see, in the order of their ids; returns how many. Audited. */
  public long each(Viewer viewer, Consumer<Shipment> consumer) {
    Scope scope = store.scope(viewer);
    if (scope.isEmpty()) {
      return 0;
    }
    String sql =
        "SELECT entity_id, min(value) FILTER (WHERE prop = 'consignor'),"
            + " min(value) FILTER (WHERE prop = 'consignee'),"
            + " min(value) FILTER (WHERE prop = 'billOfLading'),"
            + " min(value) FILTER (WHERE prop = 'goodsDescription'),"
            + " min(TRY_CAST(value AS DOUBLE)) FILTER (WHERE prop = 'declaredValue'),"
            + " min(value) FILTER (WHERE prop = 'currency'),"
            + " coalesce(min(value) FILTER (WHERE prop = 'arrivalDate' AND value <> ''),"
            + " min(value) FILTER (WHERE prop = 'departureDate' AND value <> ''),"
            + " min(value) FILTER (WHERE prop = 'date' AND value <> '')),"
            + " min(value) FILTER (WHERE prop = 'portOfLoading'),"
            + " min(value) FILTER (WHERE prop = 'portOfTranshipment'),"
            + " min(value) FILTER (WHERE prop = 'portOfDischarge'),"
            + " min(TRY_CAST(value AS DOUBLE)) FILTER (WHERE prop = 'weight'),"
            + " min(value) FILTER (WHERE prop = 'containerNumber'),"
            + " min(value) FILTER (WHERE prop = 'terminal')"
            + " FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND schema = 'Shipment' AND prop IN ('consignor', 'consignee', 'billOfLading',"
            + " 'goodsDescription', 'declaredValue', 'currency', 'arrivalDate', 'departureDate',"
            + " 'date', 'portOfLoading', 'portOfTranshipment', 'portOfDischarge', 'weight',"
            + " 'containerNumber', 'terminal') GROUP BY entity_id ORDER BY entity_id";
    long n = 0;
    try (Statement st = store.warehouse().connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        double value = rs.getDouble(6);
        Double v = rs.wasNull() ? null : value;
        consumer.accept(
            new Shipment(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                v,
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                number(rs, 12),
                rs.getString(13),
                rs.getString(14)));
        n++;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read shipments: " + Warehouse.firstLine(e.getMessage()), e);
    }
    store.audited(viewer, "entities-read", Map.of("schemata", List.of("Shipment"), "entities", n));
    return n;
  }

  /**
   * The shipments visible seizures were found in, each with how many seizures name it (a seizure
   * the viewer may see names a shipment by its id, whether or not the viewer may see the shipment).
   * Audited.
   */
  public Map<String, Integer> seized(Viewer viewer) {
    Map<String, Integer> out = new HashMap<>();
    Scope scope = store.scope(viewer);
    if (scope.isEmpty()) {
      return out;
    }
    String sql =
        "SELECT value, count(DISTINCT entity_id) FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND schema = 'Seizure' AND prop = 'shipment' GROUP BY value";
    try (Statement st = store.warehouse().connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read seizures: " + Warehouse.firstLine(e.getMessage()), e);
    }
    store.audited(
        viewer,
        "entities-read",
        Map.of(
            "schemata",
            List.of("Seizure"),
            "entities",
            out.values().stream().mapToInt(i -> i).sum()));
    return out;
  }

  private static Double number(ResultSet rs, int column) throws SQLException {
    double x = rs.getDouble(column);
    return rs.wasNull() ? null : x;
  }

  /**
   * Every consignor and consignee the visible shipments name, as far as the viewer may see them;
   * returns how many. Audited.
   */
  public long parties(Viewer viewer, Consumer<Payments.Party> consumer) {
    return Payments.parties(
        store, viewer, "Shipment", "'consignor', 'consignee'", "parties of shipments", consumer);
  }
}
