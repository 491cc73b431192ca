package org.spil.model;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

  /** The 128-bit content hash of a statement as 32 hex digits. */
  public static String makeId(String dataset, String entityId, String prop, String value) {
    long[] h = hash(dataset, entityId, prop, value);
    return hex(h[0], h[1]);
  }

  /** The content hash as two longs (high, low), the form the warehouse stores. */
  public static long[] hash(String dataset, String entityId, String prop, String value) {
    byte[] bytes =
        (dataset + '\u0000' + entityId + '\u0000' + prop + '\u0000' + value)
            .getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0x5b1);
  }

  public static String hex(long hi, long lo) {
    return String.format("%016x%016x", hi, lo);
  }
}
