package io.berth.daemon.lifecycle;

import io.berth.common.Id;
import io.berth.common.error.ConflictException;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.network.AttachableNetwork;
import io.berth.daemon.network.Endpoints;
import io.berth.daemon.network.NetworkService;
import io.berth.daemon.network.PublishedPorts;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's networking as its lifecycle needs it: its place on the network of its mode and on
 * those it was connected to, the namespace it joins in {@code container:} mode, its legacy links,
 * and {@code network connect}/{@code disconnect}. The caller holds the container's lock.
 */
final class ContainerNetworking {
  private final ContainerStore store;
  private final NetworkService networks;
  private final Endpoints endpoints;

  ContainerNetworking(ContainerStore store, NetworkService networks) {
    this.store = store;
    this.networks = networks;
    this.endpoints = networks.endpoints();
  }

  /** Puts a container on the network of its mode; dockerd's words when that fails. */
  Endpoints.Pending attach(Container c) {
    try {
      AttachableNetwork net = networks.attachable(c.networkMode());
      return endpoints.attach(c.id(), c.name(), net, PublishedPorts.requests(c.config(), c.hostConfig()),
          net.userDefined() ? dnsNames(c, c.endpoint()) : List.of(), net.userDefined() ? c.endpoint().ipv4() : null,
          net.userDefined() ? dnsServers(c) : List.of(), c.endpoint().mac());
    } catch (SystemException | ConflictException e) {
      throw new SystemException("failed to set up container networking: " + e.getMessage(), e);
    }
  }

