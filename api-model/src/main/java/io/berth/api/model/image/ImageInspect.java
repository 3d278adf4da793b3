package io.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.container.ContainerConfig;
import java.util.List;
import java.util.Map;

/** {@code GET /images/{name}/json}. */
public record ImageInspect(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") String created,
    @JsonProperty("DockerVersion") String dockerVersion,
    @JsonProperty("Author") String author,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("Os") String os,
    @JsonProperty("Size") long size,
    @JsonProperty("VirtualSize") Long virtualSize,
    @JsonProperty("GraphDriver") GraphDriver graphDriver,
    @JsonProperty("RootFS") RootFs rootFs,
    @JsonProperty("Metadata") Map<String, String> metadata) {

  public record GraphDriver(
      @JsonProperty("Name") String name, @JsonProperty("Data") Map<String, String> data) {}

  public record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {}
}
