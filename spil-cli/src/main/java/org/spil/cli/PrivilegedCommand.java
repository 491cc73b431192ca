package org.spil.cli;

import java.io.PrintWriter;
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
 * {@code spil privileged list|add|remove}: the handles whose communication with a subject is
 * privileged (privileged.txt in the data directory), kept by an administrator, each change audited
 * with its reason.
 */
@Command(
    name = "privileged",
    mixinStandardHelpOptions = true,
    description =
        "The privileged handles (lawyers', and whoever a court names): a message sent by or to one"
            + " is never shown, searched, queued, attributed, linked or exported, only counted as"
            + " withheld.",
    subcommands = {
      PrivilegedCommand.ListHandles.class,
      PrivilegedCommand.Add.class,
      PrivilegedCommand.Remove.class
    })
final class PrivilegedCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the handles.")
  static final class ListHandles implements Callable<Integer> {
    @ParentCommand PrivilegedCommand parent;

    @Option(names = "--json", description = "Print [\"handle\", ...].")
    boolean json;

    @Override
    public Integer call() {
      List<String> all;
      try (Store store = parent.spil.open(false)) {
        all = new Administration(store).privilegedHandles();
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, all);
        return 0;
      }
      if (all.isEmpty()) {
        out.println("no handle is listed as privileged");
      }
      all.forEach(h -> out.println(TerminalText.safe(h)));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "List a handle as privileged; its messages are withheld from every read at once.")
  static final class Add implements Callable<Integer> {
    @ParentCommand PrivilegedCommand parent;

    @Parameters(
        paramLabel = "HANDLE",
        description =
            "The handle as the messages give it, or a phone number in international form (+31 6"
                + " 12345678), which stands for the handles that write it (0612345678,"
                + " 06-12345678, 0031612345678, 31612345678@s.whatsapp.net ...).")
    String handle;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why: the order, the bar's register (kept in the file and the audit).")
    String reason;

    @Override
    public Integer call() {
      String added;
      try (Store store = parent.spil.open(true)) {
        added = new Administration(store).addPrivileged(Operator.local(), handle, reason);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.println("privileged: " + TerminalText.safe(added));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Take a handle off the list; its messages are read again.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand PrivilegedCommand parent;

    @Parameters(paramLabel = "HANDLE", description = "The handle.")
    String handle;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Override
    public Integer call() {
      String removed;
      try (Store store = parent.spil.open(true)) {
        removed = new Administration(store).removePrivileged(Operator.local(), handle, reason);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.println("no longer privileged: " + TerminalText.safe(removed));
      out.flush();
      return 0;
    }
  }
}
