package org.spil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spil.app.Cooperation;
import org.spil.app.Ingestion;
import org.spil.app.RequestEntry;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code spil cooperation}: the register of requests for mutual legal assistance you may see. */
@Command(
    name = "cooperation",
    mixinStandardHelpOptions = true,
    description =
        "The register of requests for mutual legal assistance you may see: per country how many,"
            + " open, overdue, the median days to an answer and the oldest open one's wait; then"
            + " each request (overdue first), with its authority, subjects, dates and status. A"
            + " request is open until answered or closed by its status; past its deadline (the"
            + " record's, else "
            + Cooperation.DEFAULT_DAYS
            + " days after it was sent) it is overdue. 'spil cooperation add' enters a request"
            + " by hand.",
    subcommands = CooperationCommand.Add.class)
final class CooperationCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  // not a required mixin: 'spil cooperation add' takes --as alone
  @Option(names = "--as", paramLabel = "USER", description = "The user reading (required).")
  String user;

  @Option(
      names = "--purpose",
      paramLabel = "PURPOSE",
      description = "Why: a case id you are a member of, or a legal task (required).")
  String purpose;

  @Option(names = "--country", paramLabel = "CC", description = "One country (ISO code: tr, ae).")
  String country;

  @Option(names = "--open", description = "Open requests only.")
  boolean open;

  @Option(
      names = "--json",
      description =
          "Print {today, requests: [{id, reference, direction, country, authority, legal_basis,"
              + " case_id, subjects: [{id, caption}], sent, acknowledged, answered, deadline,"
              + " deadline_given, status, open, days, overdue}], countries: [{country, requests,"
              + " received, open, overdue, median_days_to_answer, oldest_open, liaisons: [{country, agency,"
              + " name, contact, competence}]}]}; whom to ask from liaisons.txt in the data"
              + " directory.")
  boolean json;

  @Override
  public Integer call() {
    if (user == null || purpose == null) {
      throw new ParameterException(
          spec.commandLine(), "Missing required options: '--as=USER', '--purpose=PURPOSE'");
    }
    Cooperation.Register register;
    try (Store store = spil.open(false)) {
      register = new Cooperation(store).register(store.viewer(user, purpose), country, open);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, register);
      return 0;
    }
    if (register.requests().isEmpty()) {
      out.println("no request for legal assistance you may see");
      out.flush();
      return 0;
    }
    out.printf(
        "%-8s %8s %8s %5s %8s %14s %12s%n",
        "country", "requests", "received", "open", "overdue", "median answer", "oldest open");
    for (Cooperation.Country c : register.countries()) {
      out.printf(
          Locale.ROOT,
          "%-8s %8d %8d %5d %8d %14s %12s%n",
          c.country(),
          c.requests(),
          c.received(),
          c.open(),
          c.overdue(),
          c.medianDaysToAnswer() == null ? "-" : c.medianDaysToAnswer() + " days",
          c.oldestOpen() == null ? "-" : c.oldestOpen() + " days");
      for (var l : c.liaisons()) {
        out.printf(
            "         ask: %s (%s), %s%s%n",
            l.name(), l.agency(), l.contact(), l.competence() == null ? "" : "; " + l.competence());
      }
    }
    out.println();
    for (Cooperation.Request r : register.requests()) {
      out.printf(
          Locale.ROOT,
          "%-14s %-4s %-3s %-10s %-14s %s%s, %s%n",
          r.reference(),
          r.incoming() ? "from" : "to",
          r.country(),
          r.sent() == null ? "" : r.sent(),
          r.overdue()
              ? "OVERDUE " + r.days() + "d"
              : r.open() ? "open " + r.days() + "d" : r.status() == null ? "closed" : r.status(),
          r.authority() == null ? "" : r.authority(),
          r.deadline() == null ? "" : " (deadline " + r.deadline() + ")",
          String.join("; ", r.subjects().stream().map(Cooperation.Subject::caption).toList()));
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Enter a request for mutual legal assistance by hand, as a batch of your agency's"
              + " dataset AGENCY-mla: every field checked as ingest checks it (a country, days"
              + " YYYY-MM-DD not after today and in order), stored with the legal basis, handling"
              + " code and sharing you give, audited, and met by watches like any delivery. The"
              + " same entry twice stores nothing new.")
  static final class Add implements Callable<Integer> {
    @ParentCommand CooperationCommand parent;

    @Option(names = "--as", required = true, paramLabel = "USER", description = "Who enters it.")
    String user;

    @Option(
        names = "--reference",
        required = true,
        paramLabel = "REF",
        description = "Its reference.")
    String reference;

    @Option(
        names = "--direction",
        paramLabel = "out|in",
        description = "out: sent abroad (default); in: received from abroad.")
    String direction;

    @Option(
        names = "--country",
        required = true,
        paramLabel = "COUNTRY",
        description = "Where it was sent or came from (ISO code or name).")
    String country;

    @Option(names = "--authority", paramLabel = "NAME", description = "The authority there.")
    String authority;

    @Option(
        names = "--treaty",
        paramLabel = "TEXT",
        description = "The instrument it rests on (\"UNTOC art. 18\", \"EIO\").")
    String treaty;

    @Option(names = "--court-case", paramLabel = "NUMBER", description = "The case number.")
    String courtCase;

    @Option(names = "--sent", required = true, paramLabel = "DAY", description = "Sent (received).")
    String sent;

    @Option(names = "--acknowledged", paramLabel = "DAY", description = "Acknowledged.")
    String acknowledged;

    @Option(names = "--deadline", paramLabel = "DAY", description = "Its deadline.")
    String deadline;

    @Option(names = "--answered", paramLabel = "DAY", description = "Answered (executed, refused).")
    String answered;

    @Option(
        names = "--status",
        paramLabel = "TEXT",
        description = "Its status (open until answered).")
    String status;

    @Option(
        names = "--subject",
        paramLabel = "NAME[;DAY]",
        description = "A person it concerns, with a date of birth after ';' (repeatable).")
    java.util.List<String> subjects = new java.util.ArrayList<>();

    @Option(
        names = "--legal-basis",
        required = true,
        paramLabel = "BASIS",
        description = "The legal basis the record is held under (wjsg, wpg-art-9, ...).")
    String legalBasis;

    @Option(
        names = "--handling-code",
        paramLabel = "H0-H3",
        description = "What a reader may do with it (default H2: not passed on without consent).")
    String handlingCode;

    @Option(
        names = "--share-with",
        split = ",",
        paramLabel = "AGENCY",
        description = "Agencies it is shared with.")
    java.util.List<String> shareWith = new java.util.ArrayList<>();

    @Option(names = "--case-id", paramLabel = "CASE", description = "The case it belongs to.")
    String caseId;

    @Option(
        names = "--retention",
        paramLabel = "PERIOD",
        description = "How long it is kept (default P20Y).")
    String retention;

    @Option(names = "--json", description = "Print the ingest's summary as spil ingest --json.")
    boolean json;

    @Override
    public Integer call() {
      java.util.List<RequestEntry.Subject> named = new java.util.ArrayList<>();
      for (String s : subjects) {
        int semi = s.lastIndexOf(';');
        named.add(
            semi < 0
                ? new RequestEntry.Subject(s, null)
                : new RequestEntry.Subject(s.substring(0, semi), s.substring(semi + 1)));
      }
      RequestEntry entry =
          new RequestEntry(
              reference,
              direction,
              country,
              authority,
              treaty,
              courtCase,
              sent,
              acknowledged,
              deadline,
              answered,
              status,
              named,
              legalBasis,
              handlingCode,
              shareWith,
              caseId,
              retention);
      Ingestion.Outcome outcome;
      try (Store store = parent.spil.open(true)) {
        outcome = RequestEntry.enter(store, user, entry);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (json) {
        Output.json(out, outcome.summary());
        return 0;
      }
      IngestCommand.print(out, outcome);
      return 0;
    }
  }
}
