package org.spil.app;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/**
 * The names and founding dates of trading parties (resolved ids) as the viewer may see them, read
 * in one pass over the parties' records among the companies, organisations and legal entities of
 * the warehouse: at a million shipments the parties of targeting or of a trade table run to tens of
 * thousands, too many to read one by one, and a small share of all companies. A party's name is the
 * first of its names in alphabetical order, its founding date the earliest any record gives.
 */
final class PartyNames {
  /** A party's name (null: none visible) and founding date (null: unknown). */
  record Party(String name, LocalDate founded) {}

  private PartyNames() {}

  static Map<String, Party> of(
      Store store, Viewer viewer, Set<String> parties, Map<String, String> canonical) {
    Map<String, String> names = new HashMap<>();
    Map<String, LocalDate> founded = new HashMap<>();
    store
        .entities()
        .forEachEntity(
            viewer,
            Set.of("Company", "Organization", "LegalEntity"),
            Set.of("name", "incorporationDate"),
            members(parties, canonical),
            (id, schema, source, props) -> {
              String key = canonical.getOrDefault(id, id);
              if (!parties.contains(key)) {
                return;
              }
              for (String n : props.getOrDefault("name", List.of())) {
                names.merge(key, n, (a, b) -> a.compareTo(b) <= 0 ? a : b);
              }
              for (String d : props.getOrDefault("incorporationDate", List.of())) {
                Integer day = PaymentGraphs.day(d);
                if (day != null) {
                  founded.merge(key, LocalDate.ofEpochDay(day), (a, b) -> a.isBefore(b) ? a : b);
                }
              }
            });
    Map<String, Party> out = new HashMap<>();
    for (String p : parties) {
      if (names.containsKey(p) || founded.containsKey(p)) {
        out.put(p, new Party(names.get(p), founded.get(p)));
      }
    }
    return out;
  }

  /**
   * The ids of the records behind resolved ids: each of them, and every record the team's
   * resolution ({@code canonical}: record to resolved id) put in one of them.
   */
  static Set<String> members(Set<String> resolved, Map<String, String> canonical) {
    Set<String> out = new HashSet<>(resolved);
    canonical.forEach(
        (record, id) -> {
          if (resolved.contains(id)) {
            out.add(record);
          }
        });
    return out;
  }

  /** The names alone, a party without a visible name under its id. */
  static Map<String, String> names(
      Store store, Viewer viewer, Set<String> parties, Map<String, String> canonical) {
    Map<String, String> out = new HashMap<>();
    of(store, viewer, parties, canonical)
        .forEach((id, p) -> out.put(id, p.name() == null ? id : p.name()));
    return out;
  }
}
