package io.berth.daemon.stream;

import io.berth.api.server.backend.AttachOptions;
import io.berth.api.server.backend.ContainerBackend;
import io.berth.api.server.backend.StdStreams;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.io.DetachKeys;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.events.EventBus;
import io.berth.daemon.lifecycle.Runner;
import io.berth.daemon.lifecycle.Runs;
import io.berth.linux.SeqPacketSocket;
import io.berth.runtime.RuncRuntime;
import io.berth.runtime.log.LogReader;
import io.berth.runtime.log.LogWatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Attach: output comes from conmon's log, followed from the moment of attaching, so nothing the
 * container writes before the client reads is lost (docker run attaches before it starts), and
 * read as soon as it is written ({@link LogWatch}).
 * Stdin goes to conmon's attach socket once conmon holds the container's stdio.
 */
public final class AttachService {
  private static final System.Logger LOG = System.getLogger("berth.attach");
  private final ContainerStore store;
  private final Runner runner;
  private final RuncRuntime runtime;
  private final LogWatch watch;
  private final EventBus events;

  public AttachService(ContainerStore store, Runner runner, RuncRuntime runtime, LogWatch watch,
      EventBus events) {
    this.store = store;
    this.runner = runner;
    this.runtime = runtime;
    this.watch = watch;
    this.events = events;
  }

  public ContainerBackend.Attacher attach(String ref, AttachOptions o) {
    byte[] keys = DetachKeys.parse(o.detachKeys()).orElseThrow(() -> new InvalidParameterException(
        "Invalid detach keys (" + o.detachKeys() + ") provided"));
    Container c = store.find(ref);
    if (c.state().restarting()) {
      throw new io.berth.common.error.ConflictException("container " + ref
          + " is restarting, wait until the container is running");
    }
    if (c.state().paused()) {
      throw new io.berth.common.error.ConflictException("container " + ref
          + " is paused, unpause the container before attach");
    }
    Runs.Run run = runner.run(c.id());
    long offset = o.logs() ? 0 : size(c.logPath());
    return new ContainerBackend.Attacher() {
      @Override
      public boolean tty() {
        return c.config().tty();
      }

      @Override
      public void run(StdStreams streams) throws IOException {
        // the session ends with the container, or, on a terminal, when the client's stdin does
        CompletableFuture<Void> ended = new CompletableFuture<>();
        run.exit.whenComplete((v, e) -> ended.complete(null));
        Thread pump = null;
        if (streams.stdin() != null && c.config().openStdin()) {
          // sending to the SEQPACKET socket blocks natively: a platform thread, not a carrier
          pump = Thread.ofPlatform().daemon().name("stdin-" + c.id()).start(
              () -> pumpStdin(c, run, streams.stdin(), keys, ended));
        }
        var out = new LogCopier(streams.output(), o.stdout(), o.stderr(), false);
        events.container(c, "attach", Map.of());
        run.readers.incrementAndGet();
        try {
          if (o.stream()) {
            LogReader.follow(c.logPath(), offset, out::write, ended, out::flush, watch);
          } else if (o.logs()) {
            LogReader.read(c.logPath(), offset, out::write, () -> true, out::flush);
          }
        } finally {
          run.readers.decrementAndGet();
        }
        if (pump != null) {
          pump.interrupt();
        }
      }
    };
  }

  /**
   * Copies the client's stdin to conmon's attach socket. Its end closes the container's stdin
   * only where dockerd's does (StdinOnce without a terminal; conmon was told so at create); on
   * a terminal it ends the session instead, the detach keys too, and the container runs on.
   */
  private void pumpStdin(Container c, Runs.Run run, InputStream client, byte[] keys,
      CompletableFuture<Void> ended) {
    boolean tty = c.config().tty();
    DetachKeys.Watched in = new DetachKeys.Watched(client, tty ? keys : new byte[0]);
    try {
      run.ready.join();
      if (run.exit.isDone()) {
        return;
      }
      try (SeqPacketSocket sock = SeqPacketSocket.connect(runtime.attachSocket(c.id()))) {
        // conmon writes output to every attached socket: drain it, the log has it all
        Thread drain = Thread.ofPlatform().daemon().name("attach-drain").start(() -> {
          while (sock.receive().length > 0) {
            // discard
          }
        });
        byte[] buf = new byte[32 * 1024];
        int n;
        try {
          while ((n = in.read(buf)) > 0) {
            sock.send(buf, 0, n);
          }
        } catch (IOException e) {
          LOG.log(System.Logger.Level.DEBUG, "stdin of " + c.id() + ": " + e.getMessage());
        }
        sock.shutdownOutput();
        if (in.escaped()) {
          events.container(c, "detach", Map.of());
        }
        if (tty) {
          ended.complete(null);
          sock.shutdownInput();
          return;
        }
        run.exit.join();
        sock.shutdownInput();
        drain.join(1000);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "stdin of " + c.id() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
