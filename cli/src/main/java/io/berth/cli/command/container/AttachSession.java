package io.berth.cli.command.container;

import io.berth.api.model.container.WaitResponse;
import io.berth.cli.Cli;
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

  private AttachSession(Cli cli, Attachment attachment, Containers.Waiter waiter, boolean stdin) {
    this.cli = cli;
    this.attachment = attachment;
    this.waiter = waiter;
    this.stdin = stdin;
  }

  /** Attaches and registers the wait; {@code removed} waits for an auto-removed container to go. */
  static AttachSession open(Cli cli, String id, boolean stdin, boolean removed) {
    Containers containers = cli.client().containers();
    Attachment a = containers.attach(id, stdin, true, true);
    try {
      Containers.Waiter w = containers.waitFor(id, removed ? "removed" : "next-exit");
      return new AttachSession(cli, a, w, stdin);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  /** Pumps stdin (if attached) and output until the output ends; returns the exit status. */
  int stream() throws IOException {
    if (stdin) {
      Thread pump = new StdinPump();
      pump.setDaemon(true);
      pump.start();
    }
    try {
      attachment.copyOutput(cli.out(), cli.err());
    } finally {
      cli.out().flush();
      attachment.close();
    }
    WaitResponse r = waiter.await();
    if (r.error() != null && r.error().message() != null && !r.error().message().isEmpty()) {
      cli.err().println("Error waiting for container: " + r.error().message());
      return 125;
    }
    return (int) r.statusCode();
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
    InputStream in = cli.in();
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
      attachment.closeInput();
    }
  }

  /** Abandons the session after a failed start; waits for removal when asked to, like docker. */
  void abort(boolean awaitRemoval) {
    attachment.close();
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
  }
}
