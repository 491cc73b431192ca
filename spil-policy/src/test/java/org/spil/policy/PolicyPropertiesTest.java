package org.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;

class PolicyPropertiesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  final Policy policy = new Policy(LegalBases.defaults());

  @Provide
  Arbitrary<Provenance> provenances() {
    return Arbitraries.of(HandlingCode.values())
        .flatMap(
            code ->
                Arbitraries.of("politie-nl", "fiod", "kmar")
                    .flatMap(
                        agency ->
                            Arbitraries.of("wpg-art-9", "adw", "open-source", "wjsg")
                                .flatMap(
                                    basis ->
                                        Arbitraries.subsetOf(
                                                "politie-nl", "fiod", "kmar", "om", "all")
                                            .map(
                                                share ->
                                                    new Provenance(
                                                        "ds",
                                                        "t",
                                                        agency,
                                                        basis,
                                                        code,
                                                        code == HandlingCode.H3 ? "n" : null,
                                                        SourceGrade.A,
                                                        1,
                                                        TODAY.plusDays(10),
                                                        share,
                                                        null)))));
  }

  /** Viewers whose claim the default table allows (a refused claim sees nothing at all). */
  @Provide
  Arbitrary<Viewer> viewers() {
    return Arbitraries.of("politie-nl", "fiod", "kmar", "om", "douane-nl")
        .flatMap(
            agency ->
                Arbitraries.of("wpg-art-8", "wpg-art-9", "wpg-art-10", "wjsg", "adw")
                    .map(
                        task ->
                            new Viewer(
                                new User("u", agency, Set.of(Role.ANALYST)), Purpose.task(task))))
        .filter(v -> policy.bases().refusal(v.user(), v.purpose().token()) == null);
  }

  @Property
  void aClaimTheTableDoesNotAllowSeesNothingWhateverTheGrants(@ForAll("provenances") Provenance p) {
    for (String agency : List.of("douane-nl", "om", "unlisted")) {
      for (String task : List.of("wpg-art-8", "wpg-art-10", "wpg-art-13")) {
        Viewer v = new Viewer(new User("u", agency, Set.of(Role.ANALYST)), Purpose.task(task));
        Grant valid = new Grant("g", "u", task, 1, null, TODAY);
        assertThat(policy.decide(v, p, 1, List.of(valid), TODAY))
            .as("%s reading for %s", agency, task)
            .isEqualTo(Visibility.INVISIBLE);
      }
    }
  }

  @Property
  void prosecutionNeverSeesH1InFullWhateverItsPurposeAndStrategicNeverSeesValues(
      @ForAll("provenances") Provenance p) {
    for (String task : List.of("wpg-art-9", "wjsg", "open-source")) {
      Viewer prosecutor =
          new Viewer(new User("p", "om", Set.of(Role.INVESTIGATOR)), Purpose.task(task));
      if (p.handlingCode() == HandlingCode.H1 && !p.agency().equals("om")) {
        assertThat(policy.decide(prosecutor, p, 1, List.of(), TODAY))
            .isNotEqualTo(Visibility.VISIBLE);
      }
    }
    Viewer strategic =
        new Viewer(new User("s", "politie-nl", Set.of(Role.ANALYST)), Purpose.task("strategic"));
    Grant valid = new Grant("g", "s", "strategic", 1, "e", TODAY);
    assertThat(policy.decide(strategic, p, 1, List.of(valid), TODAY))
        .isIn(Visibility.COUNT_ONLY, Visibility.INVISIBLE);
  }

  @Property
  void outsidePartiesSeeOnlyWhatIsApprovedForThemInTheirCase(
      @ForAll("provenances") Provenance p, @ForAll boolean court) {
    Role role = court ? Role.COURT : Role.DEFENCE_COUNSEL;
    User counsel = new User("d", "advocaten-x", Set.of(role));
    Case c = new Case("C1", "case", "wpg-art-9", Set.of("d"));
    Viewer v = new Viewer(counsel, Purpose.of(c));
    Approval forThem =
        new Approval(
            "a", "C1", 1, new Subset.Entities(Set.of("e1")), Set.of(role), TODAY, "RB-1", "o");
    Approval forOthers =
        new Approval(
            "b",
            "C1",
            1,
            new Subset.Entities(Set.of("e2")),
            Set.of(Role.INVESTIGATOR),
            TODAY,
            "RB-2",
            "o");
    Grant grant = new Grant("g", "d", "C1", 1, null, TODAY);
    List<Approval> both = List.of(forThem, forOthers);
    assertThat(policy.decide(v, p, 1, List.of(grant), TODAY)).isEqualTo(Visibility.INVISIBLE);
    assertThat(policy.decide(v, p, 1, "e2", List.of(), List.of(grant), both, TODAY))
        .isEqualTo(Visibility.INVISIBLE);
    assertThat(policy.decide(v, p, 1, "e1", List.of(), List.of(grant), both, TODAY))
        .isEqualTo(Visibility.VISIBLE);
    assertThat(policy.decide(v, p, 2, "e1", List.of(), List.of(grant), both, TODAY))
        .as("another batch")
        .isEqualTo(Visibility.INVISIBLE);
    assertThat(policy.decide(v, p, 1, "e1", List.of(), List.of(), both, TODAY.plusDays(1)))
        .as("after the approval's end")
        .isEqualTo(Visibility.INVISIBLE);
  }

  @Property
  void aValidGrantNeverReducesVisibilityAndAnExpiredOneNeverAdds(
      @ForAll("viewers") Viewer v, @ForAll("provenances") Provenance p) {
    Visibility without = policy.decide(v, p, 7, List.of(), TODAY);
    Grant valid = new Grant("g", v.user().name(), v.purpose().token(), 7, null, TODAY);
    Grant expired =
        new Grant("g", v.user().name(), v.purpose().token(), 7, null, TODAY.minusDays(1));
    assertThat(policy.decide(v, p, 7, List.of(valid), TODAY)).isEqualTo(Visibility.VISIBLE);
    assertThat(policy.decide(v, p, 7, List.of(expired), TODAY)).isEqualTo(without);
    assertThat(policy.decide(v, p, 8, List.of(valid), TODAY)).isEqualTo(without);
  }

  @Property
  void nothingIsVisibleAfterItsRetentionDate(
      @ForAll("viewers") Viewer v, @ForAll("provenances") Provenance p) {
    Grant valid = new Grant("g", v.user().name(), v.purpose().token(), 7, null, TODAY.plusYears(1));
    assertThat(policy.decide(v, p, 7, List.of(valid), p.retainUntil().plusDays(1)))
        .isEqualTo(Visibility.INVISIBLE);
  }

  @Property
  void anotherAgencySeesAtMostWhatTheOwnerShares(
      @ForAll("viewers") Viewer v, @ForAll("provenances") Provenance p) {
    if (!p.agency().equals(v.agency()) && !p.sharedWith(v.agency())) {
      assertThat(policy.decide(v, p, 1, List.of(), TODAY)).isEqualTo(Visibility.HIT_ONLY);
    }
    if (p.handlingCode() == HandlingCode.H3 && !p.agency().equals(v.agency())) {
      assertThat(policy.decide(v, p, 1, List.of(), TODAY)).isNotEqualTo(Visibility.VISIBLE);
    }
  }

  @Test
  void directoryRefusesUnknownUsersPurposesAndNonMembers() {
    User ann = new User("ann", "politie-nl", Set.of(Role.ANALYST));
    Case c = new Case("26Kruiskade", "Kruiskade", "wpg-art-9", Set.of("bob"));
    Directory d = new Directory(Map.of("ann", ann), Map.of(c.id(), c), LegalBases.defaults());
    assertThat(d.viewer("ann", "wpg-art-10").purpose().legalTask()).isEqualTo("wpg-art-10");
    assertThatThrownBy(() -> d.viewer("zed", "wpg-art-10"))
        .hasMessageContaining("unknown user 'zed'");
    assertThatThrownBy(() -> d.viewer("ann", null))
        .hasMessageContaining("every read names its purpose");
    assertThatThrownBy(() -> d.viewer("ann", "fishing"))
        .hasMessageContaining("unknown purpose 'fishing'");
    assertThatThrownBy(() -> d.viewer("ann", "26Kruiskade"))
        .hasMessageContaining("not a member of case 26Kruiskade");
  }

  @Test
  void directoryRefusesAClaimTheTableDoesNotAllow() {
    User customs = new User("dou", "douane-nl", Set.of(Role.ANALYST));
    User prosecutor = new User("om1", "om", Set.of(Role.INVESTIGATOR));
    User officer = new User("fg", "politie-nl", Set.of(Role.PRIVACY_OFFICER));
    User counsel = new User("adv", "advocaten-x", Set.of(Role.DEFENCE_COUNSEL));
    User stranger = new User("zz", "unlisted", Set.of(Role.ANALYST));
    Case c = new Case("C1", "case", "wpg-art-9", Set.of("dou", "om1", "adv"));
    Directory d =
        new Directory(
            Map.of(
                "dou", customs, "om1", prosecutor, "fg", officer, "adv", counsel, "zz", stranger),
            Map.of("C1", c),
            LegalBases.defaults());
    assertThatThrownBy(() -> d.viewer("dou", "wpg-art-9"))
        .hasMessageContaining(
            "agency douane-nl (customs) may not read for wpg-art-9; its readers are");
    assertThatThrownBy(() -> d.viewer("dou", "C1"))
        .hasMessageContaining("case C1 serves wpg-art-9: agency douane-nl (customs) may not read");
    assertThat(d.viewer("dou", "adw").purpose().token()).isEqualTo("adw");
    assertThat(d.viewer("om1", "C1").purpose().token()).isEqualTo("C1");
    assertThatThrownBy(() -> d.viewer("om1", "wpg-art-10"))
        .hasMessageContaining("agency om (prosecution) may not read for wpg-art-10");
    assertThatThrownBy(() -> d.viewer("fg", "wpg-art-9"))
        .hasMessageContaining("user fg has no role that reads for wpg-art-9");
    assertThatThrownBy(() -> d.viewer("adv", "wpg-art-9"))
        .hasMessageContaining("defence-counsel reads only for a case it is a member of");
    assertThat(d.viewer("adv", "C1").user().isOutsideParty()).isTrue();
    assertThatThrownBy(() -> d.viewer("zz", "open-source"))
        .hasMessageContaining("agency unlisted is not in the legal-bases table");
  }

  @Test
  void aTableThatDoesNotParseIsRefusedWithItsLine() {
    assertThatThrownBy(
            () -> LegalBases.parse("wpg-art-9: wpg-art-9\nnonsense here\n", "policy.txt"))
        .hasMessage(
            "policy.txt:2: expected 'purpose: basis, basis | readers: kind, agency' or 'agency"
                + " NAME: kind', got 'nonsense here'");
    assertThatThrownBy(() -> LegalBases.parse("a: b\n", "p.txt"))
        .hasMessageContaining("p.txt:1: purpose 'a' names no readers");
    assertThatThrownBy(() -> LegalBases.parse("a: b | readers: pirates\n", "p.txt"))
        .hasMessageContaining("p.txt:1: reader 'pirates' is neither a kind of agency");
    assertThatThrownBy(() -> LegalBases.parse("agency x: navy\n", "p.txt"))
        .hasMessageContaining("p.txt:1: unknown kind of agency 'navy'");
    assertThatThrownBy(() -> LegalBases.parse("a: b | readers: police | roles: court\n", "p.txt"))
        .hasMessageContaining("p.txt:1: the court role reads for no legal task");
    assertThatThrownBy(
            () -> LegalBases.parse("a: b | readers: police\na: c | readers: police\n", "p.txt"))
        .hasMessageContaining("p.txt:2: purpose 'a' listed twice");
    assertThatThrownBy(() -> LegalBases.parse("# only comments\n", "p.txt"))
        .hasMessageContaining("no purposes");
  }

  @Test
  void passwordsAreArgon2idAndVerify() {
    String phc = Passwords.hash("correct horse battery".toCharArray());
    assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
    assertThat(Passwords.verify("correct horse battery".toCharArray(), phc)).isTrue();
    assertThat(Passwords.verify("correct horse batterY".toCharArray(), phc)).isFalse();
    assertThat(Passwords.hash("correct horse battery".toCharArray())).isNotEqualTo(phc);
    assertThatThrownBy(() -> Passwords.hash("short".toCharArray()))
        .hasMessageContaining("at least 12");
  }
}
