package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One row of {@code GET /containers/json}. */
public record ContainerSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("Command") String command,
    @JsonProperty("Created") long created,
    @JsonProperty("Ports") List<Object> ports,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("HostConfig") SummaryHostConfig hostConfig,
    @JsonProperty("NetworkSettings") SummaryNetworkSettings networkSettings,
    @JsonProperty("Mounts") List<Object> mounts,
    @JsonProperty("SizeRw") Long sizeRw,
    @JsonProperty("SizeRootFs") Long sizeRootFs) {

  public record SummaryHostConfig(@JsonProperty("NetworkMode") String networkMode) {}

  public record SummaryNetworkSettings(@JsonProperty("Networks") Map<String, Object> networks) {}
}
