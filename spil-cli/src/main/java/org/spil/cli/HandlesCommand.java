package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Attribution;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil handles attribute|attributions|decide}: who is behind a chat handle, with the
 * evidence, and the team's decisions on it.
 */
@Command(
    name = "handles",
    mixinStandardHelpOptions = true,
    description =
        "Chat handles: which person is behind one (candidates with their evidence: nicknames,"
            + " phone numbers, shared devices), the strongest open attributions, and the team's"
            + " decisions.",
    subcommands = {
      HandlesCommand.Attribute.class,
      HandlesCommand.Attributions.class,
      HandlesCommand.Decide.class
    })
final class HandlesCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "attribute",
      mixinStandardHelpOptions = true,
      description =
          "The persons a handle may be, strongest first, each with its evidence; then its"
              + " conversations (with whom, how many messages, threads, groups).")
  static final class Attribute implements Callable<Integer> {
    @ParentCommand HandlesCommand parent;
    @Mixin ViewerOption viewer;

    @Parameters(paramLabel = "HANDLE", description = "The handle.")
    String handle;

    @Option(
        names = "--json",
        description =
            "Print [{person, caption, score, evidence, decision, decision_reason}], strongest"
                + " first.")
    boolean json;

    @Override
    public Integer call() {
      Attribution.Handle h;
      try (Store store = parent.spil.open(false)) {
        h = new Attribution(store).attribute(viewer.viewer(store), handle);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, h.candidates());
        return 0;
      }
      out.printf(
          "%s: %,d messages (%,d received); devices %s%s%n",
          TerminalText.safe(h.handle()),
          h.messages(),
          h.received(),
          h.devices().isEmpty() ? "unknown" : String.join(", ", h.devices()),
          h.sharesDevicesWith().isEmpty()
              ? ""
              : "; shared with " + TerminalText.safe(String.join(", ", h.sharesDevicesWith())));
      if (h.candidates().isEmpty()) {
        out.println("no candidate: nothing in its messages points to a person you may see");
      }
      for (Attribution.Candidate c : h.candidates()) {
        out.printf(
            "%.2f  %s  [%s]%s%n",
            c.score(),
            TerminalText.safe(c.caption()),
            c.person(),
            c.decision() == null ? "" : "  " + c.decision());
        for (String e : c.evidence()) {
          out.printf("      %s%n", TerminalText.safe(e));
        }
      }
      if (!h.conversations().isEmpty()) {
        out.println("conversations (most messages first):");
      }
      for (Attribution.Conversation c :
          h.conversations().subList(0, Math.min(10, h.conversations().size()))) {
        out.printf(
            "  %,6d message%s (%,d sent), %s to %s, %,d thread%s: %s%s%n",
            c.messages(),
            c.messages() == 1 ? "" : "s",
            c.sent(),
            c.first().toString().substring(0, 10),
            c.last().toString().substring(0, 10),
            c.threads(),
            c.threads() == 1 ? "" : "s",
            c.group() ? "group with " : "with ",
            TerminalText.safe(String.join(", ", c.with())));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "attributions",
      mixinStandardHelpOptions = true,
      description = "The strongest open attribution of each handle, best first.")
  static final class Attributions implements Callable<Integer> {
    @ParentCommand HandlesCommand parent;
    @Mixin ViewerOption viewer;

    @Option(names = "--top", defaultValue = "20", description = "Handles shown (default: 20).")
    int top;

    @Option(names = "--json", description = "Print [{handle, person, caption, score, evidence}].")
    boolean json;

    @Override
    public Integer call() {
      List<Attribution.Open> open;
      try (Store store = parent.spil.open(false)) {
        open = new Attribution(store).strongest(viewer.viewer(store), top);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, open);
        return 0;
      }
      if (open.isEmpty()) {
        out.println("no open attribution");
      }
      for (Attribution.Open o : open) {
        out.printf(
            "%.2f  %-18s %s  [%s]%n",
            o.score(), TerminalText.safe(o.handle()), TerminalText.safe(o.caption()), o.person());
        out.printf("      %s%n", TerminalText.safe(o.evidence().get(0)));
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description = "The team's decision on a candidate of a handle (audited, reversible).")
  static final class Decide implements Callable<Integer> {
    @ParentCommand HandlesCommand parent;
    @Mixin ViewerOption viewer;

    @Parameters(paramLabel = "HANDLE", description = "The handle.")
    String handle;

    @Option(names = "--person", required = true, description = "The candidate's id.")
    String person;

    @Option(names = "--confirm", description = "The handle is this person's.")
    boolean confirm;

    @Option(names = "--dismiss", description = "It is not (give --reason).")
    boolean dismiss;

    @Option(names = "--reopen", description = "Undo a decision.")
    boolean reopen;

    @Option(names = "--reason", description = "Why.")
    String reason;

    @Override
    public Integer call() {
      int n = (confirm ? 1 : 0) + (dismiss ? 1 : 0) + (reopen ? 1 : 0);
      if (n != 1) {
        throw new picocli.CommandLine.ParameterException(
            parent.spec.commandLine(), "give one of --confirm, --dismiss and --reopen");
      }
      String verdict = confirm ? "confirmed" : dismiss ? "dismissed" : "open";
      try (Store store = parent.spil.open(true)) {
        new Attribution(store).decide(viewer.viewer(store), handle, person, verdict, reason);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.printf("%s is %s: %s%n", TerminalText.safe(handle), person, verdict);
      out.flush();
      return 0;
    }
  }
}
