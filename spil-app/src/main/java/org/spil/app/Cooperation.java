package org.spil.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spil.policy.Viewer;
import org.spil.store.Liaisons;
import org.spil.store.Store;

/**
 * The cooperation register: the requests for mutual legal assistance the viewer may see, sent
 * abroad and received, each with its country, authority, case, subjects, dates and status, how long
 * it has been open and whether it is past its deadline (the deadline the record gives, else {@link
 * #DEFAULT_DAYS} days after it was sent); and per country how many are open, overdue, and how long
 * they took or have waited. What a prosecutor asks before sending the next one, and what the focus
 * countries weigh.
 */
public final class Cooperation {
  /** Days a request may take when its record gives no deadline. */
  public static final int DEFAULT_DAYS = 90;

  /** Statuses that close a request (Dutch as the OM writes them, and English). */
  static final Set<String> CLOSED =
      Set.of(
          "uitgevoerd",
          "afgewezen",
          "ingetrokken",
          "afgehandeld",
          "executed",
          "refused",
          "rejected",
          "withdrawn",
          "closed",
          "done");

  private static final Set<String> PROPERTIES =
      Set.of(
          "reference",
          "country",
          "authority",
          "direction",
          "status",
          "requestDate",
          "acknowledgedDate",
          "responseDate",
          "deadline",
          "legalBasis",
          "case",
          "subject");

  private final Store store;

  public Cooperation(Store store) {
    this.store = store;
  }

  /** A subject of a request: id and caption as the viewer may see it (the id when it may not). */
  public record Subject(String id, String caption) {}

  /**
   * A request: its entity id and reference, direction ({@code uitgaand}/{@code out} or {@code
   * inkomend}/{@code in}), country (ISO code), authority, legal basis, case, subjects, the day it
   * was sent, acknowledged and answered, its deadline (and whether the record gave it), its status,
   * whether it is open, the days it has been open (or took), and whether it is overdue today.
   */
  public record Request(
      String id,
      String reference,
      String direction,
      String country,
      String authority,
      String legalBasis,
      String caseId,
      List<Subject> subjects,
      String sent,
      String acknowledged,
      String answered,
      String deadline,
      boolean deadlineGiven,
      String status,
      boolean open,
      Long days,
      boolean overdue) {

    /** Whether the request came from abroad (direction inkomend, in, incoming or received). */
    public boolean incoming() {
      return direction != null && INCOMING.contains(direction.strip().toLowerCase(Locale.ROOT));
    }
  }

  private static final Set<String> INCOMING = Set.of("inkomend", "in", "incoming", "received");

  /**
   * A country's requests: how many (of which received from there), open, overdue, the median days
   * an answered one took, the days the oldest open one has waited, and whom to ask there ({@link
   * Liaisons}).
   */
  public record Country(
      String country,
      int requests,
      int received,
      int open,
      int overdue,
      Long medianDaysToAnswer,
      Long oldestOpen,
      List<Liaisons.Liaison> liaisons) {}

  /** The register: the requests (overdue first, then oldest open, then newest) and per country. */
  public record Register(String today, List<Request> requests, List<Country> countries) {}