  /**
   * What the container's legacy links give it at this start: each child must run on the default
   * bridge, whose address it gets, as dockerd checks them.
   */
  Links.Resolved links(Container c) {
    List<String> links = c.hostConfig().links();
    if (links == null || links.isEmpty() || !c.networkMode().equals("bridge")) {
      return Links.Resolved.NONE;
    }
    List<String> env = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String stored : links) {
      Links.Link l = Links.Link.parse(stored);
      Container child = store.find(l.child());
      if (!child.state().running()) {
        throw new InvalidParameterException("Cannot link to a non running container: /" + child.name() + " AS /"
            + c.name() + "/" + l.alias());
      }
      var ep = endpoints.endpoint(child.id());
      if (!child.networkMode().equals("bridge") || ep.isEmpty()) {
        throw new InvalidParameterException("Cannot link to /" + child.name()
            + ", as it does not belong to the default network");
      }
      String hostname = child.config().hostname() == null ? Id.shortId(child.id()) : child.config().hostname();
      hosts.add(Links.hostsLine(new Links.Link(child.name(), l.alias()), ep.get().address(), hostname));
      env.addAll(Links.env(c.name(), l, ep.get().address(), child.config().env(), child.config().exposedPorts()));
    }
    return new Links.Resolved(env, hosts);
  }

  /**
   * The network namespace {@code --network container:<x>} joins: the other container's, while it
   * runs (its namespace file on a bridge, the host's, or its process's own).
   */
  SpecFactory.Joined joined(Container c) {
    Container other = store.find(c.networkMode().substring("container:".length()));
    if (other.id().equals(c.id())) {
      throw new InvalidParameterException("cannot join own network");
    }
    if (!(other.state() instanceof ContainerState.Running r)) {
      throw new ConflictException("cannot join network namespace of a non running container: " + other.name());
    }
    String hostname = other.config().hostname() == null || other.config().hostname().isEmpty()
        ? Id.shortId(other.id()) : other.config().hostname();
    String netns = other.networkMode().equals("host") ? "host"
        : endpoints.endpoint(other.id()).map(Endpoints.Endpoint::netns).orElse("/proc/" + r.pid() + "/ns/net");
    return new SpecFactory.Joined(netns, hostname, other.dir());
  }

  /** The names other containers find it by on a user-defined network, besides its own: dockerd's DNSNames. */
  private static List<String> dnsNames(Container c, io.berth.daemon.container.EndpointRequest asked) {
    List<String> aliases = new ArrayList<>(asked.aliases());
    aliases.add(Id.shortId(c.id()));
    String hostname = c.config().hostname();
    if (hostname != null && !hostname.isEmpty() && !aliases.contains(hostname) && !hostname.equals(c.name())) {
      aliases.add(hostname);
    }
    return aliases;
  }

  /** {@code --dns} on a user-defined network: the upstreams of the network's DNS for this container. */
  private static List<String> dnsServers(Container c) {
    return c.hostConfig().dns() == null ? List.of() : c.hostConfig().dns();
  }

  /**
   * {@code docker network connect}: the container gets the network now if it runs, else at its
   * next start; it is recorded either way.
   */
  void connect(Container current, String networkTerm, io.berth.api.model.network.EndpointSettings settings) {
    Container c = current;
    String mode = c.networkMode();
    if (mode.equals("host") || mode.startsWith("container:")) {
      throw new InvalidParameterException("container sharing network namespace with another container or host "
          + "cannot be connected to any other network");
    }
    if (mode.equals("none") || networkTerm.equals("none")) {
      throw new InvalidParameterException("container cannot be connected to multiple networks with one of the "
          + "networks in private (none) mode");
    }
    if (networkTerm.equals("host")) {
      throw new InvalidParameterException("cannot connect container to host network - container must be created "
          + "in host network mode");
    }
    AttachableNetwork net = networks.attachable(networkTerm);
    if (net.id().equals(networks.idOf(mode)) || c.connected().containsKey(net.id())) {
      throw new io.berth.common.error.ForbiddenException("endpoint with name " + c.name()
          + " already exists in network " + net.name());
    }
    if (settings != null && ((settings.links() != null && !settings.links().isEmpty())
        || (settings.driverOpts() != null && !settings.driverOpts().isEmpty()) || settings.gwPriority() != 0)) {
      throw new InvalidParameterException("berth does not support --link, --driver-opt or --gw-priority for "
          + "network connect yet");
    }
    var asked = Creator.requestOf(settings);
    Creator.check(asked, networks.userNetwork(net.id()));
    var more = new java.util.LinkedHashMap<>(c.connected());
    more.put(net.id(), asked);
    Container before = c;
    c = store.update(c.id(), x -> x.withConnected(more));
    if (c.state().running()) {
      try {
        endpoints.attachMore(c.id(), c.name(), net, net.userDefined() ? dnsNames(c, asked) : List.of(),
            net.userDefined() ? asked.ipv4() : null, net.userDefined() ? dnsServers(c) : List.of(), asked.mac());
      } catch (RuntimeException e) {
        store.update(c.id(), x -> x.withConnected(before.connected()));
        throw e;
      }
    }
    networks.event(net.id(), "connect", java.util.Map.of("container", c.id()));
  }

  /** {@code docker network disconnect}: from a network it was connected to. */
  void disconnect(Container current, String networkTerm) {
    Container c = current;
    if (networkTerm.equals("host") && c.networkMode().equals("host")) {
      throw new InvalidParameterException("cannot disconnect container from host network - container was created "
          + "in host network mode");
    }
    String id = networks.idOf(networkTerm);
    if (id == null) {
      throw new io.berth.common.error.NotFoundException("network " + networkTerm + " not found");
    }
    String name = networks.nameOf(id);
    if (id.equals(networks.idOf(c.networkMode()))) {
      throw new InvalidParameterException("berth does not support disconnecting a container from the network it"
          + " was created on (" + name + ") yet");
    }
    if (!c.connected().containsKey(id)) {
      throw new SystemException("container " + c.id() + " is not connected to network " + name);
    }
    var fewer = new java.util.LinkedHashMap<>(c.connected());
    fewer.remove(id);
    c = store.update(c.id(), x -> x.withConnected(fewer));
    endpoints.detachOne(c.id(), id);
    networks.event(id, "disconnect", java.util.Map.of("container", c.id()));
  }

  /** The networks the container was connected to besides its mode's: each its next interface. */
  void attachConnected(Container c) {
    for (var extra : c.connected().entrySet()) {
      AttachableNetwork more = networks.attachable(extra.getKey());
      endpoints.attachMore(c.id(), c.name(), more, more.userDefined() ? dnsNames(c, extra.getValue()) : List.of(),
          more.userDefined() ? extra.getValue().ipv4() : null, more.userDefined() ? dnsServers(c) : List.of(),
          extra.getValue().mac());
    }
  }

  /**
   * dockerd's network events as a container starts ("connect") and stops ("disconnect"): one for
   * each network it is on, the host and none networks too; none for a container sharing another's.
   */
  void announce(Container c, String action) {
    if (c.networkMode().startsWith("container:")) {
      return;
    }
    String id = networks.idOf(c.networkMode());
    if (id != null) {
      networks.event(id, action, java.util.Map.of("container", c.id()));
    }
    for (String more : c.connected().keySet()) {
      networks.event(more, action, java.util.Map.of("container", c.id()));
    }
  }

  /** Whether the container's mode is a bridge network: the default one or one of the user's. */
  static boolean onBridge(Container c) {
    String mode = c.networkMode();
    return !mode.equals("none") && !mode.equals("host") && !mode.startsWith("container:");
  }

  NetworkService networks() {
    return networks;
  }

  /** Docker's words for a network that could not be set up. */
  static void await(Endpoints.Pending net) {
    try {
      net.ready().join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new SystemException("failed to set up container networking: "
          + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e.getCause());
    }
  }
}
