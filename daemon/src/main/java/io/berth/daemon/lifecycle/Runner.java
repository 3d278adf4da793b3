package io.berth.daemon.lifecycle;

import io.berth.api.model.container.WaitResponse;
import io.berth.api.server.backend.ContainerStopOptions;
import io.berth.api.server.backend.WaitCondition;
import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotModifiedException;
import io.berth.common.error.SystemException;
import io.berth.common.io.MoreFiles;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.events.EventBus;
import io.berth.daemon.lifecycle.Runs.Exit;
import io.berth.daemon.network.NetworkService;
import io.berth.daemon.volume.ContainerMounts;
import io.berth.daemon.network.Endpoints;
import io.berth.daemon.lifecycle.Runs.Run;
import io.berth.runtime.OciError;
import io.berth.runtime.RuncRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Starts, stops and removes containers, and turns conmon's exit files into state. A container's
 * lock is held for its transitions; clients wait on the futures of {@link Runs}.
 */
public final class Runner {
  private static final System.Logger LOG = System.getLogger("berth.lifecycle");

  private final ContainerStore store;
  private final ImageAccess images;
  private final RuncRuntime runtime;
  private final SpecFactory specs;
  private final ContainerNetworking net;
  private final Endpoints endpoints;
  private final Runs runs = new Runs();
  private final RestartPolicies policies = new RestartPolicies();
  private final HealthMonitor health;
  private final ContainerMounts mounts;
  private final EventBus events;
  /** Containers being restarted: their exit must not trigger --rm. */
  private final Set<String> restarting = ConcurrentHashMap.newKeySet();

  public Runner(ContainerStore store, ImageAccess images, RuncRuntime runtime, SpecFactory specs,
      NetworkService networks, ContainerMounts mounts, EventBus events) {
    this.events = events;
    this.health = new HealthMonitor(store, events);
    this.mounts = mounts;
    this.store = store;
    this.images = images;
    this.runtime = runtime;
    this.specs = specs;
    this.net = new ContainerNetworking(store, networks);
    this.endpoints = networks.endpoints();
  }

  /** The default bridge's address, which {@code host-gateway} stands for; null without a bridge. */
  String hostGateway() {
    return endpoints.bridgeEnabled() ? endpoints.bridge().subnet().gatewayAddress() : null;
  }

  /** The run a client waits on: taken before the state is read, so an exit in between is seen. */
  public Run run(String id) {
    return runs.run(id, () -> store.get(id) != null);
  }

  public void start(String ref) {
    Container c = store.find(ref);
    ReentrantLock l = runs.lock(c.id());
    l.lock();
    try {
      Run run = run(c.id());
      c = store.get(c.id());
      if (c == null) {
        throw new io.berth.common.error.NotFoundException("No such container: " + ref);
      }
      switch (c.state()) {
        case ContainerState.Running _, ContainerState.Restarting _ ->
            throw new NotModifiedException("container already started");
        // Docker's words for both: a dead container can only be removed
        case ContainerState.Removing _, ContainerState.Dead _ -> throw new ConflictException(
            "container is marked for removal and cannot be started");
        case ContainerState.Created _, ContainerState.Exited _ -> {}
      }
      // a user's start: the restart policy counts from nothing again, as dockerd's does
      policies.reset(c.id());
      if (c.restartCount() != 0 || c.manuallyStopped()) {
        c = store.update(c.id(), x -> x.withRestarts(0, false));
      }
      try {
        launch(c, run);
      } catch (RuntimeException e) {
        failStart(c, e);
      }
    } finally {
      l.unlock();
    }
  }

