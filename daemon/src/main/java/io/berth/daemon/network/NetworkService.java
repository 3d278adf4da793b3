package io.berth.daemon.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.network.NetworkInspect;
import io.berth.api.model.network.NetworkPruneResponse;
import io.berth.api.server.backend.NetworkBackend;
import io.berth.common.Digest;
import io.berth.common.Id;
import io.berth.common.error.ForbiddenException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.common.filter.Filters;
import io.berth.common.io.AtomicFiles;
import io.berth.common.json.Json;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.berth.network.Ipam;
import io.berth.network.Netavark;
import io.berth.network.Netns;
import io.berth.network.Subnet;

/**
 * The networks Berth has: {@code bridge} (unless berthd runs with {@code --bridge none}),
 * {@code host} and {@code none}, predefined as in dockerd, with ids made once and kept under the
 * data root. Their containers are the running ones in that mode; on the bridge, with the address
 * of their endpoint.
 */
public final class NetworkService implements NetworkBackend {
  private static final Set<String> LIST_FILTERS = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");
  private static final Set<String> PRUNE_FILTERS = Set.of("until", "label", "label!");
  private static final Map<String, String> DRIVERS = Map.of("bridge", "bridge", "host", "host", "none", "null");

  private final ContainerStore containers;
  private final List<NetworkInspect> predefined;
  private final Endpoints endpoints;

  /** The plumbing of the default bridge: netavark, namespaces, leases, and where endpoints are recorded. */
  public record Plumbing(Netavark netavark, Netns netns, Ipam ipam, Path endpoints) {}

  /** Without a bridge: host and none only. */
  public NetworkService(ContainerStore containers, Path root) {
    this(containers, root, null, null, null);
  }

