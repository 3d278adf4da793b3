package io.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The persisted form of a {@link Container} ({@code container.json}). {@code version} names the
 * layout, so that a later Berth can migrate records it did not write; records without one are
 * version 1.
 */
record ContainerRecord(
    @JsonProperty("version") int version,
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("created") String created,
    @JsonProperty("imageId") String imageId,
    @JsonProperty("path") String path,
    @JsonProperty("args") List<String> args,
    @JsonProperty("config") ContainerConfig config,
    @JsonProperty("hostConfig") HostConfig hostConfig,
    @JsonProperty("status") String status,
    @JsonProperty("pid") long pid,
    @JsonProperty("monitorPid") long monitorPid,
    @JsonProperty("exitCode") int exitCode,
    @JsonProperty("error") String error,
    @JsonProperty("startedAt") String startedAt,
    @JsonProperty("finishedAt") String finishedAt,
    @JsonProperty("endpoint") EndpointRequest endpoint,
    @JsonProperty("connected") java.util.Map<String, EndpointRequest> connected,
    @JsonProperty("mounts") List<MountPoint> mounts,
    @JsonProperty("oomKilled") boolean oomKilled,
    @JsonProperty("restartCount") int restartCount,
    @JsonProperty("manuallyStopped") boolean manuallyStopped,
    @JsonProperty("health") ContainerHealth health) {

  static final int VERSION = 1;

  static ContainerRecord of(Container c) {
    var s = c.state();
    long pid = s instanceof ContainerState.Running r ? r.pid() : 0;
    long monitor = s instanceof ContainerState.Running r ? r.monitorPid() : 0;
    String started = s.startedAt() == null ? null : s.startedAt().toString();
    String finished = s.finishedAt() == null ? null : s.finishedAt().toString();
    return new ContainerRecord(VERSION, c.id(), c.name(), c.created().toString(), c.imageId(), c.path(),
        c.args(), c.config(), c.hostConfig(), s.status(), pid, monitor, s.exitCode(), s.error(), started, finished,
        c.endpoint().equals(EndpointRequest.NONE) ? null : c.endpoint(), c.connected().isEmpty() ? null : c.connected(),
        c.mounts().isEmpty() ? null : c.mounts(), s.oomKilled(), c.restartCount(), c.manuallyStopped(),
        c.health());
  }

  /** The container this record describes; fails on a record that lacks what a container needs. */
  Container toContainer(Path dir) {
    if (version > VERSION) {
      throw new IllegalArgumentException("record version " + version + " is newer than this Berth's ("
          + VERSION + ")");
    }
    if (id == null || name == null || created == null || config == null || hostConfig == null
        || status == null || path == null) {
      throw new IllegalArgumentException("record is incomplete");
    }
    if (!dir.getFileName().toString().equals(id)) {
      throw new IllegalArgumentException("record is for container " + id);
    }
    ContainerState s = switch (status) {
      case "running" -> new ContainerState.Running(pid, monitorPid, Instant.parse(startedAt));
      case "paused" -> new ContainerState.Running(pid, monitorPid, Instant.parse(startedAt), true);
      case "exited" -> new ContainerState.Exited(exitCode, Instant.parse(startedAt),
          Instant.parse(finishedAt), error == null ? "" : error, oomKilled);
      case "restarting" -> new ContainerState.Restarting(exitCode, Instant.parse(startedAt), Instant.parse(finishedAt));
      // a crash while removing leaves a container to remove again
      case "removing" -> new ContainerState.Exited(exitCode, Instant.EPOCH, Instant.EPOCH, "");
      case "dead" -> new ContainerState.Dead(exitCode, error == null ? "" : error);
      default -> new ContainerState.Created(exitCode, error == null ? "" : error);
    };
    return new Container(id, name, Instant.parse(created), imageId == null ? "" : imageId, path,
        args == null ? List.of() : args, config, hostConfig, s, dir, endpoint, connected, mounts, restartCount,
        manuallyStopped, health);
  }
}
