package io.berth.cli;

import io.berth.cli.flags.FlagSet;
import io.berth.cli.flags.Parsed;

/**
 * One verb. Subclasses declare their flags in the constructor and do their work in {@link #run};
 * they are created only when invoked, which keeps start-up to the one command in use.
 */
public abstract class Command {
  protected final FlagSet flags = new FlagSet();

  /** The usage after the command path, e.g. {@code [OPTIONS] CONTAINER [CONTAINER...]}. */
  public abstract String use();

  /** The one-line description under the usage line. */
  public abstract String description();

  /** Every spelling, e.g. {@code berth container ls, berth ps}; null for none. */
  public String aliases() {
    return null;
  }

  public abstract ArgsRule args();

  public FlagSet flags() {
    return flags;
  }

  /** Does the work; returns the exit code or throws for errors that {@link Main} prints. */
  public abstract int run(Cli cli, Parsed p) throws Exception;
}
