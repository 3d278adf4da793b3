package io.berth.daemon.container;

import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one container: identity and configuration (merged with its image's,
 * as Docker does at create) and its current state. Changes make a new snapshot.
 */
public record Container(
    String id,
    String name,
    Instant created,
    String imageId,
    String path,
    List<String> args,
    ContainerConfig config,
    HostConfig hostConfig,
    ContainerState state,
    Path dir,
    EndpointRequest endpoint) {

  public Container {
    args = List.copyOf(args);
    endpoint = endpoint == null ? EndpointRequest.NONE : endpoint;
  }

  public Container(String id, String name, Instant created, String imageId, String path, List<String> args,
      ContainerConfig config, HostConfig hostConfig, ContainerState state, Path dir) {
    this(id, name, created, imageId, path, args, config, hostConfig, state, dir, EndpointRequest.NONE);
  }

  public Container withState(ContainerState s) {
    return new Container(id, name, created, imageId, path, args, config, hostConfig, s, dir, endpoint);
  }

  public Container withHostConfig(HostConfig h) {
    return new Container(id, name, created, imageId, path, args, config, h, state, dir, endpoint);
  }

  public Path logPath() {
    return dir.resolve("container.log");
  }

  /**
   * The network mode: new containers store the one they run in; a stored "default" (or nothing)
   * comes from a Berth that had no bridge yet, and means none, as it did then.
   */
  public String networkMode() {
    String m = hostConfig.networkMode();
    return m == null || m.isEmpty() || m.equals("default") ? "none" : m;
  }
}
