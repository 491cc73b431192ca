package org.spil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.policy.Case;
import org.spil.policy.Grant;
import org.spil.policy.LegalBases;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;

/**
 * Users (with their Argon2id password hashes), cases with their members, and grants, kept in the
 * warehouse next to the data they govern. Names are unique; a case member must be a known user.
 */
final class DirectoryTables {
  private final Connection connection;

  DirectoryTables(Connection connection) {
    this.connection = connection;
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS app_user (name VARCHAR PRIMARY KEY, agency VARCHAR NOT NULL,"
            + " roles VARCHAR[] NOT NULL, password_hash VARCHAR NOT NULL, created TIMESTAMP NOT NULL)");
    s.execute(
        "CREATE TABLE IF NOT EXISTS app_case (id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL,"
            + " legal_task VARCHAR NOT NULL, created TIMESTAMP NOT NULL)");
    s.execute("ALTER TABLE app_case ADD COLUMN IF NOT EXISTS parties VARCHAR[]");
    s.execute(
        "CREATE TABLE IF NOT EXISTS case_member (case_id VARCHAR NOT NULL, user_name VARCHAR NOT NULL,"
            + " PRIMARY KEY (case_id, user_name))");
    s.execute(
        "CREATE TABLE IF NOT EXISTS access_grant (id VARCHAR PRIMARY KEY, user_name VARCHAR NOT NULL,"
            + " purpose VARCHAR NOT NULL, batch_id BIGINT NOT NULL, entity_id VARCHAR, until DATE NOT NULL,"
            + " granted_by VARCHAR NOT NULL, created TIMESTAMP NOT NULL)");
  }

