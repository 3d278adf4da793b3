package io.berth.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.common.Id;
import io.berth.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetavarkTest {
  @TempDir Path dir;

  private static Netavark.Network network(String bridge) {
    return new Netavark.Network("berth-" + bridge, "b".repeat(64), bridge, Subnet.parse("10.213.250.0/24"), false, true,
        java.util.Map.of());
  }

  @Test
  void chainHash_isNetavarks() {
    assertThat(Netavark.chainHash("podman")).isEqualTo("1D8721804F16F");
    assertThat(Netavark.chainHash("berth-f0fa633df3de")).isEqualTo("CDF8CCF225D52");
  }

  @Test
  void options_carryEveryFieldNetavark14Requires() {
    var a = new Netavark.Attachment("a".repeat(64), "web", network("berth-t0"), "10.213.250.2", List.of("web", "w"), List.of());

    var json = Json.tree(Netavark.options(a));

    assertThat(json.path("container_name").asText()).isEqualTo("web");
    var endpoint = json.path("networks").path("berth-berth-t0");
    assertThat(endpoint.path("interface_name").asText()).isEqualTo("eth0");
    assertThat(endpoint.path("static_ips").get(0).asText()).isEqualTo("10.213.250.2");
    assertThat(endpoint.path("static_mac").asText()).isEqualTo("02:42:0a:d5:fa:02");
    var info = json.path("network_info").path("berth-berth-t0");
    assertThat(info.path("network_interface").asText()).isEqualTo("berth-t0");
    assertThat(info.path("subnets").get(0).path("gateway").asText()).isEqualTo("10.213.250.1");
    for (String required : List.of("ipv6_enabled", "internal", "dns_enabled", "driver", "id")) {
      assertThat(info.has(required)).as(required).isTrue();
    }
  }

  /**
   * The whole plumbing on this host: a namespace kept as a file, netavark's bridge, address and
   * DNS entry, traffic to the gateway and a name answered by aardvark-dns; then nothing left:
   * no bridge, no rule naming the subnet, no namespace.
   */
  @Test
  @Tag("privileged")
  void setupThenTeardown_givesTheNamespaceItsAddressAndLeavesNothing() throws Exception {
    Netns netns = new Netns(dir.resolve("netns"));
    Netavark netavark = new Netavark(Netavark.BINARY, Netavark.AARDVARK, dir.resolve("netavark"));
    boolean chainsBefore = run("iptables", "-S").contains("-N NETAVARK_FORWARD");
    String forwardingBefore = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
    try {
      plumbing(netns, netavark);
    } finally {
      if (!chainsBefore) {
        removeNetavarksGlobalChains();
      }
      Files.writeString(Path.of("/proc/sys/net/ipv4/ip_forward"), forwardingBefore);
    }
  }

  private void plumbing(Netns netns, Netavark netavark) throws Exception {
    String bridge = "berth-t" + Id.random().substring(0, 6);
    String id = Id.random();
    var a = new Netavark.Attachment(id, "plumbing", network(bridge), "10.213.250.2", List.of("plumbing"), List.of());
    Path ns = netns.create(id);
    try {
      Netavark.Status s = netavark.setup(ns, a);
      try {
        assertThat(s.address()).isEqualTo("10.213.250.2");
        assertThat(s.prefix()).isEqualTo(24);
        assertThat(s.gateway()).isEqualTo("10.213.250.1");
        assertThat(s.dnsServers()).containsExactly("10.213.250.1");
        assertThat(in(ns, "busybox", "ping", "-c", "1", "-W", "2", "10.213.250.1")).contains("1 packets received");
        assertThat(in(ns, "busybox", "nslookup", "plumbing", "10.213.250.1")).contains("10.213.250.2");
      } finally {
        netavark.teardown(ns, a);
      }
    } finally {
      netns.remove(id);
    }
    assertThat(run("ip", "link", "show", bridge)).contains("does not exist");
    assertThat(run("iptables", "-S")).doesNotContain("10.213.250.");
    assertThat(run("iptables", "-t", "nat", "-S")).doesNotContain("10.213.250.");
    assertThat(ns).doesNotExist();
  }

  /**
   * netavark never removes the chains and jumps it shares between all its networks (Podman's
   * too): a test that made them takes them away again.
   */
  private static void removeNetavarksGlobalChains() throws Exception {
    run("iptables", "-D", "FORWARD", "-m", "comment", "--comment", "netavark firewall plugin rules", "-j",
        "NETAVARK_FORWARD");
    run("iptables", "-F", "NETAVARK_FORWARD");
    run("iptables", "-X", "NETAVARK_FORWARD");
    run("iptables", "-t", "nat", "-D", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j",
        "NETAVARK-HOSTPORT-DNAT");
    run("iptables", "-t", "nat", "-D", "OUTPUT", "-m", "addrtype", "--dst-type", "LOCAL", "-j",
        "NETAVARK-HOSTPORT-DNAT");
    run("iptables", "-t", "nat", "-D", "POSTROUTING", "-j", "NETAVARK-HOSTPORT-MASQ");
    for (String chain : List.of("NETAVARK-HOSTPORT-DNAT", "NETAVARK-HOSTPORT-MASQ", "NETAVARK-HOSTPORT-SETMARK")) {
      run("iptables", "-t", "nat", "-F", chain);
      run("iptables", "-t", "nat", "-X", chain);
    }
    assertThat(run("iptables", "-S") + run("iptables", "-t", "nat", "-S")).doesNotContain("NETAVARK");
  }

  private static String in(Path ns, String... cmd) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of("nsenter", "--net=" + ns));
    argv.addAll(List.of(cmd));
    return run(argv.toArray(String[]::new));
  }

  private static String run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
