package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Exchange;
import org.spil.store.Requests;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil request create|list|grant|refuse}: turn a hit into access. The requester names the
 * hit's reference, a purpose and a reason; a user of the owning agency grants until a date or
 * refuses. A grant makes exactly the referenced record visible to the requester for that purpose
 * until it expires. Every step is audited.
 */
@Command(
    name = "request",
    mixinStandardHelpOptions = true,
    description = "Ask for, list, grant and refuse access to records found by spil hit.",
    subcommands = {
      RequestCommand.Create.class,
      RequestCommand.ListRequests.class,
      RequestCommand.Grant.class,
      RequestCommand.Refuse.class
    })
final class RequestCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(PrintWriter out, Requests.View r) {
    out.printf(
        "%s  %-8s %s -> %s  for %s by %s: %s%s%n",
        r.id(),
        r.status(),
        r.reference(),
        r.ownerAgency(),
        r.purpose(),
        r.requester(),
        r.reason(),
        r.until() != null
            ? "  (until " + r.until() + ")"
            : r.note() != null ? "  (" + r.note() + ")" : "");
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Request access to the record behind a hit reference.")
  static final class Create implements Callable<Integer> {
    @ParentCommand RequestCommand parent;
    @Mixin ViewerOption viewer;

    @Parameters(paramLabel = "REFERENCE", description = "A reference from spil hit.")
    String reference;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why you need it for your purpose.")
    String reason;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(true)) {
        print(out, new Exchange(store).request(viewer.viewer(store), reference, reason));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Your requests and those to your agency.")
  static final class ListRequests implements Callable<Integer> {
    @ParentCommand RequestCommand parent;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String user;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(false)) {
        List<Requests.View> all = new Exchange(store).requests(user);
        all.forEach(r -> print(out, r));
        if (all.isEmpty()) {
          out.println("no requests");
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = "Grant a request to your agency until a date.")
  static final class Grant implements Callable<Integer> {
    @ParentCommand RequestCommand parent;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "USER",
        description = "A user of the owning agency.")
    String user;

    @Option(
        names = "--until",
        required = true,
        paramLabel = "DATE",
        description = "Last day of access (YYYY-MM-DD).")
    LocalDate until;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(true)) {
        print(out, new Exchange(store).grant(user, id, until));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "refuse",
      mixinStandardHelpOptions = true,
      description = "Refuse a request to your agency.")
  static final class Refuse implements Callable<Integer> {
    @ParentCommand RequestCommand parent;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "USER",
        description = "A user of the owning agency.")
    String user;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(true)) {
        print(out, new Exchange(store).refuse(user, id, reason));
      }
      out.flush();
      return 0;
    }
  }
}
