package io.berth.cli.command.volume;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;

/** {@code berth volume rm}: each volume removed is named; the failures are reported at the end. */
public final class VolumeRmCommand extends Command {
  public VolumeRmCommand() {
    flags.bool("f", "force", "Force the removal of one or more volumes");
  }

  @Override
  public String use() {
    return "[OPTIONS] VOLUME [VOLUME...]";
  }

  @Override
  public String description() {
    return "Remove one or more volumes";
  }

  @Override
  public String aliases() {
    return "berth volume rm, berth volume remove";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    List<String> errors = new ArrayList<>();
    for (String name : p.args()) {
      try {
        cli.client().volumes().remove(name, p.bool("force"));
        cli.out().println(name);
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return io.berth.cli.command.Batch.fail(errors);
  }
}
