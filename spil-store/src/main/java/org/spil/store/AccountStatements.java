package org.spil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spil.model.Provenance;
import org.spil.policy.Viewer;

/**
 * The bank statements (camt.053 periods with their opening and closing balances) a viewer may see,
 * for what an account holds: the closing balance of each account's latest statement. Obtained from
 * {@link Store#accountStatements()}.
 */
public final class AccountStatements {
  /** The most accounts asked about in one question. */
  static final int MAX_ACCOUNTS = 10_000;

  private final Store store;

  AccountStatements(Store store) {
    this.store = store;
  }

  /**
   * A closing balance: the amount (negative when overdrawn), its currency, the last day of the
   * statement's period, the statement and the dataset that gives it.
   */
  public record Balance(
      String account,
      double amount,
      String currency,
      String date,
      String statement,
      String dataset) {}

  /**
   * The latest closing balance of each of the accounts (BankAccount entity ids) that a visible
   * statement gives one for: the statement whose period ends last. Audited.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_ACCOUNTS} accounts
   */
  public Map<String, Balance> latest(Viewer viewer, Collection<String> accounts) {
    if (accounts.size() > MAX_ACCOUNTS) {
      throw new IllegalArgumentException(
          "at most " + MAX_ACCOUNTS + " accounts at once, not " + accounts.size());
    }
    Map<String, Balance> out = new LinkedHashMap<>();
    Scope scope = store.scope(viewer);
    if (scope.isEmpty() || accounts.isEmpty()) {
      return out;
    }
    List<String> ids = new ArrayList<>(accounts);
    String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
    String sql =
        "WITH named AS (SELECT entity_id, min(value) AS account FROM statement s WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND schema = 'AccountStatement' AND prop = 'account' AND value IN ("
            + marks
            + ") GROUP BY entity_id),"
            + " periods AS (SELECT s.entity_id, min(n.account) AS account,"
            + " coalesce(max(value) FILTER (WHERE prop = 'endDate'),"
            + " max(value) FILTER (WHERE prop = 'date')) AS day,"
            + " min(TRY_CAST(value AS DOUBLE)) FILTER (WHERE prop = 'closingBalance') AS amount,"
            + " min(value) FILTER (WHERE prop = 'currency') AS currency, min(batch_id) AS batch"
            + " FROM statement s JOIN named n ON n.entity_id = s.entity_id WHERE "
            + scope.sql("s.batch_id", "s.entity_id")
            + " AND prop IN ('endDate', 'date', 'closingBalance', 'currency')"
            + " GROUP BY s.entity_id)"
            + " SELECT account, day, amount, currency, entity_id, batch FROM periods"
            + " WHERE amount IS NOT NULL ORDER BY account, day DESC NULLS LAST, entity_id";
    Map<Long, Batch> batches = store.warehouse().batchesById();
    try (PreparedStatement ps = store.warehouse().connection().prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(i + 1, ids.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String account = rs.getString(1);
          if (out.containsKey(account)) {
            continue;
          }
          Batch b = batches.get(rs.getLong(6));
          Provenance p = b == null ? null : b.provenance();
          out.put(
              account,
              new Balance(
                  account,
                  rs.getDouble(3),
                  rs.getString(4),
                  rs.getString(2),
                  rs.getString(5),
                  p == null ? null : p.dataset()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read bank statements: " + Warehouse.firstLine(e.getMessage()), e);
    }
    store.audited(
        viewer,
        "entities-read",
        Map.of("schemata", List.of("AccountStatement"), "entities", out.size()));
    return out;
  }
}
