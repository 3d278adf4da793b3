package io.berth.image;

import java.util.List;

/** The containers' side of image removal, supplied by whoever owns the containers. */
@FunctionalInterface
public interface ContainerUsage {
  ContainerUsage NONE = imageId -> List.of();

  /** Containers created from {@code imageId} (a full {@code sha256:<hex>} id). */
  List<ImageUser> usersOf(String imageId);
}
