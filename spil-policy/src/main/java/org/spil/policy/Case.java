package org.spil.policy;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An investigation that is a purpose of its own: its members may read for it, and statements
 * ingested for it ({@code case_id} in the dataset) are visible only to its members reading for it.
 * {@code legalTask} is the legal task it serves (by default {@code wpg-art-9}, investigation of a
 * specific case), which decides what other data it may use. {@code parties} are the agencies taking
 * part (by default the agencies of its members): only a party may supply data for the case.
 */
public record Case(
    String id, String title, String legalTask, Set<String> members, Set<String> parties) {
  /** A case whose parties are the agencies of its members (filled in when it is added). */
  public Case(String id, String title, String legalTask, Set<String> members) {
    this(id, title, legalTask, members, Set.of());
  }

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

  public Case {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new PolicyException(
          "case id '" + id + "' must be letters, digits, '.', '_', '/' or '-'");
    }
    if (title == null || title.isBlank()) {
      throw new PolicyException("case " + id + " needs a title");
    }
    Objects.requireNonNull(legalTask, "legalTask");
    members = Set.copyOf(members);
    parties = Set.copyOf(parties);
  }
}
