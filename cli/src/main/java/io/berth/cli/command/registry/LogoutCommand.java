package io.berth.cli.command.registry;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.auth.DockerConfig;
import io.berth.cli.flags.Parsed;

/** {@code berth logout [SERVER]}: forgets a stored login. */
public final class LogoutCommand extends Command {
  @Override
  public String use() {
    return "[SERVER]";
  }

  @Override
  public String description() {
    return "Log out from a registry";
  }

  @Override
  public String aliases() {
    return "berth logout";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atMost(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String server = p.args().isEmpty() ? DockerConfig.HUB : p.args().getFirst();
    String key = server.equals(DockerConfig.HUB) ? server
        : DockerConfig.serverKey(server.replaceFirst("^https?://", "").replaceFirst("/.*$", ""));
    DockerConfig config = DockerConfig.load(cli.env());
    if (!config.erase(key)) {
      cli.out().println("Not logged in to " + key);
      return 0;
    }
    cli.out().println("Removing login credentials for " + key);
    return 0;
  }
}
