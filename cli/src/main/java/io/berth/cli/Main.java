package io.berth.cli;

import io.berth.cli.flags.FlagParser;
import io.berth.cli.flags.Parsed;
import io.berth.cli.flags.UsageError;
import io.berth.cli.format.TemplateException;
import io.berth.client.DaemonUnreachableException;
import io.berth.client.StreamErrorException;
import io.berth.common.error.EngineException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code berth}: a docker-compatible command line for the Berth daemon. */
public final class Main {
  public static final String VERSION = "0.1.0";

  private Main() {}

  public static void main(String[] args) {
    if ("1".equals(System.getenv("BERTH_AOT_TRAINING"))) {
      exit(AotTraining.run(System.getenv()));
    }
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Terminal.standardOutput(out);
    int code = run(args, System.in, out, err, System.getenv());
    out.flush();
    err.flush();
    exit(code);
  }

  /**
   * Halts rather than exits: System.exit looks up a System.Logger to log the exit, which sets up
   * the JDK's logging (a service-loader scan of the class path included) and costs several
   * milliseconds of every command. Berth registers no shutdown hooks and has flushed its output.
   */
  private static void exit(int code) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }

  /** Runs one command line; never exits the VM. */
  public static int run(String[] argv, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    GlobalOptions g;
    try {
      g = GlobalOptions.parse(Arrays.asList(argv));
    } catch (UsageError e) {
      err.println(e.getMessage() + "\n\nUsage:  berth [OPTIONS] COMMAND [ARG...]\n\nRun 'berth --help' for more information");
      return 125;
    } catch (StatusError e) {
      err.println(e.getMessage());
      return e.code();
    }
    if (g.version()) {
      out.println("Berth version " + VERSION + ", build " + Help.commit());
      out.flush();
      return 0;
    }
    List<String> rest = g.rest();
    if (g.help() || rest.isEmpty()) {
      (g.help() ? out : err).print(Help.root());
      out.flush();
      return 0;
    }
    String path;
    Commands.Entry entry;
    int consumed;
    List<Commands.Entry> group = Commands.group(rest.getFirst());
    if (group != null) {
      String groupName = rest.getFirst();
      if (rest.size() == 1 || rest.get(1).equals("--help") || rest.get(1).equals("-h")) {
        (rest.size() == 1 ? err : out).print(Help.group(groupName));
        out.flush();
        return 0;
      }
      entry = Commands.find(group, rest.get(1));
      if (entry == null) {
        err.println("berth: unknown command: berth " + groupName + " " + rest.get(1) + "\n\nUsage:  berth "
            + groupName + "\n\nRun 'berth " + groupName + " --help' for more information");
        return 1;
      }
      path = "berth " + groupName + " " + entry.name();
      consumed = 2;
    } else {
      entry = Commands.find(Commands.TOP, rest.getFirst());
      if (entry == null) {
        err.println("berth: unknown command: berth " + rest.getFirst() + "\n\nRun 'berth --help' for more information");
        return 1;
      }
      path = "berth " + entry.name();
      consumed = 1;
    }
    Command cmd = Commands.create(entry.id());
    try (Cli cli = new Cli(in, out, err, env, g.host(), g.debug())) {
      return execute(cli, cmd, path, rest.subList(consumed, rest.size()));
    } finally {
      out.flush();
    }
  }

  private static int execute(Cli cli, Command cmd, String path, List<String> args) {
    String useLine = path + " " + cmd.use();
    try {
      Parsed p = FlagParser.parse(cmd.flags(), args);
      if (p == FlagParser.HELP) {
        cli.out().print(Help.command(cmd, useLine));
        return 0;
      }
      String bad = cmd.args().check(p.args(), path, useLine);
      if (bad != null) {
        cli.err().println(bad);
        return 1;
      }
      return cmd.run(cli, p);
    } catch (UsageError e) {
      cli.err().println(e.getMessage() + "\n\nUsage:  " + useLine + "\n\nRun '" + path + " --help' for more information");
      return 125;
    } catch (StatusError e) {
      cli.out().flush();
      if (!e.getMessage().isEmpty()) {
        cli.err().println(e.getMessage());
      }
      return e.code();
    } catch (Exception e) {
      cli.out().flush();
      cli.err().println(message(e));
      if (cli.debug()) {
        e.printStackTrace(cli.err());
      }
      return 1;
    }
  }

  /** How docker words an error that reaches the top. */
  public static String message(Throwable e) {
    if (e instanceof EngineException) {
      return "Error response from daemon: " + e.getMessage();
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return message(e.getCause());
    }
    if (e instanceof DaemonUnreachableException || e instanceof StreamErrorException || e instanceof TemplateException) {
      return e.getMessage();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
