package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Comparison levels on the variants the issue names, and the bounded edit distance against a naive
 * full-matrix Levenshtein oracle.
 */
class FeaturesTest {
  private static Features.Prepared person(String name, String... ids) {
    return Features.prepare(
        new ResolveRecord(
            name, ResolveRecord.Kind.PERSON, name, null, Set.of(ids), Set.of(), null));
  }

  private static Features.Prepared company(String name, String... ids) {
    return Features.prepare(
        new ResolveRecord(
            name, ResolveRecord.Kind.COMPANY, name, null, Set.of(ids), Set.of(), null));
  }

  private static String nameLevel(Features.Prepared a, Features.Prepared b) {
    return Comparison.NAME.levels().get(Features.name(a, b));
  }

  @Test
  void nameVariantsOfOnePersonAgree() {
    assertThat(Features.name(person("Mohamed EL-AMRANI"), person("El Amrani, Mohamed"))).isZero();
    assertThat(Features.name(person("Мухаммед Юсупов"), person("YUSUPOV, Mohammed")))
        .isLessThanOrEqualTo((byte) 3);
    assertThat(nameLevel(person("T. de Jong"), person("Thijs de Jong")))
        .isEqualTo("one name is part or initials of the other");
    assertThat(nameLevel(person("Theodore"), person("Theodore Morris")))
        .isEqualTo("one name is part or initials of the other");
    assertThat(nameLevel(person("M. Yilmaz"), person("YILMAZ M")))
        .as("an initial is weaker evidence than a full given name, even when spelt the same")
        .isEqualTo("one name is part or initials of the other");
    assertThat(nameLevel(person("P. de Vries"), person("Jan de Vries"))).isEqualTo("different");
  }

  @Test
  void givenNameVariantsAreCloseForPersonsOnly() {
    String close = Comparison.NAME.levels().get(2);
    assertThat(nameLevel(person("Kees Visser"), person("Cornelis Visser"))).isEqualTo(close);
    assertThat(nameLevel(person("Tom Chudleigh"), person("Thomas Chudleigh"))).isEqualTo(close);
    assertThat(nameLevel(person("Karl Grinstead"), person("Charles Grinstead"))).isEqualTo(close);
    assertThat(nameLevel(person("Bob Smit"), person("Rob Smit")))
        .as("two nicknames of Robert, though three letters each")
        .isEqualTo(close);
    assertThat(nameLevel(person("Kees Visser"), person("Pieter Visser"))).isEqualTo("different");
    assertThat(nameLevel(person("Bill Visser"), person("Robert Visser")))
        .as("no group holds both")
        .isNotEqualTo(close);
    assertThat(nameLevel(company("Kees Transport B.V."), company("Cornelis Transport B.V.")))
        .as("a firm's words are not given names")
        .isNotEqualTo(close);
    assertThat(GivenNames.variants("jo", "johanna")).isTrue();
    assertThat(GivenNames.variants("jo", "jan")).isFalse();
  }

  @Test
  void companiesCompareWithoutLegalFormsEvenMistyped() {
    assertThat(
            Features.name(
                company("Golden Lotus Trading Limied"), company("GOLDEN LOTUS TRADING LTD.")))
        .isZero();
    assertThat(
            Features.name(
                company("Maas Fresh Import besloten vennootschap"),
                company("MAAS FRESH IMPORT B.V.")))
        .isZero();
    assertThat(
            Features.name(
                company("MARISCOS DEL SUR RESTREPO Y GARCÍA CHICLAYO SOCIEDAD ANÓNIMA"),
                company("Mariscos del Sur Restrepo y García Chiclayo S.A.")))
        .as("a particle in a firm's name is no initial")
        .isZero();
    assertThat(
            Features.name(
                company("Vos Antwerpen Fresh Import B.V."), company("Vos Fresh Import B.V.")))
        .as("a place in a trade name sets two firms apart")
        .isGreaterThan((byte) 1);
    // misses of the scenario at 1M: letters swapped or left out in the legal form
    assertThat(
            Features.name(
                company("Tulp Koster Europe Transport besloten vennootshcap"),
                company("Tulp Koster Europe Transport B.V.")))
        .isZero();
    assertThat(
            Features.name(
                company("Rijnmond Claes Schiedam Vastgoed vennootschap onder fira"),
                company("Rijnmond Claes Schiedam Vastgoed V.O.F.")))
        .isZero();
    assertThat(
            Features.name(
                company("Golden Lotus Tsang & Kwok Trust Trading imited"),
                company("Golden Lotus Tsang & Kwok Trust Trading tLd")))
        .isZero();
    assertThat(
            Features.name(
                company("JADE GATE LAU & KWOK RIJNMOND TRADING LTD"),
                company("Jade Gate Lau & Kwok Rijnmond Trading LLtd.")))
        .isZero();
    assertThat(
            Features.name(
                company("Marsicos del Sur Rodríguez Sincelejo Export S.A."),
                company("MARISCOS DEL SUR RODRÍGUEZ SINCELEJO EXPORT SOCIEDAD ANÓNIMA")))
        .as("one word mistyped")
        .isEqualTo((byte) 2);
    assertThat(
            Features.name(
                company("HARBOUR STAR CHEUNG & LAW CENTRUM TRADING LIMITED"),
                company("Harbour Star Chan & Law Centrum Trading Ltd")))
        .as("one word another: another firm")
        .isEqualTo(Comparison.NAME_DIFFERENT);
    assertThat(
            Features.name(
                company("Noordzee Dijk Rotterdam Transport B.V"),
                company("Noordzee Dijkstra Rotterdam Transport B.V.")))
        .isEqualTo(Comparison.NAME_DIFFERENT);
    assertThat(Features.name(company("Wonder Trading B.V."), company("Order Trading B.V.")))
        .as("a short word away from the legal form is a name")
        .isGreaterThan((byte) 1);
  }

