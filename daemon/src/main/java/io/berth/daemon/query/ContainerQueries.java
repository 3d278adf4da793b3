package io.berth.daemon.query;

import io.berth.api.model.container.ContainerInspect;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.server.backend.ContainerListOptions;
import io.berth.daemon.container.Container;
import io.berth.api.model.network.EndpointSettings;
import io.berth.daemon.container.ContainerStore;
import io.berth.daemon.network.Endpoints;
import io.berth.daemon.network.NetworkService;
import io.berth.daemon.network.PublishedPorts;
import java.util.Map;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** List and inspect: read snapshots only, never a lock. */
public final class ContainerQueries {
  private final ContainerStore store;
  private final Function<String, String> imageIdOf;
  private final Function<String, String> rwDirOf;
  private final ToLongFunction<String> rwSizeOf;
  private final ToLongFunction<String> imageSizeOf;
  private final NetworkService networks;

  /**
   * @param imageIdOf an image reference's id, or null (for the ancestor filter)
   * @param rwDirOf a container's writable-layer directory (for GraphDriver in inspect)
   * @param rwSizeOf the bytes in a container's writable layer (for {@code size=1})
   * @param imageSizeOf an image's size by id (for {@code size=1})
   * @param networks the networks, for the containers' endpoints on them
   */
  public ContainerQueries(ContainerStore store, Function<String, String> imageIdOf,
      Function<String, String> rwDirOf, ToLongFunction<String> rwSizeOf,
      ToLongFunction<String> imageSizeOf, NetworkService networks) {
    this.networks = networks;
    this.store = store;
    this.imageIdOf = imageIdOf;
    this.rwDirOf = rwDirOf;
    this.rwSizeOf = rwSizeOf;
    this.imageSizeOf = imageSizeOf;
  }

  public List<ContainerSummary> list(ContainerListOptions o) {
    ContainerFilters.validate(o.filters());
    Instant before = createdOf(o.filters().get("before"));
    Instant since = createdOf(o.filters().get("since"));
    Instant now = Instant.now();
    boolean all = o.all() || o.limit() > 0 || o.filters().has("status") || o.filters().has("exited");
    Stream<Container> s = store.all().stream()
        .filter(c -> all || c.state().running() || c.state().restarting())
        .filter(c -> ContainerFilters.matches(c, o.filters(), imageIdOf, before, since))
        .sorted(Comparator.comparing(Container::created).reversed());
    if (o.limit() > 0) {
      s = s.limit(o.limit());
    }
    return s.map(c -> {
      if (!o.size()) {
        return ContainerViews.summary(c, now, null, null, networks(c), ports(c));
      }
      long rw = rwSizeOf.applyAsLong(c.id());
      return ContainerViews.summary(c, now, rw, rw + imageSizeOf.applyAsLong(c.imageId()), networks(c), ports(c));
    }).toList();
  }

  /** The bytes in a container's writable layer. */
  public long rwSize(String containerId) {
    return rwSizeOf.applyAsLong(containerId);
  }

  /** The creation time of the container a before/since filter names (the last one given). */
  private Instant createdOf(List<String> refs) {
    Instant t = null;
    for (String ref : refs) {
      t = store.find(ref).created();
    }
    return t;
  }

  public ContainerInspect inspect(String ref) {
    Container c = store.find(ref);
    Map<String, Object> endpoints = networks(c);
    var e = c.state().running() ? networks.endpoints().endpoint(c.id()) : java.util.Optional.<Endpoints.Endpoint>empty();
    // dockerd shows the ports of a running container only (exposed ones too, with no binding)
    Map<String, Object> ports = !c.state().running() ? null
        : PublishedPorts.inspect(c.config(), e.map(Endpoints.Endpoint::ports).orElse(List.of()));
    var settings = e.isPresent()
        ? new ContainerInspect.NetworkSettings("", e.get().sandboxId(), e.get().netns(), ports, endpoints)
        : new ContainerInspect.NetworkSettings("", "", "", ports, endpoints);
    return ContainerViews.inspect(c, rwDirOf.apply(c.id()), settings);
  }

  /** The list's ports of a running container. */
  private List<Object> ports(Container c) {
    if (!c.state().running()) {
      return List.of();
    }
    return PublishedPorts.summary(c.config(),
        networks.endpoints().endpoint(c.id()).map(Endpoints.Endpoint::ports).orElse(List.of()));
  }

  /**
   * The container's endpoint on the network of its mode: while it runs, with its id and, on the
   * bridge, its addresses; once stopped, only the network's id, as dockerd clears the rest.
   */
  private Map<String, Object> networks(Container c) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    String networkId = networks.idOf(c.networkMode());
    if (networkId != null) {
      out.put(networks.nameOf(c.networkMode()), endpointOn(c, networkId, c.endpoint()));
    }
    // the networks it was connected to besides, in the order it was
    c.connected().forEach((id, asked) -> {
      if (networks.idOf(id) != null) {
        out.put(networks.nameOf(id), endpointOn(c, id, asked));
      }
    });
    return out;
  }

  /** The container's endpoint on one network: with its addresses while it runs, its network's id only after. */
  private EndpointSettings endpointOn(Container c, String networkId, io.berth.daemon.container.EndpointRequest asked) {
    if (!c.state().running()) {
      return EndpointSettings.addressless(networkId, "");
    }
    String endpoint = NetworkService.endpointId(c.id(), networkId);
    var e = networks.endpoints().all(c.id()).stream().filter(x -> x.networkId().equals(networkId)).findFirst();
    EndpointSettings settings = e.isEmpty() ? EndpointSettings.addressless(networkId, endpoint)
        : EndpointSettings.addressed(networkId, endpoint, e.get().mac(), e.get().gateway(), e.get().address(),
            e.get().prefix());
    if (networks.isUserDefined(networkId)) {
      // dockerd's DNSNames: the name, the aliases, the short id and the hostname, each once
      java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(List.of(c.name()));
      names.addAll(asked.aliases());
      names.add(io.berth.common.Id.shortId(c.id()));
      if (c.config().hostname() != null && !c.config().hostname().isEmpty()) {
        names.add(c.config().hostname());
      }
      settings = settings.withNames(asked.aliases(), asked.ipv4(), List.copyOf(names));
    }
    return settings;
  }

}
