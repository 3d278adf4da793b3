package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import java.util.List;

/**
 * {@code berth update}: docker's flags, every one of which changes a resource limit or the
 * restart policy. Berth enforces neither yet, so a flag is refused here as the daemon refuses
 * its field; the daemon's update itself answers for a container whose update changes nothing.
 */
public final class UpdateCommand extends Command {
  private static final List<String> FLAGS = List.of("blkio-weight", "cpu-period", "cpu-quota", "cpu-rt-period",
      "cpu-rt-runtime", "cpu-shares", "cpus", "cpuset-cpus", "cpuset-mems", "memory", "memory-reservation",
      "memory-swap", "pids-limit", "restart");

  public UpdateCommand() {
    flags.value(null, "blkio-weight", "uint16", null,
            "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)")
        .value(null, "cpu-period", "int", null, "Limit CPU CFS (Completely Fair Scheduler) period")
        .value(null, "cpu-quota", "int", null, "Limit CPU CFS (Completely Fair Scheduler) quota")
        .value(null, "cpu-rt-period", "int", null, "Limit the CPU real-time period in microseconds")
        .value(null, "cpu-rt-runtime", "int", null, "Limit the CPU real-time runtime in microseconds")
        .value("c", "cpu-shares", "int", null, "CPU shares (relative weight)")
        .value(null, "cpus", "decimal", null, "Number of CPUs")
        .string(null, "cpuset-cpus", "CPUs in which to allow execution (0-3, 0,1)")
        .string(null, "cpuset-mems", "MEMs in which to allow execution (0-3, 0,1)")
        .value("m", "memory", "bytes", null, "Memory limit")
        .value(null, "memory-reservation", "bytes", null, "Memory soft limit")
        .value(null, "memory-swap", "bytes", null, "Swap limit equal to memory plus swap: -1 to enable unlimited swap")
        .value(null, "pids-limit", "int", null, "Tune container pids limit (set -1 for unlimited)")
        .string(null, "restart", "Restart policy to apply when a container exits");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Update configuration of one or more containers";
  }

  @Override
  public String aliases() {
    return "berth container update, berth update";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    for (String f : FLAGS) {
      if (p.changed(f)) {
        throw new StatusError("berth does not support --" + f + " yet", 1);
      }
    }
    throw new StatusError("you must provide one or more flags when using this command", 1);
  }
}
