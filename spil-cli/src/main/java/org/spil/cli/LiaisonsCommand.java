package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Administration;
import org.spil.app.Operator;
import org.spil.store.Liaisons;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil liaisons list|add|remove}: the directory of liaison officers, magistrates and
 * information desks (liaisons.txt in the data directory), kept by an administrator.
 */
@Command(
    name = "liaisons",
    mixinStandardHelpOptions = true,
    description =
        "The liaison directory: whom to ask in a country (liaison officers, magistrates, attachés)"
            + " and each agency's information desk; shown in the cooperation register, the focus"
            + " countries and hit/no-hit answers.",
    subcommands = {
      LiaisonsCommand.ListLiaisons.class,
      LiaisonsCommand.Add.class,
      LiaisonsCommand.Remove.class
    })
final class LiaisonsCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static void print(PrintWriter out, Liaisons.Liaison l) {
    out.printf(
        "%s | %s | %s | %s | %s%n",
        l.country(),
        l.agency(),
        TerminalText.safe(l.name()),
        TerminalText.safe(l.contact()),
        l.competence() == null ? "" : TerminalText.safe(l.competence()));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the directory.")
  static final class ListLiaisons implements Callable<Integer> {
    @ParentCommand LiaisonsCommand parent;

    @Option(names = "--json", description = "Print [{country, agency, name, contact, competence}].")
    boolean json;

    @Override
    public Integer call() {
      List<Liaisons.Liaison> all;
      try (Store store = parent.spil.open(false)) {
        all = new Administration(store).liaisons();
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, all);
        return 0;
      }
      if (all.isEmpty()) {
        out.println("the liaison directory is empty");
      }
      all.forEach(l -> print(out, l));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add an entry; a competence naming 'desk' makes it its agency's information desk.")
  static final class Add implements Callable<Integer> {
    @ParentCommand LiaisonsCommand parent;

    @Option(
        names = "--country",
        required = true,
        paramLabel = "CC",
        description = "Where they serve (ISO code: tr, ae; nl for a Dutch desk).")
    String country;

    @Option(
        names = "--agency",
        required = true,
        paramLabel = "AGENCY",
        description = "Whose they are.")
    String agency;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Post and name.")
    String name;

    @Option(
        names = "--contact",
        required = true,
        paramLabel = "TEXT",
        description = "Telephone, e-mail, hours.")
    String contact;

    @Option(names = "--competence", paramLabel = "TEXT", description = "What they handle.")
    String competence;

    @Override
    public Integer call() {
      Liaisons.Liaison added;
      try (Store store = parent.spil.open(true)) {
        added =
            new Administration(store)
                .addLiaison(
                    Operator.local(),
                    new Liaisons.Liaison(country, agency, name, contact, competence));
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.print("added: ");
      print(out, added);
      out.flush();
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an entry.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand LiaisonsCommand parent;

    @Option(names = "--country", required = true, paramLabel = "CC", description = "Its country.")
    String country;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Its name.")
    String name;

    @Override
    public Integer call() {
      Liaisons.Liaison removed;
      try (Store store = parent.spil.open(true)) {
        removed = new Administration(store).removeLiaison(Operator.local(), country, name);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.print("removed: ");
      print(out, removed);
      out.flush();
      return 0;
    }
  }
}
