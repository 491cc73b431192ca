package org.spil.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Canonical ids carried over between runs: growth, merges, splits and new clusters. */
class StableIdsTest {
  private static TreeSet<String> group(String... members) {
    return new TreeSet<>(List.of(members));
  }

  private static Map<String, String> byMember(List<Resolution.Cluster> clusters) {
    Map<String, String> out = new HashMap<>();
    clusters.forEach(c -> c.members().forEach(m -> out.put(m, c.canonicalId())));
    return out;
  }

  @Test
  void aClusterThatGainsOrLosesARecordKeepsItsId() {
    Map<String, String> previous = Map.of("a", "NK-1", "b", "NK-1", "c", "NK-1", "d", "NK-2");
    Map<String, String> next =
        byMember(StableIds.assign(List.of(group("a", "b", "c", "e"), group("d")), previous));
    assertThat(next.get("e")).isEqualTo("NK-1");
    assertThat(next.get("d")).isEqualTo("NK-2");
    Map<String, String> smaller =
        byMember(StableIds.assign(List.of(group("a", "b"), group("c"), group("d")), previous));
    assertThat(smaller.get("a")).isEqualTo("NK-1");
    assertThat(smaller.get("c"))
        .as("the smaller part of a split gets a new id")
        .isNotIn("NK-1", "NK-2");
  }

  @Test
  void aMergeKeepsTheLargerClustersIdAndRetiredIdsAreNeverReused() {
    Map<String, String> previous = Map.of("a", "NK-1", "b", "NK-1", "c", "NK-2");
    List<Resolution.Cluster> merged =
        StableIds.assign(List.of(group("a", "b", "c"), group("x")), previous);
    Map<String, String> ids = byMember(merged);
    assertThat(ids.get("c")).isEqualTo("NK-1");
    assertThat(ids.get("x")).isNotIn("NK-1", "NK-2").startsWith("NK-");
    assertThat(StableIds.assign(List.of(group("x")), Map.of()).get(0).canonicalId())
        .as("without history the id derives from the smallest member, as before")
        .isEqualTo(StableIds.canonicalId("x"));
  }
}
