package io.berth.cli.command;

import io.berth.cli.StatusError;
import java.util.List;

/**
 * Docker's pattern for verbs over many objects: act on each, print each name that succeeded,
 * collect the errors and print them together at the end, exit 1 if any failed. Each verb writes
 * its own loop: a lambda per verb would be one more class to spin at start-up.
 */
public final class Batch {
  private Batch() {}

  /** Throws the joined errors, if any; returns 0 otherwise. */
  public static int fail(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new StatusError(String.join("\n", errors), 1);
    }
    return 0;
  }
}
