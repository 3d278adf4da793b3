package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import java.io.IOException;
import java.io.InputStream;

/** {@code berth export}: the container's filesystem as a tar, to a file or a non-terminal stdout. */
public final class ExportCommand extends Command {
  public ExportCommand() {
    flags.string("o", "output", "Write to a file, instead of STDOUT");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER";
  }

  @Override
  public String description() {
    return "Export a container's filesystem as a tar archive";
  }

  @Override
  public String aliases() {
    return "berth container export, berth export";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    String output = p.string("output", "");
    io.berth.cli.command.TarOutput.checkTarget(cli, output);
    try (InputStream tar = cli.client().containers().export(p.args().getFirst())) {
      io.berth.cli.command.TarOutput.write(cli, output, tar);
    } catch (IOException e) {
      throw new StatusError("failed to export container: " + e.getMessage(), 1);
    }
    return 0;
  }
}
