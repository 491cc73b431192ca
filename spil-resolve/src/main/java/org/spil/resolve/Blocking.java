package org.spil.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate pairs from blocking keys: name tokens and token pairs, phonetic codes and code pairs,
 * dates of birth, identifiers and email mailboxes. Frequency-aware: a key shared by more than
 * {@code maxBlock} records ("mohamed", "jansen") makes no pairs, so common names are paired only
 * through rarer keys; identifiers are kept up to ten times that size. Pairs are primitive longs (i
 * << 32 | j, i < j), sorted and unique.
 */
final class Blocking {
  private Blocking() {}

  static List<String> keys(Features.Prepared p) {
    List<String> keys = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (String t : p.tokens()) {
      if (t.length() >= 2) {
        tokens.add(t);
        keys.add("t:" + t);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      for (int j = i + 1; j < tokens.size(); j++) {
        keys.add("tt:" + tokens.get(i) + "|" + tokens.get(j));
      }
    }
    List<String> sounds = new ArrayList<>(p.sounds());
    for (int i = 0; i < sounds.size(); i++) {
      for (int j = i + 1; j < sounds.size(); j++) {
        keys.add("pp:" + sounds.get(i) + "|" + sounds.get(j));
      }
    }
    String dob = p.record().dob();
    if (dob != null && dob.length() == 10) {
      keys.add("d:" + dob);
      for (String s : sounds) {
        keys.add("dp:" + dob.substring(0, 4) + "|" + s);
      }
    }
    for (String id : p.record().identifiers()) {
      keys.add("i:" + id);
      int at = id.indexOf('@');
      if (id.startsWith("email:") && at > 9) {
        // the mailbox alone, so that a typing error in the domain still meets
        keys.add("e:" + id.substring(6, at));
      }
    }
    return keys;
  }

  /**
   * The candidate pairs; with {@code fresh}, only those in which at least one record is fresh (an
   * incremental run). Block sizes are always counted over all records.
   */
  static long[] pairs(List<Features.Prepared> records, int maxBlock, boolean[] fresh) {
    Map<String, int[]> blocks = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String k : keys(records.get(i))) {
        int[] list = blocks.get(k);
        int n = sizes.getOrDefault(k, 0);
        if (list == null) {
          list = new int[4];
        } else if (n == list.length) {
          list = Arrays.copyOf(list, n * 2);
        }
        list[n] = i;
        blocks.put(k, list);
        sizes.put(k, n + 1);
      }
    }
    long[] out = new long[1024];
    int count = 0;
    for (Map.Entry<String, int[]> e : blocks.entrySet()) {
      int n = sizes.get(e.getKey());
      int limit = e.getKey().startsWith("i:") ? maxBlock * 10 : maxBlock;
      if (n < 2 || n > limit) {
        continue;
      }
      int[] members = e.getValue();
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          int i = Math.min(members[a], members[b]);
          int j = Math.max(members[a], members[b]);
          if (i == j
              || (fresh != null && !fresh[i] && !fresh[j])
              || !records.get(i).record().kind().comparable(records.get(j).record().kind())) {
            continue;
          }
          if (count == out.length) {
            out = Arrays.copyOf(out, count * 2);
          }
          out[count++] = ((long) i << 32) | j;
        }
      }
    }
    long[] sorted = Arrays.copyOf(out, count);
    Arrays.sort(sorted);
    int unique = 0;
    for (int k = 0; k < sorted.length; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        sorted[unique++] = sorted[k];
      }
    }
    return Arrays.copyOf(sorted, unique);
  }
}
