package io.berth.image.push;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip on the way out: a virtual thread compresses what the reader reads. A failure of the
 * compressing side is the reader's error at the end of the stream, never a short blob.
 */
final class Gzip extends FilterInputStream {
  private static final int BUFFER = 256 * 1024;
  private final InputStream source;
  private final Thread worker;
  private volatile IOException failed;

  private Gzip(PipedInputStream pipe, InputStream source, PipedOutputStream sink) {
    super(pipe);
    this.source = source;
    this.worker = Thread.ofVirtual().name("gzip").unstarted(() -> {
      try (GZIPOutputStream gz = new GZIPOutputStream(sink, BUFFER)) {
        source.transferTo(gz);
      } catch (IOException e) {
        failed = e;
        try {
          sink.close();
        } catch (IOException ignored) {
          // already broken
        }
      }
    });
  }

  /** The gzip of {@code in}; closing the result closes {@code in}. */
  static InputStream compressing(InputStream in) throws IOException {
    PipedInputStream pipe = new PipedInputStream(BUFFER);
    Gzip g = new Gzip(pipe, in, new PipedOutputStream(pipe));
    g.worker.start();
    return g;
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
    if (n < 0) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while compressing");
      }
      if (failed != null) {
        throw new IOException("cannot compress layer: " + failed.getMessage(), failed);
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      source.close();
    }
  }
}
