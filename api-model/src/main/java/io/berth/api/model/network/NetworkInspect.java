package io.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.AddedIn;
import java.util.List;
import java.util.Map;

/** A network as {@code GET /networks} and {@code GET /networks/{id}} show it. */
public record NetworkInspect(
    @JsonProperty("Name") String name,
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Scope") String scope,
    @JsonProperty("Driver") String driver,
    @AddedIn("1.48") @JsonProperty("EnableIPv4") boolean enableIpv4,
    @JsonProperty("EnableIPv6") boolean enableIpv6,
    @JsonProperty("IPAM") Ipam ipam,
    @JsonProperty("Internal") boolean internal,
    @JsonProperty("Attachable") boolean attachable,
    @JsonProperty("Ingress") boolean ingress,
    @JsonProperty("ConfigFrom") ConfigReference configFrom,
    @JsonProperty("ConfigOnly") boolean configOnly,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Containers") Map<String, EndpointResource> containers,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Options") Map<String, String> options,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Labels") Map<String, String> labels) {

  /** {@code Options} and {@code Config} are null for the host and none networks, as dockerd writes them. */
  public record Ipam(
      @JsonProperty("Driver") String driver,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Options") Map<String, String> options,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Config") List<Map<String, String>> config) {}

  public record ConfigReference(@JsonProperty("Network") String network) {}

  /** A container on the network; the addresses are empty on host and none. */
  public record EndpointResource(
      @JsonProperty("Name") String name,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("IPv4Address") String ipv4Address,
      @JsonProperty("IPv6Address") String ipv6Address) {}

  /** This network with other containers (none in a list from API 1.28 on, as dockerd). */
  public NetworkInspect withContainers(Map<String, EndpointResource> c) {
    return new NetworkInspect(name, id, created, scope, driver, enableIpv4, enableIpv6, ipam, internal,
        attachable, ingress, configFrom, configOnly, c, options, labels);
  }
}
