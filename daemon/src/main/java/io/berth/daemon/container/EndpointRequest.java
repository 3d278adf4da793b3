package io.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a container asked for on a network: more DNS names ({@code --network-alias}) and an
 * address of its choice ({@code --ip}) on a user-defined one, its MAC ({@code --mac-address}).
 */
public record EndpointRequest(@JsonProperty("aliases") List<String> aliases, @JsonProperty("ipv4") String ipv4,
    @JsonProperty("mac") String mac) {
  public static final EndpointRequest NONE = new EndpointRequest(List.of(), null, null);

  public EndpointRequest {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ipv4 = ipv4 == null || ipv4.isEmpty() ? null : ipv4;
    mac = mac == null || mac.isEmpty() ? null : mac.toLowerCase(java.util.Locale.ROOT);
  }
}
