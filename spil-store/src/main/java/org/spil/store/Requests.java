package org.spil.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spil.policy.PolicyException;
import org.spil.policy.User;
import org.spil.policy.Viewer;
import org.spil.policy.Visibility;

/**
 * Access requests: a viewer asks the agency behind a hit's reference for that record, for a purpose
 * and a reason; a user of the owning agency grants until a date or refuses. Every step is audited.
 * Obtained from {@link Store#requests()}.
 */
public final class Requests {
  private final Store store;
  private final Warehouse warehouse;
  private final AccessPolicy policy;
  private final AuditLog audit;

  Requests(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
    this.policy = store.policy();
    this.audit = store.audit();
  }

  /** An access request as the requester or the owner sees it (never the data's values). */
  public record View(
      String id,
      String reference,
      String ownerAgency,
      String requester,
      String purpose,
      String reason,
      String status,
      String decidedBy,
      LocalDate until,
      String note) {}

  private static View view(AccessRequests.Request r) {
    return new View(
        r.id(),
        r.reference(),
        r.ownerAgency(),
        r.requester(),
        r.purpose(),
        r.reason(),
        r.status(),
        r.decidedBy(),
        r.until(),
        r.note());
  }

  /**
   * Asks the agency behind a hit's reference for access, for the viewer's purpose. Refused for an
   * unknown reference and for one the viewer could not have received as a hit.
   */
  public View create(Viewer viewer, String reference, String reason) {
    warehouse.requireWritable();
    if (reason == null || reason.isBlank()) {
      throw new PolicyException(
          "reason", "a request needs a reason: why you need this record for your purpose");
    }
    AccessRequests requests = new AccessRequests(warehouse.connection());
    List<String> entity = new ArrayList<>();
    long[] batch =
        reference == null ? null : requests.resolve(reference.strip().toUpperCase(), entity);
    Batch b =
        batch == null
            ? null
            : warehouse.batches().stream().filter(x -> x.id() == batch[0]).findFirst().orElse(null);
    if (b == null
        || policy.decide(viewer, b, warehouse.grantsFor(viewer.user().name()))
            != Visibility.HIT_ONLY) {
      audit.append(
          new AuditLog.Event(
              viewer.user().name(),
              viewer.purpose().token(),
              "refused",
              Map.of(
                  "reason",
                  "request for unknown or not requestable reference",
                  "reference",
                  String.valueOf(reference))));
      throw new PolicyException(
          "unknown reference '" + reference + "': use a reference from spil hit for this purpose");
    }
    String id =
        requests.add(
            reference.strip().toUpperCase(),
            b.id(),
            entity.get(0),
            b.provenance().agency(),
            viewer.user().name(),
            viewer.purpose().token(),
            reason);
    store.audited(
        viewer,
        "request-create",
        Map.of("request", id, "reference", reference, "owner", b.provenance().agency()));
    return view(requests.get(id));
  }

  /** Requests the user made, and requests to the user's agency. */
  public List<View> list(String userName) {
    User u = store.accounts().directory().users().get(userName);
    if (u == null) {
      throw new PolicyException("unknown user '" + userName + "'");
    }
    List<View> out = new ArrayList<>();
    AccessRequests requests = new AccessRequests(warehouse.connection());
    for (AccessRequests.Request r :
        requests.list("WHERE requester = ? OR owner_agency = ?", u.name(), u.agency())) {
      out.add(view(r));
    }
    audit.append(
        new AuditLog.Event(u.name(), null, "request-list", Map.of("requests", out.size())));
    return out;
  }

  /**
   * The owning agency's decision on a request: grant until a date (not in the past) or refuse. Only
   * a user of the owning agency may decide; every decision is audited.
   */
  public View decide(
      String userName, String requestId, boolean grant, LocalDate until, String note) {
    warehouse.requireWritable();
    User u = store.accounts().directory().users().get(userName);
    if (u == null) {
      throw new PolicyException("unknown user '" + userName + "'");
    }
    AccessRequests requests = new AccessRequests(warehouse.connection());
    AccessRequests.Request r = requests.get(requestId);
    if (!r.ownerAgency().equals(u.agency())) {
      audit.append(
          new AuditLog.Event(
              u.name(),
              null,
              "refused",
              Map.of("reason", "decision on another agency's request", "request", requestId)));
      throw new PolicyException(
          "request " + requestId + " is for " + r.ownerAgency() + "; only its users decide it");
    }
    if (grant && (until == null || until.isBefore(policy.today()))) {
      throw new PolicyException("until", "a grant needs a last day, from today on");
    }
    String grantId = requests.decide(r, u.name(), grant, grant ? until : null, note);
    warehouse.changed();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("request", requestId);
    detail.put("decision", grant ? "granted" : "refused");
    detail.put("requester", r.requester());
    detail.put("purpose", r.purpose());
    detail.put("batch", r.batchId());
    detail.put("entity", r.entityId());
    if (grantId != null) {
      detail.put("grant", grantId);
      detail.put("until", until.toString());
    }
    audit.append(new AuditLog.Event(u.name(), null, grant ? "grant" : "refuse", detail));
    store.recordAuditPosition(grant ? "grant" : "refuse");
    return view(requests.get(requestId));
  }
}
