package org.spil.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes in the PHC string format of Argon2id ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with the parameters OWASP recommends as a minimum (19
 * MiB, 2 passes, 1 lane) and a 16-byte random salt. Verification is constant-time.
 */
public final class Passwords {
  private static final int MEMORY_KIB = 19456;
  private static final int ITERATIONS = 2;
  private static final int LANES = 1;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder D64 = Base64.getDecoder();

  private Passwords() {}

  public static String hash(char[] password) {
    if (password == null || password.length < 12) {
      throw new PolicyException("a password needs at least 12 characters");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + LANES
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  public static boolean verify(char[] password, String phc) {
    String[] parts = phc == null ? new String[0] : phc.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    int m = 0;
    int t = 0;
    int p = 0;
    for (String kv : parts[3].split(",")) {
      String[] pair = kv.split("=");
      int v = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> m = v;
        case "t" -> t = v;
        case "p" -> p = v;
        default -> {
          return false;
        }
      }
    }
    byte[] expected = D64.decode(parts[5]);
    byte[] actual = derive(password, D64.decode(parts[4]), m, t, p);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] derive(
      char[] password, byte[] salt, int memoryKib, int iterations, int lanes) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(lanes)
            .withSalt(salt)
            .build());
    byte[] out = new byte[32];
    byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
    generator.generateBytes(bytes, out);
    Arrays.fill(bytes, (byte) 0);
    return out;
  }
}