  @Test
  void identifiersCompareOnlyWithinTheirKind() {
    assertThat(Features.documents(Set.of("doc:X123"), Set.of("iban:NL91ABNA0417164300")))
        .isEqualTo(Comparison.MISSING);
    assertThat(Features.documents(Set.of("doc:X123"), Set.of("doc:Y999"))).isEqualTo((byte) 2);
    assertThat(
            Features.documents(
                Set.of("email:j.lee86@roberson.com"), Set.of("email:j.lee86@ro6berson.com")))
        .isEqualTo((byte) 1);
    byte[] levels = new byte[Comparison.COUNT];
    Features.compare(
        company("Vos Fresh Import B.V.", "reg:BE0700808342"),
        company("Vos Fresh Import B.V.", "reg:BE0398811241"),
        levels);
    assertThat(Comparison.REGISTRATION.levels().get(levels[Comparison.REGISTRATION.index()]))
        .isEqualTo("both registered, numbers differ");
  }

  @Test
  void datesOfBirthLevels() {
    assertThat(Features.dob("1985-03-12", "1985-12-03")).isEqualTo((byte) 1);
    assertThat(Features.dob("1985-03-12", "1985-03-13")).isEqualTo((byte) 2);
    assertThat(Features.dob("1987-06-26", "1988-06-27")).isEqualTo((byte) 3);
    assertThat(Features.dob("1985-03-12", "1985")).isEqualTo((byte) 4);
    assertThat(Features.dob("1985-03", "1985-03-12")).isEqualTo((byte) 4);
    assertThat(Features.dob("1985-03-12", "1985-07-30"))
        .as("two full dates in one year, otherwise different, are not a partial date")
        .isEqualTo((byte) 5);
    assertThat(Features.dob("1985-04", "1985-03-12")).isEqualTo((byte) 5);
    assertThat(Features.dob("1985-03-12", "1961-07-30")).isEqualTo((byte) 6);
    assertThat(Features.dob("1985", "1961-07-30")).isEqualTo((byte) 6);
  }

  @Test
  void shortTokensAreOtherNamesUnlessTwoLettersSwapped() {
    assertThat(Edits.swapped("bos", "bso")).isTrue();
    assertThat(Edits.swapped("lam", "law")).isFalse();
    assertThat(
            nameLevel(
                company("Jade Gate Lam Direct Trading Ltd."),
                company("Jade Gate Law Direct Trading Ltd.")))
        .isEqualTo("different");
    assertThat(
            nameLevel(
                company("Golden Lotus Leung & Ho West Trading Ltd"),
                company("Golden Lotus Yeung West Trading Limited")))
        .as("a firm's two-letter founder is part of its name")
        .isNotIn(Comparison.NAME.levels().get(2), Comparison.NAME.levels().get(3));
    assertThat(nameLevel(person("Femke Bos"), person("Femke Bso"))).isNotEqualTo("different");
    assertThat(
            nameLevel(
                company("DRAGON PEARL HO UNITED TRADING LIMITED"),
                company("Dragon Pearl Ho & Chow United Trading Ltd")))
        .as("one more founder makes another firm, though Chow is near Ho letter by letter")
        .isEqualTo("different");
  }

  @Test
  void blockSizeLimitFallsWithTheNumberOfRecords() {
    assertThat(Resolution.maxBlockFor(1_000)).isEqualTo(Resolution.DEFAULT_MAX_BLOCK);
    assertThat(Resolution.maxBlockFor(100_000)).isEqualTo(Resolution.DEFAULT_MAX_BLOCK);
    assertThat(Resolution.maxBlockFor(1_000_000)).isEqualTo(200);
    assertThat(Resolution.maxBlockFor(10_000_000)).isEqualTo(200);
    assertThat(Resolution.maxBlockFor(300_000)).isBetween(200, Resolution.DEFAULT_MAX_BLOCK);
  }