  /**
   * The requests the viewer may see, of a country only ({@code country} an ISO code, null: all),
   * open ones only when asked. Audited as the reads it makes.
   */
  public Register register(Viewer viewer, String country, boolean openOnly) {
    LocalDate today = store.today();
    Map<String, Map<String, List<String>>> records = new java.util.LinkedHashMap<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("LegalAssistanceRequest"),
            PROPERTIES,
            (id, schema, source, props) -> records.put(id, props));
    Set<String> subjects = new LinkedHashSet<>();
    records.values().forEach(p -> subjects.addAll(p.getOrDefault("subject", List.of())));
    Map<String, String> captions = captions(viewer, subjects);
    List<Request> named = new ArrayList<>();
    records.forEach((id, props) -> named.add(request(id, props, captions, today)));
    List<Country> countries = countries(named, Liaisons.of(store.dir()));
    List<Request> shown =
        named.stream()
            .filter(r -> country == null || country.equalsIgnoreCase(r.country()))
            .filter(r -> !openOnly || r.open())
            .sorted(ORDER)
            .toList();
    return new Register(
        today.toString(),
        shown,
        country == null
            ? countries
            : countries.stream().filter(c -> country.equalsIgnoreCase(c.country())).toList());
  }

  /**
   * The requests the viewer may see, their subjects named by id only: what the focus countries
   * count, without reading the subjects.
   */
  List<Request> requests(Viewer viewer) {
    LocalDate today = store.today();
    List<Request> out = new ArrayList<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("LegalAssistanceRequest"),
            PROPERTIES,
            (id, schema, source, props) -> out.add(request(id, props, Map.of(), today)));
    return out;
  }

  /** A request from its record's values, its subjects named by the captions given (else id). */
  private static Request request(
      String id, Map<String, List<String>> props, Map<String, String> captions, LocalDate today) {
    String country = first(props, "country");
    LocalDate sent = date(first(props, "requestDate"));
    LocalDate answered = date(first(props, "responseDate"));
    LocalDate given = date(first(props, "deadline"));
    LocalDate deadline = given != null ? given : sent == null ? null : sent.plusDays(DEFAULT_DAYS);
    String status = first(props, "status");
    boolean open =
        answered == null
            && (status == null || !CLOSED.contains(status.strip().toLowerCase(Locale.ROOT)));
    LocalDate until = open ? today : answered;
    Long days = sent == null || until == null ? null : ChronoUnit.DAYS.between(sent, until);
    return new Request(
        id,
        first(props, "reference"),
        first(props, "direction"),
        country == null ? null : country.toLowerCase(Locale.ROOT),
        first(props, "authority"),
        first(props, "legalBasis"),
        first(props, "case"),
        props.getOrDefault("subject", List.of()).stream()
            .map(s -> new Subject(s, captions.getOrDefault(s, s)))
            .toList(),
        iso(sent),
        first(props, "acknowledgedDate"),
        iso(answered),
        iso(deadline),
        given != null,
        status,
        open,
        days,
        open && deadline != null && today.isAfter(deadline));
  }

  /** Overdue first, then open by days waited (longest first), then the rest newest first. */
  private static final Comparator<Request> ORDER =
      Comparator.comparing((Request r) -> !r.overdue())
          .thenComparing(r -> !r.open())
          .thenComparing(
              r -> r.open() ? -(r.days() == null ? 0 : r.days()) : 0, Comparator.naturalOrder())
          .thenComparing(r -> r.sent() == null ? "" : r.sent(), Comparator.<String>reverseOrder())
          .thenComparing(r -> r.id());

  /** Per country: requests, open, overdue, median days to an answer, the oldest open's days. */
  static List<Country> countries(List<Request> requests, List<Liaisons.Liaison> directory) {
    Map<String, List<Request>> by = new TreeMap<>();
    for (Request r : requests) {
      by.computeIfAbsent(r.country() == null ? "?" : r.country(), k -> new ArrayList<>()).add(r);
    }
    List<Country> out = new ArrayList<>();
    by.forEach(
        (c, rs) -> {
          long[] answered =
              rs.stream()
                  .filter(r -> !r.open() && r.answered() != null && r.days() != null)
                  .mapToLong(Request::days)
                  .sorted()
                  .toArray();
          Long oldest =
              rs.stream()
                  .filter(r -> r.open() && r.days() != null)
                  .map(Request::days)
                  .max(Long::compare)
                  .orElse(null);
          out.add(
              new Country(
                  c,
                  rs.size(),
                  (int) rs.stream().filter(Request::incoming).count(),
                  (int) rs.stream().filter(Request::open).count(),
                  (int) rs.stream().filter(Request::overdue).count(),
                  answered.length == 0 ? null : median(answered),
                  oldest,
                  directory.stream().filter(l -> l.country().equals(c)).toList()));
        });
    out.sort(
        Comparator.comparingInt((Country x) -> -x.overdue())
            .thenComparingInt(x -> -x.open())
            .thenComparing(Country::country));
    return out;
  }

  private static long median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The captions of the subjects the viewer may see, by id. */
  private Map<String, String> captions(Viewer viewer, Set<String> ids) {
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("Person", "Company", "Organization", "LegalEntity"),
            Set.of("name"),
            new LinkedHashSet<>(ids),
            (id, schema, source, props) -> {
              String name = first(props, "name");
              if (name != null) {
                out.put(id, name);
              }
            });
    return out;
  }

  private static String first(Map<String, List<String>> props, String prop) {
    List<String> v = props.get(prop);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** A full ISO day, or null for none or a partial date. */
  static LocalDate date(String value) {
    if (value == null || value.length() != 10) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String iso(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