  private void launch(Container c, Run run) {
    long t0 = System.nanoTime();
    ImageAccess.Rootfs rootfs;
    try {
      rootfs = images.rootfs(c.id());
    } catch (io.berth.common.error.NotFoundException e) {
      rootfs = images.prepare(c.id(), c.imageId()); // lost to a crash before it reached the disk
    }
    ContainerMounts.Prepared own = mounts.prepare(c);
    Mounts.mount(rootfs);
    java.util.Map<String, String> joinNs = pidJoin(c);
    // netavark works on the namespace while runc creates the container in it
    SpecFactory.Joined joined = c.networkMode().startsWith("container:") ? this.net.joined(c) : null;
    Endpoints.Pending net = ContainerNetworking.onBridge(c) ? this.net.attach(c) : null;
    long t1;
    RuncRuntime.Created created;
    try {
      var spec = specs.spec(c, rootfs.merged(), net == null ? null : net.endpoint(), hostGateway(), joined,
          this.net.links(c), own, joinNs);
      t1 = System.nanoTime();
      created = runtime.create(c.id(), c.name(), spec, c.logPath(),
          io.berth.runtime.Stdin.of(c.config().openStdin(), c.config().stdinOnce(), c.config().tty()), c.config().tty());
      if (net != null) {
        ContainerNetworking.await(net);
        this.net.attachConnected(c);
      }
    } catch (RuntimeException e) {
      if (net != null) {
        net.ready().exceptionally(x -> null).join(); // the teardown that follows needs setup done
      }
      throw e;
    }
    this.net.announce(c, "connect");
    run.ready.complete(null);
    long t2 = System.nanoTime();
    // the record's fsync overlaps runc start; the exit watcher waits for this lock anyway
    Instant startedAt = Instant.now();
    String id = c.id();
    var record = CompletableFuture.runAsync(
        () -> store.update(id, x -> x.withState(
            new ContainerState.Running(created.pid(), created.monitorPid(), startedAt))),
        r -> Thread.ofVirtual().start(r));
    try {
      runtime.start(id);
    } finally {
      record.join();
    }
    events.container(c, "start", java.util.Map.of());
    watchMonitor(id, created.monitorPid());
    health.started(store.get(id), false);
    LOG.log(System.Logger.Level.DEBUG, "start {0}: prepare {1} ms, conmon+create {2} ms, "
        + "runc start {3} ms", id, ms(t0, t1), ms(t1, t2), ms(t2, System.nanoTime()));
  }

  /** {@code docker network connect}, under the container's lock. */
  public void connect(String networkTerm, String ref, io.berth.api.model.network.EndpointSettings settings) {
    locked(ref, c -> net.connect(c, networkTerm, settings));
  }

  /** {@code docker network disconnect}, under the container's lock. */
  public void disconnect(String networkTerm, String ref, boolean force) {
    if (force) {
      throw new InvalidParameterException("berth does not support network disconnect --force yet");
    }
    locked(ref, c -> net.disconnect(c, networkTerm));
  }

  /** Runs {@code work} on the container as it is now, under its lock. */
  RuncRuntime runtime() {
    return runtime;
  }

  /** The health checks of running containers (the exec service gives it its prober). */
  public HealthMonitor health() {
    return health;
  }

  void locked(String ref, java.util.function.Consumer<Container> work) {
    ReentrantLock l = runs.lock(store.find(ref).id());
    l.lock();
    try {
      Container now = store.get(store.find(ref).id());
      work.accept(now);
    } finally {
      l.unlock();
    }
  }

  NetworkService networks() {
    return net.networks();
  }

  ContainerMounts mounts() {
    return mounts;
  }

  EventBus events() {
    return events;
  }

