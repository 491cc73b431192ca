package org.spil.app;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * How far a booked sum may be from the sum a chat says was moved: as precise as it was said (a sum
 * to the euro within a euro, a round sum within half its last unit), never more than five per cent.
 */
class PersonPaymentsTest {
  @Test
  void aSumIsAsPreciseAsItWasSaid() {
    assertThat(PersonPayments.slack(9437)).isEqualTo(1);
    assertThat(PersonPayments.slack(9437.5)).isEqualTo(1);
    assertThat(PersonPayments.slack(8900)).isEqualTo(50);
    assertThat(PersonPayments.slack(9000)).isEqualTo(450);
    assertThat(PersonPayments.slack(40_000)).isEqualTo(2000);
    assertThat(PersonPayments.slack(20)).isEqualTo(1);
  }

  @Property
  void theSlackIsAtLeastAEuroAndAtMostFivePerCent(
      @ForAll @LongRange(min = 1, max = 10_000_000_000L) long euros) {
    double slack = PersonPayments.slack(euros);
    assertThat(slack).isGreaterThanOrEqualTo(1);
    assertThat(slack).isLessThanOrEqualTo(Math.max(1, euros * PersonPayments.TOLERANCE));
    if (euros % 10 != 0) {
      assertThat(slack).isEqualTo(1);
    }
  }
}
