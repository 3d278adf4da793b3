package io.berth.it;

import static io.berth.it.DockerCliIT.dockerWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The default bridge with real traffic, driven by the docker CLI: addresses, container to
 * container, container to host, what inspect shows, and nothing left behind by a removal, a
 * failed start, a berthd crash or a daemon's end.
 */
@Tag("privileged")
class NetworkIT extends SharedDaemon {
  @BeforeAll
  static void busybox() throws Exception {
    daemon.bootstrapBusybox();
  }

  private static Cmd docker(String... args) throws Exception {
    return dockerWith(daemon, null, args);
  }

  @Test
  void defaultBridge_containersReachEachOtherAndTheHost() throws Exception {
    Cmd run = docker("run", "-d", "--name", "web", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc");
    assertThat(run.exit()).as(run.err()).isZero();
    String id = run.out().strip();
    try {
      String gw = daemon.gateway();
      String subnet = gw.substring(0, gw.lastIndexOf('.') + 1);
      String[] f = docker("inspect", "-f", "{{.HostConfig.NetworkMode}} {{.NetworkSettings.IPAddress}} "
          + "{{.NetworkSettings.Gateway}} {{.NetworkSettings.IPPrefixLen}} {{.NetworkSettings.MacAddress}} "
          + "{{.NetworkSettings.Networks.bridge.IPAddress}} {{.NetworkSettings.SandboxKey}}", "web").out().strip().split(" ");
      assertThat(f[0]).isEqualTo("bridge");
      String ip = f[1];
      assertThat(ip).startsWith(subnet).isNotEqualTo(gw);
      assertThat(f[2]).isEqualTo(gw);
      assertThat(f[3]).isEqualTo("24");
      assertThat(f[4]).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
      assertThat(f[5]).isEqualTo(ip);
      assertThat(f[6]).isNotEmpty();

      // another container fetches web's /etc/hostname over the bridge
      Cmd get = docker("run", "--rm", "busybox", "wget", "-qO-", "http://" + ip + "/hostname");
      assertThat(get.exit()).as(get.err()).isZero();
      assertThat(get.out().strip()).isEqualTo(id.substring(0, 12));
      // a container's own name and address, and the host's side of the bridge
      Cmd own = docker("run", "--rm", "--hostname", "probe", "busybox", "sh", "-c",
          "tail -1 /etc/hosts; ping -c 1 -W 5 " + gw + " >/dev/null && echo reached");
      assertThat(own.out()).as(own.err()).matches("\\Q" + subnet + "\\E[0-9]+\tprobe\nreached\n");

      Cmd net = docker("network", "inspect", "-f", "{{range $k, $v := .Containers}}{{$k}} {{$v.Name}} {{$v.IPv4Address}}{{end}}", "bridge");
      assertThat(net.out().strip()).isEqualTo(id + " web " + ip + "/24");
      assertThat(docker("ps", "--filter", "id=" + id, "--format", "{{.Networks}}").out().strip()).isEqualTo("bridge");
    } finally {
      docker("rm", "-f", "web");
    }
    assertNothingLeftBut(daemon, "bridge-anchor");
    assertThat(docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", id).exit()).isEqualTo(1);
  }

  @Test
  void stoppedContainer_keepsOnlyItsNetworkId_andGetsAnAddressAgainAtStart() throws Exception {
    String id = docker("run", "-d", "busybox", "sleep", "300").out().strip();
    try {
      docker("stop", "-t", "0", id);
      String stopped = docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}|{{.NetworkSettings.Networks.bridge.NetworkID}}|"
          + "{{.NetworkSettings.Networks.bridge.IPAddress}}|{{.NetworkSettings.SandboxKey}}", id).out().strip();
      String bridgeId = docker("network", "inspect", "-f", "{{.Id}}", "bridge").out().strip();
      assertThat(stopped).isEqualTo("|" + bridgeId + "||");
      assertNothingLeftBut(daemon, "bridge-anchor");
      assertThat(docker("start", id).exit()).isZero();
      assertThat(docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", id).out().strip()).isNotEmpty();
    } finally {
      docker("rm", "-f", id);
    }
  }

  @Test
  void failedStart_leavesNoNetworkBehind() throws Exception {
    Cmd run = docker("run", "--name", "broken", "busybox", "/no/such/command");
    try {
      assertThat(run.exit()).isEqualTo(127);
      assertNothingLeftBut(daemon, "bridge-anchor");
    } finally {
      docker("rm", "-f", "broken");
    }
  }

  @Test
  void networkNone_hasOnlyLoopback() throws Exception {
    Cmd run = docker("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net");
    assertThat(run.out().strip()).isEqualTo("lo");
  }

  /**
   * A container keeps its connectivity across a berthd SIGKILL; the restarted daemon takes down
   * what a container that ended meanwhile had, and a daemon's end takes the bridge away.
   */
  @Test
  void berthdCrash_runningContainersKeepTheirNetwork_andNothingIsLeftAtTheEnd() throws Exception {
    String bridge;
    try (BerthDaemon d = new BerthDaemon()) {
      bridge = d.bridge();
      d.bootstrapBusybox();
      String web = dockerWith(d, null, "run", "-d", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc").out().strip();
      String ip = dockerWith(d, null, "inspect", "-f", "{{.NetworkSettings.IPAddress}}", web).out().strip();
      String shortLived = dockerWith(d, null, "run", "-d", "busybox", "sleep", "2").out().strip();
      String pid = pidOf(d, shortLived);
      d.kill();
      Wait.until(Duration.ofSeconds(20), () -> !Files.exists(Path.of("/proc", pid)),
          "the short-lived container to end while berthd is down");
      d.start();
      Cmd get = dockerWith(d, null, "run", "--rm", "busybox", "wget", "-qO-", "http://" + ip + "/hostname");
      assertThat(get.out().strip()).as(get.err()).isEqualTo(web.substring(0, 12));
      assertThat(holders(d)).contains(web).doesNotContain(shortLived);
      dockerWith(d, null, "rm", "-f", web);
      assertNothingLeftBut(d, "bridge-anchor");
    }
    assertThat(NetavarkChains.run("ip", "link", "show", bridge)).contains("does not exist");
  }

  private static String pidOf(BerthDaemon d, String id) throws Exception {
    return Files.readString(d.execRoot().resolve("runc").resolve(id).resolve("state.json"))
        .replaceAll("(?s).*\"init_process_pid\":([0-9]+).*", "$1");
  }

  /** Who holds a namespace, an endpoint record or an address lease on the daemon's bridge. */
  private static List<String> holders(BerthDaemon d) throws Exception {
    Path run = d.execRoot();
    List<String> out = new java.util.ArrayList<>();
    for (Path dir : List.of(run.resolve("netns"), run.resolve("network").resolve("endpoints"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          s.map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).forEach(out::add);
        }
      }
    }
    try (Stream<Path> s = Files.list(run.resolve("network").resolve("ipam"))) {
      for (Path p : s.toList()) {
        io.berth.common.json.Json.tree(Files.readAllBytes(p)).elements().forEachRemaining(n -> out.add(n.asText()));
      }
    }
    return out;
  }

  /** Only {@code kept} holds anything on the bridge, which has one veth per holder. */
  private static void assertNothingLeftBut(BerthDaemon d, String kept) throws Exception {
    Wait.until(Duration.ofSeconds(20), () -> holders(d).stream().allMatch(kept::equals),
        "the bridge's namespaces, endpoints and leases to be released: " + holders(d));
    Wait.until(Duration.ofSeconds(20), () -> NetavarkChains.run("ip", "-o", "link", "show", "master", d.bridge())
        .lines().count() == 1, "one veth on the bridge");
  }
}
