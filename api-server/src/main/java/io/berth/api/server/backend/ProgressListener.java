package io.berth.api.server.backend;

/** Progress of a long operation (import, bootstrap, pull), one status line at a time. */
@FunctionalInterface
public interface ProgressListener {
  void status(String id, String status);

  /**
   * A step of one item with a byte count ({@code Downloading}); {@code current} -1 for a step
   * without one, which Docker still sends with an empty {@code progressDetail}.
   */
  default void progress(String id, String status, long current, long total) {
    status(id, status);
  }

  /** A result record in the stream ({@code aux}), such as a push's {@code Tag}, {@code Digest}, {@code Size}. */
  default void aux(java.util.Map<String, Object> aux) {}
}
