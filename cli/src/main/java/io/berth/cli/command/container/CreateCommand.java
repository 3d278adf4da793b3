package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;

/** {@code berth create}: create a container and print its id. */
public final class CreateCommand extends Command {
  public CreateCommand() {
    ContainerFlags.declare(flags, false);
  }

  @Override
  public String use() {
    return "[OPTIONS] IMAGE [COMMAND] [ARG...]";
  }

  @Override
  public String description() {
    return "Create a new container";
  }

  @Override
  public String aliases() {
    return "berth container create, berth create";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    byte[] body;
    try {
      ContainerFlags.check(p);
      CreateFlow.validatePull(p.string("pull", "missing"));
      body = ContainerOptions.body(p, cli.env(), false);
    } catch (ContainerOptions.Invalid e) {
      throw new StatusError(RunCommand.withHelp(e.getMessage(), "create"), 125);
    }
    cli.out().println(CreateFlow.create(cli, p, body));
    return 0;
  }
}
