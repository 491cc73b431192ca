package org.spil.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spil.model.Property;
import org.spil.model.Schema;
import org.spil.model.Schemata;
import org.spil.store.SearchHit;

/**
 * The facets of a search: how many of its hits have each schema, country and handling code, and the
 * hits narrowed by handling codes and a date range (any date value of a hit: birth, payment,
 * incorporation... within it). Counted over every hit found (up to the search's limit), not only
 * the page shown, and only over what the viewer's search returned, so a facet never counts what the
 * viewer may not see.
 */
public final class Facets {
  private Facets() {}

  /** Hits narrowed by the filters, and the counts of the narrowed hits per facet value. */
  public record Narrowed(List<SearchHit> hits, Map<String, Map<String, Integer>> facets) {}

  /** Narrows hits by handling codes (none: all) and a date range (either end may be null). */
  public static Narrowed of(
      List<SearchHit> hits, Set<String> handlingCodes, LocalDate from, LocalDate to) {
    List<SearchHit> kept = new ArrayList<>();
    Map<String, Integer> schemata = new TreeMap<>();
    Map<String, Integer> countries = new TreeMap<>();
    Map<String, Integer> codes = new TreeMap<>();
    for (SearchHit h : hits) {
      if (!handlingCodes.isEmpty() && !handlingCodes.contains(h.handlingCode())) {
        continue;
      }
      if ((from != null || to != null) && !datedWithin(h, from, to)) {
        continue;
      }
      kept.add(h);
      schemata.merge(h.schema(), 1, Integer::sum);
      codes.merge(h.handlingCode(), 1, Integer::sum);
      for (String prop : List.of("country", "nationality", "jurisdiction")) {
        for (String c : h.properties().getOrDefault(prop, List.of())) {
          countries.merge(c, 1, Integer::sum);
        }
      }
    }
    Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
    facets.put("schema", schemata);
    facets.put("country", countries);
    facets.put("handling_code", codes);
    return new Narrowed(kept, facets);
  }

  /** Whether any date value of a hit lies in the range (a year or month covers its whole span). */
  static boolean datedWithin(SearchHit h, LocalDate from, LocalDate to) {
    Schema schema = Schemata.model().find(h.schema()).orElse(null);
    for (Map.Entry<String, List<String>> e : h.properties().entrySet()) {
      Property p = schema == null ? null : schema.property(e.getKey());
      if (p == null || !p.type().name().equals("date")) {
        continue;
      }
      for (String v : e.getValue()) {
        // ISO dates compare as text; a shorter date (2019, 2019-05) is the span it names
        String lo = v;
        String hi = v + "\uffff";
        if ((from == null || hi.compareTo(from.toString()) >= 0)
            && (to == null || lo.compareTo(to.toString()) <= 0)) {
          return true;
        }
      }
    }
    return false;
  }
}
