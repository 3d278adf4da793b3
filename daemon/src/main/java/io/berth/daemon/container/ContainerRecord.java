package io.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.HostConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The persisted form of a {@link Container} ({@code container.json}). */
record ContainerRecord(
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
    @JsonProperty("exitCode") int exitCode,
    @JsonProperty("error") String error,
    @JsonProperty("startedAt") String startedAt,
    @JsonProperty("finishedAt") String finishedAt) {

  static ContainerRecord of(Container c) {
    var s = c.state();
    long pid = s instanceof ContainerState.Running r ? r.pid() : 0;
    String started = s.startedAt() == null ? null : s.startedAt().toString();
    String finished = s.finishedAt() == null ? null : s.finishedAt().toString();
    return new ContainerRecord(c.id(), c.name(), c.created().toString(), c.imageId(), c.path(),
        c.args(), c.config(), c.hostConfig(), s.status(), pid, s.exitCode(), s.error(), started, finished);
  }

  Container toContainer(Path dir) {
    ContainerState s = switch (status) {
      case "running" -> new ContainerState.Running(pid, Instant.parse(startedAt));
      case "exited" -> new ContainerState.Exited(exitCode, Instant.parse(startedAt),
          Instant.parse(finishedAt), error == null ? "" : error);
      // a crash while removing leaves a container to remove again
      case "removing" -> new ContainerState.Exited(exitCode, Instant.EPOCH, Instant.EPOCH, "");
      default -> new ContainerState.Created(exitCode, error == null ? "" : error);
    };
    return new Container(id, name, Instant.parse(created), imageId, path, args, config, hostConfig, s, dir);
  }
}
