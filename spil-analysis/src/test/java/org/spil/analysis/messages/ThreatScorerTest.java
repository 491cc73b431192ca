package org.spil.analysis.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.spil.model.InvalidField;

/**
 * The threat signals and the scorer: signals read from the users' list (every bad line refused by
 * file, line and field), matched on whole words whatever their case and accents, with prefixes and
 * gaps; scores that rise with evidence, count the conversation at half weight, and stay low without
 * a threat or weapon of the message's own.
 */
class ThreatScorerTest {
  static final ThreatScorer DEFAULT = new ThreatScorer(ThreatSignals.defaults());

  static double score(String text, String language, String... context) {
    return DEFAULT.score(text, language, List.of(context)).value();
  }

  @Test
  void threatsInEachLanguageScoreHighAndEverydayTalkDoesNot() {
    assertThat(score("Rooie praat met de politie, hij moet weg. vannacht nog", "nld"))
        .isGreaterThan(0.9);
    assertThat(score("maak Spin koud, 50k als het klaar is", "nld")).isGreaterThan(0.8);
    assertThat(score("Joker is talking to the cops, he has to go tonight", "eng"))
        .isGreaterThan(0.9);
    assertThat(score("il faut buter Tito ce soir", "fra")).isGreaterThan(0.85);
    assertThat(score("heb je nog wit? 20 stuks voor morgen", "nld"))
        .isLessThanOrEqualTo(ThreatScorer.WITHOUT_THREAT);
    assertThat(score("bel me op +31 6 1234 5678", "nld")).isZero();
    // talk of the police alone is a reason to look only beside a threat
    assertThat(score("hij praat met de politie, vannacht", "nld"))
        .isLessThanOrEqualTo(ThreatScorer.WITHOUT_THREAT);
  }

  @Test
  void theConversationBeforeCountsAtHalfWeight() {
    double alone = score("neem het ijzer mee", "nld");
    double after = score("neem het ijzer mee", "nld", "Spin praat met de politie");
    double inIt = score("Spin praat met de politie, neem het ijzer mee", "nld");
    assertThat(after).isGreaterThan(alone).isLessThan(inIt);
    ThreatScorer.Score s =
        DEFAULT.score("neem het ijzer mee", "nld", List.of("Spin praat met de politie"));
    assertThat(s.reasons())
        .extracting(ThreatScorer.Reason::category, ThreatScorer.Reason::context)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("weapon", false),
            org.assertj.core.groups.Tuple.tuple("informant", true));
    assertThat(s.reasons().get(1).toString())
        .isEqualTo("informant: 'praat met de politie' in the conversation before (nld, 0.225)");
  }

  @Test
  void signalsOfAnotherLanguageAreNotLookedFor() {
    ThreatSignals list = ThreatSignals.parse("eng threat 0.9 kill*\nnld urgency 0.2 morgen\n", "t");
    ThreatScorer scorer = new ThreatScorer(list);
    assertThat(scorer.score("kill him", "eng", List.of()).value()).isCloseTo(0.9, within(1e-9));
    assertThat(scorer.score("killing", "eng", List.of()).value()).isCloseTo(0.9, within(1e-9));
    assertThat(scorer.score("skill", "eng", List.of()).value()).isZero();
    assertThat(scorer.score("kill him", "nld", List.of()).value()).isZero();
    // a message of unknown language is looked at for every signal
    assertThat(scorer.score("kill him", null, List.of()).value()).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void gapsAndPrefixes() {
    ThreatSignals list =
        ThreatSignals.parse("any threat 0.8 maak * koud\nany weapon 0.5 kalasj*\n", "t");
    ThreatScorer scorer = new ThreatScorer(list);
    assertThat(scorer.score("MAAK HEM KOUD", "nld", List.of()).value())
        .isCloseTo(0.8, within(1e-9));
    assertThat(scorer.score("maak koud", "nld", List.of()).value()).isZero();
    assertThat(scorer.score("maak hem maar koud", "nld", List.of()).value()).isZero();
    assertThat(scorer.score("twee kalasjnikovs", "nld", List.of()).value())
        .isCloseTo(0.5, within(1e-9));
  }

  @Test
  void badLinesAreRefusedByFileLineAndField() {
    assertThatThrownBy(
            () -> ThreatSignals.parse("nld threat 0.8 moet weg\nxx threat 0.5 a", "f.txt"))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("f.txt:2: language");
    assertThatThrownBy(() -> ThreatSignals.parse("nld danger 0.8 moet weg", "f.txt"))
        .hasMessageContaining("f.txt:1: category");
    assertThatThrownBy(() -> ThreatSignals.parse("nld threat 1.5 moet weg", "f.txt"))
        .hasMessageContaining("f.txt:1: weight");
    assertThatThrownBy(() -> ThreatSignals.parse("nld threat 0.5", "f.txt"))
        .hasMessageContaining("f.txt:1: line");
    assertThatThrownBy(() -> ThreatSignals.parse("nld threat 0.5 * *", "f.txt"))
        .hasMessageContaining("f.txt:1: words");
    assertThatThrownBy(() -> ThreatSignals.parse("nld threat 0.5 moet\u202eweg", "f.txt"))
        .hasMessageContaining("f.txt:1: words");
    assertThatThrownBy(() -> ThreatSignals.parse("# only context\nnld urgency 0.2 morgen", "f.txt"))
        .hasMessageContaining("no threat or weapon signal");
  }

  @Property
  void matchingIgnoresCaseAndAccents(@ForAll("words") String word, @ForAll boolean upper) {
    ThreatSignals list = ThreatSignals.parse("any threat 0.7 " + word, "t");
    String text = "iets " + (upper ? word.toUpperCase(Locale.ROOT) : word) + " anders";
    String plain =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    ThreatScorer scorer = new ThreatScorer(list);
    assertThat(scorer.score(text, null, List.of()).value()).isCloseTo(0.7, within(1e-9));
    assertThat(scorer.score(plain, null, List.of()).value()).isCloseTo(0.7, within(1e-9));
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings()
        .withChars("abcdeéèfghijklmnoöpqrstuüvwxyzç")
        .ofMinLength(2)
        .ofMaxLength(10);
  }

  @Property
  void moreEvidenceNeverLowersAScore(
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double w1,
      @ForAll @DoubleRange(min = 0.01, max = 0.99) double w2) {
    String list =
        String.format(Locale.ROOT, "any threat %.2f alfa\nany informant %.2f bravo\n", w1, w2);
    ThreatScorer scorer = new ThreatScorer(ThreatSignals.parse(list, "t"));
    double one = scorer.score("alfa", null, List.of()).value();
    double both = scorer.score("alfa bravo", null, List.of()).value();
    double context = scorer.score("alfa", null, List.of("bravo")).value();
    assertThat(both).isGreaterThanOrEqualTo(one);
    assertThat(context).isBetween(one, both);
    assertThat(both).isLessThan(1.0);
  }
}
