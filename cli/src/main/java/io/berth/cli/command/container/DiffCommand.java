package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.flags.Parsed;

/** {@code berth diff}: {@code C /etc}, {@code A /tmp/new}, {@code D /etc/group}, as docker prints them. */
public final class DiffCommand extends Command {
  @Override
  public String use() {
    return "CONTAINER";
  }

  @Override
  public String description() {
    return "Inspect changes to files or directories on a container's filesystem";
  }

  @Override
  public String aliases() {
    return "berth container diff, berth diff";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    for (String[] change : cli.client().containers().changes(p.args().getFirst())) {
      cli.out().println(change[0] + " " + change[1]);
    }
    return 0;
  }
}
