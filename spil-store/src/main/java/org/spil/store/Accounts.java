package org.spil.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.policy.Case;
import org.spil.policy.Directory;
import org.spil.policy.Passwords;
import org.spil.policy.PolicyException;
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
    store.recordAuditPosition("user-add");
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
    store.recordAuditPosition("case-add");
    return stored;
  }

  /**
   * Adds and removes members of a case (by an administrator's hand). Audited, in the partitions of
   * every agency that supplied data for the case as well; their privacy officers get a notice: who
   * reads their data in the compartment has changed.
   */
  public Case changeMembers(String caseId, Set<String> add, Set<String> remove, String by) {
    warehouse.requireWritable();
    Case changed = new DirectoryTables(warehouse.connection()).changeMembers(caseId, add, remove);
    warehouse.changed();
    Set<String> suppliers = new TreeSet<>();
    for (Batch b : warehouse.batches()) {
      if (caseId.equals(b.provenance().caseId())) {
        suppliers.add(b.provenance().agency());
      }
    }
    Map<String, User> users = store.directory().users();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("case", caseId);
    detail.put("added", List.copyOf(new TreeSet<>(add)));
    detail.put("removed", List.copyOf(new TreeSet<>(remove)));
    detail.put("members", List.copyOf(new TreeSet<>(changed.members())));
    detail.put("owners", List.copyOf(suppliers));
    audit.append(new AuditLog.Event(by, null, "case-members", detail));
    store.recordAuditPosition("case-members");
    String who =
        (add.isEmpty() ? "" : "added " + described(add, users))
            + (add.isEmpty() || remove.isEmpty() ? "" : "; ")
            + (remove.isEmpty() ? "" : "removed " + described(remove, users));
    for (String agency : suppliers) {
      store
          .notices()
          .raise(
              agency,
              by,
              "case-members",
              "case " + caseId + ", which holds data of " + agency + ": " + who);
    }
    return changed;
  }

  private static String described(Set<String> names, Map<String, User> users) {
    List<String> out = new ArrayList<>();
    for (String n : new TreeSet<>(names)) {
      User u = users.get(n);
      out.add(u == null ? n : n + " (" + u.agency() + ")");
    }
    return String.join(", ", out);
  }

  /**
   * A hash no password matches, verified for an unknown user so that a failed login costs the same
   * time whether the user exists or not; made when first needed (it costs an Argon2id hash).
   */
  private static final class Nobody {
    static final String HASH = Passwords.hash("no password matches this hash".toCharArray());
  }

  /**
   * Whether a user's password is right; audited as {@code login} or {@code login-failed} (with the
   * client address) either way, the password wiped. An unknown user takes as long as a known one.
   */
  public boolean authenticate(String name, char[] password, String from) {
    try {
      String hash =
          name == null ? null : new DirectoryTables(warehouse.connection()).passwordHash(name);
      boolean ok = Passwords.verify(password, hash == null ? Nobody.HASH : hash) && hash != null;
      audit.append(
          new AuditLog.Event(
              String.valueOf(name), null, ok ? "login" : "login-failed", Map.of("from", from)));
      return ok;
    } finally {
      Arrays.fill(password, ' ');
    }
  }

  /**
   * A user changes its own password: the current one must be right (a wrong one counts as a failed
   * login, audited), the new one at least 12 characters. Both arrays are wiped. Audited.
   */
  public void changePassword(String name, char[] current, char[] next, String from) {
    try {
      warehouse.requireWritable();
      if (!authenticate(name, current.clone(), from)) {
        throw new PolicyException("current", "the current password is not right");
      }
      new DirectoryTables(warehouse.connection()).setPasswordHash(name, Passwords.hash(next));
      audit.append(new AuditLog.Event(name, null, "password-change", Map.of("from", from)));
      store.recordAuditPosition("password-change");
    } finally {
      Arrays.fill(current, ' ');
      Arrays.fill(next, ' ');
    }
  }
}
