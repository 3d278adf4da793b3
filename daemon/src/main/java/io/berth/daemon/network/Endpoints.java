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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Containers' places on the default bridge: a network namespace kept as a file, an address leased
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
  /** The bridge's own endpoint (see {@link #anchor}) is recorded under this name. */
  static final String ANCHOR = "bridge-anchor";
  private boolean anchored;
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
      @JsonProperty("netavark") JsonNode netavark) {

    public Endpoint {
      ports = ports == null ? List.of() : List.copyOf(ports);
    }

    Endpoint withMac(String m) {
      return new Endpoint(containerId, network, networkId, address, prefix, gateway, m, netns, ports, netavark);
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
   * Puts the container on the default bridge, its published ports held; on failure nothing of it
   * is left.
   */
  public Pending attach(String containerId, String containerName, List<HostPorts.Request> ports) {
    if (bridge == null) {
      throw new NotFoundException("network " + BridgeNetwork.NAME + " not found");
    }
    anchor();
    return plumb(containerId, containerName, null, ports);
  }

  /**
   * Keeps the bridge up between containers. netavark deletes a bridge, with its firewall rules,
   * when its last endpoint leaves, and makes them again for the next one: about 120 ms of every
   * {@code run} when containers come one at a time. An endpoint of Berth's own, in an empty
   * namespace on the subnet's last address, is never the last to leave, as dockerd's docker0
   * stays up between containers. Made once, kept across a berthd crash, taken down at
   * {@link #close}. A failure is logged: containers then pay the bridge's making themselves.
   */
  public synchronized void anchor() {
    if (bridge == null || anchored) {
      return;
    }
    anchored = true;
    try {
      forward().install();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "published ports may be unreachable from other hosts: " + e.getMessage());
    }
    Optional<Endpoint> kept = endpoint(ANCHOR);
    if (kept.isPresent() && !kept.get().mac().isEmpty() && Files.exists(Path.of(kept.get().netns()))) {
      return;
    }
    try {
      detach(ANCHOR);
      plumb(ANCHOR, ANCHOR, Subnet.format(bridge.subnet().lastHost()), List.of()).ready().join();
    } catch (RuntimeException e) {
      detach(ANCHOR);
      LOG.log(System.Logger.Level.WARNING, "cannot keep the bridge " + bridge.iface() + " up: " + e.getMessage());
    }
  }

  /** Takes the bridge's own endpoint down: the bridge goes with the last container on it. */
  public synchronized void close() {
    if (anchored) {
      detach(ANCHOR);
      forward().remove();
      anchored = false;
    }
  }

  private DnatForward forward() {
    return new DnatForward(bridge.id().substring(0, 12), bridge.iface(), bridge.subnet());
  }

  private Pending plumb(String containerId, String containerName, String requested,
      List<HostPorts.Request> ports) {
    Netavark.Network net = bridge.plumbing();
    try {
      String address = Subnet.format(ipam.allocate(bridge.id(), bridge.subnet(), containerId, requested));
      List<HostPorts.Mapping> mappings = hold(containerId, containerName, ports, address);
      Path ns = netns.create(containerId);
      byte[] options = Netavark.options(
          new Netavark.Attachment(containerId, containerName, net, address, List.of(), mappings));
      Endpoint planned = new Endpoint(containerId, BridgeNetwork.NAME, bridge.id(), address,
          bridge.subnet().prefix(), bridge.subnet().gatewayAddress(), "", ns.toString(), mappings,
          Json.tree(options));
      write(planned);
      CompletableFuture<Endpoint> ready = CompletableFuture.supplyAsync(() -> {
        Netavark.Status s = netavark.setup(ns, net.name(), options);
        Endpoint done = planned.withMac(s.mac());
        write(done);
        return done;
      }, r -> Thread.ofVirtual().name("netavark-" + containerId.substring(0, 12)).start(r));
      return new Pending(ns, planned, ready);
    } catch (RuntimeException e) {
      detach(containerId);
      throw e;
    }
  }

  /** Binds the container's host ports; dockerd's words when one is taken. */
  private List<HostPorts.Mapping> hold(String containerId, String containerName, List<HostPorts.Request> ports,
      String address) {
    if (ports.isEmpty()) {
      return List.of();
    }
    try {
      HostPorts.Held h = HostPorts.reserve(ports, address);
      held.put(containerId, h);
      return h.mappings();
    } catch (HostPorts.InUse e) {
      throw new SystemException("driver failed programming external connectivity on endpoint " + containerName
          + " (" + NetworkService.endpointId(containerId, bridge.id()) + "): " + e.getMessage());
    }
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
    Optional<Endpoint> e = endpoint(containerId);
    if (e.isPresent() && e.get().netavark() != null) {
      Path ns = Path.of(e.get().netns());
      try {
        netavark.teardown(ns, Json.bytes(e.get().netavark()));
      } catch (RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "network teardown of " + containerId + ": " + ex.getMessage());
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
    if (bridge != null) {
      ipam.release(bridge.id(), containerId);
    }
    e.ifPresent(x -> ipam.release(x.networkId(), containerId));
    try {
      Files.deleteIfExists(file(containerId));
    } catch (IOException ex) {
      LOG.log(System.Logger.Level.WARNING, "cannot remove the endpoint record of " + containerId + ": "
          + ex.getMessage());
    }
  }

  /** The container's endpoint while it has one. */
  public Optional<Endpoint> endpoint(String containerId) {
    Path f = file(containerId);
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
          s.map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).forEach(ids::add);
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "cannot list " + d + ": " + e.getMessage());
        }
      }
    }
    if (bridge != null) {
      ids.addAll(ipam.leases(bridge.id()).values());
    }
    ids.remove(ANCHOR);
    return ids;
  }

  private Path file(String containerId) {
    return dir.resolve(containerId + ".json");
  }

  private void write(Endpoint e) {
    try {
      Files.createDirectories(dir);
      AtomicFiles.write(file(e.containerId()), Json.bytes(e));
    } catch (IOException ex) {
      throw new SystemException("cannot record the endpoint of " + e.containerId() + ": " + ex.getMessage(), ex);
    }
  }
}
