package io.berth.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A volume as its store keeps it.
 *
 * @param mountpoint where its data is on the host
 * @param labels its labels; null when it was made with none, which dockerd tells apart from empty
 * @param options the driver's options it was created with ({@code type}, {@code device}, {@code o});
 *     null when none
 */
public record Volume(String name, String driver, Instant createdAt, Map<String, String> labels,
    Map<String, String> options, Path mountpoint) {
  /** The label dockerd gives the volumes it makes for a container's anonymous mounts. */
  public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

  public Volume {
    labels = labels == null ? null : Map.copyOf(labels);
    options = options == null ? null : Map.copyOf(options);
  }

  public boolean anonymous() {
    return labels != null && labels.containsKey(ANONYMOUS_LABEL);
  }

  /** Whether the driver mounts something at its data directory when it is used. */
  public boolean hasOptions() {
    return options != null && !options.isEmpty();
  }
}
