package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.flags.Parsed;

/**
 * {@code berth image bootstrap NAME}: has the daemon build one of its known base images without a
 * registry; progress lines end with the image id.
 */
public final class BootstrapCommand extends Command {
  @Override
  public String use() {
    return "NAME";
  }

  @Override
  public String description() {
    return "Build a base image (busybox, debian:bookworm) without a registry";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    cli.client().images().bootstrap(p.args().getFirst(), Progress.to(cli));
    return 0;
  }
}
