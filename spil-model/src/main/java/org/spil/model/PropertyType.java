package org.spil.model;

import java.util.List;

/**
 * A kind of value (name, date, iban, phone, ...) with its validation and normalisation rules, as in
 * FollowTheMoney's property types. {@link #normalise} turns a raw source value into the stored form
 * or explains why it is rejected; {@link #isPivot} says whether equal values link entities.
 *
 * <p>NOTE: implementations are stateless and thread-safe.
 */
public interface PropertyType {

  /** The type name used in {@code schemata.txt}, e.g. {@code iban} or {@code identifier:imo}. */
  String name();

  /**
   * The name of the FollowTheMoney type whose values this type's are: the same name, but for Spil's
   * refinements of identifiers ({@code identifier:imo} is an FtM {@code identifier}), amounts (FtM
   * numbers) and currencies (FtM strings).
   */
  default String ftmName() {
    String name = name();
    int colon = name.indexOf(':');
    if (colon > 0) {
      return name.substring(0, colon);
    }
    return switch (name) {
      case "amount" -> "number";
      case "currency" -> "string";
      default -> name;
    };
  }

  /** The normalised value, or a rejection with a reason a data owner understands. */
  Normalised normalise(String raw, NormaliseContext context);

  /** Whether two entities sharing a value of this type are linked by it (names, ids, phones). */
  default boolean isPivot() {
    return false;
  }

  /**
   * Exact-match keys under which a value is found by search: the normalised value and any other
   * spellings a user may type. The default is the normalised value itself.
   */
  default List<String> searchKeys(String normalised) {
    return List.of(normalised);
  }
}
