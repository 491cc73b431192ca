package org.spil.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The configurable table of legal tasks, in the format of {@code legal-bases.txt}: for each purpose
 * (legal task) the legal bases of supplied data it may use, which agencies (by kind or by name) and
 * roles may read for it, and whether it reads counts only; and the agencies of the deployment with
 * their kinds. The defaults follow the Dutch Police Data Act (Wpg) articles 8, 9, 10 and 13, the
 * Judicial Data Act (wjsg), customs law (adw), open sources and strategic analysis; a deployment
 * replaces them with its own file.
 *
 * <pre>
 * agency politie-nl: police
 * wpg-art-9: wpg-art-8, wpg-art-9 | readers: police, fiod | roles: analyst, investigator
 * strategic: wpg-art-10, adw | readers: police, customs | roles: analyst | counts-only
 * </pre>
 */
public final class LegalBases {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  /** Who may read when a line names no roles. */
  static final Set<Role> DEFAULT_ROLES = Set.of(Role.ANALYST, Role.INVESTIGATOR);

  /** One legal task: its compatible bases, its readers, and whether it reads counts only. */
  record Task(
      Set<String> bases,
      Set<AgencyKind> kinds,
      Set<String> agencies,
      Set<Role> roles,
      boolean countsOnly) {}

  private final Map<String, Task> tasks;
  private final Map<String, AgencyKind> agencies;

  private LegalBases(Map<String, Task> tasks, Map<String, AgencyKind> agencies) {
    this.tasks = tasks;
    this.agencies = agencies;
  }

