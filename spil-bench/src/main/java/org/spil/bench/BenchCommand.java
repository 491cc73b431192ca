package org.spil.bench;

import picocli.CommandLine.Command;

/** {@code spil bench}: measures each capability against the peer its issue names. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; see the subcommands.",
    subcommands = {
      IngestBench.class,
      PhoneBench.class,
      SearchBench.class,
      AuditBench.class,
      ResolveBench.class,
      MatchBench.class,
      GraphBench.class,
      NetworkBench.class,
      ClusterBench.class,
      FlowsBench.class,
      GoodsBench.class,
      TrendsBench.class,
      MessagesBench.class,
      AttributionBench.class,
      ServeBench.class
    })
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
