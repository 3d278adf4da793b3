package io.berth.cli;

import java.util.List;

/** How many positional arguments a command takes, with cobra's wording when they don't fit. */
public record ArgsRule(int min, int max) {
  public static final int ANY = Integer.MAX_VALUE;

  public static ArgsRule none() {
    return new ArgsRule(0, 0);
  }

  public static ArgsRule atLeast(int n) {
    return new ArgsRule(n, ANY);
  }

  public static ArgsRule atMost(int n) {
    return new ArgsRule(0, n);
  }

  public static ArgsRule exactly(int n) {
    return new ArgsRule(n, n);
  }

  public static ArgsRule between(int min, int max) {
    return new ArgsRule(min, max);
  }

  /** Null when {@code args} fit; otherwise the whole message docker prints. */
  String check(List<String> args, String path, String useLine) {
    int n = args.size();
    if (n >= min && n <= max) {
      return null;
    }
    String head;
    String tail = "Run";
    if (max == 0) {
      head = "accepts no arguments";
    } else if (max == ANY) {
      head = "requires at least " + min + " " + plural(min);
      tail = "See";
    } else if (min == 0) {
      head = "requires at most " + max + " " + plural(max);
      // docker 28 prints this misspelling for every "at most" command; scripts may match it.
      tail = "SRun";
    } else if (min == max) {
      head = "requires " + min + " " + plural(min);
    } else {
      head = "requires at least " + min + " and at most " + max + " " + plural(max);
    }
    return "berth: '" + path + "' " + head + "\n\nUsage:  " + useLine + "\n\n" + tail + " '" + path
        + " --help' for more information";
  }

  private static String plural(int n) {
    return n == 1 ? "argument" : "arguments";
  }
}
