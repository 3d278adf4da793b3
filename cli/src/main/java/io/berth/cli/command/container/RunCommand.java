package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;

/**
 * {@code berth run}: create, attach, wait, start, stream, and exit with the container's status.
 * Failures before the container runs exit 125 (126/127 when the command cannot be executed).
 */
public final class RunCommand extends Command {

  public RunCommand() {
    ContainerFlags.declare(flags, true);
  }

  @Override
  public String use() {
    return "[OPTIONS] IMAGE [COMMAND] [ARG...]";
  }

  @Override
  public String description() {
    return "Create and run a new container from an image";
  }

  @Override
  public String aliases() {
    return "berth container run, berth run";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) throws Exception {
    boolean detach = p.bool("detach");
    boolean autoRemove = p.bool("rm");
    boolean stdin = p.bool("interactive");
    byte[] body;
    try {
      ContainerFlags.check(p);
      CreateFlow.validatePull(p.string("pull", "missing"));
      body = ContainerOptions.body(p, cli.env(), detach);
    } catch (ContainerOptions.Invalid e) {
      throw new StatusError(withHelp(e.getMessage(), "run"), 125);
    }
    String id;
    try {
      id = CreateFlow.create(cli, p, body);
    } catch (RuntimeException e) {
      throw statusError(e);
    }
    if (detach) {
      cli.out().println(id);
      cli.out().flush();
      try {
        cli.client().containers().start(id);
      } catch (RuntimeException e) {
        throw statusError(e);
      }
      return 0;
    }
    AttachSession session;
    try {
      session = AttachSession.open(cli, id, stdin, autoRemove, p.bool("tty"), p.string("detach-keys", ""))
          .proxySignals(p.bool("sig-proxy", true));
    } catch (RuntimeException e) {
      throw statusError(e);
    }
    try {
      cli.client().containers().start(id);
    } catch (RuntimeException e) {
      session.abort(autoRemove);
      throw statusError(e);
    }
    int status;
    boolean rawTerminal = p.bool("tty") && stdin && io.berth.cli.Terminal.isTty(0);
    try (AutoCloseable raw = rawTerminal ? io.berth.cli.Terminal.raw() : () -> { }) {
      status = session.stream();
    }
    if (status != 0) {
      throw new StatusError("", status);
    }
    return 0;
  }

  /** docker's toStatusError: the exit code says whether the command could be executed at all. */
  static StatusError statusError(RuntimeException e) {
    String msg = Main.message(e);
    int code = 125;
    if (msg.contains("executable file not found") || msg.contains("no such file or directory")
        || msg.contains("system cannot find the file specified")) {
      code = 127;
    } else if (msg.contains("permission denied") || msg.contains("is a directory")) {
      code = 126;
    }
    return new StatusError(withHelp(msg, "run"), code);
  }

  static String withHelp(String msg, String command) {
    return "berth: " + msg + "\n\nRun 'berth " + command + " --help' for more information";
  }
}
