package io.berth.cli.command.container;

import io.berth.api.model.container.WaitResponse;
import io.berth.cli.Cli;
import io.berth.cli.Signals;
import io.berth.client.Attachment;
import io.berth.client.Containers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A container attached before it starts, as {@code run} and {@code start -a} do: attach first so
 * no output is lost, register the wait before start so a quick exit is not missed, then copy
 * output until the daemon closes the stream and report the exit status.
 */
final class AttachSession implements AutoCloseable {
  private final Cli cli;
  private final Attachment attachment;
  private final Containers.Waiter waiter;
  private final boolean stdin;
  /** The detach sequence watched for on a terminal's input; null without one. */
  private final byte[] keys;
  private volatile boolean detached;
  private final String id;
  private final boolean tty;
  private boolean sigProxy;
  /** Keeps the container's terminal at the client's size; null without a terminal on both sides. */
  private final Signals resize;

  private AttachSession(Cli cli, Attachment attachment, Containers.Waiter waiter, boolean stdin, byte[] keys,
      String id, boolean tty) {
    this.cli = cli;
    this.attachment = attachment;
    this.waiter = waiter;
    this.stdin = stdin;
    this.keys = keys;
    this.id = id;
    this.tty = tty;
    Containers containers = cli.client().containers();
    this.resize = tty && io.berth.cli.Terminal.isTty(1) ? Signals.onResize(() -> resize(containers)) : null;
  }

  /** Without a terminal, the signals the client gets go to the container while it streams. */
  AttachSession proxySignals(boolean proxy) {
    this.sigProxy = proxy && !tty;
    return this;
  }

  /**
   * Attaches and registers the wait; {@code removed} waits for an auto-removed container to go.
   * On a terminal with stdin, {@code detachKeys} (else the config file's, else ctrl-p ctrl-q)
   * end the session and leave the container running, as docker's do.
   */
  static AttachSession open(Cli cli, String id, boolean stdin, boolean removed, boolean tty, String detachKeys) {
    return open(cli, id, stdin, removed ? "removed" : "next-exit", tty, detachKeys);
  }

  /** As above, waiting for {@code condition} (null: not running, as {@code attach} does). */
  static AttachSession open(Cli cli, String id, boolean stdin, String condition, boolean tty, String detachKeys) {
    String keys = detachKeys(cli, detachKeys);
    Containers containers = cli.client().containers();
    Attachment a = containers.attach(id, stdin, true, true, keys);
    try {
      Containers.Waiter w = containers.waitFor(id, condition);
      return new AttachSession(cli, a, w, stdin,
          stdin && tty ? io.berth.common.io.DetachKeys.parse(keys).orElse(io.berth.common.io.DetachKeys.parse("").orElseThrow()) : null,
          id, tty);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  /** The flag's keys, else those of docker's config file; empty for the default. */
  static String detachKeys(Cli cli, String flag) {
    if (flag != null && !flag.isEmpty()) {
      return flag;
    }
    return io.berth.cli.auth.DockerConfig.load(cli.env()).detachKeys();
  }

  /**
   * Pumps stdin (if attached) and output until the output ends; returns the exit status, 0
   * after a detach (the container runs on).
   */
  int stream() throws IOException {
    if (stdin) {
      Thread pump = new StdinPump();
      pump.setDaemon(true);
      pump.start();
    }
    Containers containers = cli.client().containers();
    try (Signals proxy = sigProxy ? Signals.forward(name -> containers.kill(id, name)) : null) {
      attachment.copyOutput(cli.out(), cli.err());
    } catch (IOException e) {
      if (!detached) {
        throw e;
      }
    } finally {
      cli.out().flush();
      attachment.close();
      if (resize != null) {
        resize.close();
      }
    }
    if (detached) {
      waiter.close();
      return 0;
    }
    WaitResponse r = waiter.await();
    if (r.error() != null && r.error().message() != null && !r.error().message().isEmpty()) {
      cli.err().println("Error waiting for container: " + r.error().message());
      return 125;
    }
    return (int) r.statusCode();
  }

  /** Whether the session ended with the detach keys. */
  boolean detached() {
    return detached;
  }

  /** Passes the terminal's size to the container, as docker's client does when it changes. */
  void resize(Containers containers) {
    int[] size = io.berth.cli.Terminal.size();
    if (size != null) {
      containers.resize(id, size[0], size[1]);
    }
  }

  /** A nested class, not a method reference: that would be a class to spin on every {@code run -i}. */
  private final class StdinPump extends Thread {
    StdinPump() {
      super("berth-stdin");
    }

    @Override
    public void run() {
      pumpStdin();
    }
  }

  private void pumpStdin() {
    var watched = keys == null ? null : new io.berth.common.io.DetachKeys.Watched(cli.in(), keys);
    InputStream in = watched == null ? cli.in() : watched;
    OutputStream out = attachment.input();
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // The container closed its stdin or exited; output decides how the session ends.
    } finally {
      if (watched != null && watched.escaped()) {
        detached = true;
        attachment.close(); // ends the output, and the session
      } else {
        attachment.closeInput();
      }
    }
  }

  /** Abandons the session after a failed start; waits for removal when asked to, like docker. */
  void abort(boolean awaitRemoval) {
    attachment.close();
    if (resize != null) {
      resize.close();
    }
    if (awaitRemoval) {
      try {
        waiter.await();
      } catch (RuntimeException e) {
        // The container may never have existed long enough to be waited for.
      }
    }
    waiter.close();
  }

  @Override
  public void close() {
    attachment.close();
    waiter.close();
    if (resize != null) {
      resize.close();
    }
  }
}
