package org.spil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.InvalidField;
import org.spil.model.Normalised;
import org.spil.model.types.Iban;
import org.spil.model.types.NameKeys;
import org.spil.model.types.PartialDates;
import org.spil.model.types.Phones;
import org.spil.policy.Grant;
import org.spil.policy.MatchCodes;
import org.spil.policy.PolicyException;
import org.spil.policy.Viewer;
import org.spil.policy.Visibility;

/**
 * Hit/no-hit between agencies: which other agencies hold records matching a name, date of birth or
 * identifier among the batches the viewer may know exist but not read. Answers name the agency, its
 * contact point, an opaque reference and the strength of the match, never a value. Obtained from
 * {@link Store#hits()}.
 */
public final class HitNoHit {
  private final Store store;
  private final Warehouse warehouse;
  private final AccessPolicy policy;

  HitNoHit(Store store) {
    this.store = store;
    this.warehouse = store.warehouse();
    this.policy = store.policy();
  }

  /**
   * Dice coefficient of the keyed name filters at or above which a name is a hit. The filters are
   * XOR-folded against dictionary attacks, which adds key-dependent noise: a spelling variant such
   * as "Muhammad ELAMRANI" of "Mohamed El Amrani" scores 0.72 to 0.82 across random keys (mean
   * 0.77), a different surname with the same given name about 0.66, so 0.70 keeps variants found
   * whatever the key (at 0.75, one data directory in ten missed that one).
   */
  static final double HIT_NAME_THRESHOLD = 0.70;

