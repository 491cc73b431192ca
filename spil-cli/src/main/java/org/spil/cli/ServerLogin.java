package org.spil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spil.store.OwnerOnly;
import org.spil.store.Serving;

/**
 * The command line's login at a Spil server: the server's address, the user and an API token made
 * for that user at {@code spil login}, kept in {@code ~/.spil/login.json} (or {@code $SPIL_LOGIN})
 * readable by its owner only. While it is there, the commands a server can run go to it through
 * {@code POST /api/operations} and print what the server's run printed.
 */
record ServerLogin(String server, String user, String token, String tokenId) {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Where the login is kept. */
  static Path file() {
    String property = System.getProperty("spil.login");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("SPIL_LOGIN");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".spil", "login.json");
  }

  /** The login kept, if any (an unreadable or malformed file counts as none). */
  static Optional<ServerLogin> load() {
    Path f = file();
    try {
      if (!Files.isRegularFile(f) || Files.size(f) > 8192) {
        return Optional.empty();
      }
      JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
      return Optional.of(
          new ServerLogin(
              n.path("server").asText(),
              n.path("user").asText(),
              n.path("token").asText(),
              n.path("token_id").asText()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Keeps the login, readable by its owner only, replacing an earlier one. */
  void save() throws IOException {
    Path f = file();
    Files.createDirectories(f.toAbsolutePath().getParent());
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, OwnerOnly.file());
    Files.writeString(
        tmp,
        JSON.writeValueAsString(
            Map.of("server", server, "user", user, "token", token, "token_id", tokenId)),
        StandardCharsets.UTF_8);
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The login a command goes to: when one is kept, the command is one a server runs (and not a
   * request for its help), and its data directory is the one that server holds or none on this
   * machine at all. A local data directory no server of the login holds stays local.
   */
  static Optional<ServerLogin> holding(String[] args) {
    String name = Spil.subcommandName(args);
    if (name == null || !RemoteOperations.COMMANDS.contains(name)) {
      return Optional.empty();
    }
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return Optional.empty();
      }
    }
    Optional<ServerLogin> login = load();
    if (login.isEmpty()) {
      return login;
    }
    Path dir = dataDir(args);
    if (Files.exists(dir.resolve("warehouse.duckdb"))
        && !login.get().server().equals(Serving.url(dir))) {
      return Optional.empty();
    }
    return login;
  }

  /** The data directory the arguments name ({@code --data}, else $SPIL_DATA, else ./spil-data). */
  static Path dataDir(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--data=")) {
        return Path.of(args[i].substring(7));
      }
    }
    String env = System.getenv("SPIL_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "spil-data");
  }

  /** The arguments without {@code --data}: the server uses its own directory. */
  static List<String> withoutData(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data")) {
        i++;
      } else if (!args[i].startsWith("--data=")) {
        out.add(args[i]);
      }
    }
    return out;
  }

  /** Sends a request to the server with the token; the answer's body as JSON. */
  HttpResponse<String> send(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server + path))
            .timeout(Duration.ofHours(2))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** What a command run by the server printed, and its exit code. */
  record Ran(int exit, String out, String err) {}

  /** Runs a command's arguments on the server as the logged-in user. */
  Ran run(List<String> args) throws IOException, InterruptedException {
    HttpResponse<String> r = send("POST", "/api/operations", Map.of("args", args));
    JsonNode n = JSON.readTree(r.body());
    if (r.statusCode() != 200) {
      String error = n.path("error").asText(r.body());
      int exit = r.statusCode() == 400 || r.statusCode() == 403 ? 2 : 1;
      if (r.statusCode() == 401) {
        error = "the server " + server + " no longer accepts the login; spil login again";
      }
      return new Ran(exit, "", "spil: " + error + "\n");
    }
    return new Ran(n.path("exit").asInt(1), n.path("out").asText(""), n.path("err").asText(""));
  }
}
