package io.berth.daemon.stream;

import io.berth.api.server.backend.ContainerBackend;
import io.berth.api.server.backend.ContainerLogsOptions;
import io.berth.api.server.backend.OutputSink;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.lifecycle.Runner;
import io.berth.daemon.lifecycle.Runs;
import io.berth.runtime.log.LogEntry;
import io.berth.runtime.log.LogReader;
import io.berth.runtime.log.LogWatch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** {@code GET /containers/{id}/logs} from conmon's log file. */
public final class LogsService {
  private final ContainerStore store;
  private final Runner runner;
  private final LogWatch watch;

  public LogsService(ContainerStore store, Runner runner, LogWatch watch) {
    this.store = store;
    this.runner = runner;
    this.watch = watch;
  }

  public ContainerBackend.Streamer logs(String ref, ContainerLogsOptions o) {
    Container c = store.find(ref);
    Runs.Run run = runner.run(c.id());
    Container now = store.get(c.id());
    boolean running = now != null && now.state().running();
    return new ContainerBackend.Streamer() {
      @Override
      public boolean tty() {
        return c.config().tty();
      }

      @Override
      public void copyTo(OutputSink sink, boolean timestamps) throws IOException {
        copy(c, run, running, o, watch, new LogCopier(sink, o.stdout(), o.stderr(), timestamps));
      }
    };
  }

  private static void copy(Container c, Runs.Run run, boolean running, ContainerLogsOptions o,
      LogWatch watch, LogCopier out) throws IOException {
    Instant since = o.since().orElse(null);
    Instant until = o.until().orElse(null);
    int tail = o.tail().orElse(-1);
    // only a tail needs the entries kept; otherwise they go straight out, however long the log
    Deque<LogEntry> kept = new ArrayDeque<>();
    long offset = LogReader.read(c.logPath(), 0, e -> {
      if (LogCopier.inRange(e, since, until) && (o.stdout() || e.stderr()) && (o.stderr() || !e.stderr())) {
        if (tail < 0) {
          return out.write(e);
        }
        kept.addLast(e);
        if (kept.size() > tail) {
          kept.removeFirst();
        }
      }
      return true;
    }, () -> true);
    for (LogEntry e : kept) {
      out.write(e);
    }
    out.flush();
    if (o.follow() && running && (until == null || until.isAfter(Instant.now()))) {
      LogReader.follow(c.logPath(), offset, e -> {
        if (until != null && e.time().isAfter(until)) {
          return false;
        }
        return out.write(e);
      }, run.exit, out::flush, watch);
    }
    out.flush();
  }
}
