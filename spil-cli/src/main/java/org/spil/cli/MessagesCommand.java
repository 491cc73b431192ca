package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Chats;
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
            + " conversation.",
    subcommands = {MessagesCommand.Search.class})
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
            "Print {total, results: [{id, time, from, to, conversation, body, language, dataset,"
                + " score, highlights: [{start, end}], before, after}]}.")
    boolean json;

    @Override
    public Integer call() {
      MessageHit.Page page;
      try (Store store = parent.spil.open(false)) {
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
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, page);
        return 0;
      }
      out.println(
          page.total() == 1
              ? "1 message matches"
              : String.format("%,d messages match", page.total()));
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
}
