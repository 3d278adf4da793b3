package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Main;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import java.util.ArrayList;
import java.util.List;

/** {@code berth start}: start containers, or start one attached with {@code -a}/{@code -i}. */
public final class StartCommand extends Command {
  public StartCommand() {
    flags.bool("a", "attach", "Attach STDOUT/STDERR and forward signals")
        .string(null, "detach-keys", "Override the key sequence for detaching a container")
        .bool("i", "interactive", "Attach container's STDIN");
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER [CONTAINER...]";
  }

  @Override
  public String description() {
    return "Start one or more stopped containers";
  }

  @Override
  public String aliases() {
    return "berth container start, berth start";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(1);
  }

  @Override
  public int run(Cli cli, Parsed p) throws Exception {
    if (p.bool("attach") || p.bool("interactive")) {
      if (p.args().size() > 1) {
        throw new StatusError("you cannot start and attach multiple containers at once", 1);
      }
      return startAttached(cli, p.args().getFirst(), p.bool("interactive"), p.string("detach-keys", ""));
    }
    List<String> failed = new ArrayList<>();
    for (String name : p.args()) {
      try {
        cli.client().containers().start(name);
        cli.out().println(name);
      } catch (RuntimeException e) {
        cli.out().flush();
        cli.err().println(Main.message(e));
        failed.add(name);
      }
    }
    if (!failed.isEmpty()) {
      throw new StatusError("Error: failed to start containers: " + String.join(", ", failed), 1);
    }
    return 0;
  }

  private static int startAttached(Cli cli, String name, boolean interactive, String detachKeys) throws Exception {
    Object c = JsonValues.parse(cli.client().containers().inspectRaw(name, false));
    String id = JsonValues.string(c, "Id");
    if (id.isEmpty()) {
      id = name;
    }
    boolean openStdin = JsonValues.bool(c, "Config", "OpenStdin");
    boolean autoRemove = JsonValues.bool(c, "HostConfig", "AutoRemove");
    boolean tty = JsonValues.bool(c, "Config", "Tty");
    AttachSession session = AttachSession.open(cli, id, interactive && openStdin, autoRemove, tty, detachKeys)
        .proxySignals(true);
    try {
      cli.client().containers().start(id);
    } catch (RuntimeException e) {
      session.abort(autoRemove);
      throw e;
    }
    int status;
    boolean rawTerminal = tty && interactive && openStdin && io.berth.cli.Terminal.isTty(0);
    try (AutoCloseable raw = rawTerminal ? io.berth.cli.Terminal.raw() : () -> { }) {
      status = session.stream();
    }
    if (status != 0) {
      throw new StatusError("", status);
    }
    return 0;
  }
}
