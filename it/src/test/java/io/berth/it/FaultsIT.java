package io.berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.json.Json;
import io.berth.http.client.ClientResponse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong in real life: a damaged record, a conmon that dies, a berthd killed between
 * {@code runc create} and {@code runc start}, many clients at once, files left behind. One berthd
 * for the class; the tests that crash it start it again, and {@link #daemonUpAndEmpty} makes sure
 * of it even when a test fails half-way.
 */
@Tag("privileged")
class FaultsIT extends SharedDaemon {
  private static final Duration SHORT = Duration.ofSeconds(15);
  private static final String MONITOR_DIED = "container monitor (conmon) died unexpectedly";
  private static final String MONITOR_DIED_WHILE_DOWN = "container monitor (conmon) died while berthd was stopped";
  private static final String NOT_STARTED = "berthd stopped before the container was started";

  @BeforeAll
  static void busybox() throws Exception {
    daemon.bootstrapBusybox();
  }

  @AfterEach
  void daemonUpAndEmpty() throws Exception {
    if (!daemon.running()) {
      daemon.start();
    }
    Resp list = api("GET", "/containers/json?all=1", null);
    for (JsonNode c : Json.tree(list.body().getBytes(StandardCharsets.UTF_8))) {
      api("DELETE", "/containers/" + c.get("Id").asText() + "?force=1", null);
    }
  }

  // ---- a damaged record -------------------------------------------------------------------

  @Test
  void unreadableRecords_daemonStarts_containersDeadUntilRemoved() throws Exception {
    String running = docker("run", "-d", "busybox", "sleep", "100").out().strip();
    long pid = inspect(running).path("State").path("Pid").asLong();
    String exited = createAndRunToEnd();
    String moved = createAndRunToEnd();
    daemon.kill();
    Path truncated = record(running);
    byte[] full = Files.readAllBytes(truncated);
    Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 2));
    Path empty = record(exited);
    Files.write(empty, new byte[0]);
    Path missing = record(moved);
    Files.move(missing, daemon.dataRoot().resolve("moved-away.json"));
    daemon.start();

    Cmd ps = docker("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.State}}");
    assertThat(ps.exit()).as(ps.err() + daemon.log()).isZero();
    assertThat(ps.out()).as(daemon.log())
        .contains(running + " dead", exited + " dead", moved + " dead");
    Map<String, Path> records = Map.of(running, truncated, exited, empty, moved, missing);
    for (var e : records.entrySet()) {
      JsonNode state = inspect(e.getKey()).path("State");
      assertThat(state.path("Status").asText()).isEqualTo("dead");
      assertThat(state.path("Dead").asBoolean()).isTrue();
      assertThat(state.path("Running").asBoolean()).isFalse();
      assertThat(state.path("Error").asText()).startsWith("cannot read " + e.getValue() + ": ");
      assertThat(daemon.log()).contains("WARNING").contains("cannot read " + e.getValue());
      // its files stay until it is removed
      assertThat(containerDir(e.getKey())).isDirectory();
      assertThat(containerDir(e.getKey()).resolve("container.log")).isRegularFile();
    }
    // a dead container cannot start; rm -f and plain rm take it with all its files
    Cmd start = docker("start", exited);
    assertThat(start.exit()).isNotZero();
    assertThat(start.err()).contains("container is marked for removal and cannot be started");
    Cmd rmForced = docker("rm", "-f", running);
    assertThat(rmForced.exit()).as(rmForced.err()).isZero();
    Cmd rm = docker("rm", exited, moved);
    assertThat(rm.exit()).as(rm.err()).isZero();
    for (String id : records.keySet()) {
      assertThat(api("GET", "/containers/" + id + "/json", null).status()).isEqualTo(404);
      awaitNoTraces(id);
    }
    Wait.until(SHORT, () -> gone(pid), "the process " + pid + " of the removed dead container to end");
    // and a daemon restarted now finds nothing of them
    daemon.kill();
    daemon.start();
    String all = docker("ps", "-a", "-q", "--no-trunc").out();
    assertThat(all).doesNotContain(running).doesNotContain(exited).doesNotContain(moved);
  }

  // ---- a conmon that dies -----------------------------------------------------------------

  @Test
  void conmonKilled_daemonUp_recordedAsExited137_andStopKillRmSucceed() throws Exception {
    for (String action : List.of("kill", "stop", "rm")) {
      String id = runSleeper();
      long pid = inspect(id).path("State").path("Pid").asLong();
      JsonNode record = Json.tree(Files.readAllBytes(record(id)));
      assertThat(record.path("version").asInt()).isEqualTo(1);
      long monitor = record.path("monitorPid").asLong();
      assertThat(monitor).as("monitorPid in %s", record).isPositive().isEqualTo(parentOf(pid));

      ProcessHandle.of(monitor).orElseThrow().destroyForcibly();
      // racing the daemon's own discovery: the verb must succeed (or, for kill, find the
      // container already stopped), never hang or fail
      Cmd r = switch (action) {
        case "kill" -> docker("kill", id);
        case "stop" -> docker("stop", "-t", "1", id);
        default -> docker("rm", "-f", id);
      };
      if (action.equals("kill") && r.exit() != 0) {
        assertThat(r.err()).contains("is not running");
      } else {
        assertThat(r.exit()).as(action + ": " + r.err()).isZero();
      }
      Wait.until(SHORT, () -> gone(pid), "the container's process " + pid + " to be killed");
      if (action.equals("rm")) {
        assertThat(api("GET", "/containers/" + id + "/json", null).status()).isEqualTo(404);
      } else {
        JsonNode state = Wait.value(SHORT, () -> inspect(id).path("State"),
            s -> s.path("Status").asText().equals("exited"), "container " + id + " recorded as exited");
        assertThat(state.path("ExitCode").asInt()).isEqualTo(137);
        assertThat(state.path("Error").asText()).isEqualTo(MONITOR_DIED);
        assertThat(docker("stop", "-t", "1", id).exit()).isZero();
        Cmd rm = docker("rm", "-f", id);
        assertThat(rm.exit()).as(rm.err()).isZero();
      }
      awaitNoTraces(id);
    }
  }

  @Test
  void conmonKilledWhileDaemonDown_recordedAsExited137OnStart() throws Exception {
    String id = runSleeper();
    long pid = inspect(id).path("State").path("Pid").asLong();
    long monitor = parentOf(pid);
    daemon.kill();
    ProcessHandle.of(monitor).orElseThrow().destroyForcibly();
    Wait.until(SHORT, () -> gone(monitor), "conmon " + monitor + " to die");
    daemon.start();

    JsonNode state = inspect(id).path("State");
    assertThat(state.path("Status").asText()).as(daemon.log()).isEqualTo("exited");
    assertThat(state.path("ExitCode").asInt()).isEqualTo(137);
    assertThat(state.path("Error").asText()).isEqualTo(MONITOR_DIED_WHILE_DOWN);
    Wait.until(SHORT, () -> gone(pid), "the unsupervised process " + pid + " to be killed");
    Cmd rm = docker("rm", id);
    assertThat(rm.exit()).as(rm.err()).isZero();
    awaitNoTraces(id);
  }

  // ---- berthd killed between runc create and runc start -----------------------------------

  @Test
  void createdStateLeftover_recordedAsNotStarted_andStartsAgain() throws Exception {
    String id = runSleeper();
    long monitor = parentOf(inspect(id).path("State").path("Pid").asLong());
    Path runcRoot = daemon.execRoot().resolve("runc");
    try {
      daemon.kill();
      ProcessHandle.of(monitor).orElseThrow().destroyForcibly();
      Wait.until(SHORT, () -> gone(monitor), "conmon " + monitor + " to die");
      assertThat(runc("delete", "--force", id).exit()).isZero();
      // what a crash between create and start leaves: runc init waiting, nothing started
      ProcessBuilder create = new ProcessBuilder("runc", "--root", runcRoot.toString(), "create",
          "--bundle", daemon.execRoot().resolve("b").resolve(id).toString(), id)
          .redirectInput(new File("/dev/null"))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      assertThat(create.start().waitFor()).isZero();
      assertThat(Json.tree(runc("state", id).out().getBytes(StandardCharsets.UTF_8)).path("status").asText())
          .isEqualTo("created");
      daemon.start();

      JsonNode state = inspect(id).path("State");
      assertThat(state.path("Status").asText()).as(daemon.log()).isEqualTo("created");
      assertThat(state.path("Running").asBoolean()).isFalse();
      assertThat(state.path("Error").asText()).isEqualTo(NOT_STARTED);
      Cmd runcState = Wait.value(SHORT, () -> runc("state", id), s -> s.exit() != 0,
          "runc to forget the created container");
      assertThat(runcState.err()).contains("does not exist");

      Cmd start = docker("start", id);
      assertThat(start.exit()).as(start.err()).isZero();
      JsonNode again = inspect(id).path("State");
      assertThat(again.path("Status").asText()).isEqualTo("running");
      assertThat(again.path("Error").asText()).isEmpty();
      long pid = again.path("Pid").asLong();
      assertThat(pid).isPositive();
      assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).startsWith("sleep");
      Cmd rm = docker("rm", "-f", id);
      assertThat(rm.exit()).as(rm.err()).isZero();
      Wait.until(SHORT, () -> gone(pid), "the restarted container's process to end");
      awaitNoTraces(id);
    } finally {
      if (runcRoot.resolve(id).toFile().exists()) {
        runc("delete", "--force", id);
      }
    }
  }

  // ---- many clients at once ---------------------------------------------------------------

  @Test
  void concurrentAnonymousCreates_allSucceedWithDistinctNames() throws Exception {
    int total = 200;
    var results = new ConcurrentLinkedQueue<Resp>();
    var inFlight = new Semaphore(100);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < total; i++) {
        pool.submit(() -> {
          inFlight.acquire();
          try (ClientResponse r = daemon.client().request("POST", "/containers/create",
              Map.of("Content-Type", "application/json"),
              "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}".getBytes(StandardCharsets.UTF_8))) {
            results.add(new Resp(r.status(), r.text()));
          } catch (IOException e) {
            results.add(new Resp(-1, e.toString()));
          } finally {
            inFlight.release();
          }
          return null;
        });
      }
    }
    assertThat(results).hasSize(total);
    assertThat(results).filteredOn(r -> r.status() != 201).as("failed creates").isEmpty();
    Set<String> ids = new HashSet<>();
    for (Resp r : results) {
      ids.add(Json.tree(r.body().getBytes(StandardCharsets.UTF_8)).path("Id").asText());
    }
    assertThat(ids).hasSize(total);
    Set<String> names = new HashSet<>();
    for (JsonNode c : Json.tree(api("GET", "/containers/json?all=1", null).body().getBytes(StandardCharsets.UTF_8))) {
      if (ids.contains(c.path("Id").asText())) {
        names.add(c.path("Names").path(0).asText());
      }
    }
    assertThat(names).hasSize(total).allMatch(n -> n.matches("/[a-z]+_[a-z]+\\d*"));
  }

  @Test
  void concurrentForcedRemovalsOfOneRunningContainer_areAll204Or404() throws Exception {
    for (int round = 0; round < 3; round++) {
      String id = runSleeper();
      long pid = inspect(id).path("State").path("Pid").asLong();
      int clients = 8;
      var go = new CountDownLatch(1);
      var results = new ConcurrentLinkedQueue<Resp>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < clients; i++) {
          pool.submit(() -> {
            go.await();
            try (ClientResponse r = daemon.client().request("DELETE", "/containers/" + id + "?force=1",
                Map.of(), (byte[]) null)) {
              results.add(new Resp(r.status(), r.text()));
            } catch (IOException e) {
              results.add(new Resp(-1, e.toString()));
            }
            return null;
          });
        }
        go.countDown();
      }
      assertThat(results).hasSize(clients);
      assertThat(results).as("answers to %d concurrent rm -f", clients)
          .allMatch(r -> r.status() == 204 || (r.status() == 404 && r.body().contains("No such container")))
          .anyMatch(r -> r.status() == 204);
      assertThat(api("GET", "/containers/" + id + "/json", null).status()).isEqualTo(404);
      Wait.until(SHORT, () -> gone(pid), "the removed container's process " + pid + " to end");
      awaitNoTraces(id);
    }
  }

  // ---- files go with the container --------------------------------------------------------

  @Test
  void abandonedWaits_releaseEverythingTheyHeld() throws Exception {
    String id = docker("run", "-d", "busybox", "sleep", "300").out().strip();
    byte[] request = ("POST /v1.50/containers/" + id + "/wait?condition=next-exit HTTP/1.1\r\n"
        + "Host: berth\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    List<java.nio.channels.SocketChannel> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        var ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(daemon.socket()));
        clients.add(ch);
        ch.write(java.nio.ByteBuffer.wrap(request));
        // the headers come at once: the wait is registered
        var buf = java.nio.ByteBuffer.allocate(1024);
        while (!new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
          assertThat(ch.read(buf)).isNotNegative();
        }
      }
      assertThat(waitingHandlers()).isGreaterThanOrEqualTo(1000);
    } finally {
      for (var ch : clients) {
        ch.close();
      }
    }
    Wait.until(Duration.ofSeconds(30), () -> waitingHandlers() == 0, "every abandoned wait to end");
    assertThat(inspect(id).path("State").path("Status").asText()).isEqualTo("running");
  }

  /** Request threads still in a container wait, from a dump that lists virtual threads too. */
  private static long waitingHandlers() throws Exception {
    Path dump = Files.createTempFile("berthd-threads", ".txt");
    Files.delete(dump);
    try {
      Cmd jcmd = Cmd.run(Map.of(), null, List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(daemon.pid()), "Thread.dump_to_file", dump.toString()));
      assertThat(jcmd.exit()).as(jcmd.out() + jcmd.err()).isZero();
      try (Stream<String> lines = Files.lines(dump)) {
        return lines.filter(l -> l.contains("ContainerRouter.containerWait")).count();
      }
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  @Test
  void hundredAutoRemovedRuns_leaveNothingBehind() throws Exception {
    Map<String, Set<String>> before = perContainerEntries();
    int runs = 100;
    int workers = 4;
    var failures = new ConcurrentLinkedQueue<String>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < workers; w++) {
        pool.submit(() -> {
          for (int i = 0; i < runs / workers; i++) {
            try {
              String failure = runAutoRemoved();
              if (failure != null) {
                failures.add(failure);
              }
            } catch (IOException | RuntimeException e) {
              failures.add(e.toString());
            }
          }
          return null;
        });
      }
    }
    assertThat(failures).isEmpty();
    // runc delete, the unmount and the layer removal follow the record in the background
    Wait.value(Duration.ofSeconds(30), FaultsIT::perContainerEntries, before::equals,
        "the per-container files to be back to " + before);
  }

  /** create (AutoRemove) + wait?condition=removed + start, as {@code docker run --rm}; null if fine. */
  private static String runAutoRemoved() throws IOException {
    Resp created = api("POST", "/containers/create",
        "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"AutoRemove\":true}}");
    if (created.status() != 201) {
      return "create: " + created;
    }
    String id = Json.tree(created.body().getBytes(StandardCharsets.UTF_8)).path("Id").asText();
    try (ClientResponse wait = daemon.client().request("POST", "/containers/" + id + "/wait?condition=removed",
        Map.of(), (byte[]) null)) {
      if (wait.status() != 200) {
        return "wait: " + wait.status() + " " + wait.text();
      }
      Resp start = api("POST", "/containers/" + id + "/start", null);
      if (start.status() != 204) {
        return "start: " + start;
      }
      String body = wait.text();
      if (Json.tree(body.getBytes(StandardCharsets.UTF_8)).path("StatusCode").asInt(-1) != 0) {
        return "wait answered " + body;
      }
    }
    return null;
  }

  // ---- helpers ----------------------------------------------------------------------------

  record Resp(int status, String body) {}

  static Resp api(String method, String path, String json) throws IOException {
    try (ClientResponse r = daemon.client().request(method, path,
        json == null ? Map.of() : Map.of("Content-Type", "application/json"),
        json == null ? null : json.getBytes(StandardCharsets.UTF_8))) {
      return new Resp(r.status(), r.text());
    }
  }

  static Cmd docker(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(Prerequisites.DOCKER));
    argv.addAll(List.of(args));
    return Cmd.run(daemon.dockerEnv(), null, argv);
  }

  static Cmd runc(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("runc", "--root", daemon.execRoot().resolve("runc").toString()));
    argv.addAll(List.of(args));
    return Cmd.run(Map.of(), null, argv);
  }

  static JsonNode inspect(String id) throws IOException {
    Resp r = api("GET", "/containers/" + id + "/json", null);
    if (r.status() != 200) {
      throw new IllegalStateException("inspect " + id + ": " + r);
    }
    return Json.tree(r.body().getBytes(StandardCharsets.UTF_8));
  }

  static String runSleeper() throws Exception {
    Cmd run = docker("run", "-d", "busybox", "sleep", "100");
    assertThat(run.exit()).as(run.err()).isZero();
    return run.out().strip();
  }

  /** A container that ran {@code true} to its end: it has a log and an exit. */
  static String createAndRunToEnd() throws Exception {
    String id = docker("create", "busybox", "true").out().strip();
    Cmd start = docker("start", "-a", id);
    assertThat(start.exit()).as(start.err()).isZero();
    return id;
  }

  static Path containerDir(String id) {
    return daemon.dataRoot().resolve("containers").resolve(id);
  }

  static Path record(String id) {
    return containerDir(id).resolve("container.json");
  }

  static long parentOf(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // after "pid (comm) ": state ppid ...
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
  }

  /** No such process, or only a zombie left. */
  static boolean gone(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException e) {
      return true;
    }
  }

  /** The directories under which every container has an entry of its own, named by its id. */
  static List<Path> perContainerRoots() {
    Path run = daemon.execRoot();
    Path data = daemon.dataRoot();
    return List.of(run.resolve("b"), run.resolve("s"), run.resolve("exits"), run.resolve("runc"),
        data.resolve("containers"), data.resolve("image").resolve("containers"));
  }

  static Map<String, Set<String>> perContainerEntries() throws IOException {
    Map<String, Set<String>> entries = new TreeMap<>();
    for (Path root : perContainerRoots()) {
      Set<String> names = new java.util.TreeSet<>();
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.list(root)) {
          s.forEach(p -> names.add(p.getFileName().toString()));
        }
      }
      entries.put(root.toString(), names);
    }
    Set<String> mounts = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String target = line.split(" ")[4];
      if (target.startsWith(daemon.dataRoot() + "/") || target.startsWith(daemon.execRoot() + "/")) {
        mounts.add(target);
      }
    }
    entries.put("mounts", mounts);
    return entries;
  }

  /** What is left of container {@code id}: files, directories, mounts. */
  static List<String> traces(String id) throws IOException {
    List<String> left = new ArrayList<>();
    for (Path root : perContainerRoots()) {
      if (Files.exists(root.resolve(id))) {
        left.add(root.resolve(id).toString());
      }
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      if (line.split(" ")[4].contains(id)) {
        left.add("mount " + line.split(" ")[4]);
      }
    }
    return left;
  }

  static void awaitNoTraces(String id) {
    Wait.value(SHORT, () -> traces(id), List::isEmpty, "nothing left of container " + id);
  }
}
