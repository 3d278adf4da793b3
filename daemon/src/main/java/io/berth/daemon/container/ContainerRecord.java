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
    int code = switch (s) {
      case ContainerState.Created cr -> cr.exitCode();
      case ContainerState.Exited e -> e.exitCode();
      case ContainerState.Running _, ContainerState.Removing _ -> 0;
    };
    String error = switch (s) {
      case ContainerState.Created cr -> cr.error();
      case ContainerState.Exited e -> e.error();
      case ContainerState.Running _, ContainerState.Removing _ -> "";
    };
    String started = switch (s) {
      case ContainerState.Running r -> r.startedAt().toString();
      case ContainerState.Exited e -> e.startedAt().toString();
      case ContainerState.Created _, ContainerState.Removing _ -> null;
    };
    String finished = s instanceof ContainerState.Exited e ? e.finishedAt().toString() : null;
    return new ContainerRecord(c.id(), c.name(), c.created().toString(), c.imageId(), c.path(),
        c.args(), c.config(), c.hostConfig(), s.status(), pid, code, error, started, finished);
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
