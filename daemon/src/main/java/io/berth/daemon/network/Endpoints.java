package io.berth.daemon.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.berth.common.Digest;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.io.AtomicFiles;
import io.berth.common.json.Json;
import io.berth.network.DnatForward;
import io.berth.network.HostPorts;
import io.berth.network.Ipam;
import io.berth.network.Netavark;
import io.berth.network.Netns;
import io.berth.network.Subnet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Containers' places on bridge networks: a network namespace kept as a file, an address leased
 * lowest-free, and netavark's veth and firewall rules. What netavark is told is written down
 * before it runs, so that a teardown after a failure, a crash or a berthd restart gives netavark
 * the same description, from which it rebuilds the rules it deletes. All of it lives under the
 * exec root, on tmpfs: a reboot, which ends every container, leaves none of it behind.
 */
public final class Endpoints {
  private static final System.Logger LOG = System.getLogger("berth.network");

  private final BridgeNetwork bridge;
  private final Netavark netavark;
  private final Netns netns;
  private final Ipam ipam;
  private final Path dir;
  /** A bridge's own endpoint (see {@link #anchor}) is recorded under this name and its network's id. */
  static final String ANCHOR = "anchor";
  private final java.util.Set<String> anchored = new java.util.HashSet<>();
  /** Networks removed while berthd runs: nothing may be put on them again. */
  private final java.util.Set<String> removed = new java.util.HashSet<>();
  /** The host ports bound for each running container. */
  private final Map<String, HostPorts.Held> held = new ConcurrentHashMap<>();

  /** @param bridge the default bridge, or null when berthd runs with {@code --bridge none} */
  public Endpoints(BridgeNetwork bridge, Netavark netavark, Netns netns, Ipam ipam, Path dir) {
    this.bridge = bridge;
    this.netavark = netavark;
    this.netns = netns;
    this.ipam = ipam;
    this.dir = dir;
  }

  /** A container's endpoint as set up: what inspect shows and teardown needs. */
  public record Endpoint(
      @JsonProperty("containerId") String containerId,
      @JsonProperty("network") String network,
      @JsonProperty("networkId") String networkId,
      @JsonProperty("address") String address,
      @JsonProperty("prefix") int prefix,
      @JsonProperty("gateway") String gateway,
      @JsonProperty("mac") String mac,
      @JsonProperty("netns") String netns,
      @JsonProperty("ports") List<HostPorts.Mapping> ports,
      @JsonProperty("bridge") String bridge,
      @JsonProperty("subnet") String subnet,
      @JsonProperty("iface") String iface,
      @JsonProperty("netavark") JsonNode netavark) {

    public Endpoint {
      ports = ports == null ? List.of() : List.copyOf(ports);
      iface = iface == null ? "eth0" : iface;
    }

    /** The record's name: the container's id for its first interface, with the network's for the others. */
    String key() {
      return iface.equals("eth0") ? containerId : containerId + "+" + networkId;
    }

    Endpoint withMac(String m) {
      return new Endpoint(containerId, network, networkId, address, prefix, gateway, m, netns, ports, bridge, subnet,
          iface, netavark);
    }

    /** dockerd's sandbox id for the container's namespace: 64 hex digits, stable for its life. */
    public String sandboxId() {
      return Digest.sha256(("sandbox/" + containerId).getBytes(StandardCharsets.UTF_8)).hex();
    }
  }

  /**
   * A container's namespace, made and addressed, with netavark at work on it: runc may create the
   * container in it meanwhile, but must not start it before {@code ready} completes.
   */
  public record Pending(Path netns, Endpoint endpoint, CompletableFuture<Endpoint> ready) {}

  public boolean bridgeEnabled() {
    return bridge != null;
  }

  public BridgeNetwork bridge() {
    return bridge;
  }

  /**
   * Puts the container on a network, its published ports held; on failure nothing of it is left.
   *
   * @param aliases more DNS names for it (user-defined networks)
   * @param requestedIp an address of the container's choice ({@code --ip}), or null
   * @param dnsServers upstream servers for the network's DNS ({@code --dns} on a user-defined network)
   */
  public synchronized Pending attach(String containerId, String containerName, AttachableNetwork net,
      List<HostPorts.Request> ports, List<String> aliases, String requestedIp, List<String> dnsServers, String mac) {
    live(net);
    anchor(net);
    return plumb(containerId, containerName, net, requestedIp, ports, aliases, dnsServers, "eth0", mac);
  }

