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

  @Provide
  Arbitrary<Viewer> viewers() {
    return Arbitraries.of("politie-nl", "fiod", "kmar", "om")
        .flatMap(
            agency ->
                Arbitraries.of("wpg-art-8", "wpg-art-9", "wpg-art-10", "wjsg", "adw")
                    .map(
                        task ->
                            new Viewer(
                                new User("u", agency, Set.of(Role.ANALYST)), Purpose.task(task))));
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
  void aTableThatDoesNotParseIsRefusedWithItsLine() {
    assertThatThrownBy(
            () -> LegalBases.parse("wpg-art-9: wpg-art-9\nnonsense here\n", "policy.txt"))
        .hasMessage("policy.txt:2: expected 'purpose: basis, basis', got 'nonsense here'");
    assertThatThrownBy(() -> LegalBases.parse("a: b\na: c\n", "p.txt"))
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
