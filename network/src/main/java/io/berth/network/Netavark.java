package io.berth.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.error.SystemException;
import io.berth.common.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Podman's network plumbing, netavark 1.4, run as a command: it makes the bridge, the veth pair,
 * the firewall rules and the aardvark-dns entries for one container in one namespace, and takes
 * them down again from the same description. Calls are serialised: netavark 1.4 races with
 * itself when two setups create the same chains.
 */
public final class Netavark {
  /** Where Debian's packages put the binaries. */
  public static final Path BINARY = Path.of("/usr/lib/podman/netavark");
  public static final Path AARDVARK = Path.of("/usr/lib/podman/aardvark-dns");

  private final Path binary;
  private final Path aardvark;
  private final Path configDir;

  /** @param configDir netavark's own state, aardvark-dns's files among it (under berthd's run state) */
  public Netavark(Path binary, Path aardvark, Path configDir) {
    this.binary = binary;
    this.aardvark = aardvark;
    this.configDir = configDir;
  }

  /**
   * A bridge network as netavark describes it; {@code options} are netavark's ({@code isolate},
   * {@code mtu}).
   */
  public record Network(String name, String id, String bridge, Subnet subnet, boolean internal, boolean dns,
      Map<String, String> options) {
    public Network {
      options = Map.copyOf(options);
    }
  }

  /**
   * One container on one network, with its published ports and the upstream servers its DNS
   * queries go to (aardvark-dns's, on a network with DNS).
   */
  public record Attachment(String containerId, String containerName, Network network, String address,
      List<String> aliases, List<HostPorts.Mapping> ports, List<String> dnsServers, String interfaceName, String mac) {
    public Attachment(String containerId, String containerName, Network network, String address,
        List<String> aliases, List<HostPorts.Mapping> ports) {
      this(containerId, containerName, network, address, aliases, ports, List.of(), "eth0", null);
    }
  }

  /** What setup made: the container's interface address and MAC, and its DNS servers. */
  public record Status(String address, int prefix, String gateway, String mac, List<String> dnsServers) {}

  public Status setup(Path netns, Attachment a) {
    return setup(netns, a.network().name(), options(a));
  }

  /** Setup from a description made by {@link #options}, kept so that teardown gets the same. */
  public synchronized Status setup(Path netns, String network, byte[] options) {
    JsonNode out = run("setup", netns, options);
    JsonNode net = out.path(network);
    JsonNode eth = net.path("interfaces").elements().hasNext() ? net.path("interfaces").elements().next()
        : net.path("interfaces").path("eth0");
    JsonNode sub = eth.path("subnets").path(0);
    String ipnet = sub.path("ipnet").asText();
    int slash = ipnet.indexOf('/');
    List<String> dns = new ArrayList<>();
    net.path("dns_server_ips").forEach(d -> dns.add(d.asText()));
    return new Status(slash < 0 ? ipnet : ipnet.substring(0, slash),
        slash < 0 ? 0 : Integer.parseInt(ipnet.substring(slash + 1)), sub.path("gateway").asText(),
        eth.path("mac_address").asText(), dns);
  }

  /** Takes down what {@link #setup} made, from the same description. */
  public void teardown(Path netns, Attachment a) {
    teardown(netns, options(a));
  }

  /** Takes down what a setup from these options made: netavark rebuilds its rules from them. */
  public synchronized void teardown(Path netns, byte[] options) {
    run("teardown", netns, options);
  }

  /**
   * Removes the chains netavark 1.4 leaves behind once a network's last endpoint is gone: its
   * teardown empties the network's port-forwarding chain ({@code NETAVARK-DN-<hash>}) but never
   * deletes it. Only an empty, unreferenced chain can be deleted, so a network still in use
   * keeps its own.
   */
  public synchronized void forget(String network) {
    String hash = chainHash(network);
    for (String chain : List.of("NETAVARK-DN-" + hash, "NETAVARK-" + hash)) {
      iptables("-t", "nat", "-X", chain);
    }
  }

