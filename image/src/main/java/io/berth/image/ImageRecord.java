package io.berth.image;

import io.berth.image.config.ImageConfig;
import java.time.Instant;
import java.util.List;

/**
 * An image as the API shows it.
 *
 * @param id {@code sha256:<hex>}, the digest of {@link #rawConfig()}
 * @param repoTags familiar names such as {@code busybox:latest}, sorted
 * @param parent always empty: imported and pulled images have no local parent
 * @param size bytes of unpacked content in all layers
 * @param rawConfig the exact stored config JSON
 */
public record ImageRecord(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    String parent,
    String comment,
    Instant created,
    String author,
    String architecture,
    String os,
    long size,
    ImageConfig config,
    List<String> diffIds,
    byte[] rawConfig) {

  public ImageRecord {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
    diffIds = List.copyOf(diffIds);
    rawConfig = rawConfig.clone();
  }

  @Override
  public byte[] rawConfig() {
    return rawConfig.clone();
  }
}
