package org.spil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.spil.policy.Case;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil cases add|list}: investigations that are purposes, with their members. */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = "Add and list cases (purposes with members and their own compartment).",
    subcommands = {CasesCommand.Add.class, CasesCommand.ListCases.class})
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
        names = "--legal-task",
        defaultValue = "wpg-art-9",
        paramLabel = "TASK",
        description = "The legal task the case serves (default: ${DEFAULT-VALUE}).")
    String legalTask;

    @Override
    public Integer call() {
      Case c = new Case(id, title, legalTask, Set.copyOf(members));
      try (Store store = Store.open(parent.spil.dataDir(), true, LocalDate.now())) {
        store.addCase(c, UsersCommand.operator());
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.printf("case %s (%s) added with %d members%n", c.id(), c.legalTask(), c.members().size());
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
      try (Store store = Store.open(parent.spil.dataDir(), false, LocalDate.now())) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Case c : store.directory().cases().values()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", c.id());
          m.put("title", c.title());
          m.put("legal_task", c.legalTask());
          m.put("members", List.copyOf(new TreeSet<>(c.members())));
          rows.add(m);
          if (!json) {
            out.printf(
                "%-16s %-10s %s  [%s]%n",
                c.id(), c.legalTask(), c.title(), String.join(", ", new TreeSet<>(c.members())));
          }
        }
        if (json) {
          Json.print(out, rows);
        }
      }
      out.flush();
      return 0;
    }
  }
}
