package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.cli.format.TabWriter;
import java.util.List;

/** {@code berth top}: the daemon's ps rows, in docker's columns (20 wide at least, 3 apart). */
public final class TopCommand extends Command {
  public TopCommand() {
    flags.stopAtFirstArg();
  }

  @Override
  public String use() {
    return "CONTAINER [ps OPTIONS]";
  }

  @Override
  public String description() {
    return "Display the running processes of a container";
  }

  @Override
  public String aliases() {
    return "berth container top, berth top";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    List<String> args = p.args();
    String psArgs = String.join(" ", args.subList(1, args.size()));
    Object top = JsonValues.parse(cli.client().containers().topRaw(args.getFirst(), psArgs.isEmpty() ? null : psArgs));
    TabWriter w = new TabWriter(20, 3);
    if (JsonValues.at(top, "Titles") instanceof List<?> titles) {
      w.write(join(titles) + "\n");
    }
    if (JsonValues.at(top, "Processes") instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof List<?> cells) {
          w.write(join(cells) + "\n");
        }
      }
    }
    cli.out().print(w.flush());
    return 0;
  }

  private static String join(List<?> cells) {
    StringBuilder sb = new StringBuilder();
    for (Object c : cells) {
      if (!sb.isEmpty()) {
        sb.append('\t');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
