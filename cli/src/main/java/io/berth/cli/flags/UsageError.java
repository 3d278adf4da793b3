package io.berth.cli.flags;

/** A command line that does not parse; printed with the command's usage line, exit 125. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
