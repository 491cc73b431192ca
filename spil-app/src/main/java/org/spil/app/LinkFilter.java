package org.spil.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.spil.model.InvalidField;
import org.spil.model.Schema;
import org.spil.model.Schemata;

/**
 * Which links a network is drawn from: their types ({@code Message}, {@code Ownership}, {@code
 * shared phone}; null for every type) and the period their dates fall in (either end open). The
 * contact network of a quarter is {@code Message} links from its first to its last day; with a
 * period, links without a date are left out, and shared phones or addresses, which are no events,
 * stay.
 */
public record LinkFilter(Set<String> types, LocalDate since, LocalDate until) {
  /**
   * The link types a network is drawn from: the relationship schemata of the model (Ownership,
   * Payment, Message ...) and the ties of a shared phone, e-mail address or address.
   */
  public static final List<String> TYPES = knownTypes();

  private static List<String> knownTypes() {
    Set<String> out = new TreeSet<>();
    for (Schema s : Schemata.model().all()) {
      if (s.isEdge() && !s.isAbstract()) {
        out.add(s.name());
      }
    }
    out.addAll(List.of("shared phone", "shared email", "shared address"));
    return List.copyOf(out);
  }

  /** Every link of every type and time. */
  public static final LinkFilter ALL = new LinkFilter(null, null, null);

  /**
   * A filter; each type one of {@link #TYPES} (case ignored, kept as written there), the period's
   * start not after its end.
   */
  public LinkFilter {
    if (types != null) {
      Set<String> known = new TreeSet<>();
      for (String t : types) {
        String found =
            TYPES.stream().filter(k -> k.equalsIgnoreCase(t.strip())).findFirst().orElse(null);
        if (found == null) {
          throw new InvalidField(
              "links", "no link type '" + t + "'; the types are " + String.join(", ", TYPES));
        }
        known.add(found);
      }
      types = Set.copyOf(known);
    }
    if (since != null && until != null && since.isAfter(until)) {
      throw new InvalidField("since", "the period starts on " + since + ", after its end " + until);
    }
  }

  /** Links of these types (null: all), of any time. */
  public static LinkFilter of(Set<String> types) {
    return new LinkFilter(types, null, null);
  }

  /**
   * A filter from a request's words: types comma-separated (blank: all), days as ISO dates (blank:
   * open), each wrong one named.
   */
  public static LinkFilter parse(String types, String since, String until) {
    Set<String> t = null;
    if (types != null && !types.isBlank()) {
      t = new TreeSet<>();
      for (String type : types.split(",")) {
        if (!type.isBlank()) {
          t.add(type.strip());
        }
      }
    }
    return of(t, since, until);
  }

  /** Links of these types (null: all) dated in the period given as ISO days (blank: open). */
  public static LinkFilter of(Set<String> types, String since, String until) {
    return new LinkFilter(types, day("since", since), day("until", until));
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, "'" + value.strip() + "' is not a day: write 2024-03-01");
    }
  }

  /** The filter as one text, equal for equal filters: what a kept projection is found by. */
  public String key() {
    return (types == null ? "*" : String.join(",", new TreeSet<>(types)))
        + "|"
        + (since == null ? "" : since)
        + "|"
        + (until == null ? "" : until);
  }
}