  /**
   * Puts back the jump to netavark's isolation chain while isolated networks remain. netavark 1.4
   * removes {@code -j NETAVARK_ISOLATION_1} from FORWARD when any isolated network's last
   * endpoint goes, though other networks' rules in the chain still need it (their isolation would
   * silently end until the next setup put it back).
   */
  public synchronized void restoreIsolationJump() {
    if (iptables("-S", "NETAVARK_ISOLATION_1").lines().anyMatch(l -> l.startsWith("-A"))
        && !iptables("-C", "FORWARD", "-j", "NETAVARK_ISOLATION_1").isEmpty()) {
      iptables("-I", "FORWARD", "1", "-j", "NETAVARK_ISOLATION_1");
    }
  }

  /** iptables' output, or "error" when it failed (an empty string is a success with no output). */
  private static String iptables(String... args) {
    List<String> argv = new ArrayList<>(List.of("iptables", "-w"));
    argv.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return p.exitValue() == 0 ? out : "error: " + out;
    } catch (IOException e) {
      return "error: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "error: interrupted";
    }
  }

  /** netavark's name for a network's chains: the first 13 hex digits of the SHA-512 of its name. */
  static String chainHash(String network) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-512").digest(network.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().withUpperCase().formatHex(d).substring(0, 13);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** netavark 1.4's NetworkOptions: every field it requires, none it does not know. */
  public static byte[] options(Attachment a) {
    Network n = a.network();
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("interface_name", a.interfaceName());
    endpoint.put("static_ips", List.of(a.address()));
    endpoint.put("aliases", a.aliases());
    endpoint.put("static_mac", a.mac() != null ? a.mac() : macFor(a.address()));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", n.name());
    info.put("id", n.id());
    info.put("driver", "bridge");
    info.put("network_interface", n.bridge());
    info.put("subnets", List.of(Map.of("subnet", n.subnet().cidr(), "gateway", n.subnet().gatewayAddress())));
    info.put("ipv6_enabled", false);
    info.put("internal", n.internal());
    info.put("dns_enabled", n.dns());
    if (!n.options().isEmpty()) {
      info.put("options", new java.util.TreeMap<>(n.options()));
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("container_id", a.containerId());
    options.put("container_name", a.containerName());
    if (!a.ports().isEmpty()) {
      // one mapping per port and protocol; an empty host_ip is every address (netavark 1.4 turns
      // "0.0.0.0" into a rule that never matches)
      options.put("port_mappings", a.ports().stream().map(p -> Map.of("container_port", p.containerPort(),
          "host_port", p.hostPort(), "host_ip", p.hostIp(), "protocol", p.protocol(), "range", 1)).toList());
    }
    if (!a.dnsServers().isEmpty()) {
      options.put("dns_servers", a.dnsServers());
    }
    options.put("networks", Map.of(n.name(), endpoint));
    options.put("network_info", Map.of(n.name(), info));
    return Json.bytes(options);
  }

  /**
   * The MAC of the address, as dockerd long derived it (02:42 and the address's four bytes). The
   * host's neighbour cache may still hold the address of a container just removed: with a random
   * MAC the first packets to its successor go to the old MAC until the entry is probed again,
   * which a single UDP datagram does not survive; with the MAC following the address, the cached
   * entry stays right.
   */
  static String macFor(String address) {
    int a = Subnet.address(address);
    return String.format("02:42:%02x:%02x:%02x:%02x", a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff);
  }

  private JsonNode run(String verb, Path netns, byte[] input) {
    List<String> argv = List.of(binary.toString(), "--config", configDir.toString(), "--rootless=false",
        "--aardvark-binary", aardvark.toString(), verb, netns.toString());
    try {
      java.nio.file.Files.createDirectories(configDir);
      Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(input);
      }
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new SystemException("netavark " + verb + " did not finish");
      }
      String text = new String(out, StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) {
        String error = text;
        try {
          error = Json.tree(out).path("error").asText(text);
        } catch (RuntimeException notJson) {
          // the raw output is the message
        }
        throw new SystemException("netavark " + verb + ": " + error);
      }
      return text.isEmpty() ? Json.tree("{}".getBytes(StandardCharsets.UTF_8)) : Json.tree(out);
    } catch (IOException e) {
      throw new SystemException("cannot run netavark " + verb + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted while running netavark " + verb, e);
    }
  }
}
