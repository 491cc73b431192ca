package org.spil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scenario warehouse served by a separate {@code spil serve} process with a heap of its own, on
 * loopback at a port the system picks, and an HTTP client to question it as an analyst's browser
 * would: what the benchmarks that measure through the server (rather than in-process on the same
 * code) start and stop. The server's log is drained and left out of the figures.
 */
final class ServedWarehouse implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "benchmark-password";

  private final Process server;
  private final String heap;
  final String base;
  final HttpClient http;

  private ServedWarehouse(Process server, String heap, String base, int threads) {
    this.server = server;
    this.heap = heap;
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(threads))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Serves the data directory with {@code -Xmx<heap>}; returns once the server says it serves. */
  static ServedWarehouse start(Path data, String heap, int threads, PrintWriter out)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + heap,
            "-cp",
            System.getProperty("java.class.path"),
            "org.spil.cli.Spil",
            "serve",
            "--data",
            data.toString(),
            "--port",
            "0");
    out.println("starting: java -Xmx" + heap + " ... spil serve --data " + data);
    out.flush();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      return new ServedWarehouse(p, heap, url(p), threads);
    } catch (Exception e) {
      p.destroy();
      throw e;
    }
  }

  /** The URL the server says it serves at. */
  private static String url(Process server) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      int at = line.indexOf(" at http://");
      if (line.startsWith("Spil serves") && at > 0) {
        String url = line.substring(at + 4, line.indexOf(' ', at + 4));
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (in.readLine() != null) {
                      // the server's log is not part of the figures
                    }
                  } catch (IOException e) {
                    // the server stopped
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return url;
      }
    }
    throw new IllegalStateException("the server stopped before serving");
  }

  /** Logs a user in; returns the session cookie ("name=value"). */
  String login(String user, String password) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("user", user, "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.body());
    }
    String c = r.headers().firstValue("Set-Cookie").orElseThrow();
    return c.substring(0, c.indexOf(';'));
  }

  private HttpRequest get(String cookie, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(20))
        .header("Cookie", cookie)
        .header("Spil-Purpose", ScenarioWarehouse.CASE)
        .build();
  }

  /** A GET for the scenario's case, its body discarded. */
  CompletableFuture<HttpResponse<Void>> send(String cookie, String path) {
    return http.sendAsync(get(cookie, path), HttpResponse.BodyHandlers.discarding());
  }

  /** A GET for the scenario's case, waited for, its body read. */
  HttpResponse<String> read(String cookie, String path) throws Exception {
    return http.send(get(cookie, path), HttpResponse.BodyHandlers.ofString());
  }

  /** The server's resident memory now and at its peak, and its heap limit, in words. */
  String memory() {
    return String.format("%s (peak %s), heap limit -Xmx%s", status("VmRSS"), status("VmHWM"), heap);
  }

  private String status(String field) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return line.substring(field.length() + 1).strip();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }

  @Override
  public void close() {
    server.destroy();
    try {
      server.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
