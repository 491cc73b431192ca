package org.spil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spil.policy.PolicyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spil login --server URL --user U}: logs in at a Spil server with the user's password
 * ({@code $SPIL_PASSWORD} or a prompt), has it make an API token for the user and keeps the token
 * owner-readable ({@link ServerLogin}); from then on the commands a server can run go to it. {@code
 * spil logout} revokes the token and forgets it.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in at a Spil server: later commands run there, as you, with the same output.",
      "The password comes from $SPIL_PASSWORD, --password-file or a prompt; a token for you is kept in"
          + " ~/.spil/login.json ($SPIL_LOGIN), readable by you only."
    })
final class LoginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "The server, e.g. http://127.0.0.1:7070.")
  String server;

  @Option(names = "--user", required = true, paramLabel = "USER", description = "Your user.")
  String user;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "A file whose first line is the password (instead of $SPIL_PASSWORD).")
  Path passwordFile;

  @Option(
      names = "--days",
      defaultValue = "30",
      paramLabel = "N",
      description = "Days the login lasts (default: ${DEFAULT-VALUE}, at most 90).")
  int days;

  @Override
  public Integer call() throws Exception {
    URI uri = URI.create(server.replaceAll("/+$", ""));
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("--server: an http:// or https:// address, not " + server);
    }
    String base = uri.toString();
    if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "--server: " + base + " is not this machine; send a password there over https only");
    }
    char[] password = password();
    HttpResponse<String> session =
        ServerLogin.HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        ServerLogin.JSON.writeValueAsString(
                            Map.of("user", user, "password", new String(password)))))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Arrays.fill(password, '\0');
    if (session.statusCode() != 200) {
      throw new PolicyException(
          "login at "
              + base
              + " refused: "
              + ServerLogin.JSON.readTree(session.body()).path("error").asText());
    }
    String cookie = session.headers().firstValue("Set-Cookie").orElse("");
    cookie = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
    String csrf = ServerLogin.JSON.readTree(session.body()).path("csrf").asText();
    HttpResponse<String> made =
        ServerLogin.HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                .header("Content-Type", "application/json")
                .header("Cookie", cookie)
                .header("Spil-CSRF", csrf)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        ServerLogin.JSON.writeValueAsString(
                            Map.of(
                                "expires",
                                LocalDate.now().plusDays(Math.max(1, days)).toString()))))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode token = ServerLogin.JSON.readTree(made.body());
    ServerLogin.HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/api/session"))
            .header("Cookie", cookie)
            .header("Spil-CSRF", csrf)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
    if (made.statusCode() != 200) {
      throw new PolicyException("the server made no token: " + token.path("error").asText());
    }
    new ServerLogin(base, user, token.path("token").asText(), token.path("id").asText()).save();
    spec.commandLine()
        .getOut()
        .printf(
            "Logged in at %s as %s until %s; commands now run there (spil logout ends it).%n",
            base, user, token.path("expires").asText());
    return 0;
  }

  private static boolean loopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--server: unknown host '" + host + "'");
    }
  }

  private char[] password() throws IOException {
    return PasswordSource.read(
        passwordFile, console -> console.readPassword("Password for %s at %s: ", user, server));
  }

  /** {@code spil logout}: revokes the kept token at its server and forgets it. */
  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description = "Log out of the Spil server: its token is revoked and forgotten.")
  static final class Logout implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var login = ServerLogin.load();
      if (login.isEmpty()) {
        spec.commandLine().getOut().println("Not logged in at a server.");
        return 0;
      }
      String note = "";
      try {
        HttpResponse<String> r =
            login.get().send("DELETE", "/api/tokens/" + login.get().tokenId(), null);
        if (r.statusCode() != 204) {
          note = " (the server answered " + r.statusCode() + "; the token may still be in force)";
        }
      } catch (IOException e) {
        note = " (the server could not be reached; revoke " + login.get().tokenId() + " there)";
      }
      Files.deleteIfExists(ServerLogin.file());
      spec.commandLine().getOut().printf("Logged out of %s%s.%n", login.get().server(), note);
      return 0;
    }
  }
}
