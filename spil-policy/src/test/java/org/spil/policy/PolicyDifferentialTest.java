package org.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;

/**
 * 200,000 random (record, user, roles, purpose, grants, approvals, day) cases: {@link Policy} must
 * agree with a deliberately plain reference written here from the rules in README.md, as a list of
 * facts and a decision table, without looking at the engine's code paths. The reference keeps its
 * own copy of the default table's readers (who may claim which task): a change of the defaults must
 * be made here too, on purpose.
 */
class PolicyDifferentialTest {
  static final List<String> AGENCIES =
      List.of("politie-nl", "douane-nl", "fiod", "kmar", "om", "politie-be", "outsider");
  static final Map<String, String> KIND =
      Map.of(
          "politie-nl", "police",
          "kmar", "military-police",
          "douane-nl", "customs",
          "fiod", "fiscal",
          "om", "prosecution",
          "politie-be", "foreign-police",
          "bka-de", "foreign-police");
  static final Map<String, Set<String>> READERS =
      Map.of(
          "wpg-art-8", Set.of("police", "military-police"),
          "wpg-art-9",
              Set.of("police", "military-police", "fiscal", "prosecution", "foreign-police"),
          "wpg-art-10", Set.of("police", "military-police", "fiscal"),
          "wpg-art-13", Set.of("police", "military-police"),
          "wjsg", Set.of("prosecution"),
          "adw", Set.of("customs", "fiscal"),
          "open-source",
              Set.of(
                  "police",
                  "military-police",
                  "customs",
                  "fiscal",
                  "prosecution",
                  "foreign-police"),
          "strategic", Set.of("police", "military-police", "customs", "fiscal"));
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
          "strategic",
          "nonsense");
  static final List<Set<Role>> ROLE_SETS =
      List.of(
          Set.of(Role.ANALYST),
          Set.of(Role.INVESTIGATOR),
          Set.of(Role.ANALYST, Role.PRIVACY_OFFICER),
          Set.of(Role.PRIVACY_OFFICER),
          Set.of(Role.ADMINISTRATOR),
          Set.of(Role.DEFENCE_COUNSEL),
          Set.of(Role.COURT));
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final LegalBases TABLE = LegalBases.defaults();

  /** The reference: facts first, then the first matching row of a table. */
  static Visibility reference(
      Viewer v,
      Provenance p,
      long batch,
      String entity,
      List<LocalDate> dates,
      List<Grant> grants,
      List<Approval> approvals,
      LocalDate today) {
    String task =
        v.purpose().isCase() ? v.purpose().investigation().legalTask() : v.purpose().token();
    Set<Role> roles = v.user().roles();
    boolean outsideParty = roles.contains(Role.DEFENCE_COUNSEL) || roles.contains(Role.COURT);
    boolean unknownBasis = BASES.indexOf(p.legalBasis()) == BASES.size() - 1;
    boolean unknownTask = !READERS.containsKey(task);
    String kind = KIND.get(v.user().agency());
    boolean roleReads =
        task.equals("strategic")
            ? roles.contains(Role.ANALYST)
            : roles.contains(Role.ANALYST) || roles.contains(Role.INVESTIGATOR);
    boolean claimRefused =
        !outsideParty
            && !unknownTask
            && (kind == null || !READERS.get(task).contains(kind) || !roleReads);
    boolean expired = today.isAfter(p.retainUntil());
    boolean member =
        !v.purpose().isCase() || v.purpose().investigation().members().contains(v.user().name());
    boolean countsOnly = task.equals("strategic");
    boolean compartment = p.caseId() != null;
    boolean myCompartment =
        compartment && v.purpose().isCase() && v.purpose().token().equals(p.caseId());
    boolean granted = false;
    boolean entityGranted = false;
    for (Grant g : grants) {
      boolean valid =
          g.batchId() == batch
              && g.user().equals(v.user().name())
              && g.purpose().equals(v.purpose().token())
              && !g.until().isBefore(today);
      granted |= valid && g.entityId() == null;
      entityGranted |= valid && entity.equals(g.entityId());
    }
    boolean approved = false;
    for (Approval a : approvals) {
      boolean inSubset =
          a.subset() instanceof Subset.Entities e
              ? e.ids().contains(entity)
              : dates.stream()
                  .anyMatch(
                      d ->
                          !d.isBefore(((Subset.Period) a.subset()).from())
                              && !d.isAfter(((Subset.Period) a.subset()).to()));
      approved |=
          a.batchId() == batch
              && v.purpose().isCase()
              && a.caseId().equals(v.purpose().token())
              && roles.stream().anyMatch(a.audience()::contains)
              && !a.until().isBefore(today)
              && inSubset;
    }
    boolean own = p.agency().equals(v.user().agency());
    boolean shared =
        own || p.shareWith().contains("all") || p.shareWith().contains(v.user().agency());
    boolean fits = TABLE.compatible(task, p.legalBasis());
    boolean h3 = p.handlingCode() == HandlingCode.H3;
    boolean courtH1 =
        p.handlingCode() == HandlingCode.H1 && (task.equals("wjsg") || "prosecution".equals(kind));
    Visibility hitOnlyOrGranted = entityGranted ? Visibility.VISIBLE : Visibility.HIT_ONLY;
    Object[][] table = {
      {unknownBasis || unknownTask, Visibility.INVISIBLE},
      {claimRefused, Visibility.INVISIBLE},
      {expired, Visibility.INVISIBLE},
      {!member, Visibility.INVISIBLE},
      {countsOnly && !outsideParty && !compartment && shared && !h3 && fits, Visibility.COUNT_ONLY},
      {countsOnly, Visibility.INVISIBLE},
      {approved, Visibility.VISIBLE},
      {outsideParty, Visibility.INVISIBLE},
      {compartment && myCompartment, Visibility.VISIBLE},
      {compartment, Visibility.INVISIBLE},
      {granted, Visibility.VISIBLE},
      {own && fits, Visibility.VISIBLE},
      {own, hitOnlyOrGranted},
      {!shared, hitOnlyOrGranted},
      {h3, hitOnlyOrGranted},
      {courtH1, hitOnlyOrGranted},
      {!fits, hitOnlyOrGranted},
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
  void engineAgreesWithTheReferenceOnTwoHundredThousandRandomCases() {
    Policy policy = new Policy(TABLE);
    Random random = new Random(20261206);
    int[] seen = new int[Visibility.values().length];
    int approvedSeen = 0;
    int entityGrantSeen = 0;
    for (int i = 0; i < 200_000; i++) {
      String task = pick(random, TASKS);
      String agency = pick(random, AGENCIES);
      if (READERS.containsKey(task) && random.nextInt(10) < 7) {
        // mostly claims the table allows, so that every answer is common
        List<String> readers =
            AGENCIES.stream()
                .filter(a -> KIND.containsKey(a) && READERS.get(task).contains(KIND.get(a)))
                .toList();
        agency = pick(random, readers);
      }
      Set<Role> roles =
          random.nextInt(10) < 6
              ? Set.of(random.nextBoolean() ? Role.ANALYST : Role.INVESTIGATOR)
              : pick(random, ROLE_SETS);
      User user = new User("u" + random.nextInt(6), agency, roles);
      Purpose purpose;
      if (random.nextInt(3) == 0) {
        Set<String> members = new HashSet<>();
        for (int k = 0; k < 6; k++) {
          if (random.nextInt(4) != 0) {
            members.add("u" + k);
          }
        }
        purpose = Purpose.of(new Case("C" + random.nextInt(3), "case", task, members));
      } else {
        purpose = Purpose.task(task);
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
              TODAY.plusDays(random.nextInt(10) - 2),
              share,
              random.nextInt(5) == 0 ? "C" + random.nextInt(3) : null);
      long batch = random.nextInt(4);
      String entity = "e" + random.nextInt(3);
      List<LocalDate> dates = new ArrayList<>();
      for (int d = random.nextInt(3); d > 0; d--) {
        dates.add(TODAY.minusDays(random.nextInt(60)));
      }
      List<Grant> grants = new ArrayList<>();
      for (int g = random.nextInt(3); g > 0; g--) {
        grants.add(
            new Grant(
                "g" + g,
                random.nextBoolean() ? user.name() : "u" + random.nextInt(6),
                random.nextBoolean() ? purpose.token() : pick(random, TASKS),
                random.nextInt(4),
                random.nextInt(3) == 0 ? "e" + random.nextInt(3) : null,
                TODAY.plusDays(random.nextInt(5) - 2)));
      }
      List<Approval> approvals = new ArrayList<>();
      for (int a = random.nextInt(3); a > 0; a--) {
        LocalDate from = TODAY.minusDays(random.nextInt(60));
        Subset subset =
            random.nextBoolean()
                ? new Subset.Entities(Set.of("e" + random.nextInt(3)))
                : new Subset.Period(from, from.plusDays(random.nextInt(20)));
        Set<Role> audience = new HashSet<>();
        for (Role r : List.of(Role.ANALYST, Role.INVESTIGATOR, Role.DEFENCE_COUNSEL, Role.COURT)) {
          if (random.nextBoolean()) {
            audience.add(r);
          }
        }
        if (audience.isEmpty()) {
          audience.add(Role.COURT);
        }
        approvals.add(
            new Approval(
                "a" + a,
                random.nextBoolean() ? purpose.token() : "C" + random.nextInt(3),
                random.nextBoolean() ? batch : random.nextInt(4),
                subset,
                audience,
                TODAY.plusDays(random.nextInt(5) - 2),
                "order-" + a,
                "owner"));
      }
      Viewer viewer = new Viewer(user, purpose);
      Visibility expected = reference(viewer, p, batch, entity, dates, grants, approvals, TODAY);
      Visibility actual = policy.decide(viewer, p, batch, entity, dates, grants, approvals, TODAY);
      assertThat(actual)
          .as(
              "case %d: %s %s batch %d entity %s dates %s grants %s approvals %s",
              i, viewer, p, batch, entity, dates, grants, approvals)
          .isEqualTo(expected);
      Visibility batchOnly = policy.decide(viewer, p, batch, grants, TODAY);
      assertThat(batchOnly)
          .as("case %d, the batch alone", i)
          .isEqualTo(reference(viewer, p, batch, "none", List.of(), grants, List.of(), TODAY));
      seen[actual.ordinal()]++;
      if (actual == Visibility.VISIBLE && batchOnly != Visibility.VISIBLE) {
        if (batchOnly == Visibility.HIT_ONLY) {
          entityGrantSeen++;
        } else {
          approvedSeen++;
        }
      }
    }
    assertThat(Arrays.stream(seen).min().getAsInt())
        .as("each answer is exercised: %s", Arrays.toString(seen))
        .isGreaterThan(1_000);
    assertThat(approvedSeen).as("approvals open what is invisible").isGreaterThan(100);
    assertThat(entityGrantSeen).as("approvals or grants open what is hit-only").isGreaterThan(300);
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
