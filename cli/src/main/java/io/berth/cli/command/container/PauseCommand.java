package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.command.Batch;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;

/** {@code berth pause} and {@code berth unpause}. */
public final class PauseCommand extends Command {
  private final boolean pause;

  public PauseCommand(boolean pause) {
    this.pause = pause;
  }

  @Override
  public String use() {
    return "CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return (pause ? "Pause" : "Unpause") + " all processes within one or more containers";
  }

  @Override
  public String aliases() {
    String verb = pause ? "pause" : "unpause";
    return "berth container " + verb + ", berth " + verb;
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    List<String> errors = new ArrayList<>();
    for (String id : p.args()) {
      try {
        if (pause) {
          cli.client().containers().pause(id);
        } else {
          cli.client().containers().unpause(id);
        }
        cli.out().println(id);
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return Batch.fail(errors);
  }
}
