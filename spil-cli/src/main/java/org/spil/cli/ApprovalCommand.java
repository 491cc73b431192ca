package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.spil.app.Exchange;
import org.spil.policy.Approval;
import org.spil.policy.Role;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil approval add|list|revoke}: the owning agency records the part of one of its batches
 * that a court order lets a case use (entities, or records dated within a period), for whom (the
 * case team, the court, defence counsel) and until when. Members of the case in the audience then
 * see that part in full when they read for the case; defence counsel and the court see nothing
 * else. Every step is audited.
 */
@Command(
    name = "approval",
    mixinStandardHelpOptions = true,
    description =
        "Approve part of a batch for a case, as a court orders; list and revoke approvals.",
    subcommands = {
      ApprovalCommand.Add.class,
      ApprovalCommand.ListApprovals.class,
      ApprovalCommand.Revoke.class
    })
final class ApprovalCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(PrintWriter out, Approval a) {
    out.printf(
        "%s  case %s, batch %d, %s: for %s until %s (order %s, by %s)%n",
        a.id(),
        a.caseId(),
        a.batchId(),
        a.subset(),
        a.audience().stream().map(Role::label).sorted().collect(Collectors.joining(", ")),
        a.until(),
        a.order(),
        a.approvedBy());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Approve part of one of your agency's batches for a case.",
        "Name the entities (--entity, repeatable: persons, accounts, handles) or a period"
            + " (--from and --to: records dated within it, such as messages and payments)."
      })
  static final class Add implements Callable<Integer> {
    @ParentCommand ApprovalCommand parent;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "USER",
        description = "An investigator or privacy officer of the batch's agency.")
    String user;

    @Option(names = "--case", required = true, paramLabel = "CASE")
    String caseId;

    @Option(names = "--batch", required = true, paramLabel = "N")
    long batch;

    @Option(names = "--entity", paramLabel = "ID", description = "An entity of the subset.")
    List<String> entities;

    @Option(names = "--from", paramLabel = "DATE", description = "First day of the period.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the period.")
    LocalDate to;

    @Option(
        names = "--audience",
        split = ",",
        paramLabel = "ROLE",
        description =
            "Who reads it: analyst, investigator, court, defence-counsel (default: analyst,"
                + " investigator, court).")
    List<String> audience;

    @Option(
        names = "--until",
        required = true,
        paramLabel = "DATE",
        description = "Last day of the approval.")
    LocalDate until;

    @Option(
        names = "--order",
        required = true,
        paramLabel = "REF",
        description = "The order it carries out (a court's decision number).")
    String order;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(true)) {
        print(
            out,
            new Exchange(store)
                .approve(user, caseId, batch, entities, from, to, audience, until, order));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Approvals your agency made and those you read by.")
  static final class ListApprovals implements Callable<Integer> {
    @ParentCommand ApprovalCommand parent;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String user;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(false)) {
        List<Approval> all = new Exchange(store).approvals(user);
        all.forEach(a -> print(out, a));
        if (all.isEmpty()) {
          out.println("no approvals");
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke an approval of your agency.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand ApprovalCommand parent;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String user;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      try (Store store = parent.spil.open(true)) {
        new Exchange(store).revoke(user, id);
        out.println("revoked " + id);
      }
      out.flush();
      return 0;
    }
  }
}
