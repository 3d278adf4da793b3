package io.berth.daemon.lifecycle;

import io.berth.api.model.container.WaitResponse;
import io.berth.api.server.backend.ContainerStopOptions;
import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotModifiedException;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.runtime.OciError;
import io.berth.runtime.RuncRuntime;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts, stops and removes containers, and turns conmon's exit files into state. Each container
 * has its own lock; its current run has futures that waiters and attachers hold.
 */
public final class Runner {
  private static final System.Logger LOG = System.getLogger("berth.lifecycle");

  /** How one run ended. */
  public record Exit(int code, String error) {}

  /** The futures of a container's current (or next) run. */
  public static final class Run {
    public final CompletableFuture<Exit> exit = new CompletableFuture<>();
    /** Clients reading this run's output: its log outlives the container until they are done. */
    public final java.util.concurrent.atomic.AtomicInteger readers = new java.util.concurrent.atomic.AtomicInteger();
    /** Completes when conmon holds the container's stdio (before its process starts). */
    public final CompletableFuture<Void> ready = new CompletableFuture<>();
  }

  private final ContainerStore store;
  private final ImageAccess images;
  private final RuncRuntime runtime;
  private final SpecFactory specs;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Exit>> removals = new ConcurrentHashMap<>();

  public Runner(ContainerStore store, ImageAccess images, RuncRuntime runtime, SpecFactory specs) {
    this.store = store;
    this.images = images;
    this.runtime = runtime;
    this.specs = specs;
  }

  public Run run(String id) {
    return runs.computeIfAbsent(id, k -> new Run());
  }

  public CompletableFuture<Exit> removal(String id) {
    return removals.computeIfAbsent(id, k -> new CompletableFuture<>());
  }

  private ReentrantLock lock(String id) {
    return locks.computeIfAbsent(id, k -> new ReentrantLock());
  }