  /** What a hit/no-hit query asks: a name (with an optional date of birth) and/or identifiers. */
  public record Query(String name, String dob, String iban, String phone, String id) {
    public Query {
      if (blank(name) && blank(iban) && blank(phone) && blank(id)) {
        throw new InvalidField(
            "name", "empty hit query: give a name (optionally with dob), iban, phone or id");
      }
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  /**
   * A record another agency holds: who, whom to ask, an opaque reference, how strong, and on which
   * keys it matched ({@code name}, {@code dob}, identifier kinds; never the values).
   */
  public record Hit(
      String agency,
      String contact,
      String reference,
      HitStrength strength,
      double score,
      List<String> matchedOn) {}

  /**
   * Hit/no-hit: which other agencies hold records matching the query among the batches the viewer
   * may know exist but not read (hit-only). Never a value: agency, contact point, opaque reference,
   * strength. Batches the viewer can read are left out (search them); compartments and expired data
   * are never revealed. Audited with the references returned.
   */
  public List<Hit> find(Viewer viewer, Query q) {
    return find(viewer, q, null, "hit");
  }

  /**
   * As {@link #find(Viewer, Query)}, among the batches {@code within} only (null: all), audited as
   * {@code action}: a watch on a name checks each new batch as a hit query of its owner's (counted
   * against the owner's quota like any other), but only when the batch holds a match.
   */
  List<Hit> find(Viewer viewer, Query q, Set<Long> within, String action) {
    Set<Long> candidates = new HashSet<>();
    Map<Long, Batch> batches = new LinkedHashMap<>();
    List<Grant> grants = warehouse.grantsFor(viewer.user().name());
    for (Batch b : warehouse.batches()) {
      if ((within == null || within.contains(b.id()))
          && policy.decide(viewer, b, grants) == Visibility.HIT_ONLY
          && !b.provenance().agency().equals(viewer.agency())) {
        candidates.add(b.id());
        batches.put(b.id(), b);
      }
    }
    Map<String, String> exact = new LinkedHashMap<>();
    if (q.dob() != null && !q.dob().isBlank()) {
      exact.put(
          "dob",
          normaliseOrFail("dob", PartialDates.normalise(q.dob(), List.of("%d-%m-%Y", "%d/%m/%Y"))));
    }
    if (q.iban() != null && !q.iban().isBlank()) {
      exact.put("iban", normaliseOrFail("iban", Iban.normalise(q.iban())));
    }
    if (q.phone() != null && !q.phone().isBlank()) {
      exact.put("phone", normaliseOrFail("phone", Phones.normalise(q.phone(), "NL")));
    }
    if (q.id() != null && !q.id().isBlank()) {
      exact.put("id", q.id());
    }
    List<MatchIndex.Match> matches;
    if (within == null) {
      // counted before any matching: a refusal says nothing of what the index holds
      admit(viewer, q, exact);
      matches = matches(candidates, exact, q);
    } else {
      matches = matches(candidates, exact, q);
      if (matches.isEmpty()) {
        // nothing to report: a watch asks no question of the owner's quota
        return List.of();
      }
      admit(viewer, q, exact);
    }
    Map<String, String> contacts = contacts();
    List<Hit> out = new ArrayList<>();
    for (MatchIndex.Match m : matches) {
      String agency = batches.get(m.batchId()).provenance().agency();
      HitStrength strength = HitStrength.of(m.on(), m.score(), HIT_NAME_THRESHOLD);
      out.add(
          new Hit(
              agency,
              contacts.getOrDefault(agency, "the information desk of " + agency),
              m.reference(),
              strength,
              Math.round(m.score() * 1000) / 1000.0,
              m.on()));
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("query", q.toString());
    detail.put("references", out.stream().map(Hit::reference).toList());
    detail.put("owners", out.stream().map(Hit::agency).distinct().sorted().toList());
    store.audited(viewer, action, detail);
    return out;
  }

  private List<MatchIndex.Match> matches(Set<Long> candidates, Map<String, String> exact, Query q) {
    return store.codes() == null || candidates.isEmpty()
        ? List.of()
        : store
            .matchIndex()
            .find(
                candidates,
                exact,
                q.name() == null || q.name().isBlank() ? null : q.name(),
                HIT_NAME_THRESHOLD);
  }

  /**
   * Counts the query against the user's {@link HitLimits} in the hit ledger: the name by its
   * phonetic keys (spelling variants of one name are one name), the details by their normalised
   * values, both keyed with the warehouse's match key (no values in the ledger). Raises the notice
   * the ledger asks for; a refusal is audited and thrown.
   */
  private void admit(Viewer viewer, Query q, Map<String, String> exact) {
    MatchCodes codes = store.codes();
    String nameKey = null;
    String detailKey = null;
    if (codes != null) {
      if (q.name() != null && !q.name().isBlank()) {
        String folded =
            String.join(" ", new TreeSet<>(NameKeys.phonetic(NameKeys.tokens(q.name()))));
        nameKey =
            codes.exact("hit-name", folded.isEmpty() ? NameKeys.fingerprint(q.name()) : folded);
      }
      if (!exact.isEmpty()) {
        detailKey = codes.exact("hit-detail", exact.toString());
      }
    }
    String user = viewer.user().name();
    HitLedger.Verdict v =
        store.hitLedger().admit(user, policy.today(), store.hitLimits(), nameKey, detailKey);
    if (v.noticeKind() != null) {
      store.notices().raise(viewer.agency(), user, v.noticeKind(), v.notice());
    }
    if (!v.admitted()) {
      store
          .audit()
          .append(
              new AuditLog.Event(
                  user,
                  viewer.purpose().token(),
                  "refused",
                  Map.of("reason", v.refusal(), "query", q.toString())));
      throw new PolicyException("hit", v.refusal());
    }
  }

  static String normaliseOrFail(String field, Normalised n) {
    if (n instanceof Normalised.Valid v) {
      return v.value();
    }
    throw new InvalidField(field, n instanceof Normalised.Rejected r ? r.reason() : "empty");
  }

  /**
   * Contact points per agency from {@code DIR/contacts.txt} ("agency: contact"), if present, else
   * the agency's information desk in the liaison directory ({@link Liaisons}).
   */
  private Map<String, String> contacts() {
    Map<String, String> out = new LinkedHashMap<>();
    Path file = store.dir().resolve("contacts.txt");
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file)) {
          int colon = line.indexOf(':');
          if (colon > 0 && !line.startsWith("#")) {
            out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
          }
        }
      } catch (IOException e) {
        throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    for (Liaisons.Liaison l : Liaisons.of(store.dir())) {
      if (Liaisons.desk(l)) {
        out.putIfAbsent(l.agency(), l.name() + ", " + l.contact());
      }
    }
    return out;
  }
}
