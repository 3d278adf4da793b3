package io.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.model.image.ImageSummary;
import java.util.List;

/**
 * {@code GET /system/df}. A kind the client did not ask for is {@code null}, as dockerd writes
 * it. The image rows keep their real {@code Containers} count at every API version: the docker
 * CLI counts active images with it.
 *
 * @param layersSize bytes held by all unpacked layers (0 when images were not asked for)
 */
public record DiskUsage(
    @JsonProperty("LayersSize") long layersSize,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Images") List<ImageSummary> images,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Containers") List<ContainerSummary> containers,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("Volumes") List<Object> volumes,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("BuildCache") List<Object> buildCache) {

  /** Which kinds to measure ({@code type=} at API 1.42 and later; all of them before). */
  public record Kinds(boolean containers, boolean images, boolean volumes, boolean buildCache) {
    public static final Kinds ALL = new Kinds(true, true, true, true);
  }
}
