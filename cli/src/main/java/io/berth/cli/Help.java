package io.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** Help texts laid out like docker's. */
final class Help {
  private Help() {}

  static String command(Command cmd, String useLine) {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage:  ").append(useLine).append("\n\n").append(cmd.description()).append('\n');
    if (cmd.aliases() != null) {
      sb.append("\nAliases:\n  ").append(cmd.aliases()).append('\n');
    }
    String options = cmd.flags().usage();
    if (!options.isEmpty()) {
      sb.append("\nOptions:\n").append(options);
    }
    return sb.toString();
  }

  static String group(String name) {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage:  berth ").append(name).append(" COMMAND\n\n").append(Commands.groupDescription(name))
        .append("\n\nCommands:\n");
    list(sb, Commands.group(name));
    sb.append("\nRun 'berth ").append(name).append(" COMMAND --help' for more information on a command.\n");
    return sb.toString();
  }

  static String root() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage:  berth [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n");
    list(sb, Commands.TOP.subList(0, 6));
    sb.append("\nManagement Commands:\n");
    sb.append("  container   Manage containers\n");
    sb.append("  image       Manage images\n");
    sb.append("  network     Manage networks\n");
    sb.append("  system      Manage Berth\n");
    sb.append("  volume      Manage volumes\n");
    sb.append("\nCommands:\n");
    list(sb, Commands.TOP.subList(6, Commands.TOP.size()));
    sb.append("""

        Global Options:
          -D, --debug              Enable debug mode
          -H, --host list          Daemon socket to connect to
          -l, --log-level string   Set the logging level ("debug", "info",
                                   "warn", "error", "fatal") (default "info")
          -v, --version            Print version information and quit

        Run 'berth COMMAND --help' for more information on a command.
        """);
    return sb.toString();
  }

  private static void list(StringBuilder sb, List<Commands.Entry> entries) {
    for (Commands.Entry e : entries) {
      sb.append("  ").append(e.name()).repeat(' ', Math.max(1, 12 - e.name().length())).append(e.description()).append('\n');
    }
  }

  /** The commit this binary was built from, when the build recorded one. */
  static String commit() {
    try (InputStream in = Help.class.getResourceAsStream("/io/berth/cli/build.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("commit", "unknown");
      }
    } catch (IOException e) {
      // Fall through: an unreadable resource just means an unknown build.
    }
    return "unknown";
  }
}
