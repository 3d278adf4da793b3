package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.command.Batch;
import io.berth.cli.flags.Parsed;
import io.berth.common.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/** {@code berth rm}. With {@code -f}, a missing container is reported but is not a failure. */
public final class RmCommand extends Command {
  public RmCommand() {
    flags.bool("f", "force", "Force the removal of a running container (uses SIGKILL)")
        .bool("l", "link", "Remove the specified link")
        .bool("v", "volumes", "Remove anonymous volumes associated with the container");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Remove one or more containers";
  }

  @Override
  public String aliases() {
    return "berth container rm, berth container remove, berth rm";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    boolean force = p.bool("force");
    List<String> errors = new ArrayList<>();
    for (String name : p.args()) {
      String id = strip(name);
      try {
        if (id.isEmpty()) {
          throw new IllegalArgumentException("container name cannot be empty");
        }
        cli.client().containers().remove(id, force, p.bool("volumes"), p.bool("link"));
        cli.out().println(name);
      } catch (NotFoundException e) {
        if (force) {
          cli.err().println(Main.message(e));
        } else {
          errors.add(Main.message(e));
        }
      } catch (RuntimeException e) {
        errors.add(Main.message(e));
      }
    }
    return Batch.fail(errors);
  }

  private static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && s.charAt(b) == '/') {
      b++;
    }
    while (e > b && s.charAt(e - 1) == '/') {
      e--;
    }
    return s.substring(b, e);
  }
}
