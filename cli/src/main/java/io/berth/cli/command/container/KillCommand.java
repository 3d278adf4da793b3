package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.command.Batch;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;

/** {@code berth kill}. */
public final class KillCommand extends Command {
  public KillCommand() {
    flags.string("s", "signal", "Signal to send to the container");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Kill one or more running containers";
  }

  @Override
  public String aliases() {
    return "berth container kill, berth kill";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String signal = p.string("signal", null);
    List<String> errors = new ArrayList<>();
    for (String id : p.args()) {
      try {
        cli.client().containers().kill(id, signal);
        cli.out().println(id);
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return Batch.fail(errors);
  }
}
