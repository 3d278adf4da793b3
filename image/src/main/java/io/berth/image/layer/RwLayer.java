package io.berth.image.layer;

import io.berth.common.Mount;
import java.nio.file.Path;
import java.util.List;

/**
 * A container's root filesystem: perform {@code mounts} in order at {@link #mergedDir()}.
 *
 * @param imageId the image the container was created from (it may since have been deleted)
 */
public record RwLayer(String containerId, String imageId, Path mergedDir, List<Mount> mounts) {
  public RwLayer {
    mounts = List.copyOf(mounts);
  }
}
