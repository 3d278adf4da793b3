package io.berth.it;

import io.berth.http.client.ClientResponse;
import io.berth.http.client.HttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real berthd process on its own data root, exec root and socket, so that tests never touch
 * an installed daemon. {@link #close} removes every container, stops the daemon, kills any conmon
 * left under its exec root, unmounts what is left under its roots and deletes them.
 */
public final class BerthDaemon implements AutoCloseable {
  private static final java.util.concurrent.atomic.AtomicInteger NEXT =
      new java.util.concurrent.atomic.AtomicInteger((int) (ProcessHandle.current().pid() % 200));

  static {
    NetavarkChains.removeAtExitIfMadeHere();
  }

  private final Path base;
  private final Path dataRoot;
  private final Path execRoot;
  private final Path socket;
  private final List<String> extraArgs;
  private Process process;

  public BerthDaemon() throws IOException {
    this(List.of());
  }

  /** A daemon started with these flags added, such as {@code --registry-mirror}. */
  public BerthDaemon(List<String> extraArgs) throws IOException {
    List<String> args = new ArrayList<>(extraArgs);
    if (!extraArgs.contains("--bridge")) {
      // its own bridge and subnet: tests never meet an installed berthd's berth0, nor each other
      int n = NEXT.getAndIncrement();
      args.addAll(List.of("--bridge", "bt" + ProcessHandle.current().pid() % 100000 + "x" + n % 100,
          "--bip", "10.213." + (n % 200) + ".1/24"));
    }
    this.extraArgs = List.copyOf(args);
    this.base = Files.createTempDirectory(Path.of("/tmp"), "bit");
    this.dataRoot = base.resolve("data");
    this.execRoot = base.resolve("run");
    this.socket = execRoot.resolve("berth.sock");
    try {
      start();
    } catch (IOException | RuntimeException e) {
      // a daemon that never came up leaves no roots behind either
      try {
        close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  public void start() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "io.berth.app.Main",
        "-H", host(), "--data-root", dataRoot.toString(), "--exec-root", execRoot.toString(),
        "--log-level", "debug"));
    cmd.addAll(extraArgs);
    process = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("berthd.log").toFile()))
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("berthd exited: " + log());
      }
      if (Files.exists(socket)) {
        try (ClientResponse r = client().request("GET", "/_ping", Map.of(), (byte[]) null)) {
          if (r.status() == 200) {
            return;
          }
        } catch (IOException e) {
          // not yet
        }
      }
      sleep(50);
    }
    throw new IllegalStateException("berthd did not start: " + log());
  }

  /** The interface of its default bridge. */
  public String bridge() {
    return extraArgs.get(extraArgs.indexOf("--bridge") + 1);
  }

  /** Its default bridge's gateway address, as given to {@code --bip}. */
  public String gateway() {
    String bip = extraArgs.get(extraArgs.indexOf("--bip") + 1);
    return bip.substring(0, bip.indexOf('/'));
  }

  public String host() {
    return "unix://" + socket;
  }

  /** The environment that points the docker CLI at this daemon. */
  public Map<String, String> dockerEnv() {
    return Map.of("DOCKER_HOST", host(), "DOCKER_CONFIG", "/tmp/berth-it-docker-config");
  }

  public Path socket() {
    return socket;
  }

  public Path dataRoot() {
    return dataRoot;
  }

  public Path execRoot() {
    return execRoot;
  }

  public HttpClient client() {
    return HttpClient.unix(socket);
  }

  public String log() {
    try {
      return Files.readString(base.resolve("berthd.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Whether the berthd process is alive (false after {@link #kill} until {@link #start}). */
  public boolean running() {
    return process != null && process.isAlive();
  }

  /** Kills the daemon with SIGKILL, as a crash would: containers keep running under conmon. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Makes busybox:latest through the daemon's own bootstrap. */
  public void bootstrapBusybox() throws IOException {
    try (ClientResponse r = client().request("POST", "/images/bootstrap?name=busybox", Map.of(), (byte[]) null)) {
      String body = r.text();
      if (r.status() != 200 || body.contains("\"error\"")) {
        throw new IllegalStateException("bootstrap failed: " + r.status() + " " + body);
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (process != null && process.isAlive()) {
        removeAllContainers();
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } finally {
      keepLog();
      killConmons();
      tearDownEndpoints();
      unmountUnder(base);
      new ProcessBuilder("rm", "-rf", base.toString()).inheritIO().start().waitFor();
    }
  }

  /** Keeps berthd's log in target/berthd-logs (the roots go): what to read when a test failed. */
  private void keepLog() {
    try {
      Path dir = Path.of("target", "berthd-logs");
      Files.createDirectories(dir);
      Files.copy(base.resolve("berthd.log"), dir.resolve(base.getFileName() + ".log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // no log to keep
    }
  }

  private void removeAllContainers() {
    try (ClientResponse r = client().request("GET", "/containers/json?all=1", Map.of(), (byte[]) null)) {
      var list = io.berth.common.json.Json.tree(r.readAll());
      for (var c : list) {
        try (ClientResponse d = client().request("DELETE", "/containers/" + c.get("Id").asText() + "?force=1",
            Map.of(), (byte[]) null)) {
          d.readAll();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the final sweep below still cleans up
    }
  }

  /**
   * What a killed daemon left on its bridge: each endpoint is taken down by netavark from the
   * description berthd recorded, which removes its veth and firewall rules, and with the last one
   * the bridge.
   */
  private void tearDownEndpoints() throws IOException, InterruptedException {
    List<String> networkIds = new ArrayList<>();
    Path predefined = dataRoot.resolve("network").resolve("predefined.json");
    if (Files.isRegularFile(predefined)) {
      networkIds.add(io.berth.common.json.Json.tree(Files.readAllBytes(predefined)).path("bridge").path("id").asText());
    }
    Path userNetworks = dataRoot.resolve("network").resolve("networks");
    if (Files.isDirectory(userNetworks)) {
      try (var files = Files.list(userNetworks)) {
        files.forEach(f -> networkIds.add(f.getFileName().toString().replace(".json", "")));
      }
    }
    Path dir = execRoot.resolve("network").resolve("endpoints");
    try (var files = Files.isDirectory(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
      for (Path f : files.toList()) {
        var e = io.berth.common.json.Json.tree(Files.readAllBytes(f));
        Process p = new ProcessBuilder("/usr/lib/podman/netavark", "--config",
            execRoot.resolve("network").resolve("netavark").toString(), "--rootless=false",
            "--aardvark-binary", "/usr/lib/podman/aardvark-dns", "teardown", e.path("netns").asText())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
          in.write(io.berth.common.json.Json.bytes(e.path("netavark")));
        }
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
    // what a network's last teardown leaves: Berth's FORWARD chain, and netavark's empty chains
    for (String id : networkIds) {
      if (id.length() < 12) {
        continue;
      }
      String chain = "BERTH-FWD-" + id.substring(0, 12);
      NetavarkChains.run("iptables", "-w", "-D", "FORWARD", "-j", chain);
      NetavarkChains.run("iptables", "-w", "-F", chain);
      NetavarkChains.run("iptables", "-w", "-X", chain);
      String hash = NetavarkChains.hash("berth-" + id.substring(0, 12));
      NetavarkChains.run("iptables", "-w", "-t", "nat", "-X", "NETAVARK-DN-" + hash);
      NetavarkChains.run("iptables", "-w", "-t", "nat", "-X", "NETAVARK-" + hash);
    }
  }

  private void killConmons() throws IOException, InterruptedException {
    String marker = execRoot.toString();
    for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
      String cmd = p.info().commandLine().orElse("");
      if ((cmd.contains("conmon") || cmd.contains("runc")) && cmd.contains(marker)) {
        p.destroyForcibly();
      }
    }
    sleep(200);
    Path runcRoot = execRoot.resolve("runc");
    if (Files.isDirectory(runcRoot)) {
      try (var ids = Files.list(runcRoot)) {
        for (Path id : ids.toList()) {
          new ProcessBuilder("runc", "--root", runcRoot.toString(), "delete", "--force",
              id.getFileName().toString()).redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
      }
    }
  }

  /**
   * What a host's reboot leaves of a killed daemon: no container process, no conmon, no mount, an
   * empty exec root (a tmpfs). Only for containers without a network: netavark's state would be
   * lost with the exec root, and its rules with it.
   */
  public void reboot() throws IOException, InterruptedException {
    killConmons();
    unmountUnder(execRoot);
    unmountUnder(dataRoot);
    try (var walk = Files.walk(execRoot)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(execRoot)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static void unmountUnder(Path root) throws IOException, InterruptedException {
    List<String> targets = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
      String[] f = line.split(" ");
      if (f.length > 4 && f[4].startsWith(root.toString() + "/")) {
        targets.add(f[4]);
      }
    }
    targets.sort((a, b) -> b.length() - a.length());
    for (String t : targets) {
      new ProcessBuilder("umount", "-l", t).inheritIO().start().waitFor();
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
