package io.berth.cli.command.network;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;

/** {@code berth network rm}: each network removed is named, each failure reported, as docker does. */
public final class NetworkRmCommand extends Command {
  public NetworkRmCommand() {
    flags.bool("f", "force", "Do not error if the network does not exist");
  }

  @Override
  public String use() {
    return "NETWORK [NETWORK...]";
  }

  @Override
  public String description() {
    return "Remove one or more networks";
  }

  @Override
  public String aliases() {
    return "berth network rm, berth network remove";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    boolean failed = false;
    for (String name : p.args()) {
      try {
        cli.client().networks().remove(name);
        cli.out().println(name);
      } catch (io.berth.common.error.NotFoundException e) {
        if (!p.bool("force")) {
          cli.err().println(Main.message(e));
          failed = true;
        }
      } catch (RuntimeException e) {
        cli.err().println(Main.message(e));
        failed = true;
      }
    }
    if (failed) {
      // docker reports each failure as it comes, then its status
      throw new StatusError("exit status 1", 1);
    }
    return 0;
  }
}
