package org.spil.store;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.spil.policy.Case;
import org.spil.policy.Directory;
import org.spil.policy.Role;
import org.spil.policy.User;

/**
 * The users and cases of the deployment: who may read, in which agency and roles, and which
 * investigations are purposes with members. Changes are audited with who made them. Obtained from
 * {@link Store#accounts()}.
 */
public final class Accounts {
  private final Store store;
  private final Warehouse warehouse;
  private final AccessPolicy policy;
  private final AuditLog audit;

  Accounts(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
    this.policy = store.policy();
    this.audit = store.audit();
  }

  /** The users, cases and legal-bases table of this deployment. */
  public Directory directory() {
    return store.directory();
  }

  /** Adds a user (by an administrator's hand: the caller checks who may). */
  public void addUser(User user, String passwordHash, String by) {
    warehouse.requireWritable();
    new DirectoryTables(warehouse.connection()).addUser(user, passwordHash);
    warehouse.changed();
    audit.append(
        new AuditLog.Event(
            by,
            null,
            "user-add",
            Map.of(
                "name",
                user.name(),
                "agency",
                user.agency(),
                "roles",
                user.roles().stream().map(Role::label).sorted().toList())));
  }

  /**
   * Adds a case (by an administrator's hand); its parties are those it names, else the agencies of
   * its members. Returns the case as stored; audited.
   */
  public Case addCase(Case c, String by) {
    warehouse.requireWritable();
    Case stored = new DirectoryTables(warehouse.connection()).addCase(c, policy.policy().bases());
    warehouse.changed();
    audit.append(
        new AuditLog.Event(
            by,
            null,
            "case-add",
            Map.of(
                "id",
                stored.id(),
                "title",
                stored.title(),
                "legal_task",
                stored.legalTask(),
                "members",
                List.copyOf(new TreeSet<>(stored.members())),
                "parties",
                List.copyOf(new TreeSet<>(stored.parties())))));
    return stored;
  }
}
