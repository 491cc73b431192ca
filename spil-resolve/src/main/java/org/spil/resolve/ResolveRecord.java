package org.spil.resolve;

import java.util.Set;

/**
 * One source record to resolve, reduced to what comparison needs: the entity id, whether it is a
 * person, a company or either (a bank account holder), its name, date of birth (ISO, possibly
 * partial), identifiers as {@code kind:value} (email, phone, iban, doc, reg, tax), countries, city
 * the source (dataset) it comes from, or null when all records come from one, and its postal
 * address as one line of text ("Kruiskade 12a, 3012 EE Rotterdam"), or null.
 */
public record ResolveRecord(
    String id,
    Kind kind,
    String name,
    String dob,
    Set<String> identifiers,
    Set<String> countries,
    String city,
    String source,
    String address) {

  /** A record without an address. */
  public ResolveRecord(
      String id,
      Kind kind,
      String name,
      String dob,
      Set<String> identifiers,
      Set<String> countries,
      String city,
      String source) {
    this(id, kind, name, dob, identifiers, countries, city, source, null);
  }

  /** A record whose source does not matter (all records from one data set), without address. */
  public ResolveRecord(
      String id,
      Kind kind,
      String name,
      String dob,
      Set<String> identifiers,
      Set<String> countries,
      String city) {
    this(id, kind, name, dob, identifiers, countries, city, null, null);
  }

  /** What a record can be: persons and companies are never compared with each other. */
  public enum Kind {
    PERSON,
    COMPANY,
    EITHER;

    boolean comparable(Kind other) {
      return this == EITHER || other == EITHER || this == other;
    }
  }
}
