package io.berth.runtime.log;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the readers that follow a log as soon as conmon writes to it, instead of on a timer: one
 * inotify instance (the JDK's watch service) for the whole daemon, a directory watched while
 * somebody follows a log in it. A reader still looks at the file at least every second, so a
 * lost event (a queue overflow, a directory replaced) costs a second, never the output.
 */
public final class LogWatch implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("berth.runtime");
  private final long safetyNetMillis;
  private final WatchService watch;
  private final Thread thread;
  private final Map<Path, Dir> dirs = new HashMap<>();

  private static final class Dir {
    WatchKey key;
    final Set<Follower> followers = ConcurrentHashMap.newKeySet();
  }

  public LogWatch() throws IOException {
    this(1000);
  }

  /** With the safety net's period: a test sets it past its own timeout to see the wake-ups alone. */
  LogWatch(long safetyNetMillis) throws IOException {
    this.safetyNetMillis = safetyNetMillis;
    this.watch = FileSystems.getDefault().newWatchService();
    this.thread = Thread.ofPlatform().daemon().name("log-watch").start(this::loop);
  }

  /** A reader's wake-ups, to be closed when it stops following. */
  public final class Follower implements AutoCloseable {
    private final Path dir;
    private final Path name;
    private final Semaphore changed = new Semaphore(0);

    private Follower(Path log) {
      this.dir = log.toAbsolutePath().getParent();
      this.name = log.getFileName();
    }

    /** Returns once the log may have grown, {@code done} completed, or the safety net fell due. */
    public void await(Future<?> done) throws InterruptedException {
      if (!done.isDone() && changed.tryAcquire(safetyNetMillis, TimeUnit.MILLISECONDS)) {
        changed.drainPermits();
      }
    }

    /** Wakes {@link #await} now: the end it waits for has come. */
    public void wake() {
      changed.release();
    }

    @Override
    public void close() {
      synchronized (dirs) {
        Dir d = dirs.get(dir);
        if (d != null && d.followers.remove(this) && d.followers.isEmpty()) {
          dirs.remove(dir);
          d.key.cancel();
        }
      }
    }
  }

  /**
   * Starts waking on changes to {@code log}. Call before reading to the end, so that a write
   * after the read is never missed. A directory that can't be watched leaves the safety net.
   */
  public Follower follow(Path log) {
    Follower f = new Follower(log);
    synchronized (dirs) {
      Dir d = dirs.get(f.dir);
      if (d == null) {
        d = new Dir();
        try {
          d.key = f.dir.register(watch, StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException | ClosedWatchServiceException e) {
          LOG.log(System.Logger.Level.DEBUG, "watching " + f.dir + ": " + e.getMessage());
          return f;
        }
        dirs.put(f.dir, d);
      }
      d.followers.add(f);
    }
    return f;
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = watch.take();
        Path dir = (Path) key.watchable();
        Dir d;
        synchronized (dirs) {
          d = dirs.get(dir);
        }
        for (WatchEvent<?> e : key.pollEvents()) {
          if (d == null) {
            continue;
          }
          for (Follower f : d.followers) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || f.name.equals(e.context())) {
              f.wake();
            }
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    watch.close();
    thread.interrupt();
  }
}
