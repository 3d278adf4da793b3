package io.berth.api.server.backend;

import java.io.IOException;

/** Where container output goes; the router decides the framing. */
public interface OutputSink {
  enum Stream {
    STDOUT,
    STDERR
  }

  void write(Stream stream, byte[] data, int off, int len) throws IOException;

  /** Sends what the sink holds: callers flush when they have nothing more to write for now. */
  default void flush() throws IOException {}
}