  /**
   * Puts a running container on one more network ({@code docker network connect}), as its next
   * interface, in the namespace it has; on failure nothing of it is left.
   */
  public Endpoint attachMore(String containerId, String containerName, AttachableNetwork net, List<String> aliases,
      String requestedIp, List<String> dnsServers, String mac) {
    Pending p;
    synchronized (this) {
      live(net);
      anchor(net);
    }
    String iface = "eth" + all(containerId).stream().mapToInt(e -> Integer.parseInt(e.iface().substring(3)) + 1)
        .max().orElse(0);
    synchronized (this) {
      p = plumb(containerId, containerName, net, requestedIp, List.of(), aliases, dnsServers, iface, mac);
    }
    try {
      return p.ready().join();
    } catch (java.util.concurrent.CompletionException e) {
      detachOne(containerId, net.id());
      throw new SystemException("failed to set up container networking: "
          + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e.getCause());
    }
  }

  /** Takes a container off one network it was connected to, leaving its others. */
  public void detachOne(String containerId, String networkId) {
    Path f = file(containerId + "+" + networkId);
    Optional<Endpoint> e = read(f);
    e.ifPresent(this::teardown);
    ipam.release(networkId, containerId);
    try {
      Files.deleteIfExists(f);
    } catch (IOException ex) {
      LOG.log(System.Logger.Level.WARNING, "cannot remove the endpoint record " + f + ": " + ex.getMessage());
    }
  }