  /**
   * @param iface the default bridge's interface, or null for none
   * @param subnet the default bridge's subnet and gateway
   */
  public NetworkService(ContainerStore containers, Path root, String iface, Subnet subnet, Plumbing plumbing) {
    this.containers = containers;
    this.predefined = load(root, iface, subnet);
    BridgeNetwork bridge = iface == null ? null
        : new BridgeNetwork(idOf(BridgeNetwork.NAME), iface, subnet);
    this.endpoints = plumbing == null
        ? new Endpoints(null, null, new Netns(root.resolve("netns")), new Ipam(root.resolve("ipam")),
            root.resolve("endpoints"))
        : new Endpoints(bridge, plumbing.netavark(), plumbing.netns(), plumbing.ipam(), plumbing.endpoints());
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /** The predefined networks' ids and creation times: made at the first start, kept after. */
  private static List<NetworkInspect> load(Path root, String iface, Subnet subnet) {
    Path file = root.resolve("predefined.json");
    try {
      Map<String, Object> saved = new LinkedHashMap<>();
      if (Files.isRegularFile(file)) {
        JsonNode n = Json.tree(Files.readAllBytes(file));
        n.properties().forEach(e -> saved.put(e.getKey(), Map.of("id", e.getValue().path("id").asText(),
            "created", e.getValue().path("created").asText())));
      }
      boolean changed = false;
      List<NetworkInspect> out = new ArrayList<>();
      for (String name : iface == null ? List.of("host", "none") : List.of("bridge", "host", "none")) {
        @SuppressWarnings("unchecked")
        Map<String, String> s = (Map<String, String>) saved.get(name);
        if (s == null || !Id.isFullId(s.get("id"))) {
          s = Map.of("id", Id.random(), "created", Instant.now().toString());
          saved.put(name, s);
          changed = true;
        }
        boolean bridge = name.equals(BridgeNetwork.NAME);
        out.add(new NetworkInspect(name, s.get("id"), s.get("created"), "local", DRIVERS.get(name), true, false,
            new NetworkInspect.Ipam("default", null, bridge
                ? List.of(Map.of("Subnet", subnet.cidr(), "Gateway", subnet.gatewayAddress())) : null),
            false, false, false, new NetworkInspect.ConfigReference(""), false, Map.of(),
            bridge ? bridgeOptions(iface) : Map.of(), Map.of()));
      }
      if (changed) {
        Files.createDirectories(root);
        AtomicFiles.write(file, Json.bytes(saved));
      }
      return List.copyOf(out);
    } catch (IOException | RuntimeException e) {
      throw new SystemException("cannot read the predefined networks in " + file + ": " + e.getMessage(), e);
    }
  }

  /** dockerd's options of its default bridge, which say what the bridge does (it is not configurable). */
  private static Map<String, String> bridgeOptions(String iface) {
    Map<String, String> o = new java.util.TreeMap<>();
    o.put("com.docker.network.bridge.default_bridge", "true");
    o.put("com.docker.network.bridge.enable_icc", "true");
    o.put("com.docker.network.bridge.enable_ip_masquerade", "true");
    o.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
    o.put("com.docker.network.bridge.name", iface);
    o.put("com.docker.network.driver.mtu", "1500");
    return o;
  }

  @Override
  public List<NetworkInspect> networkList(Filters filters, boolean detailed) {
    filters.validate(LIST_FILTERS);
    for (String t : filters.get("type")) {
      if (!t.equals("custom") && !t.equals("builtin")) {
        throw new InvalidParameterException("invalid filter: 'type'='" + t + "'");
      }
    }
    List<NetworkInspect> out = new ArrayList<>();
    for (NetworkInspect n : predefined) {
      if (matches(n, filters)) {
        out.add(detailed ? withContainers(n) : n);
      }
    }
    return out;
  }

  private static boolean matches(NetworkInspect n, Filters f) {
    // a predefined network is builtin, never dangling, and carries no labels
    return anyOrNone(f.get("driver"), d -> d.equals(n.driver()))
        && anyOrNone(f.get("name"), s -> n.name().contains(s))
        && anyOrNone(f.get("id"), s -> n.id().contains(s))
        && anyOrNone(f.get("scope"), s -> s.equals(n.scope()))
        && anyOrNone(f.get("type"), s -> s.equals("builtin"))
        && f.get("label").isEmpty()
        && (!f.has("dangling") || !f.bool("dangling"));
  }

  private static boolean anyOrNone(List<String> values, java.util.function.Predicate<String> p) {
    return values.isEmpty() || values.stream().anyMatch(p);
  }

  @Override
  public NetworkInspect networkInspect(String term) {
    return withContainers(find(term));
  }

  private NetworkInspect find(String term) {
    for (NetworkInspect n : predefined) {
      if (n.id().equals(term)) {
        return n;
      }
    }
    for (NetworkInspect n : predefined) {
      if (n.name().equals(term)) {
        return n;
      }
    }
    List<NetworkInspect> byPrefix = predefined.stream().filter(n -> !term.isEmpty() && n.id().startsWith(term)).toList();
    if (byPrefix.size() == 1) {
      return byPrefix.getFirst();
    }
    if (byPrefix.size() > 1) {
      throw new InvalidParameterException("network " + term + " is ambiguous (" + byPrefix.size()
          + " matches found based on ID prefix)");
    }
    throw new NotFoundException("network " + term + " not found");
  }

  /** The running containers in the network's mode, each with an endpoint id of its own. */
  private NetworkInspect withContainers(NetworkInspect n) {
    Map<String, NetworkInspect.EndpointResource> on = new LinkedHashMap<>();
    for (Container c : containers.all()) {
      if (c.state().running() && c.networkMode().equals(n.name())) {
        var e = endpoints.endpoint(c.id());
        on.put(c.id(), new NetworkInspect.EndpointResource(c.name(), endpointId(c.id(), n.id()),
            e.map(Endpoints.Endpoint::mac).orElse(""),
            e.map(x -> x.address() + "/" + x.prefix()).orElse(""), ""));
      }
    }
    return n.withContainers(on);
  }

  /** A running container's endpoint on a network: the same in every view, made from both ids. */
  public static String endpointId(String containerId, String networkId) {
    return Digest.sha256((containerId + "/" + networkId).getBytes(StandardCharsets.UTF_8)).hex();
  }

  /** A network's id by name, or null. */
  public String idOf(String name) {
    return predefined.stream().filter(n -> n.name().equals(name)).map(NetworkInspect::id).findFirst().orElse(null);
  }

  @Override
  public void networkRemove(String term) {
    NetworkInspect n = find(term);
    throw new ForbiddenException(n.name() + " is a pre-defined network and cannot be removed");
  }

  @Override
  public NetworkPruneResponse networkPrune(Filters filters) {
    filters.validate(PRUNE_FILTERS);
    // only the predefined networks exist, and a prune never removes those
    return new NetworkPruneResponse(null);
  }
}
