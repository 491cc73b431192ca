package org.spil.app;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.spil.analysis.network.Network;
import org.spil.synth.GroundTruth;

/**
 * Scores a ranking of network nodes against the scenario's planted roles: the chat handles of the
 * leaders and brokers of every planted network. Recall at k is the share of those handles (present
 * in the network) found among the k best-ranked nodes, with k the number of such handles.
 */
public final class PlantedRoles {
  /** Handles found among the top k, and k: the number of those handles present. */
  public record Recall(int found, int k) {
    public double value() {
      return k == 0 ? 0 : (double) found / k;
    }
  }

  private PlantedRoles() {}

  public static Set<String> handles(GroundTruth truth) {
    Set<String> out = new HashSet<>();
    for (GroundTruth.Member m : truth.members()) {
      if (m.role().equals("leader") || m.role().equals("broker")) {
        m.handles().forEach(h -> out.add(h.toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  public static Recall recall(Network net, double[] score, Set<String> handles) {
    Set<Integer> targets = new HashSet<>();
    for (int v = 0; v < net.size(); v++) {
      if (handles.contains(net.caption(v).toLowerCase(Locale.ROOT))) {
        targets.add(v);
      }
    }
    int k = targets.size();
    List<Integer> top =
        IntStream.range(0, net.size())
            .boxed()
            .sorted((a, b) -> Double.compare(score[b], score[a]))
            .limit(k)
            .toList();
    int found = (int) top.stream().filter(targets::contains).count();
    return new Recall(found, k);
  }
}
