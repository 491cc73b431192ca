package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.server.ApiServer;
import org.spil.store.Serving;
import org.spil.store.Store;

/**
 * The command line as a client of a server: a directory the server holds is refused with the
 * server's address and how to log in; after {@code spil login} the same command prints what it
 * printed locally, runs as the logged-in user only, never with a path on the server's machine; and
 * after {@code spil logout} the token no longer works.
 */
class ServerClientTest {
  @TempDir Path tmp;

  @AfterEach
  void forget() {
    System.clearProperty("spil.login");
  }

  /** Runs as {@code main} does, forwarding to a server when logged in. */
  static Cli.Result spil(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Spil.run(args, out, err);
    return new Cli.Result(code, out.toString(), err.toString());
  }

  @Test
  void aLoggedInCommandRunsAtTheServerAsTheUserWithTheSameOutput() throws Exception {
    Path examples = Path.of("../examples");
    String data = tmp.resolve("data").toString();
    assertThat(
            Cli.run(
                    "ingest",
                    examples.resolve("politie-nl").toString(),
                    examples.resolve("douane-nl").toString(),
                    "--data",
                    data)
                .code())
        .isZero();
    CommandsTest.addUsers(data, tmp);
    String[] search = {
      "search", "Mohamed El Amrani", "--as", "politie-nl", "--purpose", "wpg-art-9", "--data", data
    };
    Cli.Result local = Cli.run(search);
    assertThat(local.out()).contains("El Amrani");
    System.setProperty("spil.login", tmp.resolve("login.json").toString());

    Store store = Store.open(Path.of(data), true, LocalDate.now());
    ApiServer server = ApiServer.start(store, "127.0.0.1", 0, new RemoteOperations());
    String url = "http://127.0.0.1:" + server.port();
    Serving.mark(Path.of(data), url);
    try {
      Cli.Result held = spil(search);
      assertThat(held.code()).isNotZero();
      assertThat(held.err()).contains(url).contains("spil login --server " + url);

      Cli.Result login =
          spil(
              "login",
              "--server",
              url,
              "--user",
              "politie-nl",
              "--password-file",
              tmp.resolve("password.txt").toString());
      assertThat(login.code()).as(login.err()).isZero();
      assertThat(Files.getPosixFilePermissions(tmp.resolve("login.json")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));

      Cli.Result remote = spil(search);
      assertThat(remote.code()).as(remote.err()).isZero();
      assertThat(remote.out()).isEqualTo(local.out());
      // without --as the server reads as the user logged in
      Cli.Result implicit =
          spil("search", "Mohamed El Amrani", "--purpose", "wpg-art-9", "--data", data);
      assertThat(implicit.out()).isEqualTo(local.out());

      Cli.Result other =
          spil("search", "Mohamed El Amrani", "--as", "douane-nl", "--purpose", "adw");
      assertThat(other.code()).isEqualTo(2);
      assertThat(other.err()).contains("only as the user logged in, politie-nl");
      Cli.Result path =
          spil("export", "--format", "ftm", "--purpose", "wpg-art-9", "--out", "/tmp/x.jsonl");
      assertThat(path.code()).isEqualTo(2);
      assertThat(path.err()).contains("--out names a path on the server's machine");
      Cli.Result notHers = spil("search", "Jan", "--purpose", "adw");
      assertThat(notHers.code()).isEqualTo(2);
      assertThat(notHers.err()).contains("adw");

      String token = ServerLogin.load().orElseThrow().token();
      Cli.Result logout = spil("logout");
      assertThat(logout.code()).isZero();
      assertThat(tmp.resolve("login.json")).doesNotExist();
      assertThat(store.tokens().userOf(token)).as("revoked").isNull();
      assertThat(spil(search).err()).contains("spil login --server " + url);
    } finally {
      server.close();
      store.close();
      Serving.unmark(Path.of(data));
    }
  }
}
