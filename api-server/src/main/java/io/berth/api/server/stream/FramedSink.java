package io.berth.api.server.stream;

import io.berth.api.server.backend.OutputSink;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes container output to a client: raw bytes for a TTY, or Docker's stdcopy frames (8-byte
 * header: stream type, three zero bytes, big-endian length) otherwise.
 */
public final class FramedSink implements OutputSink {
  private static final int MAX_FRAME = 32 * 1024;
  private final OutputStream out;
  private final boolean multiplexed;
  private final boolean flushEach;

  /** A sink that sends every write at once. */
  public FramedSink(OutputStream out, boolean multiplexed) {
    this(out, multiplexed, true);
  }

  /**
   * With {@code flushEach} false, writes gather in a buffer until {@link #flush}: a log of many
   * short lines then goes out in large chunks instead of one network write per line.
   */
  public FramedSink(OutputStream out, boolean multiplexed, boolean flushEach) {
    this.out = flushEach ? out : new java.io.BufferedOutputStream(out, 64 * 1024);
    this.multiplexed = multiplexed;
    this.flushEach = flushEach;
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void write(Stream stream, byte[] data, int off, int len) throws IOException {
    if (!multiplexed) {
      out.write(data, off, len);
      if (flushEach) {
        out.flush();
      }
      return;
    }
    int type = stream == Stream.STDOUT ? 1 : 2;
    while (len > 0) {
      int n = Math.min(len, MAX_FRAME);
      byte[] header = {(byte) type, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
      out.write(header);
      out.write(data, off, n);
      if (flushEach) {
        out.flush();
      }
      off += n;
      len -= n;
    }
  }
}