  Map<String, User> users() {
    Map<String, User> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, agency, roles FROM app_user ORDER BY name")) {
      while (rs.next()) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : (Object[]) rs.getArray(3).getArray()) {
          roles.add(Role.valueOf((String) r));
        }
        out.put(rs.getString(1), new User(rs.getString(1), rs.getString(2), roles));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read users: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /** The stored password hash of a user; null for a user not known. */
  String passwordHash(String name) {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT password_hash FROM app_user WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read users: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  void setPasswordHash(String name, String passwordHash) {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE app_user SET password_hash = ? WHERE name = ?")) {
      ps.setString(1, passwordHash);
      ps.setString(2, name);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot change the password: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  void addUser(User user, String passwordHash) {
    if (users().containsKey(user.name())) {
      throw new PolicyException("user " + user.name() + " exists already");
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO app_user VALUES (?, ?, string_split(?, ','), ?, current_timestamp)")) {
      ps.setString(1, user.name());
      ps.setString(2, user.agency());
      ps.setString(
          3, String.join(",", new TreeSet<>(user.roles().stream().map(Role::name).toList())));
      ps.setString(4, passwordHash);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot add user: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  Map<String, Case> cases() {
    Map<String, Set<String>> members = new LinkedHashMap<>();
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT case_id, user_name FROM case_member ORDER BY 1, 2")) {
        while (rs.next()) {
          members.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
      }
      Map<String, Case> out = new LinkedHashMap<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT id, title, legal_task, coalesce(parties, []::VARCHAR[]) FROM app_case ORDER BY id")) {
        while (rs.next()) {
          String id = rs.getString(1);
          Set<String> parties = new TreeSet<>();
          for (Object p : (Object[]) rs.getArray(4).getArray()) {
            parties.add((String) p);
          }
          out.put(
              id,
              new Case(
                  id,
                  rs.getString(2),
                  rs.getString(3),
                  members.getOrDefault(id, Set.of()),
                  parties));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read cases: " + Warehouse.firstLine(e.getMessage()), e);
    }
  }

  /**
   * Adds a case; its parties are those it names, else the agencies of its members. Returns the case
   * as stored.
   */
  Case addCase(Case c, LegalBases bases) {
    if (cases().containsKey(c.id())) {
      throw new PolicyException("case " + c.id() + " exists already");
    }
    if (!bases.knows(c.legalTask())) {
      throw new PolicyException(
          "unknown legal task '"
              + c.legalTask()
              + "' for case "
              + c.id()
              + "; use one of "
              + String.join(", ", bases.purposes()));
    }
    Map<String, User> users = users();
    Set<String> agencies = new TreeSet<>();
    for (String m : c.members()) {
      if (!users.containsKey(m)) {
        throw new PolicyException(
            "case " + c.id() + ": unknown member '" + m + "' (add the user first)");
      }
      agencies.add(users.get(m).agency());
    }
    Case stored =
        new Case(
            c.id(),
            c.title(),
            c.legalTask(),
            c.members(),
            c.parties().isEmpty() ? agencies : c.parties());
    try {
      Warehouse.inTransaction(
          connection,
          () -> {
            try (PreparedStatement ps =
                    connection.prepareStatement(
                        "INSERT INTO app_case (id, title, legal_task, created, parties)"
                            + " VALUES (?, ?, ?, current_timestamp, ?)");
                PreparedStatement pm =
                    connection.prepareStatement("INSERT INTO case_member VALUES (?, ?)")) {
              ps.setString(1, c.id());
              ps.setString(2, c.title());
              ps.setString(3, c.legalTask());
              ps.setArray(4, connection.createArrayOf("VARCHAR", stored.parties().toArray()));
              ps.executeUpdate();
              for (String m : c.members()) {
                pm.setString(1, c.id());
                pm.setString(2, m);
                pm.executeUpdate();
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException("cannot add case: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return stored;
  }

  /**
   * Adds and removes members of a case: each added a known user not yet a member, each removed a
   * member; the case keeps at least one. Returns the case as it is now.
   */
  Case changeMembers(String caseId, Set<String> add, Set<String> remove) {
    Case c = cases().get(caseId);
    if (c == null) {
      throw new PolicyException("unknown case '" + caseId + "'");
    }
    if (add.isEmpty() && remove.isEmpty()) {
      throw new PolicyException("members", "give --add USER or --remove USER");
    }
    Map<String, User> users = users();
    for (String m : add) {
      if (!users.containsKey(m)) {
        throw new PolicyException(
            "members", "case " + caseId + ": unknown user '" + m + "' (add the user first)");
      }
      if (c.members().contains(m)) {
        throw new PolicyException("members", m + " is a member of case " + caseId + " already");
      }
    }
    for (String m : remove) {
      if (!c.members().contains(m)) {
        throw new PolicyException("members", m + " is not a member of case " + caseId);
      }
      if (add.contains(m)) {
        throw new PolicyException("members", m + " both added and removed");
      }
    }
    Set<String> after = new TreeSet<>(c.members());
    after.addAll(add);
    after.removeAll(remove);
    if (after.isEmpty()) {
      throw new PolicyException("members", "case " + caseId + " would have no members left");
    }
    try {
      Warehouse.inTransaction(
          connection,
          () -> {
            try (PreparedStatement in =
                    connection.prepareStatement("INSERT INTO case_member VALUES (?, ?)");
                PreparedStatement out =
                    connection.prepareStatement(
                        "DELETE FROM case_member WHERE case_id = ? AND user_name = ?")) {
              for (String m : add) {
                in.setString(1, caseId);
                in.setString(2, m);
                in.executeUpdate();
              }
              for (String m : remove) {
                out.setString(1, caseId);
                out.setString(2, m);
                out.executeUpdate();
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException(
          "cannot change the members of case "
              + caseId
              + ": "
              + Warehouse.firstLine(e.getMessage()),
          e);
    }
    return new Case(c.id(), c.title(), c.legalTask(), after, c.parties());
  }

  /** Every grant, by the user it was made to. */
  Map<String, List<Grant>> grants() {
    Map<String, List<Grant>> out = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, user_name, purpose, batch_id, entity_id, until FROM access_grant")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
              .add(
                  new Grant(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getString(5),
                      rs.getObject(6, LocalDate.class)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read grants: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }
}
