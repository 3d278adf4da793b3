package io.berth.network;

import com.fasterxml.jackson.core.type.TypeReference;
import io.berth.common.error.ConflictException;
import io.berth.common.error.SystemException;
import io.berth.common.io.AtomicFiles;
import io.berth.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Addresses handed to containers, per network: the lowest free host address, as dockerd's default
 * IPAM gives them (netavark allocates nothing itself). The leases of a network are one file,
 * rewritten atomically at each change, kept where berthd's run state is: a reboot, which ends every
 * container, starts them afresh.
 */
public final class Ipam {
  private final Path dir;

  public Ipam(Path dir) {
    this.dir = dir;
  }

  /**
   * The address of {@code containerId} on the network: the one it holds already, the one it asks
   * for, or the lowest free one.
   *
   * @param requested a specific address ({@code --ip}), or null
   */
  public int allocate(String networkId, Subnet subnet, String containerId, String requested) {
    return allocate(networkId, subnet, null, containerId, requested);
  }

  /** As above, the lowest free address taken from {@code pool} ({@code --ip-range}) when one is given. */
  public synchronized int allocate(String networkId, Subnet subnet, Subnet pool, String containerId,
      String requested) {
    Map<String, String> leases = read(networkId);
    Optional<String> held = leases.entrySet().stream().filter(e -> e.getValue().equals(containerId))
        .map(Map.Entry::getKey).findFirst();
    if (held.isPresent()) {
      return Subnet.address(held.get());
    }
    int chosen;
    if (requested != null) {
      chosen = Subnet.address(requested);
      if (!subnet.contains(chosen) || chosen < subnet.firstHost() || chosen > subnet.lastHost()) {
        throw new io.berth.common.error.InvalidParameterException("no available IPv4 addresses on this network's"
            + " address pools: " + requested + " is not in " + subnet.cidr());
      }
      if (chosen == subnet.gateway() || leases.containsKey(requested)) {
        throw new ConflictException("Address already in use");
      }
    } else {
      chosen = -1;
      long first = Integer.toUnsignedLong(subnet.firstHost());
      long last = Integer.toUnsignedLong(subnet.lastHost());
      if (pool != null) {
        // the pool's network and broadcast addresses are hosts of the subnet, as in dockerd
        first = Math.max(first, Integer.toUnsignedLong(pool.network()));
        last = Math.min(last, Integer.toUnsignedLong(pool.lastHost()) + 1);
      }
      for (long a = first; a <= last; a++) {
        int candidate = (int) a;
        if (candidate != subnet.gateway() && !leases.containsKey(Subnet.format(candidate))) {
          chosen = candidate;
          break;
        }
      }
      if (chosen == -1) {
        throw new ConflictException("no available IPv4 addresses on this network's address pools: "
            + subnet.cidr());
      }
    }
    leases.put(Subnet.format(chosen), containerId);
    write(networkId, leases);
    return chosen;
  }

  /** Gives back what {@code containerId} holds on the network; nothing held is no error. */
  public synchronized void release(String networkId, String containerId) {
    Map<String, String> leases = read(networkId);
    if (leases.values().removeIf(containerId::equals)) {
      write(networkId, leases);
    }
  }

  /** The networks that have or had leases. */
  public synchronized List<String> networks() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).toList();
    } catch (IOException e) {
      throw new SystemException("cannot list the address leases in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Address to container. */
  public synchronized Map<String, String> leases(String networkId) {
    return Map.copyOf(read(networkId));
  }

  private Path file(String networkId) {
    return dir.resolve(networkId + ".json");
  }

  private Map<String, String> read(String networkId) {
    Path f = file(networkId);
    try {
      if (!Files.isRegularFile(f)) {
        return new TreeMap<>();
      }
      return new TreeMap<>(Json.mapper().readValue(Files.readAllBytes(f), new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new SystemException("cannot read the address leases in " + f + ": " + e.getMessage(), e);
    }
  }

  private void write(String networkId, Map<String, String> leases) {
    try {
      Files.createDirectories(dir);
      AtomicFiles.write(file(networkId), Json.bytes(leases));
    } catch (IOException e) {
      throw new SystemException("cannot write the address leases of " + networkId + ": " + e.getMessage(), e);
    }
  }
}
