package org.spil.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Entity ids as FollowTheMoney makes them: a SHA-1 over the dataset name, the mapping's key literal
 * and the values of its key columns. The same source record always gets the same id, so
 * re-ingesting a file does not create new entities.
 */
public final class EntityIds {
  private EntityIds() {}

  private static final ThreadLocal<MessageDigest> SHA1 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  /**
   * What an entity id may be made of: letters and digits, then also '.', '_', ':', '@' and '-', at
   * most 256 characters (FtM's hashes, OpenSanctions' slugs and Wikidata ids all fit). Anything
   * else, control characters and bidirectional overrides above all, is refused at ingest: an id is
   * printed raw in listings and must not be able to move a terminal's cursor or forge a line.
   */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,255}");

  /** Whether an id is made only of the characters an id may hold (see {@link #SAFE}). */
  public static boolean isSafe(String id) {
    return id != null && SAFE.matcher(id).matches();
  }

  /** Why an id is refused, for a reject. */
  public static final String UNSAFE =
      "not an entity id: letters and digits, then also . _ : @ -, at most 256 characters";

  /** The id, or null when every key value is empty (such a row cannot be identified). */
  public static String make(String dataset, String keyLiteral, List<String> keyValues) {
    boolean any = false;
    for (String v : keyValues) {
      any |= v != null && !v.isBlank();
    }
    if (!any) {
      return null;
    }
    MessageDigest sha1 = SHA1.get();
    sha1.reset();
    sha1.update(dataset.getBytes(StandardCharsets.UTF_8));
    sha1.update((byte) 0);
    if (keyLiteral != null) {
      sha1.update(keyLiteral.getBytes(StandardCharsets.UTF_8));
    }
    for (String v : keyValues) {
      sha1.update((byte) 0);
      if (v != null) {
        sha1.update(v.strip().getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha1.digest());
  }
}
