package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.Oversight;
import org.spil.store.Notices;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil notices}: what a privacy officer should look at about its agency's users: hit queries
 * on one name with varying details (the way to find a date of birth by trying dates), the day's hit
 * quota reached. Administrators see every agency's. Reading them is audited; the audit log holds
 * the queries themselves ({@code spil audit query --user U}).
 */
@Command(
    name = "notices",
    mixinStandardHelpOptions = true,
    description = {
      "Notices to privacy officers: hit queries that look like enumeration, quotas reached.",
      "The queries themselves: spil audit query --as YOU --user USER."
    })
final class NoticesCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec CommandSpec spec;

  @Option(
      names = "--as",
      required = true,
      paramLabel = "USER",
      description = "A privacy officer (its agency's notices) or administrator (all).")
  String as;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Notices.Notice> notices;
    try (Store store = spil.open(false)) {
      notices = Oversight.notices(store, as);
    }
    if (json) {
      Output.json(out, notices);
      return 0;
    }
    if (notices.isEmpty()) {
      out.println("no notices");
    }
    for (Notices.Notice n : notices) {
      out.printf(
          "%5d %s %-11s %-17s %-18s %s%n",
          n.seq(), n.at(), n.agency(), n.user(), n.kind(), n.text());
    }
    out.flush();
    return 0;
  }
}
