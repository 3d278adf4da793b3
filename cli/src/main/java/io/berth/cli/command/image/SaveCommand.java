package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import java.io.IOException;
import java.io.InputStream;

/** {@code berth save}: images as docker save's tarball, to a file or a non-terminal stdout. */
public final class SaveCommand extends Command {
  public SaveCommand() {
    flags.string("o", "output", "Write to a file, instead of STDOUT")
        .string(null, "platform", "Save only the given platform variant");
  }

  @Override
  public String use() {
    return "[OPTIONS] IMAGE [IMAGE...]";
  }

  @Override
  public String description() {
    return "Save one or more images to a tar archive (streamed to STDOUT by default)";
  }

  @Override
  public String aliases() {
    return "berth image save, berth save";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) {
    if (!p.string("platform", "").isEmpty()) {
      throw new StatusError("berth does not support --platform for save yet", 1);
    }
    String output = p.string("output", "");
    io.berth.cli.command.TarOutput.checkTarget(cli, output);
    try (InputStream tar = cli.client().images().save(p.args())) {
      io.berth.cli.command.TarOutput.write(cli, output, tar);
    } catch (IOException e) {
      throw new StatusError("failed to save: " + e.getMessage(), 1);
    }
    return 0;
  }
}
