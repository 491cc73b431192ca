package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Addresses as sources write them, read into street key, number, addition, postcode and place, and
 * the address levels on the pairs the issue names and their nearest non-matches.
 */
class StreetAddressTest {
  private static String level(String a, String b) {
    byte l = Features.address(StreetAddress.parse(a), StreetAddress.parse(b));
    return l == Comparison.MISSING ? "missing" : Comparison.ADDRESS.levels().get(l);
  }

  private static final String SAME = Comparison.ADDRESS.levels().get(0);
  private static final String CLOSE = Comparison.ADDRESS.levels().get(1);
  private static final String BUILDING = Comparison.ADDRESS.levels().get(2);
  private static final String OTHER_NUMBER = Comparison.ADDRESS.levels().get(4);
  private static final String DIFFERENT = Comparison.ADDRESS.levels().get(6);

  @Test
  void readsDutchBelgianAndEnglishLines() {
    assertThat(StreetAddress.parse("Kruiskade 12a, 3012 EE Rotterdam"))
        .isEqualTo(new StreetAddress("kruiskade", "12", "a", "3012EE", "rotterdam"));
    assertThat(StreetAddress.parse("Kruiskade 12-A 3012EE ROTTERDAM"))
        .isEqualTo(new StreetAddress("kruiskade", "12", "a", "3012EE", "rotterdam"));
    assertThat(StreetAddress.parse("123 W 22nd St Apt 4, New York, NY 10011"))
        .isEqualTo(new StreetAddress("west22street", "123", "4", "10011", null));
    assertThat(StreetAddress.parse("Lange Kievitstraat 184a, 2846, Mechelen"))
        .isEqualTo(new StreetAddress("langekievitstraat", "184", "a", "2846", "mechelen"));
    assertThat(StreetAddress.parse("tq13 8df"))
        .isEqualTo(new StreetAddress(null, null, null, "TQ138DF", null));
    assertThat(StreetAddress.parse("Kerkstr. 5").street()).isEqualTo("kerkstraat");
    assertThat(StreetAddress.parse("St Johns Road 3").street())
        .as("St first is a saint, not a street")
        .isEqualTo("stjohnsroad");
    assertThat(StreetAddress.parse("   ")).isNull();
    assertThat(StreetAddress.parse(",,,")).isNull();
  }

  @Test
  void oneHouseWrittenTwoWays() {
    assertThat(level("Burg. de Raadtsingel 93-B, Dordrecht", "Burgemeester de Raadtsingel 93b"))
        .isEqualTo(SAME);
    assertThat(level("123 West 22nd Street", "123 W. 22 St.")).isEqualTo(SAME);
    assertThat(level("7 El Dorado Road", "7 Eldorado Rd")).isEqualTo(SAME);
    assertThat(level("Kerk straat 5", "Kerkstr. 5")).isEqualTo(SAME);
    assertThat(level("Vierambachtstraat 140, 3022 AB", "Vierambachtsstraat 140, 3022 AB"))
        .as("a typing error in the street")
        .isEqualTo(CLOSE);
    assertThat(level("140, 3022 AB", "Vierambachtsstraat 140, 3022 AB"))
        .as("the house known by postcode and number")
        .isEqualTo(CLOSE);
  }

  @Test
  void nearestNonMatchesAreOtherDwellings() {
    assertThat(level("Kruiskade 12a", "Kruiskade 12b")).isEqualTo(BUILDING);
    assertThat(level("Kruiskade 12", "Kruiskade 14")).isEqualTo(OTHER_NUMBER);
    assertThat(level("Kruiskade, 3012 EE Rotterdam", "Kruiskade 12, 3012 EE Rotterdam"))
        .isEqualTo(Comparison.ADDRESS.levels().get(3));
    assertThat(level("Kruiskade 12, 3012 EE Rotterdam", "Coolsingel 40, 3012 AB Rotterdam"))
        .as("the same postcode area only")
        .isEqualTo(Comparison.ADDRESS.levels().get(5));
    assertThat(level("Kerkstraat 12, 3012 EE Rotterdam", "Kerkstraat 12, 4811 AA Breda"))
        .as("Kerkstraat 12 is in every town")
        .isEqualTo(DIFFERENT);
    assertThat(level("Kerkstraat 12, Rotterdam", "Kerkstraat 12, Breda")).isEqualTo(DIFFERENT);
    assertThat(level("Kruiskade 12", "Coolsingel 12")).isEqualTo(DIFFERENT);
    assertThat(level("Kruiskade 12", null)).isEqualTo("missing");
  }

  @Property
  void addressLevelsAreSymmetric(
      @ForAll @StringLength(max = 40) String a, @ForAll @StringLength(max = 40) String b) {
    StreetAddress x = StreetAddress.parse(a);
    StreetAddress y = StreetAddress.parse(b);
    assertThat(Features.address(x, y)).isEqualTo(Features.address(y, x));
    if (x != null && x.street() != null && x.house() != null) {
      assertThat(Features.address(x, x)).isZero();
    }
  }

  @Property
  void anyTextParsesOrIsNothing(@ForAll @StringLength(max = 200) String text) {
    StreetAddress a = StreetAddress.parse(text);
    if (a != null) {
      assertThat(a.street() != null || a.postcode() != null).isTrue();
    }
  }

  @Property
  void addressesDoNotChangeSymmetryOfWholeComparisons(
      @ForAll @StringLength(min = 1, max = 20) String name,
      @ForAll @StringLength(max = 30) String a,
      @ForAll @StringLength(max = 30) String b) {
    Features.Prepared x =
        Features.prepare(
            new ResolveRecord(
                "x", ResolveRecord.Kind.PERSON, name, null, Set.of(), Set.of(), null, null, a));
    Features.Prepared y =
        Features.prepare(
            new ResolveRecord(
                "y", ResolveRecord.Kind.PERSON, name, null, Set.of(), Set.of(), null, null, b));
    byte[] xy = new byte[Comparison.COUNT];
    byte[] yx = new byte[Comparison.COUNT];
    Features.compare(x, y, xy);
    Features.compare(y, x, yx);
    assertThat(xy).isEqualTo(yx);
  }
}
