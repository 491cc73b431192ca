package org.spil.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.spil.policy.HitLimits;

/**
 * The hit/no-hit queries of each user on each day, kept to enforce {@link HitLimits}. One line per
 * query: its outcome, the keyed code of its name and the keyed code of its details (date of birth,
 * identifiers); never a name or value in clear (the audit log has those). One file per day and
 * user, {@code DIR/hit-ledger/DAY/USER}; days more than a week old are removed as new ones start.
 */
final class HitLedger {
  /** Days of ledger kept; only today's counts. */
  static final int KEEP_DAYS = 7;

  /** No name (a query on identifiers alone): only the day's quota applies. */
  static final String NONE = "-";

  /**
   * The ledger's answer to one query: why it is refused (null when admitted), and the kind and text
   * of a notice to the user's privacy officers (null when none).
   */
  record Verdict(String refusal, String noticeKind, String notice) {
    boolean admitted() {
      return refusal == null;
    }
  }

  private final Path dir;

  HitLedger(Path dataDir) {
    this.dir = dataDir.resolve("hit-ledger");
  }

  /**
   * Admits a query of a user on a day, or refuses it, and records the outcome: over the day's
   * quota; or, for a name already tried with {@code variantsMax} different sets of details, a new
   * set. A notice comes once: when a name reaches {@code variantsNotice} sets, at its first
   * refusal, at the first refusal for the quota.
   */
  Verdict admit(String user, LocalDate day, HitLimits limits, String nameKey, String detailKey) {
    Path file = dir.resolve(day.toString()).resolve(user);
    String name = nameKey == null ? NONE : nameKey;
    String detail = detailKey == null ? NONE : detailKey;
    boolean newDay = !Files.isDirectory(file.getParent());
    try {
      Verdict v =
          LockedFile.with(
              file,
              channel -> {
                int admitted = 0;
                boolean quotaNoticed = false;
                boolean nameRefused = false;
                Set<String> variants = new HashSet<>();
                for (String line : LockedFile.read(channel).split("\n")) {
                  String[] f = line.split(" ");
                  if (f.length != 3) {
                    continue;
                  }
                  switch (f[0]) {
                    case "A" -> {
                      admitted++;
                      if (f[1].equals(name)) {
                        variants.add(f[2]);
                      }
                    }
                    case "Q" -> quotaNoticed = true;
                    case "V" -> nameRefused |= f[1].equals(name);
                    default -> {
                      // a line of a later version: ignored
                    }
                  }
                }
                Verdict out;
                String mark;
                if (admitted >= limits.queriesPerDay()) {
                  mark = "Q";
                  out =
                      new Verdict(
                          "hit quota reached: "
                              + admitted
                              + " hit queries today, the most one user may ask in a day; ask a"
                              + " privacy officer of your agency if your work needs more",
                          quotaNoticed ? null : "hit-quota",
                          quotaNoticed
                              ? null
                              : user
                                  + " reached the day's quota of "
                                  + limits.queriesPerDay()
                                  + " hit queries; further queries refused until tomorrow");
                } else if (!name.equals(NONE)
                    && !variants.contains(detail)
                    && variants.size() >= limits.variantsMax()) {
                  mark = "V";
                  out =
                      new Verdict(
                          "this name was tried with "
                              + variants.size()
                              + " different sets of details today, the most allowed: hit/no-hit"
                              + " is not for finding a value by trying values; further details for"
                              + " it are refused until tomorrow, and your privacy officers are told",
                          nameRefused ? null : "hit-enumeration",
                          nameRefused
                              ? null
                              : user
                                  + " tried one name with more than "
                                  + limits.variantsMax()
                                  + " sets of details (date of birth, identifiers) today; refused"
                                  + " from then on");
                } else {
                  mark = "A";
                  boolean fresh = !name.equals(NONE) && variants.add(detail);
                  out =
                      fresh && variants.size() == limits.variantsNotice()
                          ? new Verdict(
                              null,
                              "hit-name-variants",
                              user
                                  + " asked about one name with "
                                  + variants.size()
                                  + " different sets of details today")
                          : new Verdict(null, null, null);
                }
                // a refusal is written once (its notice); the file stays within the quota's size
                if (out.admitted() || out.noticeKind() != null) {
                  LockedFile.append(channel, mark + " " + name + " " + detail + "\n");
                }
                return out;
              });
      if (newDay) {
        // a day's first query clears the days past; later queries need not list them again
        forgetOldDays(day);
      }
      return v;
    } catch (IOException e) {
      throw new StoreException(
          "cannot keep the hit ledger " + file + ": " + e.getMessage() + " (query refused)", e);
    }
  }

  /** Removes days more than {@link #KEEP_DAYS} before {@code day}. */
  private void forgetOldDays(LocalDate day) throws IOException {
    String oldest = day.minusDays(KEEP_DAYS).toString();
    try (Stream<Path> days = Files.list(dir)) {
      for (Path d : days.toList()) {
        String n = d.getFileName().toString();
        if (n.matches("\\d{4}-\\d{2}-\\d{2}") && n.compareTo(oldest) < 0) {
          try (Stream<Path> files = Files.list(d)) {
            for (Path f : files.toList()) {
              Files.deleteIfExists(f);
            }
          }
          Files.deleteIfExists(d);
        }
      }
    }
  }
}