  /** The processes of the container's cgroup. */
  List<Long> pids(String id) {
    return runtime.pids(id);
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  /** Docker's words and exit codes for a start that failed; the container stays startable. */
  private void failStart(Container c, RuntimeException e) {
    boolean oci = e instanceof OciError;
    String msg = oci
        ? "failed to create task for container: failed to create shim task: OCI runtime create failed: "
            + e.getMessage() + ": unknown"
        : String.valueOf(e.getMessage());
    boolean command = msg.contains("exec:") || msg.contains("executable file not found");
    int code = msg.contains("executable file not found")
        || (command && msg.contains("no such file or directory")) ? 127
        : command && msg.contains("permission denied") ? 126 : 128;
    cleanupRuntime(c);
    Container now = store.update(c.id(), x -> x.withState(switch (x.state()) {
      case ContainerState.Exited ex -> new ContainerState.Exited(code, ex.startedAt(), ex.finishedAt(), msg);
      case ContainerState.Restarting r -> new ContainerState.Exited(code, r.startedAt(), r.finishedAt(), msg);
      case ContainerState.Created _, ContainerState.Running _, ContainerState.Removing _,
          ContainerState.Dead _ -> new ContainerState.Created(code, msg);
    }));
    runs.finish(c.id(), new Exit(code, msg));
    if (c.hostConfig().autoRemove()) {
      removeNow(now, true);
    }
    if (code != 128 || e instanceof InvalidParameterException) {
      throw new InvalidParameterException(msg);
    }
    throw oci ? new SystemException(msg) : e;
  }

  /** conmon wrote an exit file. May be told twice; only a running container changes. */
  public void exited(String id, int code) {
    recordExit(id, code, "");
  }

  /**
   * Watches the conmon of a running container (adopted after a daemon restart, or just started):
   * if it dies before its container, nothing supervises the container any more.
   */
  public void watchMonitor(String id, long monitorPid) {
    try {
      runtime.watchMonitor(monitorPid, () -> monitorExited(id, monitorPid));
    } catch (RuntimeException e) {
      // no pidfds here (an old kernel, a seccomp filter): the container runs on, unwatched, and
      // its exit file still reports a normal end
      LOG.log(System.Logger.Level.WARNING, "cannot watch the monitor of " + id + ": " + e.getMessage());
    }
  }

  /**
   * A container's conmon ended. Normally it wrote the exit file first; if it did not, it died
   * (killed, crashed): the container's processes are killed and it is recorded as exited with
   * 137, as Docker records a container whose shim went away.
   */
  void monitorExited(String id, long monitorPid) {
    ReentrantLock l = runs.lock(id);
    l.lock();
    try {
      Container c = store.get(id);
      if (c == null || !(c.state() instanceof ContainerState.Running r) || r.monitorPid() != monitorPid) {
        return;
      }
      var code = runtime.exitCode(id);
      if (code.isPresent()) {
        exited(id, code.getAsInt());
        return;
      }
      LOG.log(System.Logger.Level.WARNING, "the monitor (conmon " + monitorPid + ") of container " + id
          + " died before the container: killing it");
      abandon(id, r.startedAt(), 137, "container monitor (conmon) died unexpectedly");
    } finally {
      l.unlock();
    }
  }

  /**
   * Kills whatever is left of a container that nothing supervises, and records its end; only if
   * the container is still in the run that started at {@code startedAt} (null: whichever), so a
   * late decision never touches a run started meanwhile.
   */
  void abandon(String id, Instant startedAt, int code, String error) {
    ReentrantLock l = runs.lock(id);
    l.lock();
    try {
      Container c = store.get(id);
      if (c == null || !(c.state() instanceof ContainerState.Running r)
          || (startedAt != null && !r.startedAt().equals(startedAt))) {
        return;
      }
      try {
        runtime.kill(id, 9, true);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "kill " + id + ": " + e.getMessage());
      }
      recordExit(id, code, error);
    } finally {
      l.unlock();
    }
  }

  /** A container found running under {@code monitorPid} after a daemon restart. */
  void adopt(String id, long monitorPid, boolean paused) {
    store.update(id, x -> x.state() instanceof ContainerState.Running r
        && (r.monitorPid() != monitorPid || r.paused() != paused)
        ? x.withState(new ContainerState.Running(r.pid(), monitorPid, r.startedAt(), paused)) : x);
    run(id).ready.complete(null);
    watchMonitor(id, monitorPid);
    health.started(store.get(id), true);
  }

  /** A container left in runc's {@code created} state by a crash before {@code runc start}. */
  void notStarted(String id) {
    ReentrantLock l = runs.lock(id);
    l.lock();
    try {
      Container c = store.get(id);
      if (c == null || !(c.state() instanceof ContainerState.Running)) {
        return;
      }
      String why = "berthd stopped before the container was started";
      c = store.update(id, x -> x.withState(new ContainerState.Created(0, why)));
      runs.finish(id, new Exit(0, why));
      cleanupRuntime(c);
    } finally {
      l.unlock();
    }
  }

