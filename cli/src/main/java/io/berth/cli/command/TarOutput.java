package io.berth.cli.command;

import io.berth.cli.Cli;
import io.berth.cli.StatusError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code export} and {@code save} put a tar: a file ({@code -o}) or stdout, never a terminal. */
public final class TarOutput {
  private TarOutput() {}

  /** Refuses a terminal on stdout before anything is asked of the daemon, as docker does. */
  public static void checkTarget(Cli cli, String output) {
    if (output.isEmpty() && io.berth.cli.Terminal.isTerminal(cli)) {
      throw new StatusError("cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
    }
  }

  /** Copies {@code tar} out; a file is written beside its target and renamed, so a failure leaves no half file. */
  public static void write(Cli cli, String output, InputStream tar) throws IOException {
    if (output.isEmpty()) {
      tar.transferTo(cli.out());
      cli.out().flush();
      return;
    }
    Path target = Path.of(output).toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), ".tar-", ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      tar.transferTo(out);
      Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
