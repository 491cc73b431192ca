package org.spil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spil bench phones}: both sides give the same E.164 for every generated number. */
class PhoneBenchTest {
  @Test
  void spilAndLibphonenumberAgreeOnEveryNumber() {
    Cli.Result r = Cli.run("bench", "phones", "--numbers", "3000", "--rounds", "2");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("3,000 numbers, same answer for each").doesNotContain("DISAGREE");
  }

  @Test
  void refusesASingleRound() {
    Cli.Result r = Cli.run("bench", "phones", "--rounds", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--rounds at least 2");
  }
}
