package org.spil.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets that make a data directory's audit log hard to rewrite, kept apart from it: a MAC key
 * (HMAC-SHA256 over each entry's hash, so that an entry changed and the chain recomputed does not
 * verify without it) and an Ed25519 key pair (signs the anchors a privacy officer keeps elsewhere).
 * One owner-only file per data directory: {@code SPIL_AUDIT_KEY} when set, else {@code
 * KEYS/HASH.key}, where KEYS is the system property {@code spil.audit.keys}, the environment's
 * {@code SPIL_AUDIT_KEYS} or {@code ~/.spil/audit-keys}, and HASH the first 16 hex digits of the
 * SHA-256 of the directory's real path. The file also records the first entry it keyed: entries
 * before it (a log begun before keys, or a directory moved to where its key is not found) are
 * chained but not keyed.
 */
public final class AuditKey {
  private final Path file;
  private final byte[] mac;
  private final PrivateKey signing;
  private final PublicKey verifying;
  private final long keyedFrom;

  private AuditKey(Path file, byte[] mac, PrivateKey signing, PublicKey verifying, long keyedFrom) {
    this.file = file;
    this.mac = mac;
    this.signing = signing;
    this.verifying = verifying;
    this.keyedFrom = keyedFrom;
  }

  /** Where the key of a data directory is, or would be created. */
  public static Path locate(Path dataDir) {
    String explicit = System.getenv("SPIL_AUDIT_KEY");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String keys = System.getProperty("spil.audit.keys");
    if (keys == null || keys.isBlank()) {
      keys = System.getenv("SPIL_AUDIT_KEYS");
    }
    Path dir =
        keys == null || keys.isBlank()
            ? Path.of(System.getProperty("user.home"), ".spil", "audit-keys")
            : Path.of(keys);
    return dir.resolve(directoryHash(dataDir) + ".key");
  }

  private static String directoryHash(Path dataDir) {
    Path real;
    try {
      real = dataDir.toRealPath();
    } catch (IOException e) {
      real = dataDir.toAbsolutePath().normalize();
    }
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(real.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key of a data directory; null when there is none at its place. */
  public static AuditKey find(Path dataDir) {
    Path file = locate(dataDir);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      Map<String, String> v = new LinkedHashMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith("#")) {
          v.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
      Base64.Decoder b64 = Base64.getDecoder();
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      return new AuditKey(
          file,
          b64.decode(required(v, "mac", file)),
          kf.generatePrivate(
              new PKCS8EncodedKeySpec(b64.decode(required(v, "sign-private", file)))),
          kf.generatePublic(new X509EncodedKeySpec(b64.decode(required(v, "sign-public", file)))),
          Long.parseLong(required(v, "keyed-from", file)));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new StoreException("unreadable audit key " + file + ": " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> v, String key, Path file) {
    String s = v.get(key);
    if (s == null) {
      throw new IllegalArgumentException("no '" + key + ":' line in " + file);
    }
    return s;
  }

  /** Creates the key of a data directory, keying entries from {@code keyedFrom} on. */
  static AuditKey create(Path dataDir, long keyedFrom) {
    Path file = locate(dataDir);
    try {
      byte[] mac = new byte[32];
      new SecureRandom().nextBytes(mac);
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Base64.Encoder b64 = Base64.getEncoder();
      String text =
          "# Spil audit key of "
              + dataDir.toAbsolutePath().normalize()
              + "\n# Keep it apart from the data directory: whoever holds it can rewrite the log"
              + " after the last anchor.\n"
              + "mac: "
              + b64.encodeToString(mac)
              + "\nsign-private: "
              + b64.encodeToString(pair.getPrivate().getEncoded())
              + "\nsign-public: "
              + b64.encodeToString(pair.getPublic().getEncoded())
              + "\nkeyed-from: "
              + keyedFrom
              + "\n";
      OwnerOnly.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, OwnerOnly.file());
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(tmp);
        return find(dataDir);
      }
      return new AuditKey(file, mac, pair.getPrivate(), pair.getPublic(), keyedFrom);
    } catch (IOException | GeneralSecurityException e) {
      throw new StoreException("cannot create the audit key " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** The first entry this key keyed. */
  public long keyedFrom() {
    return keyedFrom;
  }

  /** The MAC of an entry's hash (hex). */
  String mac(String hash) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(mac, "HmacSHA256"));
      return HexFormat.of().formatHex(m.doFinal(hash.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Ed25519 signature of a text, base64. */
  String sign(String text) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(signing);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public half of the signing key, base64 (X.509). */
  public String publicKey() {
    return Base64.getEncoder().encodeToString(verifying.getEncoded());
  }

  /** Whether a base64 signature of a text verifies with a base64 (X.509) Ed25519 public key. */
  static boolean verifies(String publicKey, String text, String signature) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
