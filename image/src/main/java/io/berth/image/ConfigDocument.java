package io.berth.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.image.config.ImageConfig;
import java.util.List;

/**
 * The image config JSON (OCI image config with Docker's extensions) as far as the engine reads it;
 * the stored bytes are kept verbatim, so fields not listed here survive.
 *
 * @param created RFC 3339 with nanoseconds, as Go writes it
 */
public record ConfigDocument(
    String architecture,
    String os,
    String created,
    String author,
    String comment,
    ImageConfig config,
    @JsonProperty("rootfs") RootFs rootfs,
    List<History> history) {

  public record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {}

  public record History(
      String created,
      @JsonProperty("created_by") String createdBy,
      String comment,
      @JsonProperty("empty_layer") Boolean emptyLayer) {}
}
