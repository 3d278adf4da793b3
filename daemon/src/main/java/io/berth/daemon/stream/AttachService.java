package io.berth.daemon.stream;

import io.berth.api.server.backend.AttachOptions;
import io.berth.api.server.backend.ContainerBackend;
import io.berth.api.server.backend.StdStreams;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerStore;
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

  public AttachService(ContainerStore store, Runner runner, RuncRuntime runtime, LogWatch watch) {
    this.store = store;
    this.runner = runner;
    this.runtime = runtime;
    this.watch = watch;
  }

  public ContainerBackend.Attacher attach(String ref, AttachOptions o) {
    Container c = store.find(ref);
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
        Thread pump = null;
        if (streams.stdin() != null && c.config().openStdin()) {
          // sending to the SEQPACKET socket blocks natively: a platform thread, not a carrier
          pump = Thread.ofPlatform().daemon().name("stdin-" + c.id()).start(
              () -> pumpStdin(c.id(), run, streams.stdin()));
        }
        var out = new LogCopier(streams.output(), o.stdout(), o.stderr(), false);
        run.readers.incrementAndGet();
        try {
          if (o.stream()) {
            LogReader.follow(c.logPath(), offset, out::write, run.exit, out::flush, watch);
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

  private void pumpStdin(String id, Runs.Run run, InputStream in) {
    try {
      run.ready.join();
      if (run.exit.isDone()) {
        return;
      }
      try (SeqPacketSocket sock = SeqPacketSocket.connect(runtime.attachSocket(id))) {
        // conmon writes output to every attached socket: drain it, the log has it all
        Thread drain = Thread.ofPlatform().daemon().name("attach-drain").start(() -> {
          while (sock.receive().length > 0) {
            // discard
          }
        });
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
          sock.send(buf, 0, n);
        }
        sock.shutdownOutput();
        run.exit.join();
        sock.shutdownInput();
        drain.join(1000);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "stdin of " + id + ": " + e.getMessage());
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
