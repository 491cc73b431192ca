package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.spil.app.Administration;
import org.spil.app.Operator;
import org.spil.store.ApiTokens;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil tokens create|revoke}: API tokens for scripts that call the server as a user ({@code
 * Authorization: Bearer TOKEN}). The token is printed once and kept only as a hash; made and
 * revoked by the operator of a data directory no server holds, audited.
 */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description = "Make and revoke API tokens for scripts.",
    subcommands = {TokensCommand.Create.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Make a token acting as USER; it is printed once, keep it like a password.")
  static final class Create implements Callable<Integer> {
    @ParentCommand TokensCommand parent;

    @Parameters(paramLabel = "USER")
    String user;

    @Option(
        names = "--expires",
        paramLabel = "DATE",
        description = "Last day the token works (default: 90 days from today).")
    LocalDate expires;

    @Override
    public Integer call() {
      ApiTokens.Made made;
      try (Store store = parent.spil.open(true)) {
        made =
            new Administration(store)
                .makeToken(
                    Operator.local(), user, expires != null ? expires : store.today().plusDays(90));
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.printf(
          "token %s for %s, until %s (shown once):%n%s%n",
          made.id(), made.user(), made.expires(), made.token());
      out.flush();
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand TokensCommand parent;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      try (Store store = parent.spil.open(true)) {
        new Administration(store).revokeToken(Operator.local(), id);
      }
      parent.spec.commandLine().getOut().printf("token %s revoked%n", id);
      parent.spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
