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

/**
 * The networks Berth has: {@code host} and {@code none}, predefined as in dockerd, with ids made
 * once and kept under the data root. Their containers are the running ones in that mode.
 */
public final class NetworkService implements NetworkBackend {
  private static final Set<String> LIST_FILTERS = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");
  private static final Set<String> PRUNE_FILTERS = Set.of("until", "label", "label!");
  private static final Map<String, String> DRIVERS = Map.of("host", "host", "none", "null");

  private final ContainerStore containers;
  private final List<NetworkInspect> predefined;

  public NetworkService(ContainerStore containers, Path root) {
    this.containers = containers;
    this.predefined = load(root);
  }

  /** The predefined networks' ids and creation times: made at the first start, kept after. */
  private static List<NetworkInspect> load(Path root) {
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
      for (String name : List.of("host", "none")) {
        @SuppressWarnings("unchecked")
        Map<String, String> s = (Map<String, String>) saved.get(name);
        if (s == null || !Id.isFullId(s.get("id"))) {
          s = Map.of("id", Id.random(), "created", Instant.now().toString());
          saved.put(name, s);
          changed = true;
        }
        out.add(new NetworkInspect(name, s.get("id"), s.get("created"), "local", DRIVERS.get(name), true, false,
            new NetworkInspect.Ipam("default", null, null), false, false, false,
            new NetworkInspect.ConfigReference(""), false, Map.of(), Map.of(), Map.of()));
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
        on.put(c.id(), new NetworkInspect.EndpointResource(c.name(), endpointId(c.id(), n.id()), "", "", ""));
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
