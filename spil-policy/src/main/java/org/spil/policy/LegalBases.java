package org.spil.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configurable table of which legal bases of supplied data each purpose (legal task) may use,
 * in the format of {@code legal-bases.txt}: {@code purpose: basis, basis}. The defaults follow the
 * Dutch Police Data Act (Wpg) articles 8, 9, 10 and 13, the Judicial Data Act (wjsg), customs law
 * (adw) and open sources; a deployment replaces them with its own file.
 */
public final class LegalBases {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private final Map<String, Set<String>> allowed;

  private LegalBases(Map<String, Set<String>> allowed) {
    this.allowed = allowed;
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
    Map<String, Set<String>> table = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String where = file + ":" + (i + 1) + ": ";
      if (colon < 0) {
        throw new PolicyException(where + "expected 'purpose: basis, basis', got '" + line + "'");
      }
      String purpose = line.substring(0, colon).strip();
      if (!TOKEN.matcher(purpose).matches()) {
        throw new PolicyException(where + "'" + purpose + "' is not a purpose token");
      }
      if (table.containsKey(purpose)) {
        throw new PolicyException(where + "purpose '" + purpose + "' listed twice");
      }
      Set<String> bases = new LinkedHashSet<>();
      for (String b : line.substring(colon + 1).split(",")) {
        String basis = b.strip();
        if (!TOKEN.matcher(basis).matches()) {
          throw new PolicyException(where + "'" + basis + "' is not a legal-basis token");
        }
        bases.add(basis);
      }
      table.put(purpose, Collections.unmodifiableSet(bases));
    }
    if (table.isEmpty()) {
      throw new PolicyException(file + ": no purposes defined");
    }
    return new LegalBases(Collections.unmodifiableMap(table));
  }

  public Set<String> purposes() {
    return allowed.keySet();
  }

  public boolean knows(String purpose) {
    return allowed.containsKey(purpose);
  }

  /** Whether data supplied under {@code legalBasis} may be used for the legal task. */
  public boolean compatible(String legalTask, String legalBasis) {
    Set<String> bases = allowed.get(legalTask);
    return bases != null && bases.contains(legalBasis);
  }

  /** Every legal basis the table names, in order. */
  public Set<String> bases() {
    Set<String> out = new java.util.TreeSet<>();
    allowed.values().forEach(out::addAll);
    return out;
  }

  /**
   * Whether the basis appears anywhere in the table (data under an unknown basis is never shown).
   */
  public boolean isBasis(String legalBasis) {
    for (Set<String> bases : allowed.values()) {
      if (bases.contains(legalBasis)) {
        return true;
      }
    }
    return false;
  }
}
