package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.command.Batch;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;

/** {@code berth stop}: stop containers, printing each name as given. */
public final class StopCommand extends Command {
  public StopCommand() {
    flags.string("s", "signal", "Signal to send to the container")
        .value("t", "timeout", "int", null, "Seconds to wait before killing the container")
        .hidden("time", false);
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Stop one or more running containers";
  }

  @Override
  public String aliases() {
    return "berth container stop, berth stop";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Integer timeout = timeout(p);
    String signal = p.string("signal", null);
    List<String> errors = new ArrayList<>();
    for (String id : p.args()) {
      try {
        cli.client().containers().stop(id, timeout, signal);
        cli.out().println(id);
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return Batch.fail(errors);
  }

  /** -t, or the deprecated --time; null when neither was given so the container's default holds. */
  static Integer timeout(Parsed p) {
    if (p.changed("timeout")) {
      return p.integer("timeout", 0);
    }
    if (p.changed("time")) {
      return p.integer("time", 0);
    }
    return null;
  }
}
