package org.spil.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spil.policy.PolicyException;

/**
 * API tokens for scripts: a random token shown once when made, kept only as its SHA-256 (a token
 * has 256 bits of chance; a slow hash would add nothing), naming the user it acts as and the last
 * day it works. Made and revoked by an administrator's hand, audited. Obtained from {@link
 * Store#tokens()}.
 */
public final class ApiTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Warehouse warehouse;

  ApiTokens(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS api_token (id VARCHAR PRIMARY KEY, token_sha256 VARCHAR NOT"
            + " NULL UNIQUE, user_name VARCHAR NOT NULL, expires DATE NOT NULL, created TIMESTAMP NOT"
            + " NULL, revoked TIMESTAMP)");
  }

  /** A token made for a user: its id (to revoke it by) and the token itself, shown only now. */
  public record Made(String id, String token, String user, LocalDate expires) {}

  /** Makes a token for a known user, working until a day from today on; audited. */
  public Made make(String user, LocalDate expires, String by) {
    warehouse.requireWritable();
    if (store.directory().users().get(user) == null) {
      throw new PolicyException("user", "unknown user '" + user + "'");
    }
    if (expires == null || expires.isBefore(store.today())) {
      throw new PolicyException("expires", "a token needs a last day, from today on");
    }
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String token = "spil_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    String id = "TK-" + HexFormat.of().formatHex(b, 0, 4);
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "INSERT INTO api_token VALUES (?, ?, ?, ?, current_timestamp, NULL)")) {
      ps.setString(1, id);
      ps.setString(2, sha256(token));
      ps.setString(3, user);
      ps.setObject(4, expires);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the token: " + Warehouse.firstLine(e.getMessage()), e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("token", id);
    detail.put("user", user);
    detail.put("expires", expires.toString());
    store.audit().append(new AuditLog.Event(by, null, "token-make", detail));
    store.recordAuditPosition("token-make");
    return new Made(id, token, user, expires);
  }

  /** Revokes a token by its id; audited. */
  public void revoke(String id, String by) {
    revoke(id, null, by);
  }

  /**
   * Revokes a token by its id when it is the owner's (null: anyone's, for the operator); audited.
   * Another user's token is answered as one that does not exist.
   */
  public void revoke(String id, String owner, String by) {
    warehouse.requireWritable();
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "UPDATE api_token SET revoked = current_timestamp WHERE id = ? AND revoked IS NULL"
                    + (owner == null ? "" : " AND user_name = ?"))) {
      ps.setString(1, id);
      if (owner != null) {
        ps.setString(2, owner);
      }
      if (ps.executeUpdate() == 0) {
        throw new PolicyException("token", "no token '" + id + "' in force");
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot revoke the token: " + Warehouse.firstLine(e.getMessage()), e);
    }
    store.audit().append(new AuditLog.Event(by, null, "token-revoke", Map.of("token", id)));
    store.recordAuditPosition("token-revoke");
  }

  /** The user a token acts as, when it is in force on the store's day; null otherwise. */
  public String userOf(String token) {
    if (token == null || !token.startsWith("spil_") || token.length() > 100) {
      return null;
    }
    Connection c = warehouse.connection();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT user_name FROM api_token WHERE token_sha256 = ? AND revoked IS NULL"
                + " AND expires >= ?")) {
      ps.setString(1, sha256(token));
      ps.setObject(2, store.today());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read tokens: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
