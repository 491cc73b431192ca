package org.spil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Administration;
import org.spil.app.Operator;
import org.spil.policy.PolicyException;
import org.spil.policy.Role;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil users add|list}: the people who may use Spil, their agency and roles. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Add and list users.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a user. The password comes from $SPIL_PASSWORD, --password-file, or a prompt; it is"
            + " stored as an Argon2id hash (at least 12 characters)."
      })
  static final class Add implements Callable<Integer> {
    /** A password longer than this is a file given by mistake. */
    @ParentCommand UsersCommand parent;

    @Parameters(paramLabel = "NAME", description = "Lower-case user name, e.g. ann.devries")
    String name;

    @Option(
        names = "--agency",
        required = true,
        paramLabel = "AGENCY",
        description = "The user's agency id, e.g. politie-nl")
    String agency;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "analyst, investigator, privacy-officer or administrator (repeatable)")
    List<String> roles;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "Read the password from the first line of FILE.")
    Path passwordFile;

    @Override
    public Integer call() throws IOException {
      for (String r : roles) {
        Role.parse(r);
      }
      char[] password = password();
      Administration.UserView user;
      try (Store store = parent.spil.open(true)) {
        user = new Administration(store).addUser(Operator.local(), name, agency, roles, password);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.printf(
          "user %s (%s, %s) added%n", user.name(), user.agency(), String.join(", ", user.roles()));
      out.flush();
      return 0;
    }

    private char[] password() throws IOException {
      return PasswordSource.read(
          passwordFile,
          console -> {
            char[] first = console.readPassword("Password for %s: ", name);
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
              throw new PolicyException("the passwords differ");
            }
            return first;
          });
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List users with agency and roles.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      List<Administration.UserView> users;
      try (Store store = parent.spil.open(false)) {
        users = new Administration(store).users();
      }
      if (json) {
        Output.json(out, users);
        return 0;
      }
      for (Administration.UserView u : users) {
        out.printf("%-24s %-12s %s%n", u.name(), u.agency(), String.join(", ", u.roles()));
      }
      out.flush();
      return 0;
    }
  }
}
