package io.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.AddedIn;
import java.util.List;
import java.util.Map;

/**
 * A container's endpoint on one network, in its inspect and list entries. On {@code host} and
 * {@code none} only the network and endpoint ids are set; once the container has stopped, only the
 * network id is left, as dockerd clears the rest.
 */
public record EndpointSettings(
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("IPAMConfig") Map<String, Object> ipamConfig,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Links") List<String> links,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("MacAddress") String macAddress,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("DriverOpts") Map<String, String> driverOpts,
    @AddedIn("1.48") @JsonProperty("GwPriority") int gwPriority,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @AddedIn("1.45") @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("DNSNames") List<String> dnsNames) {

  /** An endpoint on a bridge, with the container's address (no IPv6). */
  public static EndpointSettings addressed(String networkId, String endpointId, String mac, String gateway,
      String address, int prefix) {
    return new EndpointSettings(null, null, null, mac, null, 0, networkId, endpointId, gateway, address, prefix,
        "", "", 0, null);
  }

  /**
   * The same with what the container asked for on a user-defined network (its aliases, an
   * address) and the names other containers resolve it by.
   */
  public EndpointSettings withNames(List<String> askedAliases, String askedIpv4, List<String> names) {
    return new EndpointSettings(askedIpv4 == null ? null : Map.of("IPv4Address", askedIpv4), links,
        askedAliases.isEmpty() ? null : askedAliases, macAddress, driverOpts, gwPriority, networkId, endpointId,
        gateway, ipAddress, ipPrefixLen, ipv6Gateway, globalIpv6Address, globalIpv6PrefixLen, names);
  }

  /** The same with a MAC (an API client's older place for it, Config.MacAddress). */
  public EndpointSettings withMac(String mac) {
    return new EndpointSettings(ipamConfig, links, aliases, mac, driverOpts, gwPriority, networkId, endpointId,
        gateway, ipAddress, ipPrefixLen, ipv6Gateway, globalIpv6Address, globalIpv6PrefixLen, dnsNames);
  }

  /** The same with other aliases. */
  public EndpointSettings withAliases(List<String> a) {
    return new EndpointSettings(ipamConfig, links, a, macAddress, driverOpts, gwPriority, networkId, endpointId,
        gateway, ipAddress, ipPrefixLen, ipv6Gateway, globalIpv6Address, globalIpv6PrefixLen, dnsNames);
  }

  /** An endpoint without addresses: host and none. */
  public static EndpointSettings addressless(String networkId, String endpointId) {
    return new EndpointSettings(null, null, null, "", null, 0, networkId, endpointId, "", "", 0, "", "", 0, null);
  }
}
