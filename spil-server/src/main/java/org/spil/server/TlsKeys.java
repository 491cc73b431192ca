package org.spil.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * The server's TLS certificate and key, read from PEM files as a certificate authority or {@code
 * openssl} writes them: the certificate with its chain, and the private key in PKCS#8 ({@code BEGIN
 * PRIVATE KEY}, RSA or EC). Each failure names the file and what to do.
 */
record TlsKeys(Path certificate, Path key) {

  /** The password of the in-memory key store; it never leaves this process. */
  static final char[] STORE_PASSWORD = "spil-in-memory".toCharArray();

  /** The certificate chain and the key as a key store Jetty can serve from. */
  KeyStore keyStore() {
    Certificate[] chain;
    try (InputStream in = Files.newInputStream(certificate)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(certificate + ": no certificate in it");
      }
      chain = certs.toArray(Certificate[]::new);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          certificate + ": not a PEM certificate (" + e.getMessage() + ")", e);
    }
    PrivateKey privateKey = privateKey();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("spil", privateKey, STORE_PASSWORD, chain);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          key + " does not fit " + certificate + ": " + e.getMessage(), e);
    }
  }

  private PrivateKey privateKey() {
    String pem;
    try {
      if (Files.size(key) > 1 << 20) {
        throw new IllegalArgumentException(key + ": larger than a key");
      }
      pem = Files.readString(key, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(key + ": cannot read it: " + e.getMessage(), e);
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException(
          key
              + ": a key in the old format; convert it to PKCS#8 with"
              + " openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          key + ": no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----) in it");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(key + ": not an RSA, EC or Ed25519 private key");
  }
}
