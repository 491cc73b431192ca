package org.spil.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.spil.model.InvalidField;
import org.spil.policy.Case;
import org.spil.policy.Passwords;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.store.ApiTokens;
import org.spil.store.AuditLog;
import org.spil.store.Liaisons;
import org.spil.store.Privileged;
import org.spil.store.Retention;
import org.spil.store.Store;

/**
 * The deployment's administration: users and cases, retention, and rebuilding the derived indexes.
 * Changes are audited with the operator who made them.
 */
public final class Administration {
  private final Store store;

  public Administration(Store store) {
    this.store = store;
  }

  /** A user as listings show it: name, agency and role labels in order. */
  public record UserView(String name, String agency, List<String> roles) {
    static UserView of(User u) {
      return new UserView(
          u.name(), u.agency(), u.roles().stream().map(Role::label).sorted().toList());
    }
  }

  /** A case as listings show it: id, title, legal task, members and parties in order. */
  public record CaseView(
      String id, String title, String legalTask, List<String> members, List<String> parties) {
    static CaseView of(Case c) {
      return new CaseView(
          c.id(),
          c.title(),
          c.legalTask(),
          List.copyOf(new TreeSet<>(c.members())),
          List.copyOf(new TreeSet<>(c.parties())));
    }
  }

  /**
   * The operator of a request that a logged-in user makes (the server's administration routes): an
   * administrator, or a refusal, audited. The command line's operator is the account that runs it.
   */
  public Operator administrator(String userName) {
    User u = store.accounts().directory().users().get(userName);
    if (u == null || !u.has(Role.ADMINISTRATOR)) {
      store
          .audit()
          .append(
              new AuditLog.Event(
                  userName, null, "refused", Map.of("reason", "administration without the role")));
      throw new PolicyException(
          "user",
          "user " + userName + " is not an administrator; only one administers users and cases");
    }
    return new Operator(u.name());
  }

  /**
   * Adds a user with roles by label ({@code analyst}, {@code privacy-officer}); the password is
   * stored as an Argon2id hash and the array is wiped.
   */
  public UserView addUser(
      Operator by, String name, String agency, List<String> roles, char[] password) {
    Set<Role> parsed = EnumSet.noneOf(Role.class);
    for (String r : roles) {
      parsed.add(Role.parse(r));
    }
    User user = new User(name, agency, parsed);
    String hash;
    try {
      hash = Passwords.hash(password);
    } finally {
      Arrays.fill(password, ' ');
    }
    store.accounts().addUser(user, hash, by.name());
    return UserView.of(user);
  }

  /** The liaison directory, in the order of its file. */
  public List<Liaisons.Liaison> liaisons() {
    return Liaisons.of(store.dir());
  }

