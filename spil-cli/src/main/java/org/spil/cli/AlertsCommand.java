package org.spil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.policy.Viewer;
import org.spil.store.Store;
import org.spil.store.Watches;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil alerts [--unread]}: the alerts your watches raised under the purpose, newest first;
 * with {@code --confirm}, {@code --dismiss} or {@code --reopen ID}, their triage.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description =
        "The alerts your watches (spil watch) raised under the purpose, newest first; confirm,"
            + " dismiss (with a reason) or reopen one. An alert whose record you may no longer read"
            + " (retention, an ended grant) is listed as withdrawn, without it.")
final class AlertsCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Option(names = "--unread", description = "Only the new ones.")
  boolean unread;

  @ArgGroup(exclusive = true)
  Step step;

  /** One triage step at most. */
  static final class Step {
    @Option(names = "--confirm", paramLabel = "ID", description = "Worth following up.")
    String confirm;

    @Option(
        names = "--dismiss",
        paramLabel = "ID",
        description = "Not the subject, or nothing new; give --reason.")
    String dismiss;

    @Option(names = "--reopen", paramLabel = "ID", description = "Back to new.")
    String reopen;
  }

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, with a triage step.")
  String reason;

  @Option(
      names = "--json",
      description =
          "Print [{id, watch, watch_label, entity, schema, caption, agency, contact, reference, strength,"
              + " matched_on, explanation, created, status, reason, decided}].")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (step != null) {
      String id =
          step.confirm != null ? step.confirm : step.dismiss != null ? step.dismiss : step.reopen;
      String status =
          step.confirm != null ? "confirmed" : step.dismiss != null ? "dismissed" : "new";
      try (Store store = spil.open(true)) {
        store.watches().triage(viewer.viewer(store), id, status, reason);
      }
      out.println(id + ": " + status);
      out.flush();
      return 0;
    }
    if (reason != null) {
      throw new IllegalArgumentException("--reason goes with --confirm, --dismiss or --reopen");
    }
    List<Watches.Alert> alerts;
    try (Store store = spil.open(false)) {
      Viewer v = viewer.viewer(store);
      alerts = store.watches().alerts(v, unread);
    }
    if (json) {
      Output.json(out, alerts);
      return 0;
    }
    if (alerts.isEmpty()) {
      out.println(unread ? "no new alerts" : "no alerts");
    }
    for (Watches.Alert a : alerts) {
      out.printf(
          "%s  %-9s  %s  %s%s%n",
          a.id(),
          a.status(),
          a.created(),
          a.entity() == null
              ? ""
              : (a.caption() == null ? a.entity() : a.caption() + " (" + a.entity() + ")") + ": ",
          a.explanation());
    }
    out.flush();
    return 0;
  }
}
