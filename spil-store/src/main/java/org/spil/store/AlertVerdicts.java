package org.spil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.spil.model.InvalidField;
import org.spil.policy.Viewer;

/**
 * A team's triage of money-flow alerts: confirmed (worth a case file), dismissed (with the reason,
 * so that the next analyst does not look again) or reopened. A verdict belongs to the team that
 * made it (the members of a case, or an agency's users for a legal task) and names the alert by the
 * id its payments give it, so that the same alert found again carries its verdict; the latest
 * verdict counts, every one stays. Each is audited. Obtained from {@link Store#alertVerdicts()}.
 */
public final class AlertVerdicts {
  /** The verdicts a team may give. */
  public static final Set<String> VERDICTS = Set.of("confirmed", "dismissed", "open");

  private final Store store;
  private final Warehouse warehouse;

  AlertVerdicts(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS alert_verdict (team VARCHAR NOT NULL, alert_id VARCHAR NOT"
            + " NULL, typology VARCHAR NOT NULL, verdict VARCHAR NOT NULL, reason VARCHAR,"
            + " user_name VARCHAR NOT NULL, given_at TIMESTAMP NOT NULL)");
  }

  /**
   * The id a verdict on something other than a money-flow alert is kept under (a message of the
   * triage queue, a handle's candidate): the typology and a SHA-256 of the parts that name it, so
   * that the same thing found again carries its verdict.
   */
  public static String idOf(String typology, String... parts) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(p.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return typology + ":" + java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A verdict as given: which, why, by whom, when. */
  public record Verdict(String verdict, String reason, String by, String at) {}

  /**
   * Records the viewer's team's verdict on an alert.
   *
   * @throws InvalidField for an unknown verdict, a dismissal without a reason, or a reason that is
   *     too long or holds control characters
   */
  public void give(Viewer viewer, String alertId, String typology, String verdict, String reason) {
    warehouse.requireWritable();
    if (alertId == null || !alertId.matches("[a-z-]{1,40}:[0-9a-f]{16,64}")) {
      throw new InvalidField("alert", "not an alert id");
    }
    if (!VERDICTS.contains(verdict)) {
      throw new InvalidField("verdict", "one of confirmed, dismissed, open");
    }
    String why = reason == null ? null : reason.strip();
    if (why != null && why.isEmpty()) {
      why = null;
    }
    if (verdict.equals("dismissed") && why == null) {
      throw new InvalidField("reason", "say why the alert is dismissed");
    }
    if (why != null
        && (why.length() > 2000
            || why.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
      throw new InvalidField("reason", "at most 2,000 characters, no control characters");
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "INSERT INTO alert_verdict VALUES (?, ?, ?, ?, ?, ?, current_timestamp)")) {
      ps.setString(1, viewer.team());
      ps.setString(2, alertId);
      ps.setString(3, typology);
      ps.setString(4, verdict);
      ps.setString(5, why);
      ps.setString(6, viewer.user().name());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the verdict: " + e.getMessage(), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alert", alertId);
    detail.put("typology", typology);
    detail.put("verdict", verdict);
    detail.put("team", viewer.team());
    if (why != null) {
      detail.put("reason", why);
    }
    store.audited(viewer, "alert-verdict", detail);
  }

  /** The latest verdict of the viewer's team on each of the alerts that has one. */
  public Map<String, Verdict> latest(Viewer viewer, Collection<String> alertIds) {
    Map<String, Verdict> out = new HashMap<>();
    if (alertIds.isEmpty() || !warehouse.hasTable("alert_verdict")) {
      return out;
    }
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT alert_id, verdict, reason, user_name, given_at FROM alert_verdict"
                    + " WHERE team = ? ORDER BY given_at, rowid")) {
      ps.setString(1, viewer.team());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (alertIds.contains(rs.getString(1))) {
            out.put(
                rs.getString(1),
                new Verdict(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toLocalDateTime().toString()));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read verdicts: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }
}
