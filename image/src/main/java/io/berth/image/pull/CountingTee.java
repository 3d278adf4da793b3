package io.berth.image.pull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A download on its way to the unpacker: every byte read is also written to the blob's ingest,
 * and the count is reported as {@code Downloading} at most every 100 ms (Docker's pace), so a
 * layer is unpacked and kept in one pass over the network.
 */
final class CountingTee extends FilterInputStream {
  private static final long EVERY_NANOS = 100_000_000L;
  private final OutputStream copy;
  private final String id;
  private final long total;
  private final Progress progress;
  private long count;
  private long lastReport;

  CountingTee(InputStream in, OutputStream copy, String id, long total, Progress progress) {
    super(in);
    this.copy = copy;
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
      copy.write(b, off, n);
      count += n;
      long now = System.nanoTime();
      if (lastReport == 0 || now - lastReport >= EVERY_NANOS || count == total) {
        lastReport = now;
        progress.progress(id, "Downloading", count, total);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // skipped bytes must still reach the ingest and the digest
    byte[] buf = new byte[(int) Math.min(n, 64 * 1024)];
    int r = read(buf, 0, buf.length);
    return Math.max(r, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() {
    // the caller closes the blob stream itself
  }
}
