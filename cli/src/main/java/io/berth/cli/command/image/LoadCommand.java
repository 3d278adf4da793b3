package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Terminal;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code berth load}: images from a tar archive (docker save's, or an OCI layout), plain or compressed. */
public final class LoadCommand extends Command {
  public LoadCommand() {
    flags.string("i", "input", "Read from tar archive file, instead of STDIN")
        .string(null, "platform", "Load only the given platform variant")
        .bool("q", "quiet", "Suppress the load output");
  }

  @Override
  public String use() {
    return "[OPTIONS]";
  }

  @Override
  public String description() {
    return "Load an image from a tar archive or STDIN";
  }

  @Override
  public String aliases() {
    return "berth image load, berth load";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.none();
  }

  @Override
  public int run(Cli cli, Parsed p) {
    if (!p.string("platform", "").isEmpty()) {
      throw new StatusError("berth does not support --platform for load yet", 1);
    }
    String input = p.string("input", "");
    if (input.isEmpty() && cli.in() == System.in && Terminal.isTty(0)) {
      throw new StatusError("requested load from stdin, but stdin is empty", 1);
    }
    try (InputStream in = input.isEmpty() ? cli.in() : Files.newInputStream(Path.of(input))) {
      // docker asks for layer progress only when it can draw it
      cli.client().images().load(in, p.bool("quiet") || !Terminal.isTerminal(cli), Progress.to(cli));
    } catch (IOException e) {
      throw new StatusError("open " + input + ": " + e.getMessage(), 1);
    }
    return 0;
  }
}
