package io.berth.api.server.backend;

import java.util.Map;

/** {@code GET /containers/{id}/stats}: readings of a container's resource usage. */
public interface StatsBackend {
  /**
   * One reading in dockerd's shape, with {@code previous} (a reading this returned before, or
   * null) as its {@code precpu_stats} and {@code preread}; a stopped container's is all zeros.
   */
  Map<String, Object> containerStats(String ref, Map<String, Object> previous);

  /** Whether the container runs: a stream ends when it does not. */
  boolean statsRunning(String ref);
}
