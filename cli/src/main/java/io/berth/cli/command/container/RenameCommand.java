package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;

/** {@code berth rename}: the daemon's error, then docker's own line about it. */
public final class RenameCommand extends Command {
  @Override
  public String use() {
    return "CONTAINER NEW_NAME";
  }

  @Override
  public String description() {
    return "Rename a container";
  }

  @Override
  public String aliases() {
    return "berth container rename, berth rename";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(2);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String old = p.args().get(0).strip();
    String name = p.args().get(1).strip();
    if (old.isEmpty() || name.isEmpty()) {
      throw new StatusError("Error: Neither old nor new names may be empty", 1);
    }
    try {
      cli.client().containers().rename(old, name);
    } catch (RuntimeException e) {
      cli.err().println(Main.message(e));
      throw new StatusError("Error: failed to rename container named " + old, 1);
    }
    return 0;
  }
}
