package org.spil.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Candidate pairs from blocking keys: name tokens and token pairs, phonetic codes and code pairs,
 * dates of birth, a person's dwelling (or postcode), identifiers and email mailboxes.
 * Frequency-aware: a key shared by more than {@code maxBlock} records ("mohamed", "jansen") makes
 * no pairs, so common names are paired only through rarer keys; identifiers are kept up to ten
 * times that size. Pairs are primitive longs (i << 32 | j, i < j), sorted and unique.
 */
final class Blocking {
  private Blocking() {}

  /**
   * The most tokens of one name that make pair and whole-name keys, whose number grows with the
   * square of the tokens: a name of thousands of words (hostile or broken input) must not make
   * millions of keys. Real names and trade names have far fewer.
   */
  static final int MAX_KEYED_TOKENS = 16;

  static List<String> keys(Features.Prepared p) {
    List<String> keys = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (String t : p.tokens()) {
      if (t.length() >= 2) {
        if (tokens.size() < MAX_KEYED_TOKENS) {
          tokens.add(t);
        }
        keys.add("t:" + t);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      for (int j = i + 1; j < tokens.size(); j++) {
        keys.add("tt:" + tokens.get(i) + "|" + tokens.get(j));
      }
    }
    if (tokens.size() >= 3) {
      // the whole name: a firm's name made of common words ("Mariscos del Sur Ospina Los Ríos")
      // has every token and token pair in too many records, but rarely its whole name
      keys.add("n:" + String.join("|", tokens));
    }
    if (tokens.size() >= 4) {
      // and the whole name but one token, under the same prefix: one mistyped word ("Marsicos
      // del Sur ...") or one word more ("K van de Velde" against "Katrien van de Velde")
      for (int i = 0; i < tokens.size(); i++) {
        StringBuilder k = new StringBuilder("n:");
        for (int j = 0; j < tokens.size(); j++) {
          if (j != i) {
            k.append(k.length() > 2 ? "|" : "").append(tokens.get(j));
          }
        }
        keys.add(k.toString());
      }
    }
    List<String> sounds =
        new ArrayList<>(p.sounds()).subList(0, Math.min(MAX_KEYED_TOKENS, p.sounds().size()));
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
    if (p.address() != null && p.record().kind() != ResolveRecord.Kind.COMPANY) {
      // the dwelling, or the postcode of an address that gives no number: records of one person
      // at one address meet whatever the spelling of the name ("Scotot" and "Archie Scott")
      String house = Resolution.householdKey(p);
      if (house != null) {
        keys.add("h:" + house);
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
   *
   * <p>On primitive arrays so that a million records fit: every (key, record) entry is one long,
   * the key's 64-bit hash above the record number, sorted so that each block is a run; then each
   * record gathers its partners from its blocks, without duplicates, in parallel. Pairs are never
   * materialised twice, whatever the number of keys two records share. Two keys whose hashes
   * collide make one block: a few extra candidates, never a lost one.
   */
  static long[] pairs(List<Features.Prepared> records, int maxBlock, boolean[] fresh) {
    int n = records.size();
    int recordBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    long recordMask = (1L << recordBits) - 1;
    long[][] perRecord =
        IntStream.range(0, n)
            .parallel()
            .mapToObj(i -> hashes(records.get(i), recordBits, i))
            .toArray(long[][]::new);
    int total = 0;
    for (long[] h : perRecord) {
      total += h.length;
    }
    long[] entries = new long[total];
    int e = 0;
    for (long[] h : perRecord) {
      System.arraycopy(h, 0, entries, e, h.length);
      e += h.length;
    }
    perRecord = null;
    Arrays.parallelSort(entries);
    // blocks as runs of equal keys; for each record, the blocks it is in
    int[] blockOf = new int[total];
    int[] blockStart = new int[total + 1];
    int blocks = 0;
    for (int k = 0; k < total; k++) {
      if (k == 0 || (entries[k] >>> recordBits) != (entries[k - 1] >>> recordBits)) {
        blockStart[blocks++] = k;
      }
      blockOf[k] = blocks - 1;
    }
    blockStart[blocks] = total;
    int[] start = new int[n + 1];
    for (long x : entries) {
      start[(int) (x & recordMask) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] mine = new int[total];
    for (int k = 0; k < total; k++) {
      mine[fill[(int) (entries[k] & recordMask)]++] = blockOf[k];
    }
    Index index = new Index(records, entries, blockStart, start, mine, recordMask, maxBlock, fresh);
    // two passes, counting then filling, so that the pairs are held once: at a million records
    // they are most of the memory
    int chunk = 2048;
    int chunks = (n + chunk - 1) / chunk;
    long[] counts =
        IntStream.range(0, chunks)
            .parallel()
            .mapToLong(c -> index.gather(c * chunk, Math.min(n, (c + 1) * chunk), null, 0))
            .toArray();
    long size = 0;
    long[] offsets = new long[chunks];
    for (int c = 0; c < chunks; c++) {
      offsets[c] = size;
      size += counts[c];
    }
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException(
          String.format(
              "%,d candidate pairs are more than one resolution can hold; lower the block size",
              size));
    }
    long[] out = new long[(int) size];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> index.gather(c * chunk, Math.min(n, (c + 1) * chunk), out, offsets[c]));
    return out;
  }

  /** The sorted (key, record) entries with their blocks, and each record's blocks. */
  private record Index(
      List<Features.Prepared> records,
      long[] entries,
      int[] blockStart,
      int[] start,
      int[] mine,
      long recordMask,
      int maxBlock,
      boolean[] fresh) {

    /**
     * The pairs of records {@code from} to {@code to} with their partners (j > i, comparable, from
     * blocks within the size limits), sorted and unique: written to {@code out} from {@code offset}
     * when it is not null; returns how many there are.
     */
    long gather(int from, int to, long[] out, long offset) {
      long count = 0;
      int[] partners = new int[256];
      for (int i = from; i < to; i++) {
        int found = 0;
        ResolveRecord.Kind kind = records.get(i).record().kind();
        for (int m = start[i]; m < start[i + 1]; m++) {
          int b = mine[m];
          int size = blockStart[b + 1] - blockStart[b];
          boolean identifier = entries[blockStart[b]] < 0;
          if (size < 2 || size > (identifier ? maxBlock * 10 : maxBlock)) {
            continue;
          }
          for (int k = blockStart[b]; k < blockStart[b + 1]; k++) {
            int j = (int) (entries[k] & recordMask);
            if (j <= i
                || (fresh != null && !fresh[i] && !fresh[j])
                || !kind.comparable(records.get(j).record().kind())) {
              continue;
            }
            if (found == partners.length) {
              partners = Arrays.copyOf(partners, found * 2);
            }
            partners[found++] = j;
          }
        }
        Arrays.sort(partners, 0, found);
        for (int k = 0; k < found; k++) {
          if (k > 0 && partners[k] == partners[k - 1]) {
            continue;
          }
          if (out != null) {
            out[(int) (offset + count)] = ((long) i << 32) | partners[k];
          }
          count++;
        }
      }
      return count;
    }
  }

  /**
   * A record's distinct keys as entries: the key's hash in the high bits (its top bit set for
   * identifier keys, which may make larger blocks), the record number in the low {@code
   * recordBits}.
   */
  private static long[] hashes(Features.Prepared p, int recordBits, int record) {
    List<String> keys = keys(p);
    long[] out = new long[keys.size()];
    for (int k = 0; k < out.length; k++) {
      String key = keys.get(k);
      long h = hash(key) >>> 1;
      if (key.startsWith("i:")) {
        h |= Long.MIN_VALUE;
      }
      out[k] = ((h >>> recordBits) << recordBits) | record;
    }
    Arrays.sort(out);
    int unique = 0;
    for (int k = 0; k < out.length; k++) {
      if (k == 0 || out[k] != out[k - 1]) {
        out[unique++] = out[k];
      }
    }
    return Arrays.copyOf(out, unique);
  }

  /** 64-bit FNV-1a over the characters, finished with a MurmurHash3 mix. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /** MurmurHash3's 64-bit finaliser: every input bit moves every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