  @Test
  void legalFormsNormaliseToOneCode() {
    assertThat(LegalForms.of("Maas Fresh Import besloten vennootschap")).isEqualTo("bv");
    assertThat(LegalForms.of("MAAS FRESH IMPORT B.V")).isEqualTo("bv");
    assertThat(LegalForms.of("Smit Antwerpen Trading BVBA")).isEqualTo("bv");
    assertThat(LegalForms.of("Van de Velde Trading V.O.F.")).isEqualTo("vof");
    assertThat(LegalForms.of("Anadolu Gıda Limited Şirketi")).isEqualTo("ltd sti");
    assertThat(LegalForms.of("Anadolu Gida Ltd. Şti.")).isEqualTo("ltd sti");
    assertThat(LegalForms.of("Pacific Bright Trading Limited")).isEqualTo("ltd");
    assertThat(LegalForms.of("Gulf Star General Trading L.L.C.")).isEqualTo("llc");
    assertThat(LegalForms.of("Gulf Star Limited Liability Company")).isEqualTo("llc");
    assertThat(LegalForms.of("Café Sierra Nevada Export S.A.S.")).isEqualTo("sas");
    assertThat(LegalForms.of("Bananera El Oro Sociedad Anónima")).isEqualTo("sa");
    assertThat(LegalForms.of("Deutsche Handels GmbH")).isEqualTo("gmbh");
    assertThat(LegalForms.of("Jan de Vries")).isNull();
    assertThat(LegalForms.of("Zuluaga Centrum Trading venonotschap onder firma")).isEqualTo("vof");
    assertThat(LegalForms.of("Rijnmond Claes Vastgoed vennootschap onder fira")).isEqualTo("vof");
    assertThat(LegalForms.of("Golden Lotus Trading tLd")).isEqualTo("ltd");
    assertThat(LegalForms.of("Wonder Trading")).isNull();
    byte[] levels = new byte[Comparison.COUNT];
    Features.compare(
        company("Şahin Trading V.O.F.", "reg:NL322634707"),
        company("Şahin Trading B.V.", "reg:80748644"),
        levels);
    assertThat(levels[Comparison.NAME.index()]).isEqualTo((byte) 0);
    assertThat(Comparison.LEGAL_FORM.levels().get(levels[Comparison.LEGAL_FORM.index()]))
        .isEqualTo("different");
  }

  @Property(tries = 3000)
  void boundedEditDistanceAgreesWithFullLevenshtein(
      @ForAll @StringLength(max = 12) String a,
      @ForAll @StringLength(max = 12) String b,
      @ForAll @IntRange(min = 0, max = 3) int k) {
    assertThat(Edits.atMost(a, b, k)).isEqualTo(levenshtein(a, b) <= k);
  }

  @Property(tries = 2000)
  void boundedEditDistanceOnNearStrings(
      @ForAll @StringLength(min = 1, max = 10) String a,
      @ForAll @IntRange(min = 0, max = 9) int at,
      @ForAll char c,
      @ForAll @IntRange(min = 0, max = 2) int k) {
    int i = Math.min(at, a.length() - 1);
    String b = a.substring(0, i) + c + a.substring(i + 1);
    String d = a.substring(0, i) + a.substring(i + 1);
    assertThat(Edits.atMost(a, b, k)).isEqualTo(levenshtein(a, b) <= k);
    assertThat(Edits.atMost(a, d, k)).isEqualTo(levenshtein(a, d) <= k);
  }

  private static int levenshtein(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
        } else {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  @Property(tries = 3000)
  void jaroWinklerAgreesWithATextbookImplementation(
      @ForAll @StringLength(max = 70) String a, @ForAll @StringLength(max = 70) String b) {
    assertThat(JaroWinkler.similarity(a, b)).isCloseTo(textbook(a, b), within(1e-12));
  }

  @Property(tries = 2000)
  void jaroWinklerOnNearNames(
      @ForAll @StringLength(min = 1, max = 12) String a,
      @ForAll @IntRange(min = 0, max = 11) int at) {
    int i = Math.min(at, a.length() - 1);
    String b = a.substring(0, i) + a.substring(i + 1) + a.charAt(i);
    assertThat(JaroWinkler.similarity(a, b)).isCloseTo(textbook(a, b), within(1e-12));
  }

  /** Jaro-Winkler as usually written: boolean arrays, no shortcuts. */
  private static double textbook(String a, String b) {
    if (a.equals(b)) {
      return a.isEmpty() ? 0 : 1;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] ma = new boolean[a.length()];
    boolean[] mb = new boolean[b.length()];
    int m = 0;
    for (int i = 0; i < a.length(); i++) {
      for (int j = Math.max(0, i - window); j <= Math.min(b.length() - 1, i + window); j++) {
        if (!mb[j] && a.charAt(i) == b.charAt(j)) {
          ma[i] = true;
          mb[j] = true;
          m++;
          break;
        }
      }
    }
    if (m == 0) {
      return 0;
    }
    int t = 0;
    for (int i = 0, k = 0; i < a.length(); i++) {
      if (ma[i]) {
        while (!mb[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k++)) {
          t++;
        }
      }
    }
    double jaro = ((double) m / a.length() + (double) m / b.length() + (m - t / 2.0) / m) / 3;
    int p = 0;
    while (p < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(p) == b.charAt(p)) {
      p++;
    }
    return jaro + p * 0.1 * (1 - jaro);
  }
}
