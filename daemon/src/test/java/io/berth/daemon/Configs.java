package io.berth.daemon;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.ContainerState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the wide wire records with only the fields a test cares about. */
public final class Configs {
  private Configs() {}

  public static ContainerConfig config(String image, List<String> env, List<String> cmd,
      List<String> entrypoint, String user, String workingDir, Map<String, String> labels) {
    return new ContainerConfig(null, null, user, false, false, false, null, false, false, false,
        env, cmd, image, null, workingDir, entrypoint, null, null, labels, null, null, null, null);
  }

  public static ContainerConfig image(String image) {
    return config(image, List.of(), List.of("sh"), null, "", "", Map.of());
  }

  public static ContainerConfig withLabels(String image, Map<String, String> labels) {
    return config(image, List.of(), List.of("sh"), null, "", "", labels);
  }

  public static Container container(String id, String name, Path dir, ContainerState state) {
    return container(id, name, dir, state, image("busybox"), Instant.parse("2026-11-23T20:00:00Z"));
  }

  public static Container container(String id, String name, Path dir, ContainerState state,
      ContainerConfig config, Instant created) {
    return new Container(id, name, created, "sha256:" + "e".repeat(64), "sh", List.of("-c", "true"),
        config, HostConfig.empty(), state, dir);
  }
}
