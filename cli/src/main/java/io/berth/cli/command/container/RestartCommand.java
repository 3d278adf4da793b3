package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.command.Batch;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;

/** {@code berth restart}. */
public final class RestartCommand extends Command {
  public RestartCommand() {
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
    return "Restart one or more containers";
  }

  @Override
  public String aliases() {
    return "berth container restart, berth restart";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Integer timeout = StopCommand.timeout(p);
    String signal = p.string("signal", null);
    List<String> errors = new ArrayList<>();
    for (String id : p.args()) {
      try {
        cli.client().containers().restart(id, timeout, signal);
        cli.out().println(id);
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return Batch.fail(errors);
  }
}