  public void start(String ref) {
    Container c = store.find(ref);
    ReentrantLock l = lock(c.id());
    l.lock();
    try {
      c = store.get(c.id());
      switch (c.state()) {
        case ContainerState.Running _ -> throw new NotModifiedException("container already started");
        case ContainerState.Removing _ -> throw new ConflictException(
            "cannot start container " + ref + ": removal in progress");
        case ContainerState.Created _, ContainerState.Exited _ -> {}
      }
      Run run = run(c.id());
      try {
        long t0 = System.nanoTime();
        ImageAccess.Rootfs rootfs = images.rootfs(c.id());
        Mounts.mount(rootfs);
        var spec = specs.spec(c, rootfs.merged());
        long t1 = System.nanoTime();
        int pid = runtime.create(c.id(), c.name(), spec, c.logPath(),
            c.config().openStdin(), c.config().tty());
        run.ready.complete(null);
        long t2 = System.nanoTime();
        // the record's fsync overlaps runc start; the exit watcher waits for this lock anyway
        Instant startedAt = Instant.now();
        String id = c.id();
        Thread record = Thread.ofVirtual().start(
            () -> store.update(id, x -> x.withState(new ContainerState.Running(pid, startedAt))));
        try {
          runtime.start(id);
        } finally {
          record.join();
        }
        long t3 = System.nanoTime();
        LOG.log(System.Logger.Level.DEBUG, "start {0}: prepare {1} ms, conmon+create {2} ms, "
            + "runc start {3} ms, record {4} ms", c.id(), ms(t0, t1), ms(t1, t2), ms(t2, t3),
            ms(t3, System.nanoTime()));
      } catch (RuntimeException e) {
        failStart(c, run, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failStart(c, run, new IllegalStateException("interrupted while starting", e));
      }
    } finally {
      l.unlock();
    }
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private void failStart(Container c, Run run, RuntimeException e) {
    String msg = e instanceof OciError
        ? "failed to create task for container: failed to create shim task: OCI runtime create failed: "
            + e.getMessage() + ": unknown"
        : e.getMessage();
    int code = msg.contains("executable file not found") || msg.contains("no such file or directory")
        ? 127 : msg.contains("permission denied") ? 126 : 128;
    cleanupRuntime(c);
    store.update(c.id(), x -> x.withState(new ContainerState.Created(code, msg)));
    finishRun(c.id(), run, new Exit(code, msg));
    if (c.hostConfig().autoRemove()) {
      removeNow(store.get(c.id()));
    }
    if (e instanceof OciError || e instanceof InvalidParameterException) {
      throw new InvalidParameterException(msg);
    }
    throw e;
  }

  /** conmon wrote an exit file. May be told twice; only a running container changes. */
  public void exited(String id, int code) {
    ReentrantLock l = lock(id);
    Container c;
    l.lock();
    try {
      c = store.get(id);
      if (c == null || !(c.state() instanceof ContainerState.Running r)) {
        return;
      }
      if (c.hostConfig().autoRemove()) {
        autoRemove(c, code);
        return;
      }
      long t0 = System.nanoTime();
      c = store.update(id, x -> x.withState(
          new ContainerState.Exited(code, r.startedAt(), Instant.now(), "")));
      finishRun(id, run(id), new Exit(code, ""));
      long t1 = System.nanoTime();
      cleanupRuntime(c);
      LOG.log(System.Logger.Level.DEBUG, "exit {0} ({1}): record {2} ms, cleanup {3} ms", id, code,
          ms(t0, t1), ms(t1, System.nanoTime()));
    } finally {
      l.unlock();
    }
  }

  /**
   * {@code --rm}: the container is gone for clients as soon as its record is; runc's state, the
   * mount and the layers are cleaned up after (and at the next start if the daemon dies first).
   */
  private void autoRemove(Container c, int code) {
    Run run = run(c.id());
    try {
      store.forget(c);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "auto-remove of " + c.id() + " failed", e);
    }
    Exit exit = new Exit(code, "");
    finishRun(c.id(), run, exit);
    runs.remove(c.id());
    locks.remove(c.id());
    removal(c.id()).complete(exit);
    removals.remove(c.id());
    Thread.ofVirtual().name("cleanup-" + c.id()).start(() -> {
      cleanupRuntime(c);
      images.remove(c.id());
      awaitReaders(run);
      try {
        io.berth.common.io.MoreFiles.deleteRecursively(c.dir());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "removing " + c.dir() + ": " + e.getMessage());
      }
    });
  }