  /** The end of a running container's run, at the exit file's time when there is one, else now. */
  private void recordExit(String id, int code, String error) {
    ReentrantLock l = runs.lock(id);
    l.lock();
    try {
      Container c = store.get(id);
      if (c == null || !(c.state() instanceof ContainerState.Running r)) {
        return;
      }
      health.stopped(id);
      // the host ports go back before anyone hears of the end: a next start may want them
      endpoints.releasePorts(id);
      boolean oom = runtime.oomKilled(id);
      if (oom) {
        events.container(c, "oom", java.util.Map.of());
      }
      events.container(c, "die", java.util.Map.of("exitCode", Integer.toString(code), "execDuration",
          Long.toString(java.time.Duration.between(r.startedAt(), Instant.now()).toSeconds())));
      if (c.hostConfig().autoRemove() && !restarting.contains(id)) {
        autoRemove(c, code);
        return;
      }
      Instant finished = runtime.exitTime(id).orElseGet(Instant::now);
      Exit exit = new Exit(code, error);
      var again = restarting.contains(id) || c.manuallyStopped() ? java.util.Optional.<java.time.Duration>empty()
          : policies.decide(c, code, java.time.Duration.between(r.startedAt(), finished));
      try {
        c = store.update(id, x -> again.isPresent()
            ? x.withState(new ContainerState.Restarting(code, r.startedAt(), finished))
                .withRestarts(x.restartCount() + 1, x.manuallyStopped())
            : x.withState(new ContainerState.Exited(code, r.startedAt(), finished, error, oom)));
      } finally {
        runs.finish(id, exit);
      }
      cleanupRuntime(c);
      again.ifPresent(delay -> policies.schedule(id, delay, () -> restartByPolicy(id)));
    } finally {
      l.unlock();
    }
  }

  /** {@code --pid container:<x>}: the PID namespace of another container, which must be running. */
  private java.util.Map<String, String> pidJoin(Container c) {
    String mode = c.hostConfig().pidMode();
    if (mode == null || !mode.startsWith("container:")) {
      return java.util.Map.of();
    }
    Container other = store.find(mode.substring("container:".length()));
    if (other.id().equals(c.id())) {
      throw new InvalidParameterException("cannot join own pid namespace");
    }
    if (!(other.state() instanceof ContainerState.Running r)) {
      throw new ConflictException("cannot join PID of a non running container: " + other.id());
    }
    return java.util.Map.of("pid", "/proc/" + r.pid() + "/ns/pid");
  }

