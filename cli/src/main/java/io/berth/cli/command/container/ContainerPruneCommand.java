package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.command.Prompt;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.common.HumanSize;
import java.util.List;

/** {@code berth container prune}: every stopped container, or those the filters pick. */
public final class ContainerPruneCommand extends Command {
  static final String WARNING = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

  public ContainerPruneCommand() {
    flags.value(null, "filter", "filter", null, "Provide filter values (e.g. \"until=<timestamp>\")")
        .bool("f", "force", "Do not prompt for confirmation");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Remove all stopped containers";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    if (!p.bool("force") && !Prompt.confirm(cli, WARNING)) {
      return 0; // docker's "cancelled" ends quietly with 0
    }
    Object report = JsonValues.parse(cli.client().containers().pruneRaw(FilterFlag.parse(p.list("filter"))));
    StringBuilder sb = new StringBuilder();
    double space = 0;
    if (JsonValues.at(report, "ContainersDeleted") instanceof List<?> deleted && !deleted.isEmpty()) {
      sb.append("Deleted Containers:\n");
      deleted.forEach(id -> sb.append(id).append('\n'));
      sb.append('\n');
      // docker counts the space only when something was deleted
      space = JsonValues.at(report, "SpaceReclaimed") instanceof Number n ? n.doubleValue() : 0;
    }
    sb.append("Total reclaimed space: ").append(HumanSize.of(space, 4));
    cli.out().println(sb);
    return 0;
  }
}
