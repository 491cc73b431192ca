package org.spil.model.types;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.spil.model.Normalised;

/**
 * Crypto-currency addresses: Bitcoin legacy (base58check, P2PKH and P2SH), Bitcoin SegWit (bech32
 * and bech32m, {@code bc1...}) and Ethereum ({@code 0x} + 40 hex digits, with the EIP-55 mixed-case
 * checksum verified when present). Bech32 and Ethereum addresses are stored lower case; base58
 * addresses are case-sensitive and kept as written.
 */
public final class CryptoAddress {
  private CryptoAddress() {}

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  public static Normalised normalise(String raw) {
    String s = raw.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return ethereum(s);
    }
    if (s.toLowerCase().startsWith("bc1")) {
      return bech32(s);
    }
    if (s.startsWith("1") || s.startsWith("3")) {
      return base58check(s);
    }
    return Normalised.rejected(
        "not a known crypto address (Bitcoin 1.../3.../bc1..., Ethereum 0x...)");
  }

  static Normalised ethereum(String s) {
    String hex = s.substring(2);
    if (hex.length() != 40 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return Normalised.rejected("not an Ethereum address: 0x must be followed by 40 hex digits");
    }
    boolean mixed = !hex.equals(hex.toLowerCase()) && !hex.equals(hex.toUpperCase());
    if (mixed && !hex.equals(eip55(hex.toLowerCase()))) {
      return Normalised.rejected(
          "Ethereum address checksum (EIP-55 capitalisation) does not match");
    }
    return Normalised.valid("0x" + hex.toLowerCase());
  }

  /** The EIP-55 capitalisation of a lower-case hex address (without 0x). */
  public static String eip55(String lowerHex) {
    byte[] hash = Keccak.keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      char c = lowerHex.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      out.append(Character.isLetter(c) && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  static Normalised base58check(String s) {
    if (s.length() < 26 || s.length() > 35) {
      return Normalised.rejected("not a Bitcoin address: must have 26 to 35 characters");
    }
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < s.length(); i++) {
      int digit = BASE58.indexOf(s.charAt(i));
      if (digit < 0) {
        return Normalised.rejected("not a Bitcoin address: '" + s.charAt(i) + "' is not base58");
      }
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
    }
    byte[] bytes = n.toByteArray();
    int leadingZeros = 0;
    while (leadingZeros < s.length() && s.charAt(leadingZeros) == '1') {
      leadingZeros++;
    }
    int strip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] decoded = new byte[leadingZeros + bytes.length - strip];
    System.arraycopy(bytes, strip, decoded, leadingZeros, bytes.length - strip);
    if (decoded.length != 25) {
      return Normalised.rejected(
          "not a Bitcoin address: decodes to " + decoded.length + " bytes, not 25");
    }
    byte[] payload = Arrays.copyOfRange(decoded, 0, 21);
    byte[] check = sha256(sha256(payload));
    for (int i = 0; i < 4; i++) {
      if (check[i] != decoded[21 + i]) {
        return Normalised.rejected("Bitcoin address checksum does not match");
      }
    }
    if (payload[0] != 0 && payload[0] != 5) {
      return Normalised.rejected("not a Bitcoin main-net address (version " + payload[0] + ")");
    }
    return Normalised.valid(s);
  }

  static Normalised bech32(String s) {
    if (!s.equals(s.toLowerCase()) && !s.equals(s.toUpperCase())) {
      return Normalised.rejected("not a bech32 address: mixed case");
    }
    String a = s.toLowerCase();
    int sep = a.lastIndexOf('1');
    if (sep != 2 || a.length() < 14 || a.length() > 90) {
      return Normalised.rejected("not a bech32 address: wrong length or separator");
    }
    int[] data = new int[a.length() - sep - 1];
    for (int i = 0; i < data.length; i++) {
      int v = BECH32.indexOf(a.charAt(sep + 1 + i));
      if (v < 0) {
        return Normalised.rejected(
            "not a bech32 address: '" + a.charAt(sep + 1 + i) + "' is not allowed");
      }
      data[i] = v;
    }
    int polymod = polymod(expand(a.substring(0, sep)), data);
    int version = data[0];
    boolean ok = version == 0 ? polymod == 1 : polymod == 0x2bc830a3;
    if (!ok) {
      return Normalised.rejected("bech32 address checksum does not match");
    }
    return Normalised.valid(a);
  }

  private static int[] expand(String hrp) {
    int[] out = new int[hrp.length() * 2 + 1];
    for (int i = 0; i < hrp.length(); i++) {
      out[i] = hrp.charAt(i) >> 5;
      out[i + hrp.length() + 1] = hrp.charAt(i) & 31;
    }
    return out;
  }

  private static int polymod(int[] hrp, int[] data) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int[] part : new int[][] {hrp, data}) {
      for (int v : part) {
        int top = chk >>> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v;
        for (int i = 0; i < 5; i++) {
          if (((top >>> i) & 1) != 0) {
            chk ^= gen[i];
          }
        }
      }
    }
    return chk;
  }

  static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