  /**
   * Adds an entry to the liaison directory (whom to ask in a country, an agency's information
   * desk), audited; refused naming the field and reason when it would not read back or the country
   * already lists that name.
   */
  public Liaisons.Liaison addLiaison(Operator by, Liaisons.Liaison entry) {
    Liaisons.Liaison added;
    try {
      added = Liaisons.add(store.dir(), entry);
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
    audited(by, "liaison-added", added);
    return added;
  }

  /** Removes the entry of a country with a name from the liaison directory, audited. */
  public Liaisons.Liaison removeLiaison(Operator by, String country, String name) {
    Liaisons.Liaison removed;
    try {
      removed = Liaisons.remove(store.dir(), country, name);
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
    audited(by, "liaison-removed", removed);
    return removed;
  }

  /**
   * The handles and phone numbers (E.164) whose communication with a subject is privileged ({@code
   * privileged.txt}), as listed; a number stands for the ways it is written as a handle.
   */
  public List<String> privilegedHandles() {
    return List.copyOf(new TreeSet<>(Privileged.listed(store.dir())));
  }

  /**
   * Lists a handle, or a phone number in international form (standing for the handles that write
   * it), as privileged (a lawyer's, or whoever a court names): from now on no reader sees, searches
   * or counts a message sent by or to it except as withheld. The reason (the order, the bar's
   * register) is required; audited.
   */
  public String addPrivileged(Operator by, String handle, String reason) {
    String h = Privileged.add(store.dir(), handle, required(reason) + " (" + by.name() + ")");
    auditedPrivilege(by, "privileged-added", h, reason);
    return h;
  }

  /** Takes a handle off the privileged list, with the reason; audited. */
  public String removePrivileged(Operator by, String handle, String reason) {
    required(reason);
    String h = Privileged.remove(store.dir(), handle);
    auditedPrivilege(by, "privileged-removed", h, reason);
    return h;
  }

  private static String required(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidField("reason", "give the reason (the order, the register)");
    }
    return reason.strip();
  }

  private void auditedPrivilege(Operator by, String action, String handle, String reason) {
    store
        .audit()
        .append(
            new AuditLog.Event(
                by.name(), null, action, Map.of("handle", handle, "reason", reason.strip())));
  }

  private void audited(Operator by, String action, Liaisons.Liaison entry) {
    store
        .audit()
        .append(
            new AuditLog.Event(
                by.name(),
                null,
                action,
                Map.of(
                    "country", entry.country(), "agency", entry.agency(), "name", entry.name())));
  }

  /** A directory refusal as a field error: "name: ..." or "the entry:1: country: ..." */
  private static InvalidField invalid(IllegalArgumentException e) {
    String m = e.getMessage();
    for (String f : List.of("country", "agency", "name", "contact", "competence")) {
      int at = m.indexOf(f + ": ");
      if (at >= 0) {
        return new InvalidField(f, m.substring(at + f.length() + 2));
      }
    }
    return new InvalidField("entry", m);
  }

  /** Every user, by name. */
  public List<UserView> users() {
    List<UserView> out = new ArrayList<>();
    store.accounts().directory().users().values().forEach(u -> out.add(UserView.of(u)));
    return out;
  }

  /**
   * Adds a case with its members, the legal task it serves and the agencies taking part (none
   * given: the agencies of its members); only a party may supply data for the case.
   */
  public CaseView addCase(
      Operator by,
      String id,
      String title,
      String legalTask,
      List<String> members,
      List<String> parties) {
    Case c = new Case(id, title, legalTask, Set.copyOf(members), Set.copyOf(parties));
    return CaseView.of(store.accounts().addCase(c, by.name()));
  }

  /**
   * Adds and removes members of a case; audited, and the agencies that supplied data for the case
   * are told (their privacy officers' notices).
   */
  public CaseView changeMembers(Operator by, String caseId, List<String> add, List<String> remove) {
    return CaseView.of(
        store.accounts().changeMembers(caseId, Set.copyOf(add), Set.copyOf(remove), by.name()));
  }

  /** Makes an API token for a user, working until a day; the token is shown only in the answer. */
  public ApiTokens.Made makeToken(Operator by, String user, LocalDate expires) {
    return store.tokens().make(user, expires, by.name());
  }

  /** Revokes an API token by its id. */
  public void revokeToken(Operator by, String id) {
    store.tokens().revoke(id, by.name());
  }

  /** Every case, by id. */
  public List<CaseView> cases() {
    List<CaseView> out = new ArrayList<>();
    store.accounts().directory().cases().values().forEach(c -> out.add(CaseView.of(c)));
    return out;
  }

  /** The batches past their retention date on the store's day that still hold statements. */
  public List<Retention.Expired> expired() {
    return store.retention().expired();
  }

  /**
   * Purges every batch past its retention date (audited: statement ids, never values) and rewrites
   * the warehouse file and the index segments that held them.
   */
  public Retention.Purged purge(Operator by) {
    return store.retention().purge(by.name());
  }

  /**
   * Rebuilds the derived indexes (search, hit/no-hit match codes) from the warehouse in one read of
   * each batch; the store must be opened with {@link Store#openForReindex}. Returns the batches.
   */
  public int reindex(LongConsumer progress) {
    return store.reindex(progress);
  }
}
