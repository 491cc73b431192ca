package org.spil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.LocalDate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.app.Administration;
import org.spil.app.Operator;
import org.spil.store.Store;

/**
 * The server over HTTPS with a PEM certificate and key as openssl writes them: a client that trusts
 * the certificate logs in and gets a {@code Secure} session cookie; a key in the old format is
 * refused with how to convert it.
 */
class TlsTest {
  @TempDir Path tmp;

  static void openssl(Path dir, String... args) throws Exception {
    Process p = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void theServerSpeaksHttpsWithAPemCertificateAndMarksItsCookieSecure() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    openssl(
        tmp,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "key.pem",
        "-out",
        "cert.pem",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=IP:127.0.0.1");
    try (Store store = Store.open(tmp.resolve("data"), true, LocalDate.now())) {
      new Administration(store)
          .addUser(
              new Operator("test"),
              "ann",
              "politie-nl",
              List.of("analyst"),
              "a long enough test password".toCharArray());
      ApiServer server =
          ApiServer.start(
              store, "127.0.0.1", 0, null, tmp.resolve("cert.pem"), tmp.resolve("key.pem"));
      try {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(tmp.resolve("cert.pem"))) {
          trusted.setCertificateEntry(
              "spil", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tm =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tm.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
        String base = "https://127.0.0.1:" + server.port();
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> login =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"user\":\"ann\",\"password\":\"a long enough test password\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
        // plain HTTP to the HTTPS port gets no answer of the API
        String plain;
        try {
          plain =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body();
        } catch (java.io.IOException e) {
          plain = "";
        }
        assertThat(plain).doesNotContain("\"status\"");
      } finally {
        server.close();
      }
    }
    // a key in the old PKCS#1 format is refused, naming the conversion
    openssl(tmp, "openssl", "genrsa", "-traditional", "-out", "old.pem", "2048");
    try (Store store = Store.open(tmp.resolve("data2"), true, LocalDate.now())) {
      assertThatThrownBy(
              () ->
                  ApiServer.start(
                      store, "127.0.0.1", 0, null, tmp.resolve("cert.pem"), tmp.resolve("old.pem")))
          .hasMessageContaining("openssl pkcs8 -topk8");
    }
  }
}
