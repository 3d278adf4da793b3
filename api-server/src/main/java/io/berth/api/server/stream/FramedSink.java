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

  public FramedSink(OutputStream out, boolean multiplexed) {
    this.out = out;
    this.multiplexed = multiplexed;
  }

  @Override
  public synchronized void write(Stream stream, byte[] data, int off, int len) throws IOException {
    if (!multiplexed) {
      out.write(data, off, len);
      out.flush();
      return;
    }
    int type = stream == Stream.STDOUT ? 1 : 2;
    while (len > 0) {
      int n = Math.min(len, MAX_FRAME);
      byte[] frame = new byte[8 + n];
      frame[0] = (byte) type;
      frame[4] = (byte) (n >>> 24);
      frame[5] = (byte) (n >>> 16);
      frame[6] = (byte) (n >>> 8);
      frame[7] = (byte) n;
      System.arraycopy(data, off, frame, 8, n);
      out.write(frame);
      out.flush();
      off += n;
      len -= n;
    }
  }
}