  private static void awaitReaders(Run run) {
    for (int i = 0; i < 1000 && run.readers.get() > 0; i++) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void finishRun(String id, Run run, Exit exit) {
    runs.put(id, new Run());
    run.ready.complete(null);
    run.exit.complete(exit);
  }

  private void cleanupRuntime(Container c) {
    try {
      runtime.delete(c.id());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "runc delete " + c.id() + ": " + e.getMessage());
    }
    try {
      Mounts.unmount(images.rootfs(c.id()).merged());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "unmount " + c.id() + ": " + e.getMessage());
    }
  }

  public void stop(String ref, ContainerStopOptions opts) {
    Container c = store.find(ref);
    if (!c.state().running()) {
      throw new NotModifiedException("container already stopped");
    }
    String sig = opts.signal().orElse(c.config().stopSignal() == null ? "SIGTERM" : c.config().stopSignal());
    int timeout = opts.timeoutSeconds().orElse(
        c.config().stopTimeout() == null ? 10 : c.config().stopTimeout());
    CompletableFuture<Exit> exit = run(c.id()).exit;
    signal(c, Signals.parse(sig), false);
    if (await(exit, timeout < 0 ? Long.MAX_VALUE : timeout)) {
      return;
    }
    signal(c, 9, true);
    if (!await(exit, 30)) {
      throw new SystemException("container " + c.id() + " did not exit after SIGKILL");
    }
  }

  public void kill(String ref, String signal) {
    Container c = store.find(ref);
    int sig = Signals.parse(signal.isEmpty() ? "KILL" : signal);
    if (!c.state().running()) {
      throw new ConflictException("cannot kill container: " + ref + ": container " + c.id()
          + " is not running");
    }
    CompletableFuture<Exit> exit = run(c.id()).exit;
    signal(c, sig, sig == 9);
    if (sig == 9) {
      await(exit, 30);
    }
  }

  private void signal(Container c, int sig, boolean all) {
    try {
      runtime.kill(c.id(), sig, all);
    } catch (OciError e) {
      // it may have exited in between: the exit file tells
      LOG.log(System.Logger.Level.DEBUG, "kill " + c.id() + ": " + e.getMessage());
    }
  }

  private static boolean await(CompletableFuture<Exit> f, long seconds) {
    try {
      f.get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  public void remove(String ref, boolean force) {
    Container c = store.find(ref);
    if (c.state().running()) {
      if (!force) {
        throw new ConflictException("cannot remove container \"/" + c.name()
            + "\": container is running: stop the container before removing or force remove");
      }
      CompletableFuture<Exit> exit = run(c.id()).exit;
      signal(c, 9, true);
      if (!await(exit, 30)) {
        throw new SystemException("could not kill running container " + c.id());
      }
    }
    ReentrantLock l = lock(c.id());
    l.lock();
    try {
      Container now = store.get(c.id());
      if (now == null || now.state() instanceof ContainerState.Removing) {
        throw new ConflictException("removal of container " + ref + " is already in progress");
      }
      if (now.state().running()) {
        throw new ConflictException("cannot remove container \"/" + c.name()
            + "\": container is running: stop the container before removing or force remove");
      }
      removeNow(now);
    } finally {
      l.unlock();
    }
  }

  private void removeNow(Container c) {
    int code = c.state().exitCode();
    long t0 = System.nanoTime();
    store.update(c.id(), x -> x.withState(new ContainerState.Removing()));
    cleanupRuntime(c);
    images.remove(c.id());
    LOG.log(System.Logger.Level.DEBUG, "remove {0}: {1} ms", c.id(), ms(t0, System.nanoTime()));
    try {
      store.remove(c);
    } catch (IOException e) {
      throw new SystemException("removing " + c.id() + ": " + e.getMessage(), e);
    }
    runs.remove(c.id());
    locks.remove(c.id());
    removal(c.id()).complete(new Exit(code, ""));
    removals.remove(c.id());
  }

  /** A future that completes when the condition holds. */
  public CompletableFuture<Exit> waitFor(String ref, io.berth.api.server.backend.WaitCondition cond) {
    Container c = store.find(ref);
    return switch (cond) {
      case NOT_RUNNING -> c.state() instanceof ContainerState.Running
          ? run(c.id()).exit
          : CompletableFuture.completedFuture(new Exit(c.state().exitCode(), ""));
      case NEXT_EXIT -> run(c.id()).exit;
      case REMOVED -> removal(c.id());
    };
  }

  public static WaitResponse response(Exit e) {
    return new WaitResponse(e.code(), e.error().isEmpty() ? null : new WaitResponse.WaitError(e.error()));
  }

  /**
   * After a daemon restart: believe the exit files and runc, not the last record; runc
   * containers that no record knows (a crash between create and record) are deleted.
   */
  public void reconcile() {
    for (String id : runtime.list()) {
      if (store.get(id) == null) {
        LOG.log(System.Logger.Level.INFO, "deleting orphaned runtime container " + id);
        runtime.delete(id);
      }
    }
    for (String id : images.layerOwners()) {
      if (store.get(id) == null) {
        LOG.log(System.Logger.Level.INFO, "removing orphaned container layer " + id);
        Mounts.unmount(images.rootfs(id).merged());
        images.remove(id);
      }
    }
    for (Container c : store.all()) {
      if (!(c.state() instanceof ContainerState.Running)) {
        continue;
      }
      var code = runtime.exitCode(c.id());
      if (code.isPresent()) {
        exited(c.id(), code.getAsInt());
        continue;
      }
      var state = runtime.state(c.id());
      if (state.isEmpty() || state.get().status().equals("stopped")) {
        exited(c.id(), 255);
      } else {
        run(c.id()).ready.complete(null);
      }
    }
  }
}