  /** Every endpoint of the container: its first interface's, then the others'. */
  public List<Endpoint> all(String containerId) {
    List<Endpoint> out = new ArrayList<>();
    endpoint(containerId).ifPresent(out::add);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().startsWith(containerId + "+")).sorted()
            .forEach(p -> read(p).ifPresent(out::add));
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot list " + dir + ": " + e.getMessage());
      }
    }
    return out;
  }

  private void teardown(Endpoint e) {
    if (e.netavark() == null || netavark == null) {
      return;
    }
    try {
      netavark.teardown(Path.of(e.netns()), Json.bytes(e.netavark()));
    } catch (RuntimeException ex) {
      LOG.log(System.Logger.Level.WARNING, "network teardown of " + e.containerId() + " on " + e.network() + ": "
          + ex.getMessage());
    }
  }

  /** The default bridge's anchor, made early so that the first container does not wait for it. */
  public void anchor() {
    if (bridge != null) {
      anchor(bridge.attachable());
    }
  }

  /**
   * Keeps a network's bridge up between containers. netavark deletes a bridge, with its firewall
   * rules, when its last endpoint leaves, and makes them again for the next one: about 120 ms of
   * every {@code run} when containers come one at a time. An endpoint of Berth's own, in an empty
   * namespace on the subnet's last address, is never the last to leave, as dockerd's bridges stay
   * up while their network exists. Made once, kept across a berthd crash, taken down at
   * {@link #release} or {@link #close}. A failure is logged: containers then pay the bridge's
   * making themselves.
   */
  public synchronized void anchor(AttachableNetwork net) {
    if (removed.contains(net.id()) || !anchored.add(net.id())) {
      return;
    }
    try {
      forward(net).install();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "published ports may be unreachable from other hosts: " + e.getMessage());
    }
    String anchor = anchorOf(net.id());
    Optional<Endpoint> kept = endpoint(anchor);
    if (kept.isPresent() && !kept.get().mac().isEmpty() && Files.exists(Path.of(kept.get().netns()))) {
      return;
    }
    try {
      detach(anchor);
      plumb(anchor, "berth-anchor-" + net.id().substring(0, 12), net, Subnet.format(anchorAddress(net.subnet())),
          List.of(), List.of(), List.of(), "eth0", null).ready().join();
    } catch (RuntimeException e) {
      detach(anchor);
      LOG.log(System.Logger.Level.WARNING, "cannot keep the bridge " + net.plumbing().bridge() + " up: "
          + e.getMessage());
    }
  }

  /**
   * The address a network's anchor takes: the subnet's last host (the one before it when the
   * user made that the gateway). A container cannot ask for it ({@code --ip}).
   */
  public static int anchorAddress(Subnet subnet) {
    return subnet.lastHost() == subnet.gateway() ? subnet.lastHost() - 1 : subnet.lastHost();
  }

  /** A network being removed gets no endpoint any more; one that did meanwhile keeps it. */
  private void live(AttachableNetwork net) {
    if (removed.contains(net.id())) {
      throw new NotFoundException("network " + net.name() + " not found");
    }
  }

  /** Whether a container (not an anchor) has an endpoint on the network. */
  private boolean inUse(String networkId) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(Path::getFileName).map(Path::toString).filter(n -> !n.startsWith(".") && !n.startsWith(ANCHOR + "-"))
          .anyMatch(n -> read(dir.resolve(n)).map(e -> e.networkId().equals(networkId)).orElse(false));
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * A network is removed: its anchor goes, and with it the bridge and the network's rules. Under
   * this object's lock, so that no container is put on it meanwhile.
   */
  public synchronized void release(AttachableNetwork net) {
    if (inUse(net.id())) {
      throw new io.berth.common.error.ForbiddenException("error while removing network: network " + net.name()
          + " has active endpoints");
    }
    removed.add(net.id());
    anchored.remove(net.id());
    detach(anchorOf(net.id()));
    forward(net).remove();
    netavark.forget(net.plumbing().name());
    netavark.restoreIsolationJump();
  }

  /** Takes the bridges' own endpoints down: each bridge goes with the last container on it. */
  public synchronized void close() {
    for (String id : List.copyOf(anchored)) {
      Optional<Endpoint> e = endpoint(anchorOf(id));
      detach(anchorOf(id));
      if (!inUse(id)) {
        // containers that run on keep their forwarding: berthd's next start finds them
        e.ifPresent(x -> new DnatForward(id.substring(0, 12), x.bridge(), Subnet.parse(x.subnet())).remove());
        netavark.forget("berth-" + id.substring(0, 12));
      }
    }
    anchored.clear();
    if (netavark != null) {
      netavark.restoreIsolationJump();
    }
  }

  static String anchorOf(String networkId) {
    return ANCHOR + "-" + networkId.substring(0, 12);
  }

  private static DnatForward forward(AttachableNetwork net) {
    return new DnatForward(net.id().substring(0, 12), net.plumbing().bridge(), net.subnet());
  }

  private Pending plumb(String containerId, String containerName, AttachableNetwork network, String requested,
      List<HostPorts.Request> ports, List<String> aliases, List<String> dnsServers, String iface, String mac) {
    Netavark.Network net = network.plumbing();
    if (!iface.equals("eth0")) {
      // each further interface's default route gets its own metric: two alike would clash
      Map<String, String> o = new java.util.TreeMap<>(net.options());
      o.put("metric", String.valueOf(100 + Integer.parseInt(iface.substring(3))));
      net = new Netavark.Network(net.name(), net.id(), net.bridge(), net.subnet(), net.internal(), net.dns(), o);
    }
    Subnet subnet = network.subnet();
    try {
      String address = Subnet.format(ipam.allocate(network.id(), subnet, network.pool(), containerId, requested));
      List<HostPorts.Mapping> mappings = hold(containerId, containerName, network.id(), ports, address);
      Path ns = netns.create(containerId);
      byte[] options = Netavark.options(new Netavark.Attachment(containerId, containerName, net, address, aliases,
          mappings, dnsServers, iface, mac));
      Endpoint planned = new Endpoint(containerId, network.name(), network.id(), address, subnet.prefix(),
          subnet.gatewayAddress(), "", ns.toString(), mappings, net.bridge(), subnet.cidr(), iface, Json.tree(options));
      write(planned);
      String plumbingName = net.name();
      CompletableFuture<Endpoint> ready = CompletableFuture.supplyAsync(() -> {
        Netavark.Status s = netavark.setup(ns, plumbingName, options);
        Endpoint done = planned.withMac(s.mac());
        write(done);
        return done;
      }, r -> Thread.ofVirtual().name("netavark-" + containerId).start(r));
      return new Pending(ns, planned, ready);
    } catch (RuntimeException e) {
      if (iface.equals("eth0")) {
        detach(containerId);
      } else {
        detachOne(containerId, network.id());
      }
      throw e;
    }
  }

  /** Binds the container's host ports; dockerd's words when one is taken. */
  private List<HostPorts.Mapping> hold(String containerId, String containerName, String networkId,
      List<HostPorts.Request> ports, String address) {
    if (ports.isEmpty()) {
      return List.of();
    }
    for (HostPorts.Request r : ports) {
      // a port another container of Berth's holds: dockerd's allocator's words, not the socket's
      boolean taken = r.hostLow() != 0 && r.hostLow() == r.hostHigh() && held.values().stream()
          .flatMap(h -> h.mappings().stream()).anyMatch(m -> m.hostPort() == r.hostLow() && m.protocol().equals(r.protocol())
              && (m.hostIp().isEmpty() || r.hostIp().isEmpty() || m.hostIp().equals(r.hostIp())));
      if (taken) {
        throw new SystemException("driver failed programming external connectivity on endpoint " + containerName
            + " (" + NetworkService.endpointId(containerId, networkId) + "): Bind for "
            + (r.hostIp().isEmpty() ? "0.0.0.0" : r.hostIp()) + ":" + r.hostLow() + " failed: port is already allocated");
      }
    }
    try {
      HostPorts.Held h = HostPorts.reserve(ports, address);
      held.put(containerId, h);
      return h.mappings();
    } catch (HostPorts.InUse e) {
      throw new SystemException("driver failed programming external connectivity on endpoint " + containerName
          + " (" + NetworkService.endpointId(containerId, networkId) + "): " + e.getMessage());
    }
  }

  /** Gives the container's host ports back at once, its teardown following: a next start may take them. */
  public void releasePorts(String containerId) {
    HostPorts.Held h = held.remove(containerId);
    if (h != null) {
      h.close();
    }
  }

  /**
   * After a berthd restart, the anchors found are this berthd's again (its stop takes them
   * down), and each running container's forwarding chain is made sure of.
   */
  public synchronized void adopt(String containerId) {
    for (Endpoint e : all(containerId)) {
      if (containerId.startsWith(ANCHOR + "-")) {
        anchored.add(e.networkId());
      }
      try {
        new DnatForward(e.networkId().substring(0, 12), e.bridge(), Subnet.parse(e.subnet())).install();
      } catch (RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "cannot restore the forwarding of " + e.network() + ": " + ex.getMessage());
      }
    }
  }

  /** The anchors recorded (after a crash, from the berthd before). */
  public List<String> anchors() {
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(ANCHOR + "-") && n.endsWith(".json"))
            .forEach(n -> out.add(n.substring(0, n.length() - 5)));
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot list " + dir + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * After a berthd restart, a running container's host ports are bound again, so that no other
   * start takes them; one some other program took meanwhile is logged.
   */
  public void holdAgain(String containerId) {
    Optional<Endpoint> e = endpoint(containerId);
    if (e.isEmpty() || e.get().ports().isEmpty() || held.containsKey(containerId)) {
      return;
    }
    try {
      held.put(containerId, HostPorts.reserveAgain(e.get().ports(), e.get().address()));
    } catch (RuntimeException ex) {
      LOG.log(System.Logger.Level.WARNING, "cannot hold the published ports of " + containerId + " again: "
          + ex.getMessage());
    }
  }

  /**
   * Takes the container off its network: netavark's teardown, the namespace, the lease and the
   * record, each attempted whatever became of the one before, as netavark 1.4 reports an error
   * for a teardown that did most of its work (a stopped aardvark-dns, a namespace gone).
   */
  public void detach(String containerId) {
    List<Endpoint> all = all(containerId);
    for (Endpoint e : all.reversed()) {
      if (e.iface().equals("eth0")) {
        teardown(e);
      } else {
        detachOne(containerId, e.networkId());
      }
    }
    HostPorts.Held h = held.remove(containerId);
    if (h != null) {
      h.close();
    }
    try {
      netns.remove(containerId);
    } catch (RuntimeException ex) {
      LOG.log(System.Logger.Level.WARNING, ex.getMessage());
    }
    for (String networkId : ipam.networks()) {
      ipam.release(networkId, containerId);
    }
    try {
      Files.deleteIfExists(file(containerId));
    } catch (IOException ex) {
      LOG.log(System.Logger.Level.WARNING, "cannot remove the endpoint record of " + containerId + ": "
          + ex.getMessage());
    }
  }

  /** The container's endpoint while it has one. */
  public Optional<Endpoint> endpoint(String containerId) {
    return read(file(containerId));
  }

  private Optional<Endpoint> read(Path f) {
    try {
      return Files.isRegularFile(f) ? Optional.of(Json.parse(Files.readAllBytes(f), Endpoint.class)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "unreadable endpoint record " + f + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Every container holding something on the network (a record, a namespace or a lease), so that
   * a restart can take back what a crash between two steps left.
   */
  public Set<String> holders() {
    Set<String> ids = new TreeSet<>();
    for (Path d : List.of(dir, netns.dir())) {
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.list(d)) {
          // a temporary file of an atomic write is nobody's (".<name>.json<n>.tmp")
          s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
              .map(n -> n.replaceFirst("\\.json$", "").replaceFirst("\\+.*", "")).forEach(ids::add);
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "cannot list " + d + ": " + e.getMessage());
        }
      }
    }
    for (String networkId : ipam.networks()) {
      ids.addAll(ipam.leases(networkId).values());
    }
    ids.removeIf(id -> id.startsWith(ANCHOR + "-"));
    return ids;
  }

  private Path file(String containerId) {
    return dir.resolve(containerId + ".json");
  }

  private void write(Endpoint e) {
    try {
      Files.createDirectories(dir);
      AtomicFiles.write(file(e.key()), Json.bytes(e));
    } catch (IOException ex) {
      throw new SystemException("cannot record the endpoint of " + e.containerId() + ": " + ex.getMessage(), ex);
    }
  }
}
