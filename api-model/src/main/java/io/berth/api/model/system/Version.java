package io.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /version}: the same for every API version (it always names the newest), with
 * dockerd's omitempty fields left out when empty.
 */
public record Version(
    @JsonProperty("Platform") Map<String, String> platform,
    @JsonProperty("Components") List<Component> components,
    @JsonProperty("Version") String version,
    @JsonProperty("ApiVersion") String apiVersion,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("MinAPIVersion") String minApiVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("GoVersion") String goVersion,
    @JsonProperty("Os") String os,
    @JsonProperty("Arch") String arch,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("KernelVersion") String kernelVersion,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("BuildTime") String buildTime) {

  public record Component(
      @JsonProperty("Name") String name,
      @JsonProperty("Version") String version,
      @JsonProperty("Details") Map<String, String> details) {}
}
