package io.berth.cli.command.network;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.command.Prompt;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import java.util.List;

/** {@code berth network prune}: removes the networks no container uses. */
public final class NetworkPruneCommand extends Command {
  static final String WARNING = "WARNING! This will remove all custom networks not used by at least one container.\n"
      + "Are you sure you want to continue?";

  public NetworkPruneCommand() {
    flags.value(null, "filter", "filter", null, "Provide filter values (e.g. \"until=<timestamp>\")")
        .bool("f", "force", "Do not prompt for confirmation");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Remove all unused networks";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    if (!p.bool("force") && !Prompt.confirm(cli, WARNING)) {
      return 0;
    }
    Object report = JsonValues.parse(cli.client().networks().pruneRaw(FilterFlag.parse(p.list("filter"))));
    if (JsonValues.at(report, "NetworksDeleted") instanceof List<?> deleted && !deleted.isEmpty()) {
      StringBuilder sb = new StringBuilder("Deleted Networks:\n");
      deleted.forEach(n -> sb.append(n).append('\n'));
      cli.out().println(sb);
    }
    return 0;
  }
}
