package org.spil.policy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.spil.model.types.NameKeys;

/**
 * Keyed encodings for hit/no-hit between agencies, so that the shared match index never holds a
 * value. Exact identifiers (IBAN, phone, date of birth, document numbers) become HMAC-SHA256 with
 * the deployment secret. Names become hardened Bloom filters in the manner of cryptographic
 * long-term keys (Schnell et al.): the bigrams of the name's romanised, folded tokens (a set:
 * order-free) are each mapped by the keyed HMAC, salted with the kind of value, to {@link #HASHES}
 * positions of a 1,024-bit filter, which is then XOR-folded to {@link #BITS} bits (a published
 * hardening against frequency and pattern attacks). Filters compare by the Dice coefficient;
 * without the secret an attacker cannot compute the filter of a guessed name.
 */
public final class MatchCodes {
  public static final int BITS = 512;
  static final int HASHES = 15;
  private static final byte[] BIGRAM_SALT = "name-bigram".getBytes(StandardCharsets.UTF_8);

  /** Bigrams remembered at most; names in Latin script use a few thousand. */
  static final int BIGRAM_CACHE = 1 << 16;

  private final byte[] secret;

  /** Each thread's keyed HMAC (looking one up costs as much as computing a short code). */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /**
   * The filter positions of each bigram seen, as a 1,024-bit mask: a name's filter is the union of
   * its bigrams' masks, so a bigram's {@link #HASHES} positions are computed once, not once per
   * name (22 us per name before). Held only in this process, like the secret itself.
   */
  private final ConcurrentHashMap<String, long[]> bigrams = new ConcurrentHashMap<>();

  private final int bigramLimit;

  public MatchCodes(byte[] secret) {
    this(secret, BIGRAM_CACHE);
  }

  /** With a bound of its own on remembered bigrams (tests fill it). */
  MatchCodes(byte[] secret, int bigramLimit) {
    if (secret == null || secret.length < 32) {
      throw new PolicyException("the match secret must be at least 32 bytes");
    }
    this.secret = secret.clone();
    this.bigramLimit = bigramLimit;
  }

  /** How many bigrams this instance remembers. */
  int rememberedBigrams() {
    return bigrams.size();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This thread's HMAC, reset. */
  private Mac mac() {
    Mac mac = macs.get();
    mac.reset();
    return mac;
  }

  /**
   * The keyed code of an exact value of a kind ({@code iban}, {@code phone}, {@code dob}, {@code
   * id}).
   */
  public String exact(String kind, String normalisedValue) {
    Mac mac = mac();
    mac.update(kind.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The hardened Bloom filter of a name, as {@link #BITS} bits; null when the name has no letters.
   */
  public long[] name(String name) {
    Set<String> tokens = new TreeSet<>();
    for (String t : NameKeys.tokens(name)) {
      if (t.chars().anyMatch(Character::isLetter)) {
        tokens.add(t);
      }
    }
    if (tokens.isEmpty()) {
      return null;
    }
    for (String p : NameKeys.phonetic(tokens)) {
      tokens.add("#" + p);
    }
    long[] full = new long[1024 / 64];
    for (String token : tokens) {
      String padded = "_" + token + "_";
      for (int i = 0; i + 2 <= padded.length(); i++) {
        long[] mask = bigram(padded.substring(i, i + 2));
        for (int w = 0; w < full.length; w++) {
          full[w] |= mask[w];
        }
      }
    }
    long[] folded = new long[BITS / 64];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = full[i] ^ full[i + folded.length];
    }
    return folded;
  }

  /** The 1,024-bit mask of a bigram's keyed positions. */
  private long[] bigram(String bigram) {
    long[] mask = bigrams.get(bigram);
    if (mask != null) {
      return mask;
    }
    Mac mac = mac();
    mac.update(BIGRAM_SALT);
    byte[] h = mac.doFinal(bigram.getBytes(StandardCharsets.UTF_8));
    mask = new long[1024 / 64];
    for (int k = 0; k < HASHES; k++) {
      int pos = ((h[2 * k] & 0xff) << 8 | (h[2 * k + 1] & 0xff)) & 1023;
      mask[pos >>> 6] |= 1L << (pos & 63);
    }
    if (bigrams.size() < bigramLimit) {
      bigrams.put(bigram, mask);
    }
    return mask;
  }

  /** Dice coefficient of two filters: 2|A and B| / (|A| + |B|). */
  public static double dice(long[] a, long[] b) {
    int both = 0;
    int sum = 0;
    for (int i = 0; i < a.length; i++) {
      both += Long.bitCount(a[i] & b[i]);
      sum += Long.bitCount(a[i]) + Long.bitCount(b[i]);
    }
    return sum == 0 ? 0 : 2.0 * both / sum;
  }

  public static String encode(long[] filter) {
    ByteBuffer buf = ByteBuffer.allocate(filter.length * 8);
    for (long l : filter) {
      buf.putLong(l);
    }
    return Base64.getEncoder().withoutPadding().encodeToString(buf.array());
  }

  public static long[] decode(String code) {
    ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(code));
    long[] out = new long[buf.remaining() / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = buf.getLong();
    }
    return out;
  }

  /** An opaque, stable reference to an entity of a batch, for access requests. */
  public String reference(long batchId, String entityId) {
    return "REF-" + exact("reference", batchId + ":" + entityId).substring(0, 20).toUpperCase();
  }
}
