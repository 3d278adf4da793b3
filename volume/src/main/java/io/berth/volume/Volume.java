package io.berth.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A volume as its store keeps it.
 *
 * @param mountpoint where its data is on the host
 * @param options the driver's options it was created with ({@code type}, {@code device}, {@code o})
 */
public record Volume(String name, String driver, Instant createdAt, Map<String, String> labels,
    Map<String, String> options, Path mountpoint) {
  /** The label dockerd gives the volumes it makes for a container's anonymous mounts. */
  public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

  public Volume {
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
  }

  public boolean anonymous() {
    return labels.containsKey(ANONYMOUS_LABEL);
  }
}
