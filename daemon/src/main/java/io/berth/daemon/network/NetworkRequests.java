package io.berth.daemon.network;

import io.berth.api.model.network.NetworkCreateRequest;
import io.berth.common.error.ForbiddenException;
import io.berth.common.error.InvalidParameterException;
import io.berth.network.Subnet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code POST /networks/create} turned into a user-defined network, with dockerd's checks and
 * words: a bridge network with one IPv4 subnet (the user's, or a free one of Berth's pool), and
 * every option Berth does not act on refused by name.
 */
final class NetworkRequests {
  private static final String POOL_FIRST = "10.67.0.0";
  private static final int POOL_NETWORKS = 13 * 256; // 10.67.0.0/24 to 10.79.255.0/24

  private NetworkRequests() {}

  /**
   * @param taken the subnets of Berth's networks
   * @param ifaceInUse whether a bridge name is another network's or the host's
   */
  static UserNetwork toNetwork(NetworkCreateRequest r, String id, String name, List<Subnet> taken,
      Predicate<String> ifaceInUse) {
    String driver = r.driver() == null || r.driver().isEmpty() ? "bridge" : r.driver();
    if (driver.equals("host") || driver.equals("null")) {
      throw new ForbiddenException("only one instance of \"" + driver + "\" network is allowed");
    }
    if (!driver.equals("bridge")) {
      throw new InvalidParameterException("berth does not support the " + driver + " network driver yet");
    }
    refuseIf(Boolean.TRUE.equals(r.enableIpv6()), "--ipv6");
    refuseIf(Boolean.FALSE.equals(r.enableIpv4()), "--ipv4=false");
    refuseIf(r.ingress(), "--ingress");
    refuseIf(r.configOnly(), "--config-only");
    refuseIf(r.configFrom() != null && !r.configFrom().isNull() && !r.configFrom().path("Network").asText("").isEmpty(),
        "--config-from");
    String iface = null;
    String mtu = null;
    Map<String, String> options = r.options() == null ? Map.of() : r.options();
    for (var o : options.entrySet()) {
      switch (o.getKey()) {
        case "com.docker.network.bridge.name" -> iface = o.getValue();
        case "com.docker.network.driver.mtu" -> mtu = o.getValue();
        default -> throw new InvalidParameterException("berth does not support the network option " + o.getKey()
            + " (-o) yet");
      }
    }
    if (iface != null) {
      if (iface.isEmpty() || iface.length() > 15 || !iface.matches("[a-zA-Z0-9_.-]+") || iface.matches("\\.+")) {
        throw new InvalidParameterException("invalid bridge name \"" + iface + "\"");
      }
      if (ifaceInUse.test(iface)) {
        throw new ForbiddenException("bridge name " + iface + " is already in use");
      }
    }
    if (mtu != null && (!mtu.matches("[0-9]{2,5}") || Integer.parseInt(mtu) < 68 || Integer.parseInt(mtu) > 65535)) {
      throw new InvalidParameterException("invalid mtu \"" + mtu + "\": it must be between 68 and 65535");
    }
    if (r.scope() != null && !r.scope().isEmpty() && !r.scope().equals("local")) {
      throw new InvalidParameterException("berth does not support --scope " + r.scope() + " yet: networks are local");
    }
    var ipam = r.ipam();
    if (ipam != null && ipam.driver() != null && !ipam.driver().isEmpty() && !ipam.driver().equals("default")) {
      throw new InvalidParameterException("berth does not support the " + ipam.driver() + " IPAM driver yet");
    }
    refuseIf(ipam != null && ipam.options() != null && !ipam.options().isEmpty(), "--ipam-opt");
    List<NetworkCreateRequest.IpamConfig> configs = ipam == null || ipam.config() == null ? List.of() : ipam.config();
    if (configs.size() > 1) {
      throw new InvalidParameterException("berth does not support more than one subnet per network yet");
    }
    Subnet subnet;
    String ipRange = null;
    if (configs.isEmpty() || configs.getFirst().subnet() == null || configs.getFirst().subnet().isEmpty()) {
      refuseIf(!configs.isEmpty() && (nonEmpty(configs.getFirst().gateway()) || nonEmpty(configs.getFirst().ipRange())),
          "--gateway or --ip-range without --subnet");
      subnet = freeSubnet(taken);
    } else {
      var c = configs.getFirst();
      refuseIf(c.subnet().contains(":"), "IPv6 subnets");
      refuseIf(c.auxiliaryAddresses() != null && !c.auxiliaryAddresses().isEmpty(), "--aux-address");
      subnet = Subnet.parse(c.subnet());
      if (!Subnet.format(subnet.network()).equals(c.subnet().substring(0, c.subnet().indexOf('/')))) {
        throw new InvalidParameterException("invalid subnet " + c.subnet() + " : it should be "
            + subnet.cidr());
      }
      if (nonEmpty(c.gateway())) {
        subnet = subnet.withGateway(c.gateway());
      }
      if (nonEmpty(c.ipRange())) {
        Subnet range = Subnet.parse(c.ipRange());
        if (!subnet.contains(range.network()) || range.prefix() < subnet.prefix()) {
          throw new InvalidParameterException("Invalid Address: " + c.ipRange() + " is not within " + subnet.cidr());
        }
        ipRange = range.cidr();
      }
      for (Subnet other : taken) {
        if (other.contains(subnet.network()) || subnet.contains(other.network())) {
          throw new ForbiddenException("invalid pool request: Pool overlaps with other one on this address space");
        }
      }
    }
    boolean staticSubnet = !configs.isEmpty() && nonEmpty(configs.getFirst().subnet());
    return new UserNetwork(id, name, Instant.now().toString(), subnet.cidr(), subnet.gatewayAddress(),
        ipRange, staticSubnet, r.internal(), r.attachable(), iface == null ? "berth" + id.substring(0, 10) : iface, mtu, options,
        r.labels());
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static void refuseIf(boolean set, String option) {
    if (set) {
      throw new InvalidParameterException("berth does not support " + option + " for networks yet");
    }
  }

  /**
   * The lowest /24 of Berth's pool (10.67.0.0 to 10.79.255.0: clear of Docker's and Podman's
   * pools) that overlaps no network of Berth's and no route of the host's.
   */
  private static Subnet freeSubnet(List<Subnet> inUse) {
    List<Subnet> taken = new ArrayList<>(inUse);
    taken.addAll(HostRoutes.ipv4());
    int base = Subnet.address(POOL_FIRST);
    for (int i = 0; i < POOL_NETWORKS; i++) {
      Subnet candidate = Subnet.parse(Subnet.format(base + (i << 8)) + "/24");
      if (taken.stream().noneMatch(t -> t.contains(candidate.network()) || candidate.contains(t.network()))) {
        return candidate;
      }
    }
    throw new ForbiddenException("could not find an available, non-overlapping IPv4 address pool among the"
        + " defaults to assign to the network");
  }
}
