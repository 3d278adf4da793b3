package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import java.util.List;

/**
 * {@code berth update}: new resource limits and restart policies for containers, running ones at
 * once. The block I/O and real-time CPU limits are not enforced yet, and refused.
 */
public final class UpdateCommand extends Command {
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
  public int run(Cli cli, Parsed p) throws Exception {
    if (p.values().isEmpty()) {
      throw new StatusError("you must provide one or more flags when using this command", 1);
    }
    for (String f : List.of("blkio-weight", "cpu-rt-period", "cpu-rt-runtime")) {
      if (p.changed(f)) {
        throw new StatusError("berth does not support --" + f + " yet", 1);
      }
    }
    var b = new io.berth.client.json.JsonWriter().beginObject();
    try {
      for (var e : ResourceFlags.limits(p).entrySet()) {
        if (e.getValue() instanceof String v) {
          b.member(e.getKey(), v);
        } else {
          b.name(e.getKey()).value(((Number) e.getValue()).longValue());
        }
      }
    } catch (ContainerOptions.Invalid e) {
      throw new StatusError(e.getMessage(), 125);
    }
    if (p.changed("restart")) {
      String policy = p.string("restart", "");
      int colon = policy.indexOf(':');
      long retries;
      try {
        retries = colon < 0 || colon == policy.length() - 1 ? 0 : Long.parseLong(policy.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new StatusError("invalid restart policy format: maximum retry count must be an integer", 1);
      }
      b.name("RestartPolicy").beginObject().member("Name", colon < 0 ? policy : policy.substring(0, colon))
          .name("MaximumRetryCount").value(retries).endObject();
    }
    byte[] body = b.endObject().toBytes();
    List<String> errors = new java.util.ArrayList<>();
    List<String> warnings = new java.util.ArrayList<>();
    for (String name : p.args()) {
      try {
        Object r = io.berth.cli.format.JsonValues.parse(cli.client().containers().updateRaw(name, body));
        cli.out().println(name);
        if (io.berth.cli.format.JsonValues.at(r, "Warnings") instanceof List<?> w) {
          w.forEach(x -> warnings.add(String.valueOf(x)));
        }
      } catch (RuntimeException e) {
        errors.add(io.berth.cli.Main.message(e));
      }
    }
    if (!warnings.isEmpty()) {
      cli.out().println(String.join("\n", warnings));
    }
    return io.berth.cli.command.Batch.fail(errors);
  }
}
