package io.berth.daemon.network;

import io.berth.network.Netavark;
import io.berth.network.Subnet;

/**
 * The default bridge: dockerd's {@code bridge} network, on Berth's own interface and subnet
 * (berthd's {@code --bridge} and {@code --bip}), so that it never meets a Docker's docker0 or a
 * Podman's podman0 on the same host.
 */
public record BridgeNetwork(String id, String iface, Subnet subnet) {
  public static final String NAME = "bridge";
  public static final String DEFAULT_IFACE = "berth0";
  /** Outside Docker's pools (172.17-31/16, 192.168/16) and Podman's (10.88/16 and 10.89/16 up). */
  public static final String DEFAULT_BIP = "10.66.0.1/16";

  /**
   * The network as netavark is told it: netavark names its firewall chains from a hash of the
   * name, so the name is Berth's own, and unique per data root, never "bridge" or "podman".
   */
  public Netavark.Network plumbing() {
    // isolated, as dockerd isolates its default bridge from user-defined networks
    return new Netavark.Network("berth-" + id.substring(0, 12), id, iface, subnet, false, false,
        java.util.Map.of("isolate", "true"));
  }

  public AttachableNetwork attachable() {
    return new AttachableNetwork(id, NAME, plumbing(), null, false);
  }
}
