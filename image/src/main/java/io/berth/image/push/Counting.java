package io.berth.image.push;

import io.berth.image.pull.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports {@code Pushing} as bytes are read, at most every 100 ms, as dockerd paces it. */
final class Counting extends FilterInputStream {
  private static final long EVERY_NANOS = 100_000_000L;
  private final String id;
  private final long total;
  private final Progress progress;
  private long count;
  private long last;

  Counting(InputStream in, String id, long total, Progress progress) {
    super(in);
    this.id = id;
    this.total = total;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      count += n;
      long now = System.nanoTime();
      if (last == 0 || now - last >= EVERY_NANOS || count == total) {
        last = now;
        progress.progress(id, "Pushing", count, total);
      }
    }
    return n;
  }
}
