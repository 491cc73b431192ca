package org.spil.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * The users and cases of a deployment with its legal-bases table: the only way to obtain a {@link
 * Viewer}. Refuses, with a message naming what is wrong, an unknown user, an unknown purpose, a
 * case purpose the user is not a member of, and a legal task (of its own or a case's) that the
 * table does not let the user's agency and roles claim.
 */
public final class Directory {
  private final Map<String, User> users;
  private final Map<String, Case> cases;
  private final LegalBases bases;

  public Directory(Map<String, User> users, Map<String, Case> cases, LegalBases bases) {
    this.users = new TreeMap<>(users);
    this.cases = new TreeMap<>(cases);
    this.bases = bases;
  }

  public Viewer viewer(String userName, String purposeToken) {
    if (userName == null || userName.isBlank()) {
      throw new PolicyException("user", "every read names its user");
    }
    if (purposeToken == null || purposeToken.isBlank()) {
      throw new PolicyException(
          "purpose",
          "every read names its purpose: a case id or one of "
              + String.join(", ", bases.purposes()));
    }
    User user = users.get(userName);
    if (user == null) {
      throw new PolicyException("unknown user '" + userName + "' (spil users list shows them)");
    }
    Case c = cases.get(purposeToken);
    if (c != null) {
      if (!c.members().contains(user.name())) {
        throw new PolicyException(
            "user "
                + user.name()
                + " is not a member of case "
                + c.id()
                + "; ask its members to add you");
      }
      if (!user.isOutsideParty()) {
        String refusal = bases.refusal(user, c.legalTask());
        if (refusal != null) {
          throw new PolicyException(
              "purpose", "case " + c.id() + " serves " + c.legalTask() + ": " + refusal);
        }
      }
      return new Viewer(user, Purpose.of(c));
    }
    if (!bases.knows(purposeToken)) {
      throw new PolicyException(
          "unknown purpose '"
              + purposeToken
              + "': use a case id you are a member of or one of "
              + String.join(", ", bases.purposes()));
    }
    String refusal = bases.refusal(user, purposeToken);
    if (refusal != null) {
      throw new PolicyException("purpose", refusal);
    }
    return new Viewer(user, Purpose.task(purposeToken));
  }

  public Map<String, User> users() {
    return users;
  }

  public Map<String, Case> cases() {
    return cases;
  }

  public LegalBases bases() {
    return bases;
  }
}
