package org.spil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Administration;
import org.spil.app.Operator;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil cases add|members|list}: investigations that are purposes, with their members; a
 * change of members is audited and told to the agencies that supplied data for the case.
 */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = "Add and list cases (purposes with members and their own compartment).",
    subcommands = {
      CasesCommand.Add.class,
      CasesCommand.Members.class,
      CasesCommand.ListCases.class
    })
final class CasesCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a case with its members.")
  static final class Add implements Callable<Integer> {
    @ParentCommand CasesCommand parent;

    @Parameters(paramLabel = "ID", description = "Case id, e.g. 26Kruiskade")
    String id;

    @Option(
        names = "--title",
        required = true,
        paramLabel = "TITLE",
        description = "What the case is about.")
    String title;

    @Option(
        names = "--member",
        required = true,
        paramLabel = "USER",
        arity = "1..*",
        description = "Members (users) of the case.")
    List<String> members;

    @Option(
        names = "--party",
        paramLabel = "AGENCY",
        arity = "1..*",
        description =
            "Agencies taking part, which alone may supply data for the case (default: the"
                + " members' agencies).")
    List<String> parties = List.of();

    @Option(
        names = "--legal-task",
        defaultValue = "wpg-art-9",
        paramLabel = "TASK",
        description = "The legal task the case serves (default: ${DEFAULT-VALUE}).")
    String legalTask;

    @Override
    public Integer call() {
      Administration.CaseView c;
      try (Store store = parent.spil.open(true)) {
        c =
            new Administration(store)
                .addCase(Operator.local(), id, title, legalTask, members, parties);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.printf("case %s (%s) added with %d members%n", c.id(), c.legalTask(), c.members().size());
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "members",
      mixinStandardHelpOptions = true,
      description = {
        "Add or remove members of a case.",
        "Audited; the privacy officers of every agency that supplied data for the case get a"
            + " notice (spil notices)."
      })
  static final class Members implements Callable<Integer> {
    @ParentCommand CasesCommand parent;

    @Parameters(paramLabel = "ID", description = "The case.")
    String id;

    @Option(names = "--add", paramLabel = "USER", arity = "1..*", description = "Users to add.")
    List<String> add = new ArrayList<>();

    @Option(
        names = "--remove",
        paramLabel = "USER",
        arity = "1..*",
        description = "Members to remove.")
    List<String> remove = new ArrayList<>();

    @Override
    public Integer call() {
      Administration.CaseView c;
      try (Store store = parent.spil.open(true)) {
        c = new Administration(store).changeMembers(Operator.local(), id, add, remove);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.printf("case %s: members %s%n", c.id(), String.join(", ", c.members()));
      out.flush();
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List cases and members.")
  static final class ListCases implements Callable<Integer> {
    @ParentCommand CasesCommand parent;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      List<Administration.CaseView> cases;
      try (Store store = parent.spil.open(false)) {
        cases = new Administration(store).cases();
      }
      if (json) {
        Output.json(out, cases);
        return 0;
      }
      for (Administration.CaseView c : cases) {
        out.printf(
            "%-16s %-10s %s  [%s]%n",
            c.id(), c.legalTask(), c.title(), String.join(", ", c.members()));
      }
      out.flush();
      return 0;
    }
  }
}
