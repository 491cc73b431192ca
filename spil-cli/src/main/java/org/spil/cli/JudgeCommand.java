package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.Resolving;
import org.spil.store.Resolutions;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil judge A B same|different|unsure}: an analyst's judgement on two entities, for the
 * analyst's team. It overrides the model in every later {@code spil resolve} of the team (same:
 * merged; different: never in one cluster), survives reruns, can be revised with {@code --revise},
 * and is audited.
 */
@Command(
    name = "judge",
    mixinStandardHelpOptions = true,
    description = "Judge whether two entities are the same (for your team).")
final class JudgeCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(index = "0", paramLabel = "A")
  String a;

  @Parameters(index = "1", paramLabel = "B")
  String b;

  @Parameters(index = "2", paramLabel = "VERDICT", description = "same, different or unsure")
  String verdict;

  @Option(names = "--revise", description = "Replace an earlier, different judgement of the pair.")
  boolean revise;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = spil.open(true)) {
      Resolutions.Judgement j =
          new Resolving(store).judge(viewer.viewer(store), a, b, verdict, revise);
      out.printf(
          "judged %s and %s: %s for %s (applies from the next spil resolve)%n",
          j.pair().a(), j.pair().b(), j.verdict().label(), j.team());
    }
    out.flush();
    return 0;
  }
}
