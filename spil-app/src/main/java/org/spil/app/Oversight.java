package org.spil.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.spil.model.InvalidField;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.policy.User;
import org.spil.store.AuditAnchor;
import org.spil.store.AuditLog;
import org.spil.store.Notices;
import org.spil.store.Store;

/**
 * The overseers' view of the audit log: verify its chain (anyone may), export it and query it by
 * user, entity or time. The log is partitioned: a privacy officer reads the entries of its agency's
 * users and those on its agency's data (hits on it, requests to it, ingests and purges of it), an
 * administrator those of the system (the operator, unknown users), the court those of the defence
 * counsel of its cases; nobody else's. An export shows the other partitions' entries by their
 * hashes only, so that it still verifies as a chain. A refusal is audited, and so is every export
 * and query.
 */
public final class Oversight {
  private Oversight() {}

  /** Checks the audit log of a data directory: intact, or the first broken entry. */
  public static AuditLog.Integrity verify(Path dataDir) {
    return verify(dataDir, List.of());
  }

  /**
   * Checks the audit log of a data directory: its chain, day roots, MACs and head, the entries the
   * warehouse recorded at its changes, and the entries of the anchors given (files a privacy
   * officer kept elsewhere): intact, or the first damage found.
   */
  public static AuditLog.Integrity verify(Path dataDir, List<Path> anchorFiles) {
    List<AuditAnchor> anchors = anchorFiles.stream().map(AuditAnchor::read).toList();
    List<AuditLog.Checkpoint> recorded = List.of();
    if (Files.exists(dataDir.resolve("warehouse.duckdb"))) {
      try (Store store = Store.open(dataDir, false, LocalDate.now())) {
        recorded = store.auditPositions();
      }
    }
    return new AuditLog(dataDir).verify(recorded, anchors);
  }

  /**
   * Checks the audit log of an open store (the server's, which holds the warehouse) for an
   * overseer, as {@link #verify(Path, List)} does: against the positions this store's warehouse
   * recorded. Anyone else is refused, audited.
   */
  public static AuditLog.Integrity verify(Store store, String overseer) {
    overseer(store, overseer);
    return store.audit().verify(store.auditPositions(), List.of());
  }

  /** Checks an exported audit log on its own, and against anchors. */
  public static AuditLog.Integrity verifyFile(Path file, List<Path> anchorFiles) {
    return AuditLog.verify(file, anchorFiles.stream().map(AuditAnchor::read).toList());
  }

  /**
   * Writes a signed anchor of the audit log as it stands (after the anchor's own entry) for a
   * privacy officer or administrator to keep away from the machine; audited.
   */
  public static AuditAnchor anchor(Store store, String overseer, Path out, boolean force) {
    User u = overseer(store, overseer);
    if (!(u.has(Role.PRIVACY_OFFICER) || u.has(Role.ADMINISTRATOR))) {
      store
          .audit()
          .append(
              new AuditLog.Event(
                  overseer, null, "refused", Map.of("reason", "audit anchor without the role")));
      throw new PolicyException(
          "user", "user " + overseer + " is not a privacy officer or administrator");
    }
    OutputTarget.check(out, store.dir(), force);
    store
        .audit()
        .append(
            new AuditLog.Event(
                overseer, null, "audit-anchor", Map.of("file", out.toAbsolutePath().toString())));
    AuditAnchor a = store.audit().anchor();
    a.write(out);
    return a;
  }

  /**
   * The user reading the log, if a privacy officer, administrator or court; otherwise a refusal,
   * audited.
   */
  static User overseer(Store store, String name) {
    User u = store.accounts().directory().users().get(name);
    if (u == null
        || !(u.has(Role.PRIVACY_OFFICER) || u.has(Role.ADMINISTRATOR) || u.has(Role.COURT))) {
      store
          .audit()
          .append(
              new AuditLog.Event(
                  name, null, "refused", Map.of("reason", "audit access without the role")));
      throw new PolicyException(
          "user",
          (u == null
                  ? "unknown user '" + name + "'"
                  : "user " + name + " is not a privacy officer, administrator or court")
              + "; only they may read the audit log");
    }
    return u;
  }

  /** Writes the log to a file for verification elsewhere; returns the entries written. */
  public static long export(Store store, String overseer, Path out, boolean force) {
    overseer(store, overseer);
    OutputTarget.check(out, store.dir(), force);
    store
        .audit()
        .append(
            new AuditLog.Event(
                overseer, null, "audit-export", Map.of("file", out.toAbsolutePath().toString())));
    return store.audit().export(out, overseen(store, overseer));
  }

  /**
   * Whether an entry is in a partition the overseer oversees (a day root, which holds only hashes,
   * is in every one).
   */
  private static Predicate<JsonNode> overseen(Store store, String overseer) {
    Set<String> partitions = store.oversees(overseer);
    return entry -> {
      List<String> in = store.audit().partitionsOf(entry);
      return in == null || in.stream().anyMatch(partitions::contains);
    };
  }

  /**
   * The entries of a user, that returned or named an entity, at or after a time (ISO date or time);
   * each filter may be null.
   */
  public static List<JsonNode> query(
      Store store, String overseer, String user, String entity, String since) {
    overseer(store, overseer);
    if (since != null && !since.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      throw new InvalidField(
          "since", "an ISO date or time such as 2026-12-01, not '" + since + "'");
    }
    store
        .audit()
        .append(
            new AuditLog.Event(
                overseer,
                null,
                "audit-query",
                Map.of(
                    "user",
                    user == null ? "" : user,
                    "entity",
                    entity == null ? "" : entity,
                    "since",
                    since == null ? "" : since)));
    Predicate<JsonNode> overseen = overseen(store, overseer);
    return store
        .audit()
        .query(
            n ->
                overseen.test(n)
                    && (user == null || user.equals(n.path("user").asText()))
                    && (entity == null
                        || n.path("detail").toString().contains("\"" + entity + "\""))
                    && (since == null || n.path("at").asText().compareTo(since) >= 0));
  }

  /**
   * The notices a privacy officer (its agency's) or administrator (all) may read: hit queries that
   * look like enumeration, hit quotas reached. Audited; anyone else is refused.
   */
  public static List<Notices.Notice> notices(Store store, String reader) {
    return store.notices().list(reader);
  }
}
