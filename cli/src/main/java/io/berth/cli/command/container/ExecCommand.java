package io.berth.cli.command.container;

import io.berth.cli.ArgsRule;
import io.berth.cli.Cli;
import io.berth.cli.Command;
import io.berth.cli.Signals;
import io.berth.cli.StatusError;
import io.berth.cli.flags.Parsed;
import io.berth.cli.format.JsonValues;
import io.berth.client.Attachment;
import io.berth.client.json.JsonWriter;
import io.berth.common.io.DetachKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code berth exec}: creates the session, streams it (stdin with {@code -i}), then exits with
 * the process's code, as docker's client does; with {@code -it} on a terminal, the local one is
 * raw for the while and the session's starts at its size.
 */
public final class ExecCommand extends Command {
  public ExecCommand() {
    flags.bool("d", "detach", "Detached mode: run command in the background")
        .string(null, "detach-keys", "Override the key sequence for detaching a container")
        .list("e", "env", "Set environment variables")
        .list(null, "env-file", "Read in a file of environment variables")
        .bool("i", "interactive", "Keep STDIN open even if not attached")
        .bool(null, "privileged", "Give extended privileges to the command")
        .bool("t", "tty", "Allocate a pseudo-TTY")
        .string("u", "user", "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
        .string("w", "workdir", "Working directory inside the container")
        .stopAtFirstArg();
  }

  @Override
  public String use() {
    return "[OPTIONS] CONTAINER COMMAND [ARG...]";
  }

  @Override
  public String description() {
    return "Execute a command in a running container";
  }

  @Override
  public String aliases() {
    return "berth container exec, berth exec";
  }

  @Override
  public ArgsRule args() {
    return ArgsRule.atLeast(2);
  }

  @Override
  public int run(Cli cli, Parsed p) throws Exception {
    List<String> env;
    try {
      env = ContainerOptions.env(p, cli.env());
    } catch (ContainerOptions.Invalid e) {
      throw new StatusError(e.getMessage(), 125);
    }
    boolean detach = p.bool("detach");
    String keys = AttachSession.detachKeys(cli, p.string("detach-keys", ""));
    boolean tty = p.bool("tty");
    boolean stdin = p.bool("interactive");
    String container = p.args().getFirst();
    List<String> cmd = p.args().subList(1, p.args().size());
    JsonWriter b = new JsonWriter().beginObject()
        .member("User", p.string("user", ""))
        .member("Privileged", p.bool("privileged"))
        .member("Tty", tty)
        .member("AttachStdin", stdin && !detach)
        .member("AttachStderr", !detach)
        .member("AttachStdout", !detach)
        .member("Detach", detach)
        .member("DetachKeys", keys);
    int[] size = tty && io.berth.cli.Terminal.isTty(1) ? io.berth.cli.Terminal.size() : null;
    if (size != null) {
      b.name("ConsoleSize").beginArray().value(size[0]).value(size[1]).endArray();
    }
    b.name("Env").array(env.isEmpty() ? null : env);
    b.member("WorkingDir", p.string("workdir", ""));
    b.name("Cmd").array(cmd);
    String id = cli.client().containers().execCreate(container, b.endObject().toBytes());
    if (detach) {
      cli.client().containers().execStartDetached(id, tty);
      return 0;
    }
    boolean rawTerminal = tty && stdin && io.berth.cli.Terminal.isTty(0);
    var watched = tty && stdin ? new DetachKeys.Watched(cli.in(), DetachKeys.parse(keys)
        .orElse(DetachKeys.parse("").orElseThrow())) : null;
    var containers = cli.client().containers();
    try (Attachment a = containers.execStart(id, tty);
        AutoCloseable raw = rawTerminal ? io.berth.cli.Terminal.raw() : () -> { };
        Signals resize = tty && io.berth.cli.Terminal.isTty(1) ? Signals.onResize(() -> {
          int[] now = io.berth.cli.Terminal.size();
          if (now != null) {
            containers.execResize(id, now[0], now[1]);
          }
        }) : null) {
      if (stdin) {
        Thread.ofPlatform().daemon().name("berth-exec-stdin").start(
            () -> pump(watched == null ? cli.in() : watched, a, watched));
      }
      try {
        a.copyOutput(cli.out(), cli.err());
      } catch (IOException e) {
        if (watched == null || !watched.escaped()) {
          throw e;
        }
      }
    } finally {
      cli.out().flush();
    }
    if (watched != null && watched.escaped()) {
      throw new StatusError("read escape sequence", 1); // docker exec's words after a detach
    }
    Object code = JsonValues.at(JsonValues.parse(cli.client().containers().execInspectRaw(id)), "ExitCode");
    return code instanceof Number n ? n.intValue() : 0;
  }

  private static void pump(InputStream in, Attachment a, DetachKeys.Watched watched) {
    OutputStream out = a.input();
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the session ended first
    }
    if (watched != null && watched.escaped()) {
      a.close(); // ends the output, and the session: the process runs on
    } else {
      a.closeInput();
    }
  }
}
