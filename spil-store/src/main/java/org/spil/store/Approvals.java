package org.spil.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.spil.model.EntityIds;
import org.spil.policy.Approval;
import org.spil.policy.Case;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.Subset;
import org.spil.policy.User;

/**
 * Approved subsets of batches for cases: the owning agency records what a court order lets a case
 * use (entities, or records dated within a period), for whom (the case team, the court, defence
 * counsel) and until when; it may revoke it. Every step is audited. Obtained from {@link
 * Store#approvals()}.
 */
public final class Approvals {
  private final Store store;
  private final Warehouse warehouse;

  Approvals(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS approval (id VARCHAR PRIMARY KEY, case_id VARCHAR NOT NULL,"
            + " batch_id BIGINT NOT NULL, entity_ids VARCHAR[], period_from DATE, period_to DATE,"
            + " audience VARCHAR[] NOT NULL, until DATE NOT NULL, order_ref VARCHAR NOT NULL,"
            + " approved_by VARCHAR NOT NULL, created TIMESTAMP NOT NULL, revoked_by VARCHAR,"
            + " revoked TIMESTAMP)");
  }

  /**
   * Records an approval by a user of the batch's owning agency (an investigator or privacy
   * officer): the subset of the batch that the order lets the case use, for the audience, until a
   * day from today on. Refused, and audited, for anyone else.
   */
  public Approval record(
      String userName,
      String caseId,
      long batchId,
      Subset subset,
      Set<Role> audience,
      LocalDate until,
      String order) {
    warehouse.requireWritable();
    User u = owner(userName, batchId, "approve part of batch " + batchId);
    Case c = store.accounts().directory().cases().get(caseId);
    if (c == null) {
      throw new PolicyException("case", "there is no case '" + caseId + "'");
    }
    if (until == null || until.isBefore(store.today())) {
      throw new PolicyException("until", "an approval needs a last day, from today on");
    }
    if (subset instanceof Subset.Entities e) {
      for (String id : e.ids()) {
        if (!EntityIds.isSafe(id)) {
          throw new PolicyException("entity", "'" + id + "' is not an entity id");
        }
      }
    }
    Approval a =
        new Approval(
            "AP-" + UUID.randomUUID().toString().substring(0, 8),
            caseId,
            batchId,
            subset,
            audience == null ? Approval.CASE_TEAM_AND_COURT : audience,
            until,
            order,
            u.name());
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "INSERT INTO approval VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp,"
                    + " NULL, NULL)")) {
      Connection connection = warehouse.connection();
      ps.setString(1, a.id());
      ps.setString(2, a.caseId());
      ps.setLong(3, a.batchId());
      if (subset instanceof Subset.Entities e) {
        ps.setArray(4, connection.createArrayOf("VARCHAR", new TreeSet<>(e.ids()).toArray()));
        ps.setNull(5, Types.DATE);
        ps.setNull(6, Types.DATE);
      } else {
        Subset.Period p = (Subset.Period) subset;
        ps.setNull(4, Types.ARRAY);
        ps.setDate(5, Date.valueOf(p.from()));
        ps.setDate(6, Date.valueOf(p.to()));
      }
      ps.setArray(
          7,
          connection.createArrayOf(
              "VARCHAR", a.audience().stream().map(Role::name).sorted().toArray()));
      ps.setDate(8, Date.valueOf(a.until()));
      ps.setString(9, a.order());
      ps.setString(10, a.approvedBy());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record approval: " + Warehouse.firstLine(e.getMessage()), e);
    }
    warehouse.changed();
    store.audit().append(new AuditLog.Event(u.name(), caseId, "approve", detail(a)));
    store.recordAuditPosition("approve");
    return a;
  }

  /** Revokes an approval; only a user of the batch's owning agency may. */
  public void revoke(String userName, String id) {
    warehouse.requireWritable();
    Approval a =
        all().stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new PolicyException("no approval '" + id + "' in force"));
    User u = owner(userName, a.batchId(), "revoke approval " + id);
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "UPDATE approval SET revoked_by = ?, revoked = current_timestamp WHERE id = ?")) {
      ps.setString(1, u.name());
      ps.setString(2, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot revoke approval: " + Warehouse.firstLine(e.getMessage()), e);
    }
    warehouse.changed();
    store.audit().append(new AuditLog.Event(u.name(), a.caseId(), "revoke-approval", detail(a)));
    store.recordAuditPosition("revoke-approval");
  }

  /**
   * The approvals in force that a user may know of: those of the user's agency's batches, and those
   * of cases the user is a member of whose audience includes one of the user's roles.
   */
  public List<Approval> list(String userName) {
    User u = store.accounts().directory().users().get(userName);
    if (u == null) {
      throw new PolicyException("user", "unknown user '" + userName + "'");
    }
    Map<Long, Batch> batches = warehouse.batchesById();
    Map<String, Case> cases = store.accounts().directory().cases();
    List<Approval> out = new ArrayList<>();
    for (Approval a : all()) {
      Batch b = batches.get(a.batchId());
      boolean owner = b != null && b.provenance().agency().equals(u.agency());
      Case c = cases.get(a.caseId());
      boolean reader =
          c != null
              && c.members().contains(u.name())
              && u.roles().stream().anyMatch(a.audience()::contains);
      if (owner || reader) {
        out.add(a);
      }
    }
    store
        .audit()
        .append(
            new AuditLog.Event(u.name(), null, "approval-list", Map.of("approvals", out.size())));
    return out;
  }

  private User owner(String userName, long batchId, String what) {
    User u = store.accounts().directory().users().get(userName);
    Batch b = warehouse.batchesById().get(batchId);
    String refusal = null;
    if (u == null) {
      refusal = "unknown user '" + userName + "'";
    } else if (b == null) {
      refusal = "there is no batch " + batchId;
    } else if (!b.provenance().agency().equals(u.agency())) {
      refusal =
          "batch "
              + batchId
              + " belongs to "
              + b.provenance().agency()
              + "; only its users may "
              + what;
    } else if (!u.has(Role.INVESTIGATOR) && !u.has(Role.PRIVACY_OFFICER)) {
      refusal = "only an investigator or privacy officer of " + u.agency() + " may " + what;
    }
    if (refusal != null) {
      store
          .audit()
          .append(new AuditLog.Event(userName, null, "refused", Map.of("reason", refusal)));
      throw new PolicyException("user", refusal);
    }
    return u;
  }

  private static Map<String, Object> detail(Approval a) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("approval", a.id());
    d.put("case", a.caseId());
    d.put("batch", a.batchId());
    d.put("subset", a.subset().toString());
    d.put("audience", a.audience().stream().map(Role::label).sorted().toList());
    d.put("until", a.until().toString());
    d.put("order", a.order());
    return d;
  }

  /** Every approval not revoked (also those past their day: the policy looks at the day). */
  List<Approval> all() {
    List<Approval> out = new ArrayList<>();
    try (Statement s = warehouse.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, case_id, batch_id, entity_ids, period_from, period_to, audience, until,"
                    + " order_ref, approved_by FROM approval WHERE revoked IS NULL ORDER BY created, id")) {
      while (rs.next()) {
        Array ids = rs.getArray(4);
        Subset subset;
        if (ids != null) {
          Set<String> entities = new TreeSet<>();
          for (Object o : (Object[]) ids.getArray()) {
            entities.add((String) o);
          }
          subset = new Subset.Entities(entities);
        } else {
          subset =
              new Subset.Period(rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
        }
        Set<Role> audience = EnumSet.noneOf(Role.class);
        for (Object o : (Object[]) rs.getArray(7).getArray()) {
          audience.add(Role.valueOf((String) o));
        }
        out.add(
            new Approval(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                subset,
                audience,
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                rs.getString(10)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read approvals: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /**
   * The entities of a batch whose records a subset holds: its listed entities, or those with a
   * dated value ({@link Subset#DATED}; the first ten characters, a full date) within the period.
   */
  Set<String> entities(long batchId, Subset subset) {
    if (subset instanceof Subset.Entities e) {
      return e.ids();
    }
    Subset.Period p = (Subset.Period) subset;
    Set<String> out = new TreeSet<>();
    try (PreparedStatement ps =
        warehouse
            .connection()
            .prepareStatement(
                "SELECT DISTINCT e.entity_id FROM statement_row r JOIN batch_entity e"
                    + " ON r.batch_id = e.batch_id AND r.entity_no = e.entity_no"
                    + " WHERE r.batch_id = ? AND r.prop IN ("
                    + String.join(
                        ", ", Subset.DATED.stream().sorted().map(d -> "'" + d + "'").toList())
                    + ")"
                    + " AND try_cast(left(r.value, 10) AS DATE) BETWEEN ? AND ?")) {
      ps.setLong(1, batchId);
      ps.setDate(2, Date.valueOf(p.from()));
      ps.setDate(3, Date.valueOf(p.to()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read a period's records: " + Warehouse.firstLine(e.getMessage()), e);
    }
    return out;
  }
}
