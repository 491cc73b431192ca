package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.analysis.messages.ThreatSignals;
import org.spil.app.Chats;
import org.spil.model.InvalidField;
import org.spil.store.MessageHit;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil messages search}: the intercepted chat messages of the message store, searched in
 * full text with each hit shown in its conversation.
 */
@Command(
    name = "messages",
    mixinStandardHelpOptions = true,
    description =
        "Intercepted chat messages (the message store): search them in full text, each hit in its"
            + " conversation; triage threats to life.",
    subcommands = {
      MessagesCommand.Search.class,
      MessagesCommand.Triage.class,
      MessagesCommand.Signals.class
    })
final class MessagesCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = {
        "Search the messages the viewer may read.",
        "QUERY in Lucene syntax: words (all must occur; Dutch, English and French words also find"
            + " their other forms), \"a phrase\", \"words near\"~5, wild*cards, fuzzy~ terms, OR,"
            + " NOT, parentheses. Matches are shown [[like this]]."
      })
  static final class Search implements Callable<Integer> {
    @ParentCommand MessagesCommand parent;
    @Mixin ViewerOption viewer;

    @Parameters(
        arity = "0..*",
        paramLabel = "QUERY",
        description = "What to look for; none: every message the filters admit.")
    List<String> words;

    @Option(names = "--from", description = "Only messages sent by this handle.")
    String from;

    @Option(names = "--to", description = "Only messages sent to this handle.")
    String to;

    @Option(names = "--handle", description = "Only messages this handle sent or received.")
    String handle;

    @Option(names = "--conversation", description = "Only this conversation.")
    String conversation;

    @Option(
        names = "--since",
        description = "Only messages sent then or later (a date 2023-04-01 or a time).")
    String since;

    @Option(
        names = "--until",
        description = "Only messages sent before (a date: up to the end of that day).")
    String until;

    @Option(names = "--dataset", description = "Only messages of this dataset.")
    String dataset;

    @Option(names = "--language", description = "Only messages in this language (nld, eng, fra).")
    String language;

    @Option(names = "--limit", defaultValue = "20", description = "Hits shown (default: 20).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Hits skipped (for paging).")
    int offset;

    @Option(
        names = "--context",
        defaultValue = "2",
        description = "Messages of the conversation shown before and after each hit (default: 2).")
    int context;

    @Option(
        names = "--sort",
        defaultValue = "score",
        description = "score (best first) or time (oldest first).")
    String sort;

    @Option(
        names = "--json",
        description =
            "Print {total, privileged, results: [{id, time, from, to, conversation, body,"
                + " language, dataset, score, highlights: [{start, end}], before, after}]};"
                + " privileged: how many more matched that a privileged handle sent or received.")
    boolean json;

    @Override
    public Integer call() {
      MessageHit.Page page;
      try (Store store = parent.spil.open(false)) {
        try {
          page =
              new Chats(store)
                  .search(
                      viewer.viewer(store),
                      new Chats.SearchRequest(
                          words == null ? "" : String.join(" ", words),
                          from,
                          to,
                          handle,
                          conversation,
                          since,
                          until,
                          dataset,
                          language,
                          limit,
                          offset,
                          context,
                          sort));
        } catch (InvalidField e) {
          if (!e.field().equals("query")) {
            throw e;
          }
          // the query is the positional QUERY here, not a --query flag
          parent
              .spec
              .commandLine()
              .getErr()
              .println("spil: QUERY: " + TerminalText.safe(e.reason()));
          return 2;
        }
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, page);
        return 0;
      }
      out.println(
          (page.total() == 1
                  ? "1 message matches"
                  : String.format("%,d messages match", page.total()))
              + (page.privileged() == 0
                  ? ""
                  : String.format(
                      "; %,d more withheld: sent by or to a privileged handle (privileged.txt)",
                      page.privileged())));
      for (MessageHit h : page.results()) {
        out.println();
        out.printf(
            "%s  %s  [%s, %s]%n",
            h.id(), h.dataset(), TerminalText.safe(h.conversation()), h.language());
        for (MessageHit.Line l : h.before()) {
          line(out, "  ", l.time().toString(), l.from(), l.to(), l.body());
        }
        line(out, "> ", h.time().toString(), h.from(), h.to(), marked(h));
        for (MessageHit.Line l : h.after()) {
          line(out, "  ", l.time().toString(), l.from(), l.to(), l.body());
        }
      }
      out.flush();
      return 0;
    }

    private static void line(
        PrintWriter out, String lead, String time, String from, List<String> to, String body) {
      out.printf(
          "%s%s  %s -> %s: %s%n",
          lead,
          time,
          TerminalText.safe(from),
          TerminalText.safe(String.join(", ", to)),
          TerminalText.safe(body).replace("\n", "\n      "));
    }

    /** The body with its matches in double brackets. */
    static String marked(MessageHit h) {
      StringBuilder b = new StringBuilder();
      int at = 0;
      for (MessageHit.Highlight m : h.highlights()) {
        b.append(h.body(), at, m.start()).append("[[");
        b.append(h.body(), m.start(), m.end()).append("]]");
        at = m.end();
      }
      return b.append(h.body().substring(at)).toString();
    }
  }

  @Command(
      name = "triage",
      mixinStandardHelpOptions = true,
      description = {
        "The triage queue of threats to life: the messages the viewer may read with a threat or"
            + " weapon signal, scored from 0 to 1 with their conversation, best first, with the"
            + " signals behind each score; the team decides on each (audited).",
        "Signals: the data directory's threat-signals.txt, else the built-in list (spil messages"
            + " signals)."
      })
  static final class Triage implements Callable<Integer> {
    @ParentCommand MessagesCommand parent;
    @Mixin ViewerOption viewer;

    @Option(names = "--top", defaultValue = "20", description = "Messages shown (default: 20).")
    int top;

    @Option(names = "--all", description = "Also the messages the team has decided on.")
    boolean all;

    @Option(names = "--confirm", paramLabel = "ID", description = "Decide: a threat to act on.")
    String confirm;

    @Option(
        names = "--dismiss",
        paramLabel = "ID",
        description = "Decide: not a threat (give --reason).")
    String dismiss;

    @Option(names = "--reopen", paramLabel = "ID", description = "Undo a decision.")
    String reopen;

    @Option(names = "--reason", description = "Why (required to dismiss).")
    String reason;

    @Option(
        names = "--json",
        description =
            "Print [{id, score, body, reasons, time, from, to, conversation, dataset, before,"
                + " decision, decision_reason}].")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      int decisions =
          (confirm != null ? 1 : 0) + (dismiss != null ? 1 : 0) + (reopen != null ? 1 : 0);
      if (decisions > 1) {
        throw new picocli.CommandLine.ParameterException(
            parent.spec.commandLine(), "give one of --confirm, --dismiss and --reopen");
      }
      if (decisions == 1) {
        try (Store store = parent.spil.open(true)) {
          String id = confirm != null ? confirm : dismiss != null ? dismiss : reopen;
          String verdict = confirm != null ? "confirmed" : dismiss != null ? "dismissed" : "open";
          new Chats(store).decide(viewer.viewer(store), id, verdict, reason);
          out.printf("%s: %s%n", TerminalText.safe(id), verdict);
        }
        out.flush();
        return 0;
      }
      Chats.Queue queue;
      try (Store store = parent.spil.open(false)) {
        queue = new Chats(store).triage(viewer.viewer(store), top, all);
      }
      if (json) {
        Output.json(out, queue.results());
        return 0;
      }
      out.printf(
          "%,d messages with a threat or weapon signal%s; %,d decided by the team (signals: %s)%n",
          queue.candidates(),
          queue.truncated() ? " (the first " + Chats.MAX_CANDIDATES + " weighed)" : "",
          queue.decided(),
          queue.signals());
      for (Chats.Triaged t : queue.results()) {
        out.println();
        out.printf(
            "%.2f  %s  %s  %s -> %s%s%n",
            t.score(),
            t.id(),
            t.time(),
            TerminalText.safe(t.from()),
            TerminalText.safe(String.join(", ", t.to())),
            t.decision() == null ? "" : "  [" + t.decision() + "]");
        for (MessageHit.Line l : t.before()) {
          out.printf("      %s: %s%n", TerminalText.safe(l.from()), TerminalText.safe(l.body()));
        }
        out.printf("    > %s%n", TerminalText.safe(t.body()));
        for (String r : t.reasons()) {
          out.printf("      %s%n", TerminalText.safe(r));
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "signals",
      mixinStandardHelpOptions = true,
      description =
          "Print the threat signals triage uses (the data directory's threat-signals.txt, else the"
              + " built-in list); save the built-in list with --built-in > DIR/threat-signals.txt"
              + " to keep your own.")
  static final class Signals implements Callable<Integer> {
    @ParentCommand MessagesCommand parent;

    @Option(
        names = "--built-in",
        description = "The built-in list, whatever the data directory holds.")
    boolean builtIn;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      if (builtIn) {
        out.print(ThreatSignals.defaultText());
      } else {
        try (Store store = parent.spil.open(false)) {
          ThreatSignals list = new Chats(store).signals();
          out.printf("# %d signals from %s%n", list.signals().size(), list.source());
          for (ThreatSignals.Signal sig : list.signals()) {
            out.printf(
                "%s %s %.2f %s%n",
                sig.language(),
                sig.category().label(),
                sig.weight(),
                TerminalText.safe(sig.words()));
          }
        }
      }
      out.flush();
      return 0;
    }
  }
}
