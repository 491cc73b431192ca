package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.policy.HitLimits;

/**
 * The hit ledger against a plain oracle: seeded random queries of a few users on a few names with a
 * few sets of details over a few days, small limits, and the same admissions and notices.
 */
class HitLedgerTest {
  @TempDir Path tmp;

  /** The rules of {@link HitLimits} written out plainly over lists of what was asked. */
  static final class Oracle {
    final HitLimits limits;
    final Map<String, Integer> admitted = new HashMap<>();
    final Map<String, Set<String>> variants = new HashMap<>();
    final Set<String> quotaNoticed = new HashSet<>();
    final Set<String> nameRefused = new HashSet<>();

    Oracle(HitLimits limits) {
      this.limits = limits;
    }

    /** "A", "Q" or "V", then the notice kind or "-". */
    String ask(String user, LocalDate day, String name, String detail) {
      String ud = user + "/" + day;
      int n = admitted.getOrDefault(ud, 0);
      if (n >= limits.queriesPerDay()) {
        return "Q " + (quotaNoticed.add(ud) ? "hit-quota" : "-");
      }
      if (name != null) {
        Set<String> v = variants.computeIfAbsent(ud + "/" + name, k -> new HashSet<>());
        String d = detail == null ? "-" : detail;
        if (!v.contains(d) && v.size() >= limits.variantsMax()) {
          return "V " + (nameRefused.add(ud + "/" + name) ? "hit-enumeration" : "-");
        }
        admitted.put(ud, n + 1);
        boolean fresh = v.add(d);
        return "A " + (fresh && v.size() == limits.variantsNotice() ? "hit-name-variants" : "-");
      }
      admitted.put(ud, n + 1);
      return "A -";
    }
  }

  @Test
  void agreesWithThePlainOracle() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      Random r = new Random(seed);
      HitLimits limits = new HitLimits(5 + r.nextInt(30), 1 + r.nextInt(3), 3 + r.nextInt(3));
      HitLedger ledger = new HitLedger(tmp.resolve("d" + seed));
      Oracle oracle = new Oracle(limits);
      LocalDate start = LocalDate.of(2026, 12, 1);
      List<String> got = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String user = "u" + r.nextInt(3);
        LocalDate day = start.plusDays(r.nextInt(2) + i / 200);
        String name = r.nextInt(5) == 0 ? null : "name" + r.nextInt(4);
        String detail = r.nextInt(4) == 0 ? null : "detail" + r.nextInt(9);
        HitLedger.Verdict v = ledger.admit(user, day, limits, name, detail);
        got.add(
            (v.admitted() ? "A" : v.refusal().startsWith("hit quota") ? "Q" : "V")
                + " "
                + (v.noticeKind() == null ? "-" : v.noticeKind()));
        expected.add(oracle.ask(user, day, name, detail));
      }
      assertThat(got).as("seed %d, %s", seed, limits).isEqualTo(expected);
    }
  }

  @Test
  void oldDaysAreForgottenAndNoValueIsKept() throws Exception {
    Path dir = tmp.resolve("old");
    HitLedger ledger = new HitLedger(dir);
    LocalDate day = LocalDate.of(2026, 12, 1);
    ledger.admit("ann", day, HitLimits.DEFAULTS, "k1", "k2");
    assertThat(dir.resolve("hit-ledger/2026-12-01/ann")).exists();
    ledger.admit("ann", day.plusDays(HitLedger.KEEP_DAYS + 1), HitLimits.DEFAULTS, "k1", null);
    assertThat(dir.resolve("hit-ledger/2026-12-01")).doesNotExist();
    assertThat(Files.readString(dir.resolve("hit-ledger/2026-12-09/ann"))).isEqualTo("A k1 -\n");
  }
}
