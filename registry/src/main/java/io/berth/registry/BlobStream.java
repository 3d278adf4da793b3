package io.berth.registry;

import io.berth.registry.manifest.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;

/**
 * A blob's bytes that survive a dropped or stalled connection: the stream is reopened from the
 * offset reached with a Range request (a registry that answers 200 instead is skipped forward),
 * after a pause that grows with each attempt. It never reads past the descriptor's size.
 */
final class BlobStream extends InputStream implements Watchdog.Watched {
  private final Repository repo;
  private final Descriptor descriptor;
  private final RegistryClient.Options options;
  private final Watchdog watchdog;
  private volatile InputStream in;
  private long offset;
  private int attempt = 1;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean closed;
  /** Whether a body ever started: past that, a failure is a broken download, not an unreachable registry. */
  private boolean opened;

  BlobStream(Repository repo, Descriptor d, RegistryClient.Options options, Watchdog watchdog) throws IOException {
    this.repo = repo;
    this.descriptor = d;
    this.options = options;
    this.watchdog = watchdog;
    try {
      open();
    } catch (IOException | java.io.UncheckedIOException e) {
      IOException io = asIo(e);
      if (attempt >= options.maxAttempts()) {
        throw io;
      }
      retry(io);
    }
    watchdog.watch(this);
  }

  private void open() throws IOException {
    HttpResponse<InputStream> r = repo.openBlob(descriptor, offset);
    InputStream body = r.body();
    if (offset > 0 && r.statusCode() == 200) {
      body.skipNBytes(offset);
    }
    in = body;
    opened = true;
    lastProgress = System.nanoTime();
  }

  @Override
  public long lastProgressNanos() {
    return lastProgress;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (closed) {
        throw new IOException("blob stream closed");
      }
      long left = descriptor.size() > 0 ? descriptor.size() - offset : Long.MAX_VALUE;
      if (left <= 0) {
        return -1;
      }
      try {
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          offset += n;
          lastProgress = System.nanoTime();
          return n;
        }
        if (descriptor.size() <= 0 || offset >= descriptor.size()) {
          return -1;
        }
        throw new IOException("unexpected EOF after " + offset + " of " + descriptor.size() + " bytes");
      } catch (IOException e) {
        if (closed || e instanceof InterruptedIOException) {
          throw e;
        }
        if (attempt >= options.maxAttempts()) {
          throw new BrokenBlobException(descriptor.digest(), offset, descriptor.size(), attempt, e);
        }
        retry(e);
      }
    }
  }

  private static IOException asIo(Exception e) {
    return e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
  }

  private void retry(IOException cause) throws IOException {
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException ignored) {
      // the connection is gone either way
    }
    try {
      Thread.sleep(options.retryDelay().multipliedBy(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry " + descriptor.digest());
    }
    attempt++;
    try {
      open();
    } catch (IOException | java.io.UncheckedIOException e) {
      if (attempt >= options.maxAttempts()) {
        IOException io = asIo(e);
        io.addSuppressed(cause);
        throw opened ? new BrokenBlobException(descriptor.digest(), offset, descriptor.size(), attempt, io) : io;
      }
      retry(cause);
    }
  }

  @Override
  public void abort() {
    lastProgress = System.nanoTime();
    try {
      in.close();
    } catch (IOException e) {
      // the reader fails either way
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    watchdog.unwatch(this);
    in.close();
  }
}
