package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pairwise and exact-cluster scores on a hand-counted example. */
class ScoreTest {
  @Test
  void pairwiseAndExactClusterScores() {
    Map<String, String> truth = Map.of("a", "X", "b", "X", "c", "X", "d", "Y", "e", "Z");
    List<Resolution.Cluster> clusters =
        List.of(
            new Resolution.Cluster("1", List.of("a", "b")),
            new Resolution.Cluster("2", List.of("c", "d")),
            new Resolution.Cluster("3", List.of("e", "unknown")));
    Score pairs = Score.pairwise(clusters, truth);
    assertThat(pairs.truePairs()).isEqualTo(3);
    assertThat(pairs.predictedPairs()).isEqualTo(2);
    assertThat(pairs.correctPairs()).isEqualTo(1);
    Score exact = Score.exactClusters(clusters, truth);
    assertThat(exact.truePairs()).as("true identities").isEqualTo(3);
    assertThat(exact.predictedPairs()).as("clusters with known records").isEqualTo(3);
    assertThat(exact.correctPairs()).as("only {e} is exactly an identity").isEqualTo(1);
  }
}
