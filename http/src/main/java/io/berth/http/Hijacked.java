package io.berth.http;

import java.io.InputStream;
import java.io.OutputStream;

/** A connection taken over after an upgrade; both directions are raw bytes. */
public interface Hijacked extends AutoCloseable {
  /** What the client sends; end of stream when it half-closes or goes away. */
  InputStream in();

  /** Writes go straight to the client, flushed on each write. */
  OutputStream out();

  /** Half-closes our side: the client reads end of stream. */
  void shutdownOutput();

  @Override
  void close();
}
