package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.command.Batch;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;

/** {@code berth wait}: each container's exit code once it stops, one per line. */
public final class WaitCommand extends Command {
  @Override
  public String use() {
    return "CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Block until one or more containers stop, then print their exit codes";
  }

  @Override
  public String aliases() {
    return "berth container wait, berth wait";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    List<String> errors = new ArrayList<>();
    for (String name : p.args()) {
      try (var waiter = cli.client().containers().waitFor(name, null)) {
        var r = waiter.await();
        if (r.error() != null && r.error().message() != null && !r.error().message().isEmpty()) {
          errors.add(r.error().message());
        } else {
          cli.out().println(r.statusCode());
        }
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return Batch.fail(errors);
  }
}
