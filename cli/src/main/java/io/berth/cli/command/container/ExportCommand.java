package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
    if (output.isEmpty() && System.console() != null && System.console().isTerminal()) {
      throw new StatusError("cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
    }
    try (InputStream tar = cli.client().containers().export(p.args().getFirst())) {
      if (output.isEmpty()) {
        tar.transferTo(cli.out());
        cli.out().flush();
      } else {
        // written beside the target and renamed: a failed export leaves no half file behind
        Path target = Path.of(output).toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".export-", ".tar");
        try (OutputStream out = Files.newOutputStream(temp)) {
          tar.transferTo(out);
          Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    } catch (IOException e) {
      throw new StatusError("failed to export container: " + e.getMessage(), 1);
    }
    return 0;
  }
}
