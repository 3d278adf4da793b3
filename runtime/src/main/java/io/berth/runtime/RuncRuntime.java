package io.berth.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.io.MoreFiles;
import io.berth.common.json.Json;
import io.berth.linux.ProcessWatcher;
import io.berth.runtime.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * runc through its CLI, each container under its own conmon. No HTTP and no Docker types here:
 * bundles in, pids and exit codes out.
 */
public final class RuncRuntime implements AutoCloseable {
  private final Path runc;
  private final RuntimePaths paths;
  private final Conmon conmon;
  private final ProcessWatcher monitors = new ProcessWatcher();
  // Native blocking calls pin a virtual thread's carrier: they get platform threads.
  private final ExecutorService blocking = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("runtime-", 0).factory());

  public RuncRuntime(Path runc, Path conmonBinary, Path execRoot) {
    this.runc = runc;
    this.paths = new RuntimePaths(execRoot);
    this.conmon = new Conmon(conmonBinary, runc, paths);
    try {
      Files.createDirectories(paths.runcRoot());
      Files.createDirectories(paths.exits());
      Files.createDirectories(paths.sockets());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RuntimePaths paths() {
    return paths;
  }

  /** A created container: its init's pid and the pid of the conmon that supervises it. */
  public record Created(int pid, long monitorPid) {}

  /** Writes the bundle and has conmon run {@code runc create}. */
  public Created create(String id, String name, Spec spec, Path logPath, Stdin stdin, boolean tty) {
    Path bundle = paths.bundle(id);
    try {
      Files.createDirectories(bundle);
      Files.deleteIfExists(paths.exitFile(id));
      // written anew at every start and read once by runc: no fsync needed
      Files.write(bundle.resolve("config.json"), Json.bytes(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int pid = onPlatformThread(() -> conmon.create(id, name, logPath, stdin, tty));
    return new Created(pid, parentOf(pid));
  }

  /** Runs a natively blocking call on a platform thread of the runtime's own and waits for it. */
  private <T> T onPlatformThread(java.util.concurrent.Callable<T> call) {
    try {
      return blocking.submit(call).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A running exec process: its pid, and its output's socket when attached. */
  public record ExecProcess(int pid, io.berth.linux.SeqPacketSocket attach, java.util.concurrent.Future<Integer> exit) {}

  /**
   * Runs one more process in a running container, under a conmon of its own: {@code process} is
   * the OCI process (args, env, user, terminal...). Fails with runc's words when it cannot start.
   */
  public ExecProcess exec(String containerId, String execId, String name, Object process, Stdin stdin, boolean tty,
      boolean attach) {
    Path dir = paths.execDir(execId);
    try {
      Files.createDirectories(dir.resolve("exits"));
      Files.write(dir.resolve("process.json"), Json.bytes(process));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Conmon.Exec e = onPlatformThread(() -> conmon.exec(containerId, execId, name, dir.resolve("process.json"), stdin,
        tty, attach));
    return new ExecProcess(e.pid(), e.attach(), blocking.submit(() -> Conmon.execExit(e.sync())));
  }

  /** Resizes an exec session's terminal through its conmon's ctl FIFO. */
  public void resizeExec(String execId, int height, int width) {
    try {
      io.berth.linux.Fd.writeFifo(paths.execDir(execId).resolve("ctl"),
          ("1 " + height + " " + width + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (RuntimeException e) {
      throw new OciError("cannot resize the terminal of exec " + execId + ": " + e.getMessage());
    }
  }

  /**
   * The processes in the container's cgroup ({@code /berth/<id>}, as the spec sets it): from the
   * pids controller of cgroup v1, else the unified hierarchy.
   */
  public List<Long> pids(String id) {
    for (String root : List.of("/sys/fs/cgroup/pids", "/sys/fs/cgroup/unified", "/sys/fs/cgroup")) {
      Path procs = Path.of(root, "berth", id, "cgroup.procs");
      if (Files.isReadable(procs)) {
        try {
          return Files.readAllLines(procs).stream().map(String::strip).filter(l -> !l.isEmpty()).map(Long::parseLong)
              .toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return List.of();
  }

  /** Removes what an ended exec session left under the exec root. */
  public void forgetExec(String execId) {
    try {
      io.berth.common.io.MoreFiles.deleteRecursively(paths.execDir(execId));
      Files.deleteIfExists(paths.sockets().resolve(execId));
    } catch (IOException e) {
      // under the exec root: a reboot clears it
    }
  }

  /**
   * conmon is a subreaper: once runc create has returned, the container's init is its child, so
   * the init's parent is the monitor. 0 when the process is already gone.
   */
  public static long parentOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // comm may hold spaces and parentheses: fields resume after the last ')'
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[1]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Whether {@code pid} is a conmon now (and not a process that recycled its pid). */
  public static boolean isMonitor(long pid) {
    try {
      return pid > 0 && Files.readString(Path.of("/proc/" + pid + "/comm")).strip().equals("conmon");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Calls {@code onExit} once the conmon {@code monitorPid} has ended (at once, on this thread,
   * when it already has): the exit file then tells whether its container ended first.
   */
  public void watchMonitor(long monitorPid, Runnable onExit) {
    if (monitorPid <= 0 || !monitors.watch(monitorPid, onExit)) {
      onExit.run();
    }
  }

  public void start(String id) {
    run("start", id);
  }

  /** Freezes every process of the container (its freezer cgroup). */
  public void pause(String id) {
    run("pause", id);
  }

  public void resume(String id) {
    run("resume", id);
  }

  /**
   * Changes a running container's cgroup limits ({@code runc update}): only what {@code changes}
   * sets (non-zero) changes, as dockerd passes an update on.
   */
  public void update(String id, io.berth.runtime.spec.Limits changes) {
    List<String> args = new ArrayList<>(List.of("update"));
    if (changes.memory() != 0) {
      args.add("--memory=" + changes.memory());
    }
    if (changes.memorySwap() != 0) {
      args.add("--memory-swap=" + changes.memorySwap());
    }
    if (changes.memoryReservation() != 0) {
      args.add("--memory-reservation=" + changes.memoryReservation());
    }
    if (changes.cpuShares() != 0) {
      args.add("--cpu-share=" + changes.cpuShares());
    }
    if (changes.cpuPeriod() != 0) {
      args.add("--cpu-period=" + changes.cpuPeriod());
    }
    if (changes.cpuQuota() != 0) {
      args.add("--cpu-quota=" + changes.cpuQuota());
    }
    if (changes.cpusetCpus() != null && !changes.cpusetCpus().isEmpty()) {
      args.add("--cpuset-cpus=" + changes.cpusetCpus());
    }
    if (changes.cpusetMems() != null && !changes.cpusetMems().isEmpty()) {
      args.add("--cpuset-mems=" + changes.cpusetMems());
    }
    if (changes.pidsLimit() != null) {
      // runc, as the kernel, takes -1 for no limit; dockerd's 0 means the same
      args.add("--pids-limit=" + (changes.pidsLimit() <= 0 ? -1 : changes.pidsLimit()));
    }
    if (args.size() > 1) {
      args.add(id);
      run(args.toArray(String[]::new));
    }
  }

  /** Whether the kernel's OOM killer acted in the container's cgroup while it ran (conmon's mark). */
  public boolean oomKilled(String id) {
    return Files.exists(paths.persist(id).resolve("oom"));
  }

  /** Sends a signal to the container's init; with {@code all}, to every process in it. */
  public void kill(String id, int signal, boolean all) {
    if (all) {
      run("kill", "--all", id, String.valueOf(signal));
    } else {
      run("kill", id, String.valueOf(signal));
    }
  }

  /** Forgets the container in runc and removes its bundle. Missing containers are fine. */
  public void delete(String id) {
    if (Files.exists(paths.bundle(id)) || Files.exists(paths.runcRoot().resolve(id))) {
      try {
        run("delete", "--force", id);
      } catch (OciError e) {
        if (!e.getMessage().contains("does not exist")) {
          throw e;
        }
      }
    }
    try {
      MoreFiles.deleteRecursively(paths.bundle(id));
      MoreFiles.deleteRecursively(paths.sockets().resolve(id));
      MoreFiles.deleteRecursively(paths.persist(id));
      Files.deleteIfExists(paths.exitFile(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record State(String status, long pid) {}

  /** runc's view: created, running, paused, stopped; empty when runc has no such container. */
  public Optional<State> state(String id) {
    try {
      String out = run("state", id);
      JsonNode n = Json.tree(out.getBytes(StandardCharsets.UTF_8));
      return Optional.of(new State(n.path("status").asText(), n.path("pid").asLong()));
    } catch (OciError e) {
      return Optional.empty();
    }
  }

  /** The code conmon wrote when the container's process ended, if it has. */
  public OptionalInt exitCode(String id) {
    Path f = paths.exitFile(id);
    try {
      String s = Files.readString(f).strip();
      return s.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(s));
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** When conmon wrote the exit file: the moment the container's process was seen to end. */
  public Optional<java.time.Instant> exitTime(String id) {
    try {
      return Optional.of(Files.getLastModifiedTime(paths.exitFile(id)).toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Resizes a TTY container's terminal: conmon reads "1 height width" from the bundle's ctl FIFO. */
  public void resize(String id, int height, int width) {
    try {
      io.berth.linux.Fd.writeFifo(paths.bundle(id).resolve("ctl"),
          ("1 " + height + " " + width + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (RuntimeException e) {
      throw new OciError("cannot resize the terminal of " + id + ": " + e.getMessage());
    }
  }

  /** Ids of the containers runc has state for. */
  public List<String> list() {
    try (var dirs = Files.list(paths.runcRoot())) {
      return dirs.map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  public Path attachSocket(String id) {
    return paths.attachSocket(id);
  }

  private String run(String... args) {
    List<String> cmd = new ArrayList<>(List.of(runc.toString(), "--root", paths.runcRoot().toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new OciError(Conmon.runcMessage(new String(err, StandardCharsets.UTF_8)));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("runc " + args[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    blocking.shutdownNow();
    monitors.close();
  }
}
