package org.spil.policy;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A person who uses Spil: a unique name, the agency they work for, and their roles. */
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
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
