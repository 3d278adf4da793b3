package io.berth.cli.command;

import io.berth.cli.Cli;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's pattern for verbs over many objects: act on each, print each name that succeeded,
 * collect the errors and print them together at the end, exit 1 if any failed.
 */
public final class Batch {
  /** An action on one named object. */
  @FunctionalInterface
  public interface Action {
    void apply(String name) throws Exception;
  }

  private Batch() {}

  public static int each(Cli cli, List<String> names, Action action) {
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      try {
        action.apply(name);
        cli.out().println(name);
      } catch (Exception e) {
        errors.add(Main.message(e));
      }
    }
    return fail(errors);
  }

  /** Throws the joined errors, if any; returns 0 otherwise. */
  public static int fail(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new StatusError(String.join("\n", errors), 1);
    }
    return 0;
  }
}
