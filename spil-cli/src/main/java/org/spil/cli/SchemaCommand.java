package org.spil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spil.app.FtmExtension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spil schema export --out DIR}: Spil's own schemata as FollowTheMoney schema YAML, so that
 * followthemoney loads them as an extension and reads {@code spil export --format ftm} whole.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Spil's schemata for other FollowTheMoney tools.",
    subcommands = {SchemaCommand.Export.class})
final class SchemaCommand implements Runnable {
  @ParentCommand Spil spil;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write Spil's own schemata (those FtM lacks) as FtM schema YAML into DIR.",
        "Put the files beside followthemoney's schema directory to load Spil's FtM exports."
      })
  static final class Export implements Callable<Integer> {
    @ParentCommand SchemaCommand parent;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--force", description = "Replace schema files in DIR that exist.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      List<Path> files = FtmExtension.write(out, parent.spil.dataDir(), force);
      PrintWriter o = parent.spec.commandLine().getOut();
      for (Path f : files) {
        o.println(f);
      }
      o.flush();
      return 0;
    }
  }
}
