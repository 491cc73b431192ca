package org.spil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spil.app.Assets;
import org.spil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil assets}: what a subject controls directly or through companies and family, for
 * confiscation, each asset with the chain of links that ties it to the subject and their sources.
 */
@Command(
    name = "assets",
    mixinStandardHelpOptions = true,
    description =
        "What a person or company controls, directly or through companies and family: bank"
            + " accounts, crypto wallets, company shares and directorships, vehicles, vessels, real"
            + " estate, each with its value where known and the chain of links to it.")
final class AssetsCommand implements Callable<Integer> {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ViewerOption viewer;

  @Parameters(index = "0", paramLabel = "SUBJECT", description = "A person or company id.")
  String subject;

  @Option(
      names = "--depth",
      defaultValue = "3",
      paramLabel = "N",
      description = "Most links from the subject to an asset, 1 to 4 (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--json", description = "Print {subject, caption, depth, assets, controllers}.")
  boolean json;

  @Override
  public Integer call() {
    Assets.Overview o;
    try (Store store = spil.open(false)) {
      o = new Assets(store).of(viewer.viewer(store), subject, depth);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Output.json(out, o);
      return 0;
    }
    out.printf(
        "%s: %d assets within %d links (%d people and companies looked at)%n",
        o.caption(), o.assets().size(), o.depth(), o.controllers());
    String kind = "";
    for (Assets.Asset a : o.assets()) {
      if (!a.kind().equals(kind)) {
        kind = a.kind();
        out.printf("%n%s%n", kind);
      }
      out.printf("  %s%s  [%s]%n", a.caption(), a.value() == null ? "" : "  " + a.value(), a.id());
      for (Assets.Link l : a.chain()) {
        out.printf(
            "      %s %s%s %s  (%s)%n",
            l.fromCaption(),
            l.relation(),
            l.detail() == null ? "" : " (" + l.detail() + ")",
            l.toCaption(),
            String.join(", ", l.datasets()));
      }
    }
    out.flush();
    return 0;
  }
}
