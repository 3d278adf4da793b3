package io.berth.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Docker's multiplexed stream: frames of an 8-byte header (stream type, three zero bytes, payload
 * size as big-endian uint32) followed by the payload. Type 0 and 1 go to stdout, 2 to stderr, and
 * 3 carries an error from the daemon.
 */
public final class StdCopy {
  private StdCopy() {}

  /**
   * Copies frames until end of stream, flushing after each so interactive output appears at once.
   * A truncated trailing frame ends the copy quietly, as in docker.
   *
   * @return payload bytes written
   * @throws StreamErrorException on a system-error frame
   */
  public static long demux(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
    byte[] header = new byte[8];
    byte[] buf = new byte[32 * 1024];
    long written = 0;
    while (true) {
      if (!readFully(in, header)) {
        return written;
      }
      int type = header[0] & 0xff;
      long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xffL) << 16) | ((header[6] & 0xffL) << 8)
          | (header[7] & 0xffL);
      OutputStream out = switch (type) {
        case 0, 1 -> stdout;
        case 2 -> stderr;
        case 3 -> null;
        default -> throw new IOException("Unrecognized input header: " + type);
      };
      if (out == null) {
        byte[] msg = in.readNBytes((int) Math.min(size, 1 << 20));
        throw new StreamErrorException("error from daemon in stream: " + new String(msg, StandardCharsets.UTF_8));
      }
      long left = size;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          out.flush();
          return written;
        }
        out.write(buf, 0, n);
        left -= n;
        written += n;
      }
      out.flush();
    }
  }

  /** Encodes one frame; the inverse of {@link #demux}, for tests and fakes. */
  public static byte[] frame(int type, byte[] payload) {
    byte[] f = new byte[8 + payload.length];
    f[0] = (byte) type;
    f[4] = (byte) (payload.length >>> 24);
    f[5] = (byte) (payload.length >>> 16);
    f[6] = (byte) (payload.length >>> 8);
    f[7] = (byte) payload.length;
    System.arraycopy(payload, 0, f, 8, payload.length);
    return f;
  }

  /** Raw (TTY) streams are copied as they are. */
  public static long copyRaw(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[32 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
      out.flush();
      total += n;
    }
    return total;
  }

  private static boolean readFully(InputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n;
      try {
        n = in.read(b, off, b.length - off);
      } catch (EOFException e) {
        n = -1;
      }
      if (n < 0) {
        return false;
      }
      off += n;
    }
    return true;
  }
}
