package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.command.Batch;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;

/** {@code berth unpause}. */
public final class UnpauseCommand extends Command {
  @Override
  public String use() {
    return "CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Unpause all processes within one or more containers";
  }

  @Override
  public String aliases() {
    return "berth container unpause, berth unpause";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    List<String> errors = new ArrayList<>();
    for (String id : p.args()) {
      try {
        cli.client().containers().unpause(id);
        cli.out().println(id);
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return Batch.fail(errors);
  }
}
