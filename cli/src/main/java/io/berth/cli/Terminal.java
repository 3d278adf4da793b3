package io.berth.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What the CLI needs to know of the terminal it may be writing to. */
public final class Terminal {
  /** What docker assumes when it cannot ask the terminal. */
  private static final int DEFAULT_WIDTH = 200;

  /** The stream Main made of the process's standard output; tests and AOT training run without. */
  private static volatile java.io.PrintStream stdout;

  private Terminal() {}

  static void standardOutput(java.io.PrintStream out) {
    stdout = out;
  }

  /**
   * Whether the CLI writes to a terminal, as docker asks of its standard output alone: the JDK's
   * Console answers for input and output together, so the descriptor's link says.
   */
  public static boolean isTerminal(Cli cli) {
    return cli.out() == stdout && isTty(1);
  }

  /** Whether the process's descriptor {@code fd} is a terminal. */
  public static boolean isTty(int fd) {
    try {
      String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * The terminal's columns. The JDK cannot ask the terminal itself and the CLI carries no native
   * code for its start-up budget, so {@code stty} answers; asked once per command that draws.
   */
  public static int width() {
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (p.waitFor(1, TimeUnit.SECONDS) && p.exitValue() == 0) {
        String[] rowsCols = answer.split("\\s+");
        if (rowsCols.length == 2) {
          return Integer.parseInt(rowsCols[1]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no terminal to ask: docker's default
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_WIDTH;
  }

  /** The terminal's rows and columns, or null when there is none to ask. */
  public static int[] size() {
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (p.waitFor(1, TimeUnit.SECONDS) && p.exitValue() == 0) {
        String[] rowsCols = answer.split("\\s+");
        if (rowsCols.length == 2) {
          return new int[] {Integer.parseInt(rowsCols[0]), Integer.parseInt(rowsCols[1])};
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no terminal
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /**
   * The local terminal in raw mode (no echo, no line discipline, keys passed as they come), as
   * docker's client sets it for an interactive TTY session; closing it, or the JVM's end on any
   * path, puts the saved settings back. {@code stty} does it: the CLI carries no native code.
   */
  public static AutoCloseable raw() {
    String saved = stty("-g");
    if (saved == null) {
      return () -> { };
    }
    Thread restore = new Thread(() -> stty(saved));
    Runtime.getRuntime().addShutdownHook(restore);
    stty("raw", "-echo");
    return () -> {
      stty(saved);
      try {
        Runtime.getRuntime().removeShutdownHook(restore);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    };
  }

  private static String stty(String... args) {
    try {
      java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("stty"));
      argv.addAll(java.util.List.of(args));
      Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
