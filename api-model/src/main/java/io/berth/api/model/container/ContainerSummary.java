package io.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.AddedIn;
import io.berth.api.model.image.Descriptor;
import java.util.List;
import java.util.Map;

/** One row of {@code GET /containers/json}, with every field any API version shows. */
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
    @JsonProperty("SizeRootFs") Long sizeRootFs,
    @AddedIn("1.48") @JsonProperty("ImageManifestDescriptor") Descriptor imageManifestDescriptor) {

  /**
   * A row without a manifest descriptor: dockerd has one only with the containerd image store,
   * and Berth's store, like dockerd's graph drivers, keeps none.
   */
  public ContainerSummary(String id, List<String> names, String image, String imageId,
      String command, long created, List<Object> ports, Map<String, String> labels, String state,
      String status, SummaryHostConfig hostConfig, SummaryNetworkSettings networkSettings,
      List<Object> mounts, Long sizeRw, Long sizeRootFs) {
    this(id, names, image, imageId, command, created, ports, labels, state, status, hostConfig,
        networkSettings, mounts, sizeRw, sizeRootFs, null);
  }

  public record SummaryHostConfig(
      @JsonProperty("NetworkMode") String networkMode,
      @AddedIn("1.46") @JsonProperty("Annotations") Map<String, String> annotations) {

    public SummaryHostConfig {
      // dockerd leaves out empty annotations
      annotations = annotations == null || annotations.isEmpty() ? null : Map.copyOf(annotations);
    }

    /** A container without annotations (Berth refuses them at create). */
    public SummaryHostConfig(String networkMode) {
      this(networkMode, null);
    }
  }

  public record SummaryNetworkSettings(@JsonProperty("Networks") Map<String, Object> networks) {}
}
