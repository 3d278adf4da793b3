package io.berth.daemon.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.model.container.ExecCreateRequest;
import io.berth.api.model.container.ExecInspect;
import io.berth.api.model.container.ExecStartRequest;
import io.berth.api.server.backend.ExecBackend;
import io.berth.api.server.backend.OutputSink;
import io.berth.api.server.backend.StdStreams;
import io.berth.common.Id;
import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.json.Json;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.lifecycle.UserResolver;
import io.berth.common.io.DetachKeys;
import io.berth.linux.SeqPacketSocket;
import io.berth.runtime.OciError;
import io.berth.runtime.RuncRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * {@code docker exec}: each session a stored object (its config, then its pid and exit code),
 * run by {@code runc exec} under a conmon of its own whose attach socket is connected before the
 * process starts, so no output is lost. The process takes the container's own process settings
 * (its spec in the bundle) with the session's command, environment, user, directory and terminal.
 */
public final class ExecService implements ExecBackend {
  private static final System.Logger LOG = System.getLogger("berth.exec");
  private static final int STDERR = 3;

  private final ContainerStore store;
  private final RuncRuntime runtime;
  private final List<String> hostCaps;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final io.berth.daemon.events.EventBus events;

  /** One session: what was asked, then what happened. */
  static final class Session {
    final String id;
    final String containerId;
    final ExecCreateRequest config;
    final List<String> env;
    final String user;
    final String workingDir;
    volatile boolean running;
    volatile Integer exitCode;
    volatile int pid;

    Session(String id, String containerId, ExecCreateRequest config, List<String> env, String user, String workingDir) {
      this.id = id;
      this.containerId = containerId;
      this.config = config;
      this.env = env;
      this.user = user;
      this.workingDir = workingDir;
    }
  }

  /** @param hostCaps every capability the host allows: what {@code --privileged} gets */
  public ExecService(ContainerStore store, RuncRuntime runtime, io.berth.daemon.events.EventBus events,
      List<String> hostCaps) {
    this.events = events;
    this.store = store;
    this.runtime = runtime;
    this.hostCaps = List.copyOf(hostCaps);
  }

  @Override
  public String execCreate(String containerRef, ExecCreateRequest r) {
    Container c = active(store.find(containerRef));
    if (DetachKeys.parse(r.detachKeys()).isEmpty()) {
      throw new io.berth.common.error.SystemException("Invalid escape keys (" + r.detachKeys() + ") provided");
    }
    String user = r.user() == null || r.user().isEmpty() ? nz(c.config().user()) : r.user();
    if (r.user() != null && !r.user().isEmpty()) {
      UserResolver.resolve(root(c), r.user()); // an unknown user fails now, as in dockerd
    }
    String wd = r.workingDir() == null || r.workingDir().isEmpty() ? nz(c.config().workingDir()) : r.workingDir();
    Session s = new Session(Id.random(), c.id(), r, r.env() == null ? List.of() : r.env(), user, wd);
    // sessions of removed containers go, as dockerd's collector drops them
    sessions.values().removeIf(old -> !old.running && store.get(old.containerId) == null);
    sessions.put(s.id, s);
    events.container(c, "exec_create: " + String.join(" ", r.cmd()), Map.of("execID", s.id));
    return s.id;
  }

  /** What a health probe saw: its exit code (-1 after a timeout) and its first 4 KiB of output. */
  public record Probe(int exitCode, String output) {}

