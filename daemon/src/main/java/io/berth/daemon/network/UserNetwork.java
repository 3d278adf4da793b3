package io.berth.daemon.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.network.Netavark;
import io.berth.network.Subnet;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user-defined bridge network, as kept under the data root ({@code networks/<id>.json},
 * written atomically).
 */
public record UserNetwork(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("created") String created,
    @JsonProperty("subnet") String subnet,
    @JsonProperty("gateway") String gateway,
    @JsonProperty("ipRange") String ipRange,
    @JsonProperty("staticSubnet") boolean staticSubnet,
    @JsonProperty("internal") boolean internal,
    @JsonProperty("attachable") boolean attachable,
    @JsonProperty("iface") String iface,
    @JsonProperty("mtu") String mtu,
    @JsonProperty("options") Map<String, String> options,
    @JsonProperty("labels") Map<String, String> labels) {

  public UserNetwork {
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /**
   * dockerd's check of an address a container asks for ({@code --ip}): only on a network whose
   * subnet the user chose, and within it; null when it is fine.
   */
  public String addressProblem(String ip) {
    if (!staticSubnet) {
      return "user specified IP address is supported only when connecting to networks with user configured subnets";
    }
    int a;
    try {
      a = Subnet.address(ip);
    } catch (RuntimeException e) {
      return "invalid IPv4 address: " + ip;
    }
    Subnet s = parsedSubnet();
    if (!s.contains(a) || a == s.network()) {
      return "no configured subnet or ip-range contain the IP address " + ip;
    }
    return a == Endpoints.anchorAddress(s) ? "the IP address " + ip + " is reserved for the network's bridge by Berth"
        : null;
  }

  Subnet parsedSubnet() {
    return Subnet.parse(subnet).withGateway(gateway);
  }

  /**
   * As netavark is told it: with DNS (aardvark-dns answers the containers' names), isolated
   * from the other networks, as dockerd isolates user-defined networks, and named from the id
   * (netavark names its chains from the name).
   */
  AttachableNetwork plan() {
    Map<String, String> o = new TreeMap<>();
    o.put("isolate", "true");
    if (mtu != null && !mtu.isEmpty()) {
      o.put("mtu", mtu);
    }
    return new AttachableNetwork(id, name, new Netavark.Network("berth-" + id.substring(0, 12), id, iface,
        parsedSubnet(), internal, true, o), ipRange == null || ipRange.isEmpty() ? null : Subnet.parse(ipRange), true);
  }
}
