package io.berth.image.pull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A transfer on its way: the count of bytes read is reported as {@code status} ({@code
 * Downloading}, {@code Pushing}) at most every 100 ms, dockerd's pace; with a {@code copy}, every
 * byte read is also written there (a download goes to the unpacker and to the blob's ingest in
 * one pass). Closing it leaves the underlying stream to its owner.
 */
public final class ProgressStream extends FilterInputStream {
  private static final long EVERY_NANOS = 100_000_000L;
  private final OutputStream copy;
  private final String id;
  private final String status;
  private final long total;
  private final Progress progress;
  private long count;
  private long lastReport;

  public ProgressStream(InputStream in, OutputStream copy, String id, String status, long total,
      Progress progress) {
    super(in);
    this.copy = copy;
    this.id = id;
    this.status = status;
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
      if (copy != null) {
        copy.write(b, off, n);
      }
      count += n;
      long now = System.nanoTime();
      if (lastReport == 0 || now - lastReport >= EVERY_NANOS || count == total) {
        lastReport = now;
        progress.progress(id, status, count, total);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // skipped bytes must still reach the copy and the count
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
    // the caller closes the stream it passed in
  }
}
