package io.berth.cli.command;

import io.berth.cli.Cli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** docker's yes/no question: only {@code y} or {@code Y} on the first line means yes. */
public final class Prompt {
  private Prompt() {}

  public static boolean confirm(Cli cli, String message) {
    cli.out().print(message + " [y/N] ");
    cli.out().flush();
    try {
      // not closed: it would close the CLI's standard input
      String line = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
      return line != null && line.strip().equalsIgnoreCase("y");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
