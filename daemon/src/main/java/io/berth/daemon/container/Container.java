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
    EndpointRequest endpoint,
    java.util.Map<String, EndpointRequest> connected,
    List<MountPoint> mounts,
    int restartCount,
    boolean manuallyStopped,
    ContainerHealth health) {

  public Container {
    args = List.copyOf(args);
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
    endpoint = endpoint == null ? EndpointRequest.NONE : endpoint;
    connected = connected == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(connected));
  }

  public Container(String id, String name, Instant created, String imageId, String path, List<String> args,
      ContainerConfig config, HostConfig hostConfig, ContainerState state, Path dir) {
    this(id, name, created, imageId, path, args, config, hostConfig, state, dir, EndpointRequest.NONE, null, null, 0,
        false, null);
  }

  public Container(String id, String name, Instant created, String imageId, String path, List<String> args,
      ContainerConfig config, HostConfig hostConfig, ContainerState state, Path dir, EndpointRequest endpoint) {
    this(id, name, created, imageId, path, args, config, hostConfig, state, dir, endpoint, null, null, 0, false, null);
  }

  public Container withState(ContainerState s) {
    return new Container(id, name, created, imageId, path, args, config, hostConfig, s, dir, endpoint, connected,
        mounts, restartCount, manuallyStopped, health);
  }

  /**
   * The same with the networks it was connected to besides its mode's ({@code docker network
   * connect}), by network id, with what was asked for on each.
   */
  public Container withConnected(java.util.Map<String, EndpointRequest> c) {
    return new Container(id, name, created, imageId, path, args, config, hostConfig, state, dir, endpoint, c, mounts,
        restartCount, manuallyStopped, health);
  }

  public Container withName(String n) {
    return new Container(id, n, created, imageId, path, args, config, hostConfig, state, dir, endpoint, connected, mounts,
        restartCount, manuallyStopped, health);
  }

  public Container withHostConfig(HostConfig h) {
    return new Container(id, name, created, imageId, path, args, config, h, state, dir, endpoint, connected, mounts,
        restartCount, manuallyStopped, health);
  }

  /** The same with its restart policy's count of restarts, and whether a user stopped it last. */
  public Container withRestarts(int count, boolean stoppedByHand) {
    return new Container(id, name, created, imageId, path, args, config, hostConfig, state, dir, endpoint, connected,
        mounts, count, stoppedByHand, health);
  }

  /** The same with its health (null: not health-checked). */
  public Container withHealth(ContainerHealth h) {
    return new Container(id, name, created, imageId, path, args, config, hostConfig, state, dir, endpoint, connected,
        mounts, restartCount, manuallyStopped, h);
  }

  /** Its restart policy's name ("no" when none). */
  public String restartPolicy() {
    var p = hostConfig.restartPolicy();
    return p == null || p.name() == null || p.name().isEmpty() ? "no" : p.name();
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
