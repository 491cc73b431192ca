package org.spil.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * One fact: entity, schema, property and normalised value, with the value as the source wrote it
 * and the batch (and so the {@link Provenance}) it came from. The id hashes dataset, entity,
 * property and value, so the same fact from the same dataset is stored once however often it is
 * ingested; {@code firstSeen} and {@code lastSeen} record when it was supplied.
 */
public record Statement(
    String id,
    String entityId,
    String schema,
    String prop,
    String value,
    String originalValue,
    String lang,
    long batchId,
    LocalDate firstSeen,
    LocalDate lastSeen) {

  /**
   * The pseudo-property whose statement records that an entity exists, with its schema and
   * provenance, even when none of its other values is valid (as nomenklatura does).
   */
  public static final String ID_PROP = "id";

  /**
   * A statement's id as exported and audited: the MD5 digest of dataset, entity, property and value
   * (UTF-8, joined by NUL characters) as 32 hex digits, so that the warehouse can compute it in SQL
   * instead of storing it with every statement.
   */
  public static String makeId(String dataset, String entityId, String prop, String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest(
                  (dataset + '\u0000' + entityId + '\u0000' + prop + '\u0000' + value)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /**
   * A 128-bit content hash (MurmurHash3) of the same fields as two longs (high, low): the key by
   * which a batch drops statements it has already staged. Cheaper than {@link #makeId}; never
   * stored.
   */
  public static long[] hash(String dataset, String entityId, String prop, String value) {
    byte[] buffer = BUFFER.get();
    int needed = 3 * (dataset.length() + entityId.length() + prop.length() + value.length()) + 3;
    if (buffer.length < needed) {
      buffer = new byte[Math.max(needed, buffer.length * 2)];
      BUFFER.set(buffer);
    }
    int n = utf8(dataset, buffer, 0);
    buffer[n++] = 0;
    n = utf8(entityId, buffer, n);
    buffer[n++] = 0;
    n = utf8(prop, buffer, n);
    buffer[n++] = 0;
    n = utf8(value, buffer, n);
    return MurmurHash3.hash128x64(buffer, 0, n, 0x5b1);
  }

  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[512]);

  /** Writes the UTF-8 bytes of s at offset (ASCII copied directly); returns the new offset. */
  private static int utf8(String s, byte[] out, int offset) {
    int n = offset;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        byte[] bytes = s.substring(i).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, out, n, bytes.length);
        return n + bytes.length;
      }
      out[n++] = (byte) c;
    }
    return n;
  }
}
