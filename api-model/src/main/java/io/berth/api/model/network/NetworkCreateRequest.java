package io.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code POST /networks/create}: what {@code docker network create} sends. */
public record NetworkCreateRequest(
    @JsonProperty("Name") String name,
    @JsonProperty("CheckDuplicate") Boolean checkDuplicate,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Scope") String scope,
    @JsonProperty("EnableIPv4") Boolean enableIpv4,
    @JsonProperty("EnableIPv6") Boolean enableIpv6,
    @JsonProperty("IPAM") Ipam ipam,
    @JsonProperty("Internal") boolean internal,
    @JsonProperty("Attachable") boolean attachable,
    @JsonProperty("Ingress") boolean ingress,
    @JsonProperty("ConfigOnly") boolean configOnly,
    @JsonProperty("ConfigFrom") JsonNode configFrom,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels) {

  public record Ipam(
      @JsonProperty("Driver") String driver,
      @JsonProperty("Options") Map<String, String> options,
      @JsonProperty("Config") List<IpamConfig> config) {}

  public record IpamConfig(
      @JsonProperty("Subnet") String subnet,
      @JsonProperty("IPRange") String ipRange,
      @JsonProperty("Gateway") String gateway,
      @JsonProperty("AuxiliaryAddresses") Map<String, String> auxiliaryAddresses) {}

  /** The answer: the new network's id, and no warning. */
  public record Response(@JsonProperty("Id") String id, @JsonProperty("Warning") String warning) {}
}
