package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.command.Prompt;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code berth image prune}: removes dangling images, or every unused one with {@code -a}. */
public final class PruneCommand extends Command {
  static final String ALL_WARNING = "WARNING! This will remove all images without at least one container "
      + "associated to them.\nAre you sure you want to continue?";
  static final String DANGLING_WARNING = "WARNING! This will remove all dangling images.\n"
      + "Are you sure you want to continue?";

  public PruneCommand() {
    flags.bool("a", "all", "Remove all unused images, not just dangling ones")
        .value(null, "filter", "filter", null, "Provide filter values (e.g. \"until=<timestamp>\")")
        .bool("f", "force", "Do not prompt for confirmation");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Remove unused images";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    boolean all = p.bool("all");
    Map<String, List<String>> filters = FilterFlag.parse(p.list("filter"));
    filters.computeIfAbsent("dangling", k -> new ArrayList<>()).add(Boolean.toString(!all));
    if (!p.bool("force") && !Prompt.confirm(cli, all ? ALL_WARNING : DANGLING_WARNING)) {
      // docker treats the refusal as a cancellation: nothing more is printed, and it exits 0
      return 0;
    }
    Map<String, Object> report = JsonValues.object(cli.client().images().pruneRaw(filters));
    long reclaimed = 0;
    if (JsonValues.at(report, "ImagesDeleted") instanceof List<?> deleted && !deleted.isEmpty()) {
      StringBuilder sb = new StringBuilder("Deleted Images:\n");
      for (Object o : deleted) {
        String untagged = JsonValues.string(o, "Untagged");
        sb.append(untagged.isEmpty() ? "deleted: " + JsonValues.string(o, "Deleted") : "untagged: " + untagged)
            .append('\n');
      }
      cli.out().println(sb);
      reclaimed = JsonValues.number(report, "SpaceReclaimed");
    }
    cli.out().println("Total reclaimed space: " + Units.humanSize(reclaimed, 4));
    return 0;
  }
}
