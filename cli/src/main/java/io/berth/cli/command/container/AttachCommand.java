package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;

/**
 * {@code berth attach}: the running container's output from now on, stdin if it keeps one open,
 * its terminal's size kept in step, signals forwarded without a terminal, and its exit status.
 */
public final class AttachCommand extends Command {
  public AttachCommand() {
    flags.string(null, "detach-keys", "Override the key sequence for detaching a container")
        .bool(null, "no-stdin", "Do not attach STDIN")
        .boolDefaultTrue("sig-proxy", "Proxy all received signals to the process");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER";
  }

  @Override
  public String description() {
    return "Attach local standard input, output, and error streams to a running container";
  }

  @Override
  public String aliases() {
    return "berth container attach, berth attach";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.exactly(1);
  }

  @Override
  public int run(Cli cli, Parsed p) throws Exception {
    String name = p.args().getFirst();
    Object c = checkState(cli, name);
    boolean tty = JsonValues.bool(c, "Config", "Tty");
    boolean stdin = !p.bool("no-stdin") && JsonValues.bool(c, "Config", "OpenStdin");
    if (!p.bool("no-stdin") && tty && !io.berth.cli.Terminal.isTty(0)) {
      throw new StatusError("the input device is not a TTY", 1);
    }
    String id = JsonValues.string(c, "Id");
    AttachSession session = AttachSession.open(cli, id, stdin, (String) null, tty, p.string("detach-keys", ""))
        .proxySignals(p.bool("sig-proxy", true));
    int status;
    try {
      // it may have stopped between the look and the attach: an attach to it would never end
      checkState(cli, id);
      if (tty && io.berth.cli.Terminal.isTty(1)) {
        session.resize(cli.client().containers());
      }
      boolean raw = tty && stdin && io.berth.cli.Terminal.isTty(0);
      try (AutoCloseable r = raw ? io.berth.cli.Terminal.raw() : () -> { }) {
        status = session.stream();
      }
    } finally {
      session.close();
    }
    if (session.detached()) {
      throw new StatusError("read escape sequence", 1); // docker attach's words after a detach
    }
    if (status != 0) {
      throw new StatusError("", status);
    }
    return 0;
  }

  /** docker's inspectContainerAndCheckState: only a running container can be attached to. */
  private static Object checkState(Cli cli, String name) {
    Object c = JsonValues.parse(cli.client().containers().inspectRaw(name, false));
    if (!JsonValues.bool(c, "State", "Running")) {
      throw new StatusError("You cannot attach to a stopped container, start it first", 1);
    }
    if (JsonValues.bool(c, "State", "Paused")) {
      throw new StatusError("You cannot attach to a paused container, unpause it first", 1);
    }
    if (JsonValues.bool(c, "State", "Restarting")) {
      throw new StatusError("You cannot attach to a restarting container, wait until it is running", 1);
    }
    return c;
  }
}