  /**
   * Runs {@code cmd} in the container as an exec session of its own (dockerd's health checks are
   * exec sessions too, with their events), its output kept, its time bounded: past the timeout
   * the process is killed and the probe fails with dockerd's words.
   */
  public Probe probe(String containerId, List<String> cmd, java.time.Duration timeout) {
    String id = execCreate(containerId, new ExecCreateRequest("", false, false, null, false, true, true, false, "",
        List.of(), "", cmd));
    var out = new java.io.ByteArrayOutputStream();
    OutputSink sink = (stream, data, off, len) -> {
      synchronized (out) {
        int room = 4096 - out.size();
        if (room > 0) {
          out.write(data, off, Math.min(room, len));
        }
      }
    };
    Starter starter = execStart(id, new ExecStartRequest(false, false, null));
    Thread t = Thread.ofVirtual().name("probe-" + id).start(() -> {
      try {
        starter.run(new StdStreams(null, sink));
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "health probe " + id + ": " + e.getMessage());
      }
    });
    try {
      if (!t.join(timeout)) {
        Session s = sessions.get(id);
        if (s != null && s.pid > 0) {
          ProcessHandle.of(s.pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        t.join(java.time.Duration.ofSeconds(10));
        return new Probe(-1, "Health check exceeded timeout (" + io.berth.common.HumanDuration.go(timeout) + ")");
      }
      Session s = sessions.get(id);
      Integer code = s == null ? null : s.exitCode;
      synchronized (out) {
        return new Probe(code == null ? -1 : code, out.toString(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(-1, "health check interrupted");
    } finally {
      sessions.remove(id);
    }
  }

  private static Container active(Container c) {
    if (c.state().restarting()) {
      throw new ConflictException("Container " + c.id() + " is restarting, wait until the container is running");
    }
    if (!(c.state() instanceof ContainerState.Running)) {
      throw new ConflictException("container " + c.id() + " is not running");
    }
    if (c.state().paused()) {
      throw new ConflictException("Container " + c.id() + " is paused, unpause the container before exec");
    }
    return c;
  }

  private static Path root(Container c) {
    return Path.of("/proc", Long.toString(((ContainerState.Running) c.state()).pid()), "root");
  }

  private Session session(String id) {
    Session s = sessions.get(id);
    if (s == null) {
      throw new NotFoundException("No such exec instance: " + id);
    }
    return s;
  }

  @Override
  public Starter execStart(String execId, ExecStartRequest request) {
    Session s = session(execId);
    Container c = store.get(s.containerId);
    if (c == null) {
      throw new NotFoundException("No such container: " + execId);
    }
    active(c);
    synchronized (s) {
      if (s.exitCode != null) {
        throw new ConflictException("exec command " + s.id + " has already run");
      }
      if (s.running) {
        throw new ConflictException("exec command " + s.id + " is already running");
      }
      s.running = true;
    }
    return new Starter() {
      @Override
      public boolean tty() {
        return s.config.tty();
      }

      @Override
      public void run(StdStreams streams) throws IOException {
        ExecService.this.run(s, c, request, streams);
      }
    };
  }

  private void run(Session s, Container c, ExecStartRequest request, StdStreams streams) throws IOException {
    boolean attach = streams != null;
    boolean stdin = attach && s.config.attachStdin() && streams.stdin() != null;
    RuncRuntime.ExecProcess p;
    try {
      Object process = process(s, c, request);
      p = runtime.exec(c.id(), s.id, c.name(), process,
          io.berth.runtime.Stdin.of(stdin, true, s.config.tty()), s.config.tty(), attach);
    } catch (OciError e) {
      String msg = "OCI runtime exec failed: " + e.getMessage() + ": unknown";
      String lower = msg.toLowerCase(java.util.Locale.ROOT);
      s.exitCode = lower.contains("permission denied") || lower.contains("is a directory") ? 126
          : lower.contains("executable file not found") || lower.contains("no such file or directory") ? 127 : 126;
      s.running = false;
      runtime.forgetExec(s.id);
      throw new io.berth.common.error.SystemException(msg);
    } catch (RuntimeException e) {
      s.exitCode = 126;
      s.running = false;
      runtime.forgetExec(s.id);
      throw e;
    }
    s.pid = p.pid();
    events.container(c, "exec_start: " + String.join(" ", s.config.cmd()), Map.of("execID", s.id));
    if (!attach) {
      Thread.ofVirtual().name("exec-" + s.id).start(() -> finish(s, p));
      return;
    }
    if (stdin && s.config.tty()) {
      runDetachable(s, p, streams);
      return;
    }
    Thread pump = null;
    if (stdin) {
      // sending to the SEQPACKET socket blocks natively: a platform thread
      pump = Thread.ofPlatform().daemon().name("exec-stdin-" + s.id).start(
          () -> pumpStdin(streams.stdin(), p.attach()));
    }
    try {
      copyOutput(p.attach(), streams.output(), s.config, () -> false);
    } finally {
      if (pump != null) {
        pump.interrupt();
      }
      finish(s, p);
    }
  }

  /**
   * A terminal with stdin: the client's input ending (or its detach keys) ends the session and
   * the process runs on, as under dockerd. Output is read on a thread of its own, which drains
   * what comes after a detach until the process ends and then records its exit.
   */
  private void runDetachable(Session s, RuncRuntime.ExecProcess p, StdStreams streams) throws IOException {
    byte[] keys = DetachKeys.parse(s.config.detachKeys()).orElseThrow();
    var in = new DetachKeys.Watched(streams.stdin(), keys);
    java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean detached = new java.util.concurrent.atomic.AtomicBoolean();
    Thread.ofPlatform().daemon().name("exec-stdin-" + s.id).start(() -> {
      pumpStdin(in, p.attach());
      detached.set(true);
      ended.complete(null);
      if (in.escaped()) {
        Container c = store.get(s.containerId);
        if (c != null) {
          events.container(c, "exec_detach", Map.of("execID", s.id));
        }
      }
    });
    Thread.ofPlatform().daemon().name("exec-out-" + s.id).start(() -> {
      try {
        copyOutput(p.attach(), streams.output(), s.config, detached::get);
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "exec output: " + e.getMessage());
        drain(p.attach());
      } finally {
        // the exit is recorded before the session ends: the client asks for it right after
        try {
          finish(s, p);
        } finally {
          ended.complete(null);
        }
      }
    });
    try {
      ended.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the client left: the process runs on, as after a detach
      detached.set(true);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Until conmon closes the socket: each packet's first byte says which stream the rest is. */
  private static void copyOutput(SeqPacketSocket sock, OutputSink out, ExecCreateRequest config,
      java.util.function.BooleanSupplier discard) throws IOException {
    while (true) {
      byte[] packet = sock.receive();
      if (packet.length == 0) {
        break;
      }
      if (packet.length == 1 || discard.getAsBoolean()) {
        continue;
      }
      boolean err = packet[0] == STDERR;
      if (err ? config.attachStderr() : config.attachStdout()) {
        out.write(err ? OutputSink.Stream.STDERR : OutputSink.Stream.STDOUT, packet, 1, packet.length - 1);
        out.flush();
      }
    }
  }

  private static void drain(SeqPacketSocket sock) {
    try {
      while (sock.receive().length > 0) {
        // what a gone client no longer reads
      }
    } catch (RuntimeException e) {
      // closed
    }
  }

  private static void pumpStdin(InputStream in, SeqPacketSocket sock) {
    try {
      byte[] buf = new byte[32 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        sock.send(buf, 0, n);
      }
      sock.shutdownOutput();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "exec stdin: " + e.getMessage());
    }
  }

  private void finish(Session s, RuncRuntime.ExecProcess p) {
    int code;
    try {
      code = p.exit().get();
    } catch (ExecutionException e) {
      code = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = -1;
    } finally {
      if (p.attach() != null) {
        p.attach().close();
      }
    }
    s.exitCode = code;
    s.running = false;
    runtime.forgetExec(s.id);
    Container c = store.get(s.containerId);
    if (c != null) {
      events.container(c, "exec_die", Map.of("execID", s.id, "exitCode", Integer.toString(code)));
    }
  }

  /** The container's own process, with the session's command, environment, user, directory and terminal. */
  private Object process(Session s, Container c, ExecStartRequest request) throws IOException {
    JsonNode spec = Json.tree(Files.readAllBytes(runtime.paths().bundle(c.id()).resolve("config.json")));
    ObjectNode p = ((ObjectNode) spec.path("process")).deepCopy();
    ArrayNode args = p.putArray("args");
    s.config.cmd().forEach(args::add);
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : spec.path("process").path("env")) {
      put(env, e.asText());
    }
    if (s.config.tty()) {
      env.putIfAbsent("TERM", "TERM=xterm");
    }
    s.env.forEach(e -> put(env, e));
    ArrayNode envNode = p.putArray("env");
    env.values().forEach(envNode::add);
    p.put("cwd", s.workingDir.isEmpty() ? "/" : s.workingDir);
    p.put("terminal", s.config.tty());
    List<Integer> size = request.consoleSize() != null ? request.consoleSize() : s.config.consoleSize();
    p.remove("consoleSize");
    if (s.config.tty() && size != null && size.size() == 2) {
      p.putObject("consoleSize").put("height", size.get(0)).put("width", size.get(1));
    }
    if (!s.user.isEmpty()) {
      var u = UserResolver.resolve(root(c), s.user);
      p.set("user", Json.mapper().valueToTree(u));
    }
    if (s.config.privileged()) {
      ObjectNode caps = p.putObject("capabilities");
      for (String set : List.of("bounding", "effective", "permitted")) {
        ArrayNode a = caps.putArray(set);
        hostCaps.forEach(a::add);
      }
      caps.putArray("inheritable");
    }
    return p;
  }

  private static void put(Map<String, String> env, String e) {
    int eq = e.indexOf('=');
    env.put(eq < 0 ? e : e.substring(0, eq), e);
  }

  @Override
  public void execResize(String execId, int height, int width) {
    Session s = session(execId);
    if (s.running && s.config.tty()) {
      runtime.resizeExec(s.id, height, width);
    }
  }

  @Override
  public ExecInspect execInspect(String execId) {
    Session s = session(execId);
    if (store.get(s.containerId) == null) {
      throw new NotFoundException("No such exec instance: " + execId);
    }
    List<String> cmd = s.config.cmd();
    return new ExecInspect(s.id, s.running, s.exitCode, new ExecInspect.ProcessConfig(s.config.tty(), cmd.getFirst(),
        new ArrayList<>(cmd.subList(1, cmd.size())), s.config.privileged(), s.user), s.config.attachStdin(),
        s.config.attachStderr(), s.config.attachStdout(), false, s.containerId,
        // dockerd keeps the keys as bytes, which its JSON writes in base64
        java.util.Base64.getEncoder().encodeToString(nz(s.config.detachKeys()).isEmpty() ? new byte[0]
            : DetachKeys.parse(s.config.detachKeys()).orElseThrow()), s.pid);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
