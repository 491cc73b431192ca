package org.spil.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spil.store.Store;
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
    description = "Pool, resolve and analyse what partner agencies know about organised crime.")
public final class Spil implements Runnable {

  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data directory (default: $SPIL_DATA or ./spil-data).")
  Path data;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The store a server lends the commands it runs for clients; null on the command line. */
  private Store lent;

  /** The data directory: --data, else $SPIL_DATA, else ./spil-data. */
  public Path dataDir() {
    if (data != null) {
      return data;
    }
    String env = System.getenv("SPIL_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "spil-data");
  }

  /**
   * Opens the store of the data directory for a command, read-only or for writing, and warns on the
   * command's standard error about files of it that other accounts could read until now.
   */
  public Store open(boolean write) {
    return open(write, LocalDate.now());
  }

  /** As {@link #open(boolean)}, with the policy's day given (retention for a day). */
  Store open(boolean write, LocalDate today) {
    if (lent != null) {
      return lent.retain();
    }
    Store store = Store.open(dataDir(), write, today);
    for (Path p : store.loosened()) {
      spec.commandLine()
          .getErr()
          .println("spil: warning: " + p + " was open to other accounts; now to its owner only");
    }
    spec.commandLine().getErr().flush();
    return store;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The subcommands, in the order {@code spil --help} lists them. */
  static final List<Class<?>> COMMANDS =
      List.of(
          IngestCommand.class,
          SearchCommand.class,
          MessagesCommand.class,
          HandlesCommand.class,
          ShowCommand.class,
          ExportCommand.class,
          SchemaCommand.class,
          StatsCommand.class,
          RejectsCommand.class,
          ReindexCommand.class,
          MigrateCommand.class,
          SynthCommand.class,
          UsersCommand.class,
          LiaisonsCommand.class,
          PrivilegedCommand.class,
          CasesCommand.class,
          AuditCommand.class,
          RetentionCommand.class,
          HitCommand.class,
          RequestCommand.class,
          ApprovalCommand.class,
          NoticesCommand.class,
          ServeCommand.class,
          TokensCommand.class,
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
          FlowsCommand.class,
          AssetsCommand.class,
          ChainCommand.class,
          RoutesCommand.class,
          InsidersCommand.class,
          InspectCommand.class,
          UpstreamCommand.class,
          DownstreamCommand.class,
          TargetingCommand.class,
          TrendsCommand.class,
          SignalsCommand.class,
          FocusCommand.class,
          WatchCommand.class,
          AlertsCommand.class,
          CooperationCommand.class,
          DemoCommand.class,
          LoginCommand.class,
          LoginCommand.Logout.class,
          CommandLine.HelpCommand.class);

  /**
   * Commands found at run time, by name: they live in modules the product jar does not contain,
   * which {@code ./spil} puts on the class path for them: the benchmarks (spil-bench) and the batch
   * work on Spark (spil-spark).
   */
  static final Map<String, String> OPTIONAL =
      Map.of("bench", "org.spil.bench.BenchCommand", "cluster", "org.spil.spark.ClusterCommand");

  /** The whole command tree, with the optional commands that are on the class path. */
  public static CommandLine commandLine() {
    List<Class<?>> all = new ArrayList<>(COMMANDS);
    for (String name : new java.util.TreeSet<>(OPTIONAL.keySet())) {
      optional(name).ifPresent(b -> all.add(all.size() - 1, b));
    }
    return commandLine(all);
  }

  private static Optional<Class<?>> optional(String name) {
    try {
      return Optional.of(Class.forName(OPTIONAL.get(name)));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The command tree for these arguments: when they name a subcommand, the tree holds that one
   * alone. Picocli builds the model of every registered command by reflection before it parses
   * anything, which for the whole tree took a quarter of a second of every command's start.
   */
  public static CommandLine commandLine(String[] args) {
    String name = subcommandName(args);
    if (name != null && OPTIONAL.containsKey(name)) {
      Optional<Class<?>> found = optional(name);
      if (found.isPresent()) {
        return commandLine(List.of(found.get()));
      }
    }
    for (Class<?> c : COMMANDS) {
      if (c != CommandLine.HelpCommand.class
          && c.getAnnotation(Command.class).name().equals(name)) {
        return commandLine(List.of(c));
      }
    }
    return commandLine();
  }

  /** The first argument that is neither an option nor the value of --data, or null. */
  static String subcommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data")) {
        i++;
      } else if (!args[i].startsWith("--data=")) {
        return args[i].startsWith("-") ? null : args[i];
      }
    }
    return null;
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    CommandLine cl = new CommandLine(new Spil());
    for (Class<?> c : commands) {
      cl.addSubcommand(c);
    }
    cl.setExecutionExceptionHandler(new Failures());
    return cl;
  }

  /**
   * Runs the command the arguments name, printing to {@code out} and {@code err} through a {@link
   * TerminalWriter}; returns the exit code.
   */
  public static int run(String[] args, Writer out, Writer err) {
    Optional<ServerLogin> server = ServerLogin.holding(args);
    if (server.isPresent()) {
      return forward(server.get(), args, out, err);
    }
    CommandLine cl = commandLine(args);
    return run(cl, args, out, err);
  }

  /**
   * Runs a command at the server logged in at, printing what the server's run printed (through the
   * same filter of control characters as a local run).
   */
  private static int forward(ServerLogin login, String[] args, Writer out, Writer err) {
    PrintWriter o = new PrintWriter(new TerminalWriter(out), true);
    PrintWriter e = new PrintWriter(new TerminalWriter(err), true);
    try {
      ServerLogin.Ran ran = login.run(ServerLogin.withoutData(args));
      o.print(ran.out());
      e.print(ran.err());
      return ran.exit();
    } catch (IOException ex) {
      e.println("spil: the server " + login.server() + " cannot be reached: " + ex.getMessage());
      return 1;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      o.flush();
      e.flush();
    }
  }

  /**
   * Runs a command on a store a server holds (its commands open that store instead of the data
   * directory's), printing as {@link #run(String[], Writer, Writer)}.
   */
  static int run(String[] args, Writer out, Writer err, Store store) {
    CommandLine cl = commandLine(args);
    ((Spil) cl.getCommand()).lent = store;
    return run(cl, args, out, err);
  }

  /**
   * Runs the arguments on a given command tree, printing as {@link #run(String[], Writer, Writer)}.
   */
  static int run(CommandLine cl, String[] args, Writer out, Writer err) {
    cl.setOut(new PrintWriter(new TerminalWriter(out), true));
    cl.setErr(new PrintWriter(new TerminalWriter(err), true));
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return code;
  }

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
            new OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
  }
}
