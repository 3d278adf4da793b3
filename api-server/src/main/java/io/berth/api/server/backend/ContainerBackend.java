package io.berth.api.server.backend;

import io.berth.api.model.container.ContainerChange;
import io.berth.api.model.container.ContainerConfig;
import io.berth.api.model.container.ContainerCreateResponse;
import io.berth.api.model.container.ContainerInspect;
import io.berth.api.model.container.ContainerSummary;
import io.berth.api.model.container.HostConfig;
import io.berth.api.model.container.WaitResponse;
import java.util.List;

/**
 * Everything the container routes need. Methods throw {@code EngineException}s with Docker's
 * words; long calls block (callers are virtual threads).
 */
public interface ContainerBackend {
  /**
   * @param endpoints {@code NetworkingConfig.EndpointsConfig}: the settings asked for on the
   *     container's network (aliases, an address), by network name
   */
  ContainerCreateResponse containerCreate(String name, ContainerConfig config, HostConfig host,
      java.util.Map<String, io.berth.api.model.network.EndpointSettings> endpoints);

  void containerStart(String ref);

  void containerStop(String ref, ContainerStopOptions options);

  void containerKill(String ref, String signal);

  void containerRestart(String ref, ContainerStopOptions options);

  void containerRemove(String ref, boolean force, boolean volumes);

  /** {@code POST /containers/prune}: every stopped container the filters keep. */
  io.berth.api.model.container.ContainerPruneResponse containerPrune(io.berth.common.filter.Filters filters);

  /** Resizes the container's terminal; 409 when it is not running. */
  void containerResize(String ref, int height, int width);

  /** Registers a waiter (failing at once if there is no such container); await blocks. */
  Waiter containerWait(String ref, WaitCondition condition);

  List<ContainerSummary> containerList(ContainerListOptions options);

  ContainerInspect containerInspect(String ref);

  /** Validates an export ({@code docker export}); the returned writer streams the tar, blocking. */
  Exporter containerExport(String ref);

  /** {@code GET /containers/{id}/top?ps_args=}: ps's titles, and its rows for the container's processes. */
  io.berth.api.model.container.TopResponse containerTop(String ref, String psArgs);

  /** {@code POST /containers/{id}/pause}: its processes frozen. */
  void containerPause(String ref);

  /** {@code POST /containers/{id}/unpause}. */
  void containerUnpause(String ref);

  /**
   * {@code POST /containers/{id}/update}, its fields already checked against what Berth
   * enforces: the limits to change (zero or null: unchanged, as in dockerd) and the restart
   * policy (null or no name: unchanged); the warnings.
   */
  List<String> containerUpdate(String ref, io.berth.api.model.container.Resources changes,
      io.berth.api.model.container.HostConfig.RestartPolicy restart);

  /** {@code POST /containers/{id}/rename?name=}. */
  void containerRename(String ref, String newName);


  /** {@code POST /commit}: the new image's id ({@code sha256:...}). */
  String containerCommit(CommitOptions options);

  /**
   * @param config the client's Config fields over the container's; null for none
   */
  record CommitOptions(String container, String repo, String tag, String comment, String author,
      boolean pause, List<String> changes, io.berth.api.model.container.ContainerConfig config) {}

  interface Exporter {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  /** {@code GET /containers/{id}/changes}: sorted by path; null when there are none, as dockerd. */
  List<ContainerChange> containerChanges(String ref);

  /** Validates and opens the log; the returned stream copies it to a sink, blocking. */
  Streamer containerLogs(String ref, ContainerLogsOptions options);

  /** Validates and prepares an attach; the returned attacher blocks until the streams end. */
  Attacher containerAttach(String ref, AttachOptions options);

  interface Waiter {
    WaitResponse await();
  }

  interface Streamer {
    /** True when the container has a TTY and its output is a raw stream. */
    boolean tty();

    void copyTo(OutputSink sink, boolean timestamps) throws java.io.IOException;
  }

  interface Attacher {
    boolean tty();

    void run(StdStreams streams) throws java.io.IOException;
  }

  /** {@code POST /networks/{id}/connect}: the container gets the network (now if it runs). */
  void networkConnect(String network, String container, io.berth.api.model.network.EndpointSettings settings);

  /** {@code POST /networks/{id}/disconnect}. */
  void networkDisconnect(String network, String container, boolean force);
}
