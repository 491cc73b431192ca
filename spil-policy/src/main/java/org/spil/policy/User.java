package org.spil.policy;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who uses Spil: a unique name, the agency they work for (for defence counsel, their firm;
 * for the court, the court), and their roles. Defence counsel and court are roles held alone.
 */
public record User(String name, String agency, Set<Role> roles) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(agency, "agency");
    if (!NAME.matcher(name).matches()) {
      throw new PolicyException(
          "user name '" + name + "' must be lower-case letters, digits, '.', '_' or '-' (max 64)");
    }
    if (!NAME.matcher(agency).matches()) {
      throw new PolicyException(
          "agency '" + agency + "' must be a lower-case id such as politie-nl");
    }
    if (roles == null || roles.isEmpty()) {
      throw new PolicyException("user " + name + " needs at least one role");
    }
    roles = Set.copyOf(roles);
    if (roles.size() > 1 && roles.stream().anyMatch(Role::isOutsideParty)) {
      throw new PolicyException(
          "user " + name + ": defence-counsel and court are roles held alone, not with others");
    }
  }

  /** Whether the user is defence counsel or the court, who read only what a case approves. */
  public boolean isOutsideParty() {
    return roles.stream().anyMatch(Role::isOutsideParty);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
