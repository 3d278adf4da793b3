package io.berth.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The key sequence that detaches a client from a container's terminal (ctrl-p ctrl-q unless the
 * client names another), and the reading of a client's stdin that watches for it. Written by hand:
 * it is a dozen lines of byte matching, with dockerd's notation and dockerd's way of holding back
 * a partial sequence.
 */
public final class DetachKeys {
  private static final byte[] DEFAULT = {16, 17};
  private static final String CTRL = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

  private DetachKeys() {}

  /**
   * Docker's notation: comma-separated keys, each a single character, {@code ctrl-@} to
   * {@code ctrl-_} or {@code DEL}; empty means the default. Empty when the notation is wrong.
   */
  public static Optional<byte[]> parse(String keys) {
    if (keys == null || keys.isEmpty()) {
      return Optional.of(DEFAULT.clone());
    }
    String[] parts = keys.split(",", -1);
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String k = parts[i];
      if (k.length() == 1) {
        out[i] = (byte) k.charAt(0);
      } else if (k.equals("DEL")) {
        out[i] = 127;
      } else if (k.length() == 6 && k.startsWith("ctrl-") && CTRL.indexOf(k.charAt(5)) >= 0) {
        out[i] = (byte) CTRL.indexOf(k.charAt(5));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  /**
   * A client's stdin that ends at the detach sequence: the sequence itself is never passed on,
   * the bytes of a partial one are held back until the next byte shows it is not the sequence
   * (that byte is then not taken as the start of a new one, as dockerd does not).
   */
  public static final class Watched extends InputStream {
    private final InputStream in;
    private final byte[] keys;
    private int matched;
    private boolean escaped;
    private byte[] out = new byte[0];
    private int outPos;

    public Watched(InputStream in, byte[] keys) {
      this.in = in;
      this.keys = keys;
    }

    /** Whether the stream ended because the client typed the sequence. */
    public boolean escaped() {
      return escaped;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (outPos >= out.length) {
        if (escaped) {
          return -1;
        }
        byte[] buf = new byte[Math.max(len, 1)];
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          return -1;
        }
        out = scan(buf, n);
        outPos = 0;
      }
      int n = Math.min(len, out.length - outPos);
      System.arraycopy(out, outPos, b, off, n);
      outPos += n;
      return n;
    }

    /** What of the next {@code n} bytes may go on. */
    private byte[] scan(byte[] buf, int n) {
      var pass = new java.io.ByteArrayOutputStream(n + keys.length);
      for (int i = 0; i < n; i++) {
        byte c = buf[i];
        if (keys.length > 0 && c == keys[matched]) {
          matched++;
          if (matched == keys.length) {
            escaped = true;
            break;
          }
          continue;
        }
        pass.write(keys, 0, matched);
        matched = 0;
        pass.write(c);
      }
      return pass.toByteArray();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
