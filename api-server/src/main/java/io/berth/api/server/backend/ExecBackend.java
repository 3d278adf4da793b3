package io.berth.api.server.backend;

import io.berth.api.model.container.ExecCreateRequest;
import io.berth.api.model.container.ExecInspect;
import io.berth.api.model.container.ExecStartRequest;
import java.io.IOException;

/** The exec routes' backend: processes run in a running container beside its own. */
public interface ExecBackend {
  /** {@code POST /containers/{id}/exec}: the new session's id. */
  String execCreate(String containerRef, ExecCreateRequest request);

  /**
   * {@code POST /exec/{id}/start}: checks the session can start (failing before any stream is
   * opened); the returned starter runs it.
   */
  Starter execStart(String execId, ExecStartRequest request);

  /** {@code POST /exec/{id}/resize}. */
  void execResize(String execId, int height, int width);

  /** {@code GET /exec/{id}/json}. */
  ExecInspect execInspect(String execId);

  /** A session about to start. */
  interface Starter {
    boolean tty();

    /**
     * Starts the process. With streams (attached), returns when its output has ended; without
     * (detached), as soon as it runs. A failure to start is thrown in Docker's words.
     */
    void run(StdStreams streams) throws IOException;
  }
}
