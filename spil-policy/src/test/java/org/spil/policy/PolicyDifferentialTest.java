package org.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;

/**
 * 100,000 random (statement batch, user, purpose, grants, day) cases: {@link Policy} must agree
 * with a deliberately plain reference written here from the rules in README.md, as a list of facts
 * and a decision table, without looking at the engine's code paths.
 */
class PolicyDifferentialTest {
  static final List<String> AGENCIES = List.of("politie-nl", "douane-nl", "fiod", "kmar", "om");
  static final List<String> BASES =
      List.of(
          "wpg-art-8",
          "wpg-art-9",
          "wpg-art-10",
          "wpg-art-13",
          "wjsg",
          "adw",
          "open-source",
          "secret-law");
  static final List<String> TASKS =
      List.of(
          "wpg-art-8",
          "wpg-art-9",
          "wpg-art-10",
          "wpg-art-13",
          "wjsg",
          "adw",
          "open-source",
          "nonsense");
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final LegalBases TABLE = LegalBases.defaults();

  /** The reference: facts first, then the first matching row of a table. */
  static Visibility reference(
      Viewer v, Provenance p, long batch, List<Grant> grants, LocalDate today) {
    String task =
        v.purpose().isCase() ? v.purpose().investigation().legalTask() : v.purpose().token();
    boolean unknownBasis = BASES.indexOf(p.legalBasis()) == BASES.size() - 1;
    boolean unknownTask = !TABLE.purposes().contains(task);
    boolean expired = today.isAfter(p.retainUntil());
    boolean caseNotMine =
        v.purpose().isCase() && !v.purpose().investigation().members().contains(v.user().name());
    boolean compartment = p.caseId() != null;
    boolean myCompartment =
        compartment && v.purpose().isCase() && v.purpose().token().equals(p.caseId());
    boolean granted = false;
    for (Grant g : grants) {
      granted |=
          g.entityId() == null
              && g.batchId() == batch
              && g.user().equals(v.user().name())
              && g.purpose().equals(v.purpose().token())
              && !g.until().isBefore(today);
    }
    boolean own = p.agency().equals(v.user().agency());
    boolean shared =
        own || p.shareWith().contains("all") || p.shareWith().contains(v.user().agency());
    boolean fits = TABLE.compatible(task, p.legalBasis());
    boolean h3 = p.handlingCode() == HandlingCode.H3;
    boolean courtH1 = p.handlingCode() == HandlingCode.H1 && task.equals("wjsg");
    Object[][] table = {
      {unknownBasis || unknownTask, Visibility.INVISIBLE},
      {expired, Visibility.INVISIBLE},
      {caseNotMine, Visibility.INVISIBLE},
      {compartment && myCompartment, Visibility.VISIBLE},
      {compartment, Visibility.INVISIBLE},
      {granted, Visibility.VISIBLE},
      {own && fits, Visibility.VISIBLE},
      {own, Visibility.HIT_ONLY},
      {!shared, Visibility.HIT_ONLY},
      {h3, Visibility.HIT_ONLY},
      {courtH1, Visibility.HIT_ONLY},
      {!fits, Visibility.HIT_ONLY},
      {true, Visibility.VISIBLE},
    };
    for (Object[] row : table) {
      if ((Boolean) row[0]) {
        return (Visibility) row[1];
      }
    }
    throw new AssertionError();
  }

  @Test
  void engineAgreesWithTheReferenceOnOneHundredThousandRandomCases() {
    Policy policy = new Policy(TABLE);
    Random random = new Random(20261129);
    int[] seen = new int[3];
    for (int i = 0; i < 100_000; i++) {
      String agency = pick(random, AGENCIES);
      User user = new User("u" + random.nextInt(6), agency, Set.of(Role.ANALYST));
      Purpose purpose;
      if (random.nextInt(3) == 0) {
        Set<String> members = new HashSet<>();
        for (int k = 0; k < 6; k++) {
          if (random.nextBoolean()) {
            members.add("u" + k);
          }
        }
        purpose =
            Purpose.of(new Case("C" + random.nextInt(3), "case", pick(random, TASKS), members));
      } else {
        purpose = Purpose.task(pick(random, TASKS));
      }
      Set<String> share = new HashSet<>();
      for (String a : AGENCIES) {
        if (random.nextInt(3) == 0) {
          share.add(a);
        }
      }
      if (random.nextInt(10) == 0) {
        share.add("all");
      }
      HandlingCode code = HandlingCode.values()[random.nextInt(4)];
      Provenance p =
          new Provenance(
              "ds",
              "t",
              pick(random, AGENCIES),
              pick(random, BASES),
              code,
              code == HandlingCode.H3 ? "ask first" : null,
              SourceGrade.B,
              2,
              TODAY.plusDays(random.nextInt(7) - 3),
              share,
              random.nextInt(5) == 0 ? "C" + random.nextInt(3) : null);
      long batch = random.nextInt(4);
      List<Grant> grants = new ArrayList<>();
      for (int g = random.nextInt(3); g > 0; g--) {
        grants.add(
            new Grant(
                "g" + g,
                random.nextBoolean() ? user.name() : "u" + random.nextInt(6),
                random.nextBoolean() ? purpose.token() : pick(random, TASKS),
                random.nextInt(4),
                random.nextInt(4) == 0 ? "e1" : null,
                TODAY.plusDays(random.nextInt(5) - 2)));
      }
      Viewer viewer = new Viewer(user, purpose);
      Visibility expected = reference(viewer, p, batch, grants, TODAY);
      Visibility actual = policy.decide(viewer, p, batch, grants, TODAY);
      assertThat(actual)
          .as("case %d: %s %s batch %d grants %s", i, viewer, p, batch, grants)
          .isEqualTo(expected);
      seen[actual.ordinal()]++;
    }
    assertThat(Arrays.stream(seen).min().getAsInt())
        .as("each answer is exercised")
        .isGreaterThan(5_000);
  }

  @Test
  void missingInputsAreInvisible() {
    Policy policy = new Policy(TABLE);
    Viewer v =
        new Viewer(new User("a", "politie-nl", Set.of(Role.ANALYST)), Purpose.task("wpg-art-9"));
    Provenance p =
        new Provenance(
            "ds",
            "t",
            "politie-nl",
            "wpg-art-9",
            HandlingCode.H0,
            null,
            SourceGrade.A,
            1,
            TODAY,
            Set.of(),
            null);
    assertThat(policy.decide(v, p, 1, List.of(), TODAY)).isEqualTo(Visibility.VISIBLE);
    assertThat(policy.decide(null, p, 1, List.of(), TODAY)).isEqualTo(Visibility.INVISIBLE);
    assertThat(policy.decide(v, null, 1, List.of(), TODAY)).isEqualTo(Visibility.INVISIBLE);
    assertThat(policy.decide(v, p, 1, List.of(), null)).isEqualTo(Visibility.INVISIBLE);
    assertThat(policy.decide(v, p, 1, null, TODAY)).isEqualTo(Visibility.VISIBLE);
    assertThat(policy.decide(v, p, 1, List.of(), TODAY.plusDays(1)))
        .isEqualTo(Visibility.INVISIBLE);
  }

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }
}
