package org.spil.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * Canonical ids that survive reruns: an id an analyst has written into a report must keep naming
 * the same person when a batch adds a record to the cluster or a judgement moves one out. Each
 * earlier id goes to the new cluster that holds most of its earlier members (largest overlaps
 * first, each id and each cluster used once); a cluster left without one gets an id derived from
 * its smallest member, never one that an earlier cluster used.
 */
final class StableIds {
  private StableIds() {}

  static List<Resolution.Cluster> assign(
      List<? extends SortedSet<String>> groups, Map<String, String> previous) {
    record Overlap(int group, String id, int count) {}
    List<Overlap> overlaps = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Map<String, Integer> counts = new HashMap<>();
      for (String member : groups.get(g)) {
        String was = previous.get(member);
        if (was != null) {
          counts.merge(was, 1, Integer::sum);
        }
      }
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        overlaps.add(new Overlap(g, e.getKey(), e.getValue()));
      }
    }
    overlaps.sort(
        (x, y) ->
            x.count() != y.count()
                ? Integer.compare(y.count(), x.count())
                : x.id().compareTo(y.id()));
    String[] ids = new String[groups.size()];
    Set<String> used = new HashSet<>(previous.values());
    Set<String> given = new HashSet<>();
    for (Overlap o : overlaps) {
      if (ids[o.group()] == null && given.add(o.id())) {
        ids[o.group()] = o.id();
      }
    }
    List<Resolution.Cluster> out = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      String id = ids[g];
      if (id == null) {
        String first = groups.get(g).first();
        id = canonicalId(first);
        for (int attempt = 1; used.contains(id) || given.contains(id); attempt++) {
          id = canonicalId(first + "#" + attempt);
        }
        given.add(id);
      }
      out.add(new Resolution.Cluster(id, List.copyOf(groups.get(g))));
    }
    out.sort((x, y) -> x.canonicalId().compareTo(y.canonicalId()));
    return out;
  }

  /** What every canonical id starts with. */
  static final String PREFIX = "NK-";

  static String canonicalId(String seed) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-1");
      return PREFIX
          + HexFormat.of()
              .formatHex(sha.digest(seed.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