  public static LegalBases defaults() {
    try (InputStream in = LegalBases.class.getResourceAsStream("legal-bases.txt")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "legal-bases.txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a table; a line that does not parse fails with {@code file:line: reason}. */
  public static LegalBases parse(String text, String file) {
    Map<String, AgencyKind> agencies = new LinkedHashMap<>();
    Map<String, String[]> taskLines = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new PolicyException(
            where
                + "expected 'purpose: basis, basis | readers: kind, agency' or 'agency NAME: kind',"
                + " got '"
                + line
                + "'");
      }
      String head = line.substring(0, colon).strip();
      if (head.startsWith("agency ")) {
        String name = head.substring("agency ".length()).strip();
        String kindLabel = line.substring(colon + 1).strip();
        AgencyKind kind = AgencyKind.parse(kindLabel);
        if (!TOKEN.matcher(name).matches() || AgencyKind.parse(name) != null) {
          throw new PolicyException(where + "'" + name + "' is not an agency name");
        }
        if (kind == null) {
          throw new PolicyException(
              where + "unknown kind of agency '" + kindLabel + "'; kinds are " + kinds());
        }
        if (agencies.put(name, kind) != null) {
          throw new PolicyException(where + "agency '" + name + "' listed twice");
        }
        continue;
      }
      if (!TOKEN.matcher(head).matches()) {
        throw new PolicyException(where + "'" + head + "' is not a purpose token");
      }
      if (taskLines.containsKey(head)) {
        throw new PolicyException(where + "purpose '" + head + "' listed twice");
      }
      taskLines.put(head, line.substring(colon + 1).split("\\|", -1));
      lineOf.put(head, i + 1);
    }
    Map<String, Task> tasks = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : taskLines.entrySet()) {
      String where = file + ":" + lineOf.get(e.getKey()) + ": ";
      tasks.put(e.getKey(), task(e.getKey(), e.getValue(), agencies, where));
    }
    if (tasks.isEmpty()) {
      throw new PolicyException(file + ": no purposes defined");
    }
    return new LegalBases(
        Collections.unmodifiableMap(tasks), Collections.unmodifiableMap(agencies));
  }

  private static Task task(
      String purpose, String[] parts, Map<String, AgencyKind> agencies, String where) {
    Set<String> bases = tokens(parts[0], "legal-basis", where);
    Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
    Set<String> named = new TreeSet<>();
    Set<Role> roles = null;
    boolean readers = false;
    boolean countsOnly = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      if (part.equals("counts-only")) {
        countsOnly = true;
      } else if (part.startsWith("readers:")) {
        readers = true;
        for (String r : tokens(part.substring("readers:".length()), "reader", where)) {
          AgencyKind kind = AgencyKind.parse(r);
          if (kind != null) {
            kinds.add(kind);
          } else if (agencies.containsKey(r)) {
            named.add(r);
          } else {
            throw new PolicyException(
                where
                    + "reader '"
                    + r
                    + "' is neither a kind of agency ("
                    + kinds()
                    + ") nor an agency the table lists");
          }
        }
      } else if (part.startsWith("roles:")) {
        roles = EnumSet.noneOf(Role.class);
        for (String r : tokens(part.substring("roles:".length()), "role", where)) {
          Role role;
          try {
            role = Role.parse(r);
          } catch (PolicyException x) {
            throw new PolicyException(where + x.getMessage());
          }
          if (role == Role.ADMINISTRATOR || role.isOutsideParty()) {
            throw new PolicyException(
                where + "the " + role.label() + " role reads for no legal task");
          }
          roles.add(role);
        }
      } else {
        throw new PolicyException(
            where
                + "expected '| readers: ...', '| roles: ...' or '| counts-only', got '"
                + part
                + "'");
      }
    }
    if (!readers) {
      throw new PolicyException(
          where
              + "purpose '"
              + purpose
              + "' names no readers: add '| readers: KIND or AGENCY, ...' (nobody may read for it"
              + " otherwise)");
    }
    return new Task(
        Collections.unmodifiableSet(bases),
        Collections.unmodifiableSet(kinds),
        Collections.unmodifiableSet(named),
        roles == null ? DEFAULT_ROLES : Collections.unmodifiableSet(roles),
        countsOnly);
  }

  private static Set<String> tokens(String list, String what, String where) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : list.split(",")) {
      String token = t.strip();
      if (!TOKEN.matcher(token).matches()) {
        throw new PolicyException(where + "'" + token + "' is not a " + what + " token");
      }
      out.add(token);
    }
    return out;
  }

  private static String kinds() {
    return Arrays.stream(AgencyKind.values())
        .map(AgencyKind::label)
        .collect(Collectors.joining(", "));
  }

  public Set<String> purposes() {
    return tasks.keySet();
  }

  public boolean knows(String purpose) {
    return tasks.containsKey(purpose);
  }

  /** Whether data supplied under {@code legalBasis} may be used for the legal task. */
  public boolean compatible(String legalTask, String legalBasis) {
    Task t = tasks.get(legalTask);
    return t != null && t.bases().contains(legalBasis);
  }

  /** Whether the legal task reads counts only (strategic analysis): never a value. */
  public boolean countsOnly(String legalTask) {
    Task t = tasks.get(legalTask);
    return t != null && t.countsOnly();
  }

  /** The agencies the table lists, with their kinds. */
  public Map<String, AgencyKind> agencies() {
    return agencies;
  }

  /** The kind of an agency, or null when the table does not list it. */
  public AgencyKind kindOf(String agency) {
    return agencies.get(agency);
  }

  /**
   * Why the user may not read for the legal task, or null when the user may: the task is unknown,
   * the user is defence counsel or the court (who read only for cases), the user's agency is not in
   * the table, or neither its kind nor its name is among the task's readers, or none of the user's
   * roles is among the task's roles.
   */
  public String refusal(User user, String legalTask) {
    Task t = tasks.get(legalTask);
    if (t == null) {
      return "unknown legal task '" + legalTask + "'";
    }
    if (user.isOutsideParty()) {
      return "a "
          + user.roles().iterator().next().label()
          + " reads only for a case it is a member of, never for a legal task";
    }
    AgencyKind kind = agencies.get(user.agency());
    if (kind == null) {
      return "agency "
          + user.agency()
          + " is not in the legal-bases table, so its users may read for no legal task (the table"
          + " lists "
          + String.join(", ", new TreeSet<>(agencies.keySet()))
          + ")";
    }
    if (!t.kinds().contains(kind) && !t.agencies().contains(user.agency())) {
      Set<String> readers = new TreeSet<>(t.agencies());
      t.kinds().forEach(k -> readers.add(k.label()));
      return "agency "
          + user.agency()
          + " ("
          + kind.label()
          + ") may not read for "
          + legalTask
          + "; its readers are "
          + String.join(", ", readers);
    }
    if (user.roles().stream().noneMatch(t.roles()::contains)) {
      return "user "
          + user.name()
          + " has no role that reads for "
          + legalTask
          + " ("
          + t.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", "))
          + ")";
    }
    return null;
  }

  /** Every legal basis the table names, in order. */
  public Set<String> bases() {
    Set<String> out = new TreeSet<>();
    tasks.values().forEach(t -> out.addAll(t.bases()));
    return out;
  }

  /**
   * Whether the basis appears anywhere in the table (data under an unknown basis is never shown).
   */
  public boolean isBasis(String legalBasis) {
    for (Task t : tasks.values()) {
      if (t.bases().contains(legalBasis)) {
        return true;
      }
    }
    return false;
  }
}
