package io.berth.cli.command.image;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code berth import file|- [REPOSITORY[:TAG]]}: streams a tarball up; prints the new image id. */
public final class ImportCommand extends Command {
  public ImportCommand() {
    flags.list("c", "change", "Apply Dockerfile instruction to the created image")
        .string("m", "message", "Set commit message for imported image")
        .string(null, "platform", "Set platform if server is multi-platform capable");
  }

  @Override
  public String use() {
    return "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]";
  }

  @Override
  public String description() {
    return "Import the contents from a tarball to create a filesystem image";
  }

  @Override
  public String aliases() {
    return "berth image import, berth import";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) throws IOException {
    String source = p.args().getFirst();
    String ref = p.args().size() > 1 ? p.args().get(1) : null;
    if (source.startsWith("http://") || source.startsWith("https://")) {
      throw new StatusError("importing from a URL is not supported by berth yet", 1);
    }
    InputStream in;
    if (source.equals("-")) {
      in = cli.in();
    } else {
      try {
        in = new BufferedInputStream(Files.newInputStream(Path.of(source)), 1 << 16);
      } catch (NoSuchFileException e) {
        throw new StatusError("open " + source + ": no such file or directory", 1);
      }
    }
    try (InputStream body = in) {
      cli.client().images().importImage(body, ref, p.string("message", null), p.list("change"), Progress.to(cli));
    }
    return 0;
  }
}
