package io.berth.api.server.backend;

/** Progress of a long operation (import, bootstrap, pull), one status line at a time. */
@FunctionalInterface
public interface ProgressListener {
  void status(String id, String status);
}
