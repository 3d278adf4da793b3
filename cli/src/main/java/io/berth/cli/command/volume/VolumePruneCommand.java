package io.berth.cli.command.volume;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.command.FilterFlag;
import io.berth.cli.command.Prompt;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.common.HumanSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code berth volume prune}: anonymous volumes no container uses, or all such with {@code -a}. */
public final class VolumePruneCommand extends Command {
  static final String ANONYMOUS = "WARNING! This will remove anonymous local volumes not used by at least one container.\n"
      + "Are you sure you want to continue?";
  static final String ALL = "WARNING! This will remove all local volumes not used by at least one container.\n"
      + "Are you sure you want to continue?";

  public VolumePruneCommand() {
    flags.bool("a", "all", "Remove all unused volumes, not just anonymous ones")
        .value(null, "filter", "filter", null, "Provide filter values (e.g. \"label=<label>\")")
        .bool("f", "force", "Do not prompt for confirmation");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Remove unused local volumes";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    Map<String, List<String>> filters = new LinkedHashMap<>(FilterFlag.parse(p.list("filter")));
    boolean all = p.bool("all");
    if (all) {
      if (filters.containsKey("all")) {
        throw new StatusError("conflicting options: cannot specify both --all and --filter all=1", 1);
      }
      filters.put("all", List.of("true"));
    }
    if (!p.bool("force") && !Prompt.confirm(cli, all ? ALL : ANONYMOUS)) {
      return 0;
    }
    Object report = JsonValues.parse(cli.client().volumes().pruneRaw(filters));
    StringBuilder sb = new StringBuilder();
    if (JsonValues.at(report, "VolumesDeleted") instanceof List<?> deleted && !deleted.isEmpty()) {
      sb.append("Deleted Volumes:\n");
      new ArrayList<>(deleted).forEach(n -> sb.append(n).append('\n'));
      sb.append('\n');
    }
    Object space = JsonValues.at(report, "SpaceReclaimed");
    sb.append("Total reclaimed space: ").append(HumanSize.of(space instanceof Number n ? n.doubleValue() : 0, 4));
    cli.out().println(sb);
    return 0;
  }
}
