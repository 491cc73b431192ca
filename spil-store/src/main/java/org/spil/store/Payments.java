package org.spil.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.spil.model.Provenance;
import org.spil.policy.Viewer;

/**
 * The payments a viewer may see, one row each, for money-flow analysis: payer and beneficiary and
 * their accounts, day, amount and currency, purpose and the dataset of its first batch. Obtained
 * from {@link Store#payments()}.
 */
public final class Payments {
  private final Store store;
  private final Warehouse warehouse;

  Payments(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  /**
   * One visible payment: the first of its values of each property (in alphabetical order), the
   * amount the smallest that is a number, {@code amountEur} the amount in euros where a source
   * gives it (a statement booked in euros); null where it has none.
   */
  public record Payment(
      String id,
      String payer,
      String payerAccount,
      String beneficiary,
      String beneficiaryAccount,
      String date,
      Double amount,
      String currency,
      String purpose,
      String programme,
      String dataset,
      Double amountEur) {}

  /**
   * A party or account a visible payment names, with what the viewer may see of it: its schema,
   * first name, IBAN and country (null where none is visible).
   */
  public record Party(String id, String schema, String name, String iban, String country) {}

  /** Receives the payments, in the order of their ids. */
  @FunctionalInterface
  public interface PaymentConsumer {
    void accept(Payment payment);
  }

  /** Every payment the viewer may see; returns how many. Audited as a read of them. */
  public long each(Viewer viewer, PaymentConsumer consumer) {
    return each(viewer, null, consumer);
  }

  /**
   * The payments the viewer may see booked on one of the {@code days} (ISO dates; all payments when
   * null), in the order of their ids; returns how many. Audited as a read of them.
   */
  public long each(Viewer viewer, Collection<LocalDate> days, PaymentConsumer consumer) {
    Scope scope = store.scope(viewer);
    if (scope.isEmpty() || (days != null && days.isEmpty())) {
      return 0;
    }
    String on =
        days == null
            ? ""
            : " AND entity_id IN (SELECT entity_id FROM statement WHERE schema = 'Payment'"
                + " AND prop = 'date' AND left(value, 10) IN ("
                + String.join(", ", days.stream().map(d -> "'" + d + "'").toList())
                + "))";
    String sql =
        "SELECT entity_id, min(value) FILTER (WHERE prop = 'payer'),"
            + " min(value) FILTER (WHERE prop = 'beneficiary'),"
            + " min(value) FILTER (WHERE prop = 'date' AND value <> ''),"
            + " min(TRY_CAST(value AS DOUBLE)) FILTER (WHERE prop = 'amount'),"
            + " min(value) FILTER (WHERE prop = 'currency'),"
            + " min(value) FILTER (WHERE prop = 'purpose'), min(batch_id),"
            + " min(value) FILTER (WHERE prop = 'payerAccount'),"
            + " min(value) FILTER (WHERE prop = 'beneficiaryAccount'),"
            + " min(value) FILTER (WHERE prop = 'programme'),"
            + " min(TRY_CAST(value AS DOUBLE)) FILTER (WHERE prop = 'amountEur')"
            + " FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND schema = 'Payment' AND prop IN ('payer', 'payerAccount', 'beneficiary',"
            + " 'beneficiaryAccount', 'date', 'amount', 'currency', 'purpose', 'programme',"
            + " 'amountEur')"
            + on
            + " GROUP BY entity_id ORDER BY entity_id";
    Map<Long, Batch> batches = warehouse.batchesById();
    long n = 0;
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        double amount = rs.getDouble(5);
        Double a = rs.wasNull() ? null : amount;
        Batch b = batches.get(rs.getLong(8));
        Provenance p = b == null ? null : b.provenance();
        consumer.accept(
            new Payment(
                rs.getString(1),
                rs.getString(2),
                rs.getString(9),
                rs.getString(3),
                rs.getString(10),
                rs.getString(4),
                a,
                rs.getString(6),
                rs.getString(7),
                rs.getString(11),
                p == null ? null : p.dataset(),
                eur(rs)));
        n++;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read payments: " + Warehouse.firstLine(e.getMessage()), e);
    }
    store.audited(
        viewer,
        "entities-read",
        days == null
            ? Map.of("schemata", List.of("Payment"), "entities", n)
            : Map.of("schemata", List.of("Payment"), "entities", n, "days", days.size()));
    return n;
  }

  private static Double eur(ResultSet rs) throws SQLException {
    double eur = rs.getDouble(12);
    return rs.wasNull() ? null : eur;
  }

  /**
   * Every party and account the visible payments name, as far as the viewer may see them; returns
   * how many. An id a payment names but the viewer sees nothing of does not come. Audited.
   */
  public long parties(Viewer viewer, Consumer<Party> consumer) {
    return parties(
        store,
        viewer,
        "Payment",
        "'payer', 'payerAccount', 'beneficiary', 'beneficiaryAccount'",
        "parties of payments",
        consumer);
  }

  /**
   * Every entity the visible entities of a schema name in some properties (an SQL list of quoted
   * names), as far as the viewer may see them; returns how many. Audited as a read of {@code what}.
   */
  static long parties(
      Store store,
      Viewer viewer,
      String schema,
      String props,
      String what,
      Consumer<Party> consumer) {
    Scope scope = store.scope(viewer);
    if (scope.isEmpty()) {
      return 0;
    }
    String sql =
        "WITH named AS (SELECT DISTINCT value AS id FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND schema = '"
            + schema
            + "' AND prop IN ("
            + props
            + "))"
            + " SELECT entity_id, min(schema), min(value) FILTER (WHERE prop = 'name'),"
            + " min(value) FILTER (WHERE prop = 'iban'), min(value) FILTER (WHERE prop = 'country')"
            + " FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND entity_id IN (SELECT id FROM named) AND prop IN ('name', 'iban', 'country')"
            + " GROUP BY entity_id ORDER BY entity_id";
    long n = 0;
    try (Statement st = store.warehouse().connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        consumer.accept(
            new Party(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
        n++;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the " + what + ": " + Warehouse.firstLine(e.getMessage()), e);
    }
    store.audited(viewer, "entities-read", Map.of("schemata", List.of(what), "entities", n));
    return n;
  }

  /** The exchanges that visible crypto wallets name as managing them, in order; audited. */
  public List<String> walletExchanges(Viewer viewer) {
    Scope scope = store.scope(viewer);
    List<String> out = new ArrayList<>();
    if (scope.isEmpty()) {
      return out;
    }
    String sql =
        "SELECT DISTINCT value FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND schema = 'CryptoWallet' AND prop = 'mangingExchange' ORDER BY value";
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read crypto wallets: " + Warehouse.firstLine(e.getMessage()), e);
    }
    store.audited(
        viewer,
        "entities-read",
        Map.of("schemata", List.of("CryptoWallet"), "entities", out.size()));
    return out;
  }
}
