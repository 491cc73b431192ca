package org.spil.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Part of a batch, as a court order names it: the records of listed entities (persons, accounts,
 * handles: any entity id) or the records dated within a period. A record is dated by FtM's interval
 * properties ({@link #DATED}: an event's, message's or payment's date, an ownership's start and
 * end); an undated record, such as a person, is in no period.
 */
public sealed interface Subset {
  /** The properties that date a record for a period. */
  Set<String> DATED = Set.of("date", "startDate", "endDate");

  /** Whether the record of {@code entityId}, with its dated values, is in the subset. */
  boolean contains(String entityId, Collection<LocalDate> dates);

  /** The records of these entities. */
  record Entities(Set<String> ids) implements Subset {
    public Entities {
      if (ids == null || ids.isEmpty()) {
        throw new PolicyException("a subset of entities names at least one");
      }
      ids = Set.copyOf(new TreeSet<>(ids));
    }

    @Override
    public boolean contains(String entityId, Collection<LocalDate> dates) {
      return ids.contains(entityId);
    }

    @Override
    public String toString() {
      return "entities " + String.join(", ", new TreeSet<>(ids));
    }
  }

  /** The records dated from {@code from} to {@code to}, both inclusive. */
  record Period(LocalDate from, LocalDate to) implements Subset {
    public Period {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new PolicyException("a period ends on or after it starts: " + from + " to " + to);
      }
    }

    @Override
    public boolean contains(String entityId, Collection<LocalDate> dates) {
      for (LocalDate d : dates) {
        if (!d.isBefore(from) && !d.isAfter(to)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "dated " + from + " to " + to;
    }
  }
}
