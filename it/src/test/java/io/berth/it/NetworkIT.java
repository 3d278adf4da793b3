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
    assertNothingLeftBut(daemon, "anchor-");
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
      assertNothingLeftBut(daemon, "anchor-");
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
      assertNothingLeftBut(daemon, "anchor-");
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
      assertNothingLeftBut(d, "anchor-");
    }
    assertThat(NetavarkChains.run("ip", "link", "show", bridge)).contains("does not exist");
  }

  /**
   * A user-defined network: its containers find each other by name and short id through its DNS,
   * reach each other, and cannot reach the default bridge's; an internal one has no way out; the
   * network's bridge and rules go with it.
   */
  @Test
  void userNetworks_dnsIsolationInternalAndRemoval() throws Exception {
    Cmd create = docker("network", "create", "--label", "berth.test=net", "appnet");
    assertThat(create.exit()).as(create.err()).isZero();
    String netId = create.out().strip();
    Cmd internal = docker("network", "create", "--internal", "--subnet", "10.214.250.0/24", "--gateway", "10.214.250.1",
        "--label", "berth.test=net", "sealed");
    assertThat(internal.exit()).as(internal.err()).isZero();
    String outside = docker("run", "-d", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc").out().strip();
    String api = null;
    try {
      api = docker("run", "-d", "--name", "api", "--network", "appnet", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc")
          .out().strip();
      Cmd byName = docker("run", "--rm", "--network", "appnet", "busybox", "wget", "-qO-", "http://api/hostname");
      assertThat(byName.out().strip()).as(byName.err()).isEqualTo(api.substring(0, 12));
      Cmd byId = docker("run", "--rm", "--network", "appnet", "busybox", "nslookup", api.substring(0, 12));
      assertThat(byId.out()).contains("Name:\t" + api.substring(0, 12));
      String outsideIp = docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", outside).out().strip();
      Cmd isolated = docker("run", "--rm", "--network", "appnet", "busybox", "sh", "-c",
          "nc -w 2 " + outsideIp + " 80 </dev/null && echo reached || echo isolated");
      assertThat(isolated.out().strip()).isEqualTo("isolated");
      Cmd sealed = docker("run", "--rm", "--network", "sealed", "busybox", "sh", "-c",
          "ip route; ping -c 1 -W 2 " + daemon.gateway() + " >/dev/null 2>&1 && echo out || echo no way out");
      assertThat(sealed.out()).doesNotContain("default").endsWith("no way out\n");

      assertThat(docker("inspect", "-f", "{{json .NetworkSettings.Networks.appnet.DNSNames}} {{.HostConfig.NetworkMode}}",
          "api").out().strip()).isEqualTo("[\"api\",\"" + api.substring(0, 12) + "\"] appnet");
      assertThat(docker("network", "inspect", "-f", "{{range .Containers}}{{.Name}}{{end}} {{.Internal}}", "appnet")
          .out().strip()).isEqualTo("api false");
      assertThat(docker("network", "ls", "-q", "--no-trunc", "--filter", "label=berth.test=net").out().lines().toList())
          .containsExactlyInAnyOrder(netId, docker("network", "inspect", "-f", "{{.Id}}", "sealed").out().strip());

      Cmd again = docker("network", "create", "appnet");
      assertThat(again.exit()).isEqualTo(1);
      assertThat(again.err()).contains("network with name appnet already exists");
      Cmd overlap = docker("network", "create", "--subnet", "10.214.250.128/25", "clash");
      assertThat(overlap.err()).contains("Pool overlaps with other one on this address space");
      Cmd busy = docker("network", "rm", "appnet");
      assertThat(busy.exit()).isEqualTo(1);
      assertThat(busy.err()).contains("error while removing network: network appnet has active endpoints (name:\"api\"");
    } finally {
      docker("rm", "-f", outside);
      if (api != null) {
        docker("rm", "-f", api);
      }
    }
    String bridge = "berth" + netId.substring(0, 10);
    assertThat(NetavarkChains.run("ip", "link", "show", bridge)).doesNotContain("does not exist");
    Cmd prune = docker("network", "prune", "-f", "--filter", "label=berth.test=net");
    assertThat(prune.out()).contains("appnet").contains("sealed");
    assertThat(NetavarkChains.run("ip", "link", "show", bridge)).contains("does not exist");
    String rules = NetavarkChains.run("iptables-save");
    assertThat(rules).doesNotContain("10.214.250.").doesNotContain(NetavarkChains.hash("berth-" + netId.substring(0, 12)))
        .doesNotContain("BERTH-FWD-" + netId.substring(0, 12));
    assertThat(docker("network", "ls", "-q", "--filter", "label=berth.test=net").out()).isEmpty();
    // the default bridge is still isolated from other networks: netavark's jump to its isolation rules stays
    assertThat(NetavarkChains.run("iptables", "-S", "FORWARD")).contains("-j NETAVARK_ISOLATION_1");
  }

  /** --network-alias and --ip on a user-defined network, and dockerd's refusals elsewhere. */
  @Test
  void aliasesAndAddresses_onUserNetworks() throws Exception {
    assertThat(docker("network", "create", "--subnet", "10.214.252.0/24", "aliasnet").exit()).isZero();
    try {
      Cmd db = docker("run", "-d", "--name", "db", "--network", "aliasnet", "--network-alias", "database",
          "--network-alias", "pg", "--ip", "10.214.252.50", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc");
      assertThat(db.exit()).as(db.err()).isZero();
      String id = db.out().strip();
      Cmd get = docker("run", "--rm", "--network", "aliasnet", "busybox", "sh", "-c",
          "wget -qO- http://database/hostname; nslookup pg | grep -A1 'Name:'");
      assertThat(get.out()).startsWith(id.substring(0, 12) + "\n").contains("10.214.252.50");
      assertThat(docker("inspect", "-f", "{{json .NetworkSettings.Networks.aliasnet.Aliases}} "
          + "{{.NetworkSettings.Networks.aliasnet.IPAMConfig.IPv4Address}} {{.NetworkSettings.Networks.aliasnet.IPAddress}} "
          + "{{json .NetworkSettings.Networks.aliasnet.DNSNames}}", "db").out().strip())
          .isEqualTo("[\"database\",\"pg\"] 10.214.252.50 10.214.252.50 [\"db\",\"database\",\"pg\",\""
              + id.substring(0, 12) + "\"]");
      // clients before API 1.45 find the short id (and hostname) among the aliases, as dockerd shows them
      try (var r = daemon.client().request("GET", "/v1.44/containers/db/json", java.util.Map.of(), (byte[]) null)) {
        assertThat(io.berth.common.json.Json.tree(r.readAll()).path("NetworkSettings").path("Networks").path("aliasnet")
            .path("Aliases").toString()).isEqualTo("[\"database\",\"pg\",\"" + id.substring(0, 12) + "\"]");
      }
      Cmd taken = docker("run", "--rm", "--network", "aliasnet", "--ip", "10.214.252.50", "busybox", "true");
      assertThat(taken.exit()).isEqualTo(125);
      assertThat(taken.err()).contains("failed to set up container networking: Address already in use");
      Cmd outside = docker("run", "--rm", "--network", "aliasnet", "--ip", "10.1.1.1", "busybox", "true");
      assertThat(outside.err()).contains("invalid endpoint settings:\nno configured subnet or ip-range contain the IP"
          + " address 10.1.1.1");
      Cmd alias = docker("run", "--rm", "--network-alias", "x", "busybox", "true");
      // the docker CLI refuses it itself; an API client gets dockerd's words
      assertThat(alias.err()).contains("network-scoped aliases are only supported for user-defined networks");
      try (var r = daemon.client().request("POST", "/v1.50/containers/create", java.util.Map.of("Content-Type",
          "application/json"), ("{\"Image\":\"busybox\",\"NetworkingConfig\":{\"EndpointsConfig\":{\"default\":"
          + "{\"Aliases\":[\"x\"]}}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("invalid endpoint settings:\\nnetwork-scoped alias is supported only for containers"
            + " in user defined networks");
      }
      Cmd ip = docker("run", "--rm", "--ip", "10.66.0.9", "busybox", "true");
      assertThat(ip.err()).contains("user specified IP address is supported on user defined networks only");
    } finally {
      docker("rm", "-f", "db");
      docker("network", "rm", "aliasnet");
    }
  }

  /** {@code container:<name>}: one network namespace, loopback and hostname shared; dockerd's refusals. */
  @Test
  void containerMode_sharesTheOtherContainersNetworkNamespace() throws Exception {
    String web = docker("run", "-d", "--name", "nsowner", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc")
        .out().strip();
    String created = docker("create", "--name", "notrunning", "busybox", "true").out().strip();
    try {
      Cmd shared = docker("run", "--rm", "--network", "container:nsowner", "busybox", "sh", "-c",
          "wget -qO- http://127.0.0.1/hostname; hostname; ip -o -4 addr show eth0 | wc -l");
      assertThat(shared.out()).as(shared.err()).isEqualTo(web.substring(0, 12) + "\n" + web.substring(0, 12) + "\n1\n");
      Cmd ports = docker("run", "--rm", "--network", "container:nsowner", "-p", "8080:80", "busybox", "true");
      assertThat(ports.exit()).isEqualTo(125);
      assertThat(ports.err()).contains("conflicting options: port publishing and the container type network mode");
      Cmd stopped = docker("run", "--rm", "--network", "container:notrunning", "busybox", "true");
      assertThat(stopped.exit()).isEqualTo(125);
      assertThat(stopped.err()).contains("cannot join network namespace of a non running container: notrunning");
    } finally {
      docker("rm", "-f", web, created);
    }
  }

  /** --link on the default bridge: hosts entries and dockerd's environment variables; its refusals. */
  @Test
  void legacyLinks_giveHostsEntriesAndEnvironment() throws Exception {
    String db = docker("run", "-d", "--name", "linkdb", "--expose", "5432", "-e", "DB_USER=app", "busybox",
        "httpd", "-f", "-p", "5432", "-h", "/etc").out().strip();
    try {
      String ip = docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "linkdb").out().strip();
      Cmd web = docker("run", "--rm", "--name", "linkweb", "--link", "linkdb:database", "busybox", "sh", "-c",
          "grep database /etc/hosts; env | grep ^DATABASE_ | sort; wget -qO- http://database:5432/hostname");
      assertThat(web.exit()).as(web.err()).isZero();
      assertThat(web.out()).isEqualTo(ip + "\tdatabase " + db.substring(0, 12) + " linkdb\n"
          + "DATABASE_ENV_DB_USER=app\n"
          + "DATABASE_NAME=/linkweb/database\n"
          + "DATABASE_PORT=tcp://" + ip + ":5432\n"
          + "DATABASE_PORT_5432_TCP=tcp://" + ip + ":5432\n"
          + "DATABASE_PORT_5432_TCP_ADDR=" + ip + "\n"
          + "DATABASE_PORT_5432_TCP_PORT=5432\n"
          + "DATABASE_PORT_5432_TCP_PROTO=tcp\n"
          + db.substring(0, 12) + "\n");
      String created = docker("create", "--name", "linker", "--link", "linkdb", "busybox", "true").out().strip();
      assertThat(docker("inspect", "-f", "{{json .HostConfig.Links}}", created).out().strip())
          .isEqualTo("[\"/linkdb:/linker/linkdb\"]");
      docker("rm", created);
      Cmd missing = docker("run", "--rm", "--link", "nosuch:x", "busybox", "true");
      assertThat(missing.err()).contains("could not get container for nosuch");
      Cmd host = docker("run", "--rm", "--network", "host", "--link", "linkdb", "busybox", "true");
      assertThat(host.err()).contains("conflicting options: host type networking can't be used with links");
    } finally {
      docker("rm", "-f", db);
    }
  }

  /**
   * docker network connect and disconnect: a running container gets a further interface on the
   * network (and its alias there), and loses it again; a stopped one gets it at its start.
   */
  @Test
  void connectAndDisconnect_runningAndStoppedContainers() throws Exception {
    docker("network", "create", "frontnet");
    docker("network", "create", "backnet");
    String multi = docker("run", "-d", "--name", "multi", "--network", "frontnet", "busybox", "httpd", "-f", "-p", "80",
        "-h", "/etc").out().strip();
    String later = docker("create", "--name", "later", "--network", "frontnet", "busybox", "sleep", "300").out().strip();
    try {
      Cmd connect = docker("network", "connect", "--alias", "mb", "backnet", "multi");
      assertThat(connect.exit()).as(connect.err()).isZero();
      Cmd viaBack = docker("run", "--rm", "--network", "backnet", "busybox", "wget", "-qO-", "http://mb/hostname");
      assertThat(viaBack.out().strip()).as(viaBack.err()).isEqualTo(multi.substring(0, 12));
      assertThat(docker("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{json $v.Aliases}} {{end}}",
          "multi").out().strip()).isEqualTo("backnet=[\"mb\"] frontnet=null");
      assertThat(docker("network", "inspect", "-f", "{{range .Containers}}{{.Name}}{{end}}", "backnet").out().strip())
          .isEqualTo("multi");
      Cmd twice = docker("network", "connect", "backnet", "multi");
      assertThat(twice.err()).contains("endpoint with name multi already exists in network backnet");
      Cmd primary = docker("network", "disconnect", "frontnet", "multi");
      assertThat(primary.exit()).isEqualTo(1);

      Cmd disconnect = docker("network", "disconnect", "backnet", "multi");
      assertThat(disconnect.exit()).as(disconnect.err()).isZero();
      Cmd gone = docker("run", "--rm", "--network", "backnet", "busybox", "sh", "-c",
          "nslookup mb >/dev/null 2>&1 && echo found || echo gone");
      assertThat(gone.out().strip()).isEqualTo("gone");
      assertThat(docker("inspect", "-f", "{{len .NetworkSettings.Networks}}", "multi").out().strip()).isEqualTo("1");
      Cmd notConnected = docker("network", "disconnect", "backnet", "multi");
      assertThat(notConnected.err()).contains("container " + multi + " is not connected to network backnet");

      assertThat(docker("network", "connect", "backnet", "later").exit()).isZero();
      assertThat(docker("start", "later").exit()).isZero();
      Cmd addresses = docker("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}:{{if $v.IPAddress}}up{{end}} {{end}}",
          "later");
      assertThat(addresses.out().strip()).isEqualTo("backnet:up frontnet:up");
    } finally {
      docker("rm", "-f", multi, later);
      docker("network", "rm", "frontnet", "backnet");
    }
    assertNothingLeftBut(daemon, "anchor-");
  }

  /** --mac-address: the interface gets it, inspect shows it; a malformed one is refused. */
  @Test
  void macAddress_isTheInterfaces() throws Exception {
    Cmd run = docker("run", "--rm", "--mac-address", "02:42:ac:11:00:99", "busybox", "cat", "/sys/class/net/eth0/address");
    assertThat(run.out().strip()).as(run.err()).isEqualTo("02:42:ac:11:00:99");
    String id = docker("run", "-d", "--mac-address", "02:42:AC:11:00:98", "busybox", "sleep", "300").out().strip();
    try {
      assertThat(docker("inspect", "-f", "{{.NetworkSettings.MacAddress}}", id).out().strip()).isEqualTo("02:42:ac:11:00:98");
    } finally {
      docker("rm", "-f", id);
    }
    try (var r = daemon.client().request("POST", "/v1.43/containers/create", java.util.Map.of("Content-Type",
        "application/json"), "{\"Image\":\"busybox\",\"MacAddress\":\"nonsense\"}".getBytes())) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).contains("invalid MAC address nonsense");
    }
  }

  /**
   * --dns, --dns-search, --dns-option, --add-host (host-gateway too) and --domainname shape the
   * container's files and names; its own namespace lets it bind ports below 1024 unprivileged.
   */
  @Test
  void dnsOptionsAndExtraHosts_shapeResolvConfAndHosts() throws Exception {
    Cmd r = docker("run", "--rm", "--dns", "192.0.2.53", "--dns-search", "example.com", "--dns-option", "ndots:2",
        "--add-host", "db:10.1.2.3", "--add-host", "gw=host-gateway", "--hostname", "probe",
        "--domainname", "example.org", "busybox", "sh", "-c",
        "grep -v '^#' /etc/resolv.conf; echo ---; tail -3 /etc/hosts; echo ---; hostname; cat /proc/sys/kernel/domainname;"
            + " cat /proc/sys/net/ipv4/ip_unprivileged_port_start");
    assertThat(r.exit()).as(r.err()).isZero();
    String[] parts = r.out().split("---\n");
    assertThat(parts[0].lines().toList()).contains("nameserver 192.0.2.53", "search example.com", "options ndots:2")
        .noneMatch(l -> l.startsWith("nameserver") && !l.equals("nameserver 192.0.2.53"));
    String gw = daemon.gateway();
    assertThat(parts[1]).matches("10\\.1\\.2\\.3\tdb\n\\Q" + gw + "\\E\tgw\n\\Q"
        + gw.substring(0, gw.lastIndexOf('.') + 1) + "\\E[0-9]+\tprobe\\.example\\.org probe\n");
    assertThat(parts[2]).isEqualTo("probe\nexample.org\n0\n");
    Cmd bad = docker("run", "--rm", "--add-host", "db:nonsense", "busybox", "true");
    assertThat(bad.exit()).isEqualTo(125);
    assertThat(bad.err()).contains("invalid IP address in add-host: \"nonsense\"");
  }

  /** TCP on every address: from the host by loopback and by its own address, and back in from a container. */
  @Test
  void publishedTcpPort_reachableFromHostLoopbackHostAddressAndContainers() throws Exception {
    int port = freePort();
    Cmd run = docker("run", "-d", "--name", "pub", "-p", port + ":80", "-p", "127.0.0.1::81", "busybox",
        "httpd", "-f", "-p", "80", "-h", "/etc");
    assertThat(run.exit()).as(run.err()).isZero();
    String id = run.out().strip();
    try {
      String hostAddress = hostAddress();
      assertThat(get("127.0.0.1", port)).isEqualTo(id.substring(0, 12));
      assertThat(get(hostAddress, port)).isEqualTo(id.substring(0, 12));
      Cmd hairpin = docker("run", "--rm", "busybox", "wget", "-qO-", "http://" + hostAddress + ":" + port + "/hostname");
      assertThat(hairpin.out().strip()).as(hairpin.err()).isEqualTo(id.substring(0, 12));

      Cmd ports = docker("port", "pub");
      assertThat(ports.out()).matches("80/tcp -> 0\\.0\\.0\\.0:" + port + "\n81/tcp -> 127\\.0\\.0\\.1:[0-9]+\n");
      assertThat(docker("ps", "--filter", "id=" + id, "--format", "{{.Ports}}").out().strip())
          .matches("0\\.0\\.0\\.0:" + port + "->80/tcp, 127\\.0\\.0\\.1:[0-9]+->81/tcp");
      assertThat(docker("inspect", "-f", "{{json .NetworkSettings.Ports}}", "pub").out().strip())
          .isEqualTo("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"" + port + "\"}],"
              + "\"81/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"" + ports.out().replaceAll("(?s).*127\\.0\\.0\\.1:([0-9]+).*", "$1")
              + "\"}]}");
    } finally {
      docker("rm", "-f", "pub");
    }
    assertNothingLeftBut(daemon, "anchor-");
    try (var s = new java.net.ServerSocket(port)) {
      assertThat(s.getLocalPort()).as("the host port is free again").isEqualTo(port);
    }
    assertThat(NetavarkChains.run("iptables", "-t", "nat", "-S")).doesNotContain("--dport " + port);
  }

  /** UDP through the published port to whatever listens in the container's namespace. */
  @Test
  void publishedUdpPort_deliversDatagrams() throws Exception {
    int port = freePort();
    String id = docker("run", "-d", "-p", port + ":5353/udp", "busybox", "sleep", "300").out().strip();
    try {
      String netns = docker("inspect", "-f", "{{.NetworkSettings.SandboxKey}}", id).out().strip();
      // a listener that gives up after 20 s, so that a lost datagram fails the test instead of hanging it
      Process listener = new ProcessBuilder("nsenter", "--net=" + netns, "timeout", "20", "python3", "-c",
          "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('0.0.0.0',5353))\n"
              + "print('ready',flush=True)\nprint(s.recvfrom(100)[0].decode(),flush=True)").start();
      try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(listener.getInputStream()))) {
        assertThat(out.readLine()).isEqualTo("ready");
        sh("python3 -c \"import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'hello', "
            + "('127.0.0.1', " + port + "))\"");
        assertThat(out.readLine()).isEqualTo("hello");
      } finally {
        listener.destroyForcibly();
      }
      assertThat(docker("port", id).out()).isEqualTo("5353/udp -> 0.0.0.0:" + port + "\n");
    } finally {
      docker("rm", "-f", id);
    }
  }

  /** A host port some other program holds fails the start with dockerd's words, and nothing is left. */
  @Test
  void hostPortInUse_failsTheStart_andLeavesNothing() throws Exception {
    try (var taken = new java.net.ServerSocket(0)) {
      int port = taken.getLocalPort();
      Cmd run = docker("run", "-d", "--name", "clash", "-p", port + ":80", "busybox", "sleep", "300");
      try {
        assertThat(run.exit()).isEqualTo(125);
        assertThat(run.err()).contains("Error response from daemon: failed to set up container networking: driver "
            + "failed programming external connectivity on endpoint clash (").contains("): failed to bind host port for 0.0.0.0:"
            + port + ":").contains(":80/tcp: address already in use");
        assertNothingLeftBut(daemon, "anchor-");
        assertThat(docker("inspect", "-f", "{{.State.Status}}", "clash").out().strip()).isEqualTo("created");
      } finally {
        docker("rm", "-f", "clash");
      }
    }
  }

  /**
   * A port another container holds gets dockerd's allocator's words; once that container stops,
   * the port is free as soon as the stop returns.
   */
  @Test
  void portHeldByAContainer_isFreeAsSoonAsItStops() throws Exception {
    int port = freePort();
    String first = docker("run", "-d", "-p", port + ":80", "busybox", "sleep", "300").out().strip();
    String second = null;
    try {
      Cmd clash = docker("run", "-d", "--name", "second", "-p", port + ":80", "busybox", "sleep", "300");
      assertThat(clash.err()).contains("Bind for 0.0.0.0:" + port + " failed: port is already allocated");
      docker("rm", "second");
      assertThat(docker("stop", "-t", "0", first).exit()).isZero();
      Cmd again = docker("run", "-d", "-p", port + ":80", "busybox", "sleep", "300");
      assertThat(again.exit()).as(again.err()).isZero();
      second = again.out().strip();
    } finally {
      docker("rm", "-f", first);
      if (second != null) {
        docker("rm", "-f", second);
      }
    }
  }

  /** {@code -P} publishes every exposed port; concurrent starts never get the same host port. */
  @Test
  void publishAll_andConcurrentStarts_getDistinctPorts() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<Cmd>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      runs.add(pool.submit(() -> docker("run", "-d", "--label", "berth.test=ports", "--expose", "80", "-P",
          "busybox", "sleep", "300")));
    }
    pool.shutdown();
    try {
      java.util.Set<String> hostPorts = new java.util.HashSet<>();
      for (var f : runs) {
        Cmd r = f.get();
        assertThat(r.exit()).as(r.err()).isZero();
        String p = docker("port", r.out().strip(), "80").out().strip();
        assertThat(p).matches("0\\.0\\.0\\.0:[0-9]+");
        hostPorts.add(p);
      }
      assertThat(hostPorts).hasSize(50);
    } finally {
      String ids = docker("ps", "-aq", "--filter", "label=berth.test=ports").out().strip();
      if (!ids.isEmpty()) {
        List<String> rm = new java.util.ArrayList<>(List.of("rm", "-f"));
        rm.addAll(List.of(ids.split("\\s+")));
        docker(rm.toArray(String[]::new));
      }
    }
    assertNothingLeftBut(daemon, "anchor-");
  }

  /**
   * From another host, with the FORWARD policy at DROP as a Docker on the host sets it: a
   * namespace of the test's own, joined to the host by a veth pair, connects to the host's side.
   */
  @Test
  void publishedPort_reachableFromOutside_evenWithForwardPolicyDrop() throws Exception {
    int port = freePort();
    String id = docker("run", "-d", "-p", port + ":80", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc").out().strip();
    Path outside = Files.createTempFile("berth-outside", ".ns");
    String veth = "bto" + ProcessHandle.current().pid() % 100000;
    boolean dropBefore = NetavarkChains.run("iptables", "-S", "FORWARD").contains("-P FORWARD DROP");
    try {
      sh("unshare --net=" + outside + " true");
      sh("ip link add " + veth + " type veth peer name " + veth + "p");
      sh("ip link set " + veth + "p netns " + outside);
      String net = "10.214." + ProcessHandle.current().pid() % 250 + ".";
      sh("ip addr add " + net + "1/30 dev " + veth + " && ip link set " + veth + " up");
      sh("nsenter --net=" + outside + " sh -c 'ip addr add " + net + "2/30 dev " + veth + "p && ip link set "
          + veth + "p up && ip link set lo up'");
      sh("iptables -P FORWARD DROP");
      String got = sh("nsenter --net=" + outside + " python3 -c \"import urllib.request; print(urllib.request"
          + ".urlopen('http://" + net + "1:" + port + "/hostname', timeout=10).read().decode())\"");
      assertThat(got.strip()).isEqualTo(id.substring(0, 12));
    } finally {
      if (!dropBefore) {
        sh("iptables -P FORWARD ACCEPT");
      }
      NetavarkChains.run("ip", "link", "del", veth);
      NetavarkChains.run("umount", outside.toString());
      Files.deleteIfExists(outside);
      docker("rm", "-f", id);
    }
  }

  private static String sh(String command) {
    return NetavarkChains.run("sh", "-c", command);
  }

  private static String get(String host, int port) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + host + ":" + port + "/hostname"))
        .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body().strip();
  }

  private static int freePort() throws Exception {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The host's first own address that is not loopback. */
  private static String hostAddress() {
    return NetavarkChains.run("hostname", "-I").strip().split("\\s+")[0];
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
          // an atomic write's temporary file (".<name>.json<n>.tmp") comes and goes: not a holder
          s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
              .map(n -> n.replaceFirst("\\.json$", "").replaceFirst("\\+.*", "")).forEach(out::add);
        }
      }
    }
    try (Stream<Path> s = Files.list(run.resolve("network").resolve("ipam"))) {
      for (Path p : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        try {
          io.berth.common.json.Json.tree(Files.readAllBytes(p)).elements().forEachRemaining(n -> out.add(n.asText()));
        } catch (java.nio.file.NoSuchFileException gone) {
          // replaced meanwhile: the next poll reads the new one
        }
      }
    }
    return out;
  }

  /** Only the anchors ({@code kept}: a prefix) hold anything on the bridge, which has one veth for it. */
  private static void assertNothingLeftBut(BerthDaemon d, String kept) throws Exception {
    Wait.until(Duration.ofSeconds(20), () -> holders(d).stream().allMatch(h -> h.startsWith(kept)),
        "the bridge's namespaces, endpoints and leases to be released: " + holders(d));
    Wait.until(Duration.ofSeconds(20), () -> NetavarkChains.run("ip", "-o", "link", "show", "master", d.bridge())
        .lines().count() == 1, "one veth on the bridge");
  }
}