  /** The restart policy's start, after the back-off, unless a stop or removal came first. */
  private void restartByPolicy(String id) {
    ReentrantLock l = runs.lock(id);
    l.lock();
    try {
      Container c = store.get(id);
      if (c == null || !(c.state() instanceof ContainerState.Restarting)) {
        return;
      }
      try {
        launch(c, run(id));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "restarting " + id + ": " + e.getMessage());
        try {
          failStart(c, e);
        } catch (RuntimeException reported) {
          // recorded in its state, as dockerd records a failed restart
        }
      }
    } finally {
      l.unlock();
    }
  }

  /** Starts, at the daemon's start, what dockerd starts at boot: always, and unless-stopped unless stopped by hand. */
  public void restartOnBoot() {
    for (Container c : store.all()) {
      boolean wanted = c.restartPolicy().equals("always")
          || (c.restartPolicy().equals("unless-stopped") && !c.manuallyStopped());
      if (c.state() instanceof ContainerState.Restarting r && !wanted) {
        store.update(c.id(), x -> x.withState(new ContainerState.Exited(r.exitCode(), r.startedAt(), r.finishedAt(),
            "")));
      } else if (wanted && (c.state() instanceof ContainerState.Exited || c.state() instanceof ContainerState.Restarting)) {
        policies.schedule(c.id(), java.time.Duration.ZERO, () -> {
          store.update(c.id(), x -> x.state() instanceof ContainerState.Exited e
              ? x.withState(new ContainerState.Restarting(e.exitCode(), e.startedAt(), e.finishedAt())) : x);
          restartByPolicy(c.id());
        });
      }
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
      LOG.log(System.Logger.Level.WARNING, "auto-remove of " + c.id() + ": " + e.getMessage());
    }
    mounts.stopped(c);
    mounts.release(c.id(), c.mounts(), true);
    events.container(c, "destroy", java.util.Map.of());
    runs.removed(c.id(), new Exit(code, ""));
    Thread.ofVirtual().name("cleanup-" + c.id()).start(() -> {
      cleanupRuntime(c);
      try {
        images.remove(c.id());
        awaitReaders(run);
        MoreFiles.deleteRecursively(c.dir());
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "cleaning up " + c.id() + ": " + e.getMessage());
      }
    });
  }

  private static void awaitReaders(Run run) {
    for (int i = 0; i < 500 && run.readers.get() > 0; i++) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void cleanupRuntime(Container c) {
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
    mounts.stopped(c);
    endpoints.detach(c.id());
    net.announce(c, "disconnect");
  }

  public void stop(String ref, ContainerStopOptions opts) {
    Container c = store.find(ref);
    Run run = run(c.id());
    c = store.get(c.id());
    if (c != null && c.state() instanceof ContainerState.Restarting) {
      // between runs: the pending restart is called off, and the container stays down
      Container[] stopped = new Container[1];
      locked(ref, x -> {
        policies.cancel(x.id());
        if (x.state() instanceof ContainerState.Restarting r) {
          stopped[0] = store.update(x.id(), y -> y.withState(new ContainerState.Exited(r.exitCode(), r.startedAt(),
              r.finishedAt(), "")).withRestarts(y.restartCount(), true));
        }
      });
      if (stopped[0] != null) {
        events.container(stopped[0], "stop", java.util.Map.of());
        return;
      }
      c = store.get(c.id());
    }
    if (c == null || !c.state().running()) {
      throw new NotModifiedException("container already stopped");
    }
    // stopped by hand: no restart policy starts it again (dockerd cancels its restart manager)
    if (!c.restartPolicy().equals("no")) {
      policies.cancel(c.id());
      c = store.update(c.id(), x -> x.withRestarts(x.restartCount(), true));
    }
    String sig = opts.signal().orElse(c.config().stopSignal() == null ? "SIGTERM" : c.config().stopSignal());
    int timeout = opts.timeoutSeconds().orElse(
        c.config().stopTimeout() == null ? 10 : c.config().stopTimeout());
    signal(c, Signals.parse(sig), false);
    if (!await(run.exit, timeout < 0 ? Long.MAX_VALUE : timeout)) {
      killForGood(c, run);
    }
    events.container(c, "stop", java.util.Map.of());
  }

  /**
   * SIGKILL, and if no exit is seen (a monitor that cannot report), runc's forced delete: a stop,
   * kill or forced removal always ends.
   */
  private void killForGood(Container c, Run run) {
    signal(c, 9, true);
    if (!await(run.exit, 30)) {
      LOG.log(System.Logger.Level.WARNING, "container " + c.id() + " did not report its exit after SIGKILL");
      abandon(c.id(), c.state().startedAt(), 137, "container did not report its exit after SIGKILL");
    }
  }

  public void kill(String ref, String signal) {
    Container c = store.find(ref);
    int sig = Signals.parse(signal.isEmpty() ? "KILL" : signal);
    Run run = run(c.id());
    c = store.get(c.id());
    if (c == null || !c.state().running()) {
      throw new ConflictException("cannot kill container: " + ref + ": container "
          + (c == null ? ref : c.id()) + " is not running");
    }
    if (sig == 9) {
      killForGood(c, run);
    } else {
      signal(c, sig, false);
    }
  }

  /** {@code docker pause}: the container's processes frozen (its freezer cgroup), under its lock. */
  public void pause(String ref) {
    locked(ref, c -> {
      if (!c.state().running()) {
        throw new ConflictException("Container " + c.id() + " is not running");
      }
      if (c.state().paused()) {
        throw new ConflictException("Container " + c.id() + " is already paused");
      }
      runtime.pause(c.id());
      Container now = store.update(c.id(), x -> x.state() instanceof ContainerState.Running r
          ? x.withState(r.withPaused(true)) : x);
      events.container(now, "pause", java.util.Map.of());
    });
  }

  /** {@code docker unpause}. */
  public void unpause(String ref) {
    locked(ref, c -> {
      if (!c.state().paused()) {
        throw new ConflictException("Container " + c.id() + " is not paused");
      }
      thaw(c);
      events.container(c, "unpause", java.util.Map.of());
    });
  }

  private void thaw(Container c) {
    runtime.resume(c.id());
    store.update(c.id(), x -> x.state() instanceof ContainerState.Running r ? x.withState(r.withPaused(false)) : x);
  }

  /** Work on a container's files in its own view of them. */
  @FunctionalInterface
  interface ViewWork<T> {
    T apply(Container c, Path root) throws IOException;
  }

  /**
   * Runs {@code work} in the container's view of its files: a running container's own, else its
   * root and mounts mounted for the while, under its lock, as {@code export} does.
   */
  <T> T inView(String ref, ViewWork<T> work) {
    try {
      Container c = store.find(ref);
      if (c.state() instanceof ContainerState.Running r) {
        return work.apply(c, io.berth.daemon.volume.ContainerView.running(r.pid()).root());
      }
      ReentrantLock l = runs.lock(c.id());
      l.lock();
      try {
        Container now = store.get(c.id());
        if (now == null) {
          throw new io.berth.common.error.NotFoundException("No such container: " + ref);
        }
        if (now.state() instanceof ContainerState.Running r) {
          return work.apply(now, io.berth.daemon.volume.ContainerView.running(r.pid()).root());
        }
        ImageAccess.Rootfs rootfs = images.rootfs(now.id());
        boolean mounted = Mounts.isMounted(rootfs.merged());
        if (!mounted) {
          Mounts.mount(rootfs);
        }
        try (var view = mounts.view(now, rootfs.merged())) {
          return work.apply(now, view.root());
        } finally {
          if (!mounted) {
            Mounts.unmount(rootfs.merged());
          }
        }
      } finally {
        l.unlock();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * {@code docker export}: the container's filesystem as one tar. A running container's is
   * mounted already; a stopped one's is mounted for the while, under its lock, so that a start
   * neither mounts over it nor has it unmounted underneath.
   */
  public void export(String id, java.io.OutputStream out) throws IOException {
    Container c = store.get(id);
    if (c != null && c.state().running()) {
      io.berth.image.archive.DirectoryTar.write(images.rootfs(id).merged(), Set.of(), out);
      return;
    }
    ReentrantLock l = runs.lock(id);
    l.lock();
    try {
      if (store.get(id) == null) {
        throw new io.berth.common.error.NotFoundException("No such container: " + id);
      }
      ImageAccess.Rootfs rootfs = images.rootfs(id);
      boolean mounted = Mounts.isMounted(rootfs.merged());
      if (!mounted) {
        Mounts.mount(rootfs);
      }
      try {
        io.berth.image.archive.DirectoryTar.write(rootfs.merged(), Set.of(), out);
      } finally {
        if (!mounted) {
          Mounts.unmount(rootfs.merged());
        }
      }
    } finally {
      l.unlock();
    }
  }

  /**
   * Runs {@code work} on a container's files while it cannot change state, and, when {@code pause}
   * and it runs, while its processes are frozen, as {@code docker commit} does by default.
   */
  public <T> T whileHeld(String id, boolean pause, java.util.function.Supplier<T> work) {
    ReentrantLock l = runs.lock(id);
    l.lock();
    try {
      Container c = store.get(id);
      if (c == null) {
        throw new io.berth.common.error.NotFoundException("No such container: " + id);
      }
      boolean frozen = pause && c.state().running() && !c.state().paused();
      if (frozen) {
        runtime.pause(id);
      }
      try {
        return work.get();
      } finally {
        if (frozen) {
          runtime.resume(id);
        }
      }
    } finally {
      l.unlock();
    }
  }

  /** A terminal's new size; only a TTY has one (for others there is nothing to do, as in Docker). */
  public void resize(String ref, int height, int width) {
    Container c = store.find(ref);
    if (!c.state().running()) {
      throw new ConflictException("container " + c.id() + " is not running");
    }
    if (c.config().tty() && height > 0 && width > 0) {
      runtime.resize(c.id(), height, width);
    }
    events.container(c, "resize", java.util.Map.of("height", Integer.toString(height), "width", Integer.toString(width)));
  }

  /** Restart: stop without --rm taking the container away, then start. */
  public void restart(String ref, ContainerStopOptions opts) {
    String id = store.find(ref).id();
    restarting.add(id);
    try {
      try {
        stop(id, opts);
      } catch (NotModifiedException e) {
        // restarting a stopped container just starts it
      }
      start(id);
    } finally {
      restarting.remove(id);
    }
  }

  private void signal(Container c, int sig, boolean all) {
    try {
      runtime.kill(c.id(), sig, all);
      events.container(c, "kill", java.util.Map.of("signal", Integer.toString(sig)));
      Container now = store.get(c.id());
      if (now != null && now.state().paused()) {
        // a frozen process handles no signal, not even SIGKILL: thawed, it does
        thaw(now);
      }
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
    } catch (ExecutionException e) {
      return true;
    }
  }

  public void remove(String ref, boolean force) {
    remove(ref, force, false);
  }

  /** @param volumes its anonymous volumes go too ({@code rm -v}) */
  public void remove(String ref, boolean force, boolean volumes) {
    Container c = store.find(ref);
    Run run = run(c.id());
    Container cur = store.get(c.id());
    if (cur != null && cur.state() instanceof ContainerState.Restarting) {
      if (!force) {
        throw new ConflictException("cannot remove container \"/" + c.name()
            + "\": container is restarting: stop the container before removing or force remove");
      }
      policies.cancel(c.id());
    }
    if (store.get(c.id()) != null && store.get(c.id()).state().running()) {
      if (!force) {
        throw new ConflictException("cannot remove container \"/" + c.name()
            + "\": container is running: stop the container before removing or force remove");
      }
      killForGood(c, run);
    }
    ReentrantLock l = runs.lock(c.id());
    l.lock();
    try {
      Container now = store.get(c.id());
      if (now == null) {
        return; // --rm took it meanwhile: what was asked is done
      }
      switch (now.state()) {
        case ContainerState.Removing _ -> throw new ConflictException(
            "removal of container " + ref + " is already in progress");
        case ContainerState.Running _ -> throw new ConflictException("cannot remove container \"/"
            + c.name() + "\": container is running: stop the container before removing or force remove");
        case ContainerState.Created _, ContainerState.Exited _, ContainerState.Dead _,
            ContainerState.Restarting _ -> {
          policies.cancel(now.id());
          removeNow(now, volumes);
        }
      }
    } finally {
      l.unlock();
    }
  }

  /** Under the container's lock. A failure puts the container back as it was. */
  private void removeNow(Container c, boolean volumes) {
    ContainerState before = c.state();
    store.set(c.id(), x -> x.withState(new ContainerState.Removing()));
    try {
      cleanupRuntime(c);
      images.remove(c.id());
      store.forget(c);
    } catch (IOException | RuntimeException e) {
      store.set(c.id(), x -> x.withState(before));
      throw new SystemException("unable to remove container " + c.id() + ": " + e.getMessage(), e);
    }
    mounts.release(c.id(), c.mounts(), volumes);
    events.container(c, "destroy", java.util.Map.of());
    // the record is gone: the container is; its directory carries the removed marker, so a
    // failure to delete it now is swept at the next start
    runs.removed(c.id(), new Exit(before.exitCode(), before.error()));
    try {
      MoreFiles.deleteRecursively(c.dir());
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "removing the files of " + c.id() + ": " + e.getMessage());
    }
  }

  /** A future that completes when the condition holds. */
  public CompletableFuture<Exit> waitFor(String ref, WaitCondition cond) {
    String id = store.find(ref).id();
    return switch (cond) {
      case NOT_RUNNING -> {
        Run run = run(id);
        Container c = store.get(id);
        yield c != null && c.state().running()
            ? run.exit
            : CompletableFuture.completedFuture(c == null ? new Exit(0, "")
                : new Exit(c.state().exitCode(), c.state().error()));
      }
      case NEXT_EXIT -> run(id).exit;
      case REMOVED -> runs.removal(id, () -> store.get(id) != null);
    };
  }

  public static WaitResponse response(Exit e) {
    return new WaitResponse(e.code(), e.error().isEmpty() ? null : new WaitResponse.WaitError(e.error()));
  }
}
