package io.berth.cli.command.image;

import io.berth.api.model.image.ImageDeleteItem;
import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.common.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/** {@code berth rmi}: prints {@code Untagged:}/{@code Deleted:} lines as the daemon reports them. */
public final class RmiCommand extends Command {
  public RmiCommand() {
    flags.bool("f", "force", "Force removal of the image")
        .bool(null, "no-prune", "Do not delete untagged parents");
  }

  @Override
  public String use() {
    return "[OPTIONS] IMAGE [IMAGE...]";
  }

  @Override
  public String description() {
    return "Remove one or more images";
  }

  @Override
  public String aliases() {
    return "berth image rm, berth image remove, berth rmi";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    boolean force = p.bool("force");
    boolean fatal = false;
    List<String> errors = new ArrayList<>();
    for (String image : p.args()) {
      try {
        for (ImageDeleteItem d : cli.client().images().remove(image, force, p.bool("no-prune"))) {
          if (d.deleted() != null && !d.deleted().isEmpty()) {
            cli.out().println("Deleted: " + d.deleted());
          } else {
            cli.out().println("Untagged: " + d.untagged());
          }
        }
      } catch (RuntimeException e) {
        fatal |= !(e instanceof NotFoundException);
        errors.add(Main.message(e));
      }
    }
    if (!errors.isEmpty()) {
      if (!force || fatal) {
        throw new StatusError(String.join("\n", errors), 1);
      }
      cli.err().println(String.join("\n", errors));
    }
    return 0;
  }
}
