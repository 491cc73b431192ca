package org.spil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spil.app.Cooperation;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
            + " days after it was sent) it is overdue.")
final class CooperationCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

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
              + " open, overdue, median_days_to_answer, oldest_open, liaisons: [{country, agency,"
              + " name, contact, competence}]}]}; whom to ask from liaisons.txt in the data"
              + " directory.")
  boolean json;

  @Override
  public Integer call() {
    Cooperation.Register register;
    try (Store store = spil.open(false)) {
      register = new Cooperation(store).register(viewer.viewer(store), country, open);
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
        "%-8s %8s %5s %8s %14s %12s%n",
        "country", "requests", "open", "overdue", "median answer", "oldest open");
    for (Cooperation.Country c : register.countries()) {
      out.printf(
          Locale.ROOT,
          "%-8s %8d %5d %8d %14s %12s%n",
          c.country(),
          c.requests(),
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
          "%-14s %-3s %-10s %-14s %s%s, %s%n",
          r.reference(),
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
}
