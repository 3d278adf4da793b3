package io.berth.daemon.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.model.network.NetworkCreateRequest;
import io.berth.api.model.network.NetworkInspect;
import io.berth.api.model.network.NetworkPruneResponse;
import io.berth.api.server.backend.NetworkBackend;
import io.berth.common.Digest;
import io.berth.common.Id;
import io.berth.common.error.ConflictException;
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
  private final Path userDir;
  private final BridgeNetwork bridge;
  /** User-defined networks by id, in creation order. */
  private final Map<String, UserNetwork> user = new LinkedHashMap<>();

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
    this.userDir = root.resolve("networks");
    this.bridge = iface == null ? null : new BridgeNetwork(predefinedId(BridgeNetwork.NAME), iface, subnet);
    loadUserNetworks();
    this.endpoints = plumbing == null
        ? new Endpoints(null, null, new Netns(root.resolve("netns")), new Ipam(root.resolve("ipam")),
            root.resolve("endpoints"))
        : new Endpoints(bridge, plumbing.netavark(), plumbing.netns(), plumbing.ipam(), plumbing.endpoints());
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  private io.berth.daemon.events.EventBus events = new io.berth.daemon.events.EventBus();

  /** Where this service's network events go (a bus of its own until told). */
  public void publishTo(io.berth.daemon.events.EventBus bus) {
    this.events = bus;
  }

  /** A network event: the network's name and type, besides {@code extra}, as dockerd sends them. */
  public void event(String networkId, String action, Map<String, String> extra) {
    Map<String, String> a = new LinkedHashMap<>(extra);
    String name = nameOf(networkId);
    a.put("name", name);
    // the driver's name, as dockerd's events carry it
    a.put("type", name.equals("host") ? "host" : name.equals("none") ? "null" : "bridge");
    events.publish("network", action, networkId, a);
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
    for (NetworkInspect n : all()) {
      if (matches(n, filters, isPredefined(n))) {
        out.add(detailed ? withContainers(n) : n);
      }
    }
    return out;
  }

  private boolean isPredefined(NetworkInspect n) {
    return predefined.stream().anyMatch(p -> p.id().equals(n.id()));
  }

  private synchronized List<NetworkInspect> all() {
    List<NetworkInspect> all = new ArrayList<>(predefined);
    user.values().forEach(u -> all.add(inspectOf(u)));
    return all;
  }

  private boolean matches(NetworkInspect n, Filters f, boolean builtin) {
    // a predefined network is builtin, never dangling, and carries no labels
    return anyOrNone(f.get("driver"), d -> d.equals(n.driver()))
        && anyOrNone(f.get("name"), s -> n.name().contains(s))
        && anyOrNone(f.get("id"), s -> n.id().contains(s))
        && anyOrNone(f.get("scope"), s -> s.equals(n.scope()))
        && anyOrNone(f.get("type"), s -> s.equals(builtin ? "builtin" : "custom"))
        && f.get("label").stream().allMatch(l -> Filters.labelMatches(n.labels(), l))
        && (!f.has("dangling") || f.bool("dangling") == (!builtin && !inUse(n)));
  }

  /** Whether any container, running or not, is on the network: by its mode or connected to it. */
  private boolean inUse(NetworkInspect n) {
    return containers.all().stream().anyMatch(c -> isOn(c, n.id()));
  }

  private boolean isOn(Container c, String networkId) {
    return networkId.equals(idOf(c.networkMode())) || c.connected().containsKey(networkId);
  }

  private static boolean anyOrNone(List<String> values, java.util.function.Predicate<String> p) {
    return values.isEmpty() || values.stream().anyMatch(p);
  }

  @Override
  public NetworkInspect networkInspect(String term) {
    return withContainers(find(term));
  }

  private NetworkInspect find(String term) {
    List<NetworkInspect> all = all();
    for (NetworkInspect n : all) {
      if (n.id().equals(term)) {
        return n;
      }
    }
    for (NetworkInspect n : all) {
      if (n.name().equals(term)) {
        return n;
      }
    }
    List<NetworkInspect> byPrefix = all.stream().filter(n -> !term.isEmpty() && n.id().startsWith(term)).toList();
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
      if (c.state().running() && isOn(c, n.id())) {
        var e = endpoints.all(c.id()).stream().filter(x -> x.networkId().equals(n.id())).findFirst();
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

  private String predefinedId(String name) {
    return predefined.stream().filter(n -> n.name().equals(name)).map(NetworkInspect::id).findFirst().orElse(null);
  }

  /** A network's id by name, id or id prefix (a container's mode names it so), or null. */
  public String idOf(String term) {
    try {
      return term == null || term.isEmpty() ? null : find(term).id();
    } catch (NotFoundException | InvalidParameterException e) {
      return null;
    }
  }

  /** A network's name by the term a container's mode names it by, or the term. */
  public String nameOf(String term) {
    try {
      return find(term).name();
    } catch (NotFoundException | InvalidParameterException e) {
      return term;
    }
  }

  /** Whether containers can be put on the network (a bridge: the default one or one of the user's). */
  public boolean attachableExists(String term) {
    NetworkInspect n = find(term);
    return n.driver().equals("bridge") && (bridge != null || !n.name().equals(BridgeNetwork.NAME));
  }

  /** The bridge network a container's mode names. */
  public synchronized AttachableNetwork attachable(String term) {
    NetworkInspect n = find(term);
    if (bridge != null && n.id().equals(bridge.id())) {
      return bridge.attachable();
    }
    UserNetwork u = user.get(n.id());
    if (u == null) {
      throw new NotFoundException("network " + term + " not found");
    }
    return u.plan();
  }

  /** Whether the network is one of the user's (names, aliases and addresses of choice apply). */
  public synchronized boolean isUserDefined(String term) {
    return user.containsKey(idOf(term));
  }

  /** The user-defined network a container's mode names, or null. */
  public synchronized UserNetwork userNetwork(String term) {
    return user.get(idOf(term));
  }

  @Override
  public synchronized NetworkCreateRequest.Response networkCreate(NetworkCreateRequest r) {
    String name = r.name() == null ? "" : r.name();
    if (List.of("bridge", "host", "none", "default").contains(name)) {
      throw new ForbiddenException("operation is not permitted on predefined " + name + " network ");
    }
    if (name.isEmpty() || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw new InvalidParameterException("invalid network name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    if (all().stream().anyMatch(n -> n.name().equals(name))) {
      throw new ConflictException("network with name " + name + " already exists");
    }
    String id = Id.random();
    // a bridge of its own: never another network's, nor one the host has (docker0, virbr0...)
    UserNetwork n = NetworkRequests.toNetwork(r, id, name, subnets(),
        wanted -> (bridge != null && bridge.iface().equals(wanted))
            || user.values().stream().anyMatch(u -> u.iface().equals(wanted))
            || Files.exists(Path.of("/sys/class/net", wanted)));
    write(n);
    user.put(id, n);
    event(id, "create", Map.of());
    return new NetworkCreateRequest.Response(id, "");
  }

  /** Every subnet in use: the default bridge's and the user networks'. */
  private List<Subnet> subnets() {
    List<Subnet> out = new ArrayList<>();
    if (bridge != null) {
      out.add(bridge.subnet());
    }
    user.values().forEach(u -> out.add(u.parsedSubnet()));
    return out;
  }

  @Override
  public void networkRemove(String term) {
    NetworkInspect n = find(term);
    if (isPredefined(n)) {
      throw new ForbiddenException(n.name() + " is a pre-defined network and cannot be removed");
    }
    synchronized (this) {
      List<String> active = containers.all().stream()
          .filter(c -> c.state().running() && isOn(c, n.id()))
          .map(c -> "name:\"" + c.name() + "\" id:\"" + c.id().substring(0, 12) + "\"").toList();
      if (!active.isEmpty()) {
        throw new ForbiddenException("error while removing network: network " + n.name() + " has active endpoints ("
            + String.join(", ", active) + ")");
      }
      UserNetwork u = user.get(n.id());
      if (u == null) {
        throw new NotFoundException("network " + term + " not found");
      }
      endpoints.release(u.plan());
      event(n.id(), "destroy", Map.of());
      user.remove(n.id());
      try {
        Files.deleteIfExists(userDir.resolve(n.id() + ".json"));
      } catch (IOException e) {
        throw new SystemException("cannot remove network " + n.name() + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public NetworkPruneResponse networkPrune(Filters filters) {
    filters.validate(PRUNE_FILTERS);
    Instant until = filters.has("until") ? Filters.timestamp(filters.get("until").getLast()) : null;
    List<String> removed = new ArrayList<>();
    for (NetworkInspect n : all()) {
      if (isPredefined(n) || inUse(n) || !filters.get("label").stream().allMatch(l -> Filters.labelMatches(n.labels(), l))
          || filters.get("label!").stream().anyMatch(l -> Filters.labelMatches(n.labels(), l))
          || (until != null && !Instant.parse(n.created()).isBefore(until))) {
        continue;
      }
      try {
        networkRemove(n.id());
        removed.add(n.name());
      } catch (RuntimeException e) {
        // in use since: kept, as dockerd keeps it
      }
    }
    return new NetworkPruneResponse(removed.isEmpty() ? null : removed);
  }

  private NetworkInspect inspectOf(UserNetwork u) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("Subnet", u.subnet());
    if (u.ipRange() != null) {
      config.put("IPRange", u.ipRange());
    }
    config.put("Gateway", u.gateway());
    return new NetworkInspect(u.name(), u.id(), u.created(), "local", "bridge", true, false,
        new NetworkInspect.Ipam("default", Map.of(), List.of(config)), u.internal(), u.attachable(), false,
        new NetworkInspect.ConfigReference(""), false, Map.of(), u.options(), u.labels());
  }

  private void loadUserNetworks() {
    if (!Files.isDirectory(userDir)) {
      return;
    }
    try (var files = Files.list(userDir)) {
      List<UserNetwork> loaded = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        try {
          loaded.add(Json.parse(Files.readAllBytes(f), UserNetwork.class));
        } catch (IOException | RuntimeException e) {
          System.getLogger("berth.network").log(System.Logger.Level.WARNING, "cannot read network " + f + ": "
              + e.getMessage());
        }
      }
      loaded.sort(java.util.Comparator.comparing(UserNetwork::created));
      loaded.forEach(u -> user.put(u.id(), u));
    } catch (IOException e) {
      throw new SystemException("cannot read the networks in " + userDir + ": " + e.getMessage(), e);
    }
  }

  private void write(UserNetwork n) {
    try {
      Files.createDirectories(userDir);
      AtomicFiles.write(userDir.resolve(n.id() + ".json"), Json.bytes(n));
    } catch (IOException e) {
      throw new SystemException("cannot record network " + n.name() + ": " + e.getMessage(), e);
    }
  }
}
