package org.spil.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code spil} command: the entry point of the distribution. Subcommands ingest datasets,
 * search and show entities, export and count what a viewer may see, and rebuild derived indexes.
 * {@code --data DIR} (or {@code SPIL_DATA}) names the data directory, before or after the
 * subcommand. Exit codes: 0 success, 1 failure, 2 bad input or usage.
 */
@Command(
    name = "spil",
    mixinStandardHelpOptions = true,
    version = "spil 0.1.0",
    description = "Pool, resolve and analyse what partner agencies know about organised crime.",
    subcommands = {
      IngestCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      ExportCommand.class,
      StatsCommand.class,
      RejectsCommand.class,
      ReindexCommand.class,
      SynthCommand.class,
      UsersCommand.class,
      CasesCommand.class,
      AuditCommand.class,
      RetentionCommand.class,
      HitCommand.class,
      RequestCommand.class,
      ResolveCommand.class,
      ClustersCommand.class,
      ExplainCommand.class,
      JudgeCommand.class,
      MatchCommand.class,
      ReviewCommand.class,
      NetworkCommand.class,
      CentralityCommand.class,
      CommunitiesCommand.class,
      PathCommand.class,
      KeyPlayersCommand.class,
      BridgesCommand.class,
      GraphCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Spil implements Runnable {

  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data directory (default: $SPIL_DATA or ./spil-data).")
  Path data;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Path dataDir() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("SPIL_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "spil-data");
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Spil());
    cl.setExecutionExceptionHandler(new Failures());
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
