package io.berth.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a tar producer on a virtual thread and exposes its output as an input stream. A failure of
 * the producer surfaces at the reader's end of stream, so a truncated tar is never mistaken for a
 * complete one.
 */
final class TarPipe extends InputStream {
  private static final int BUFFER = 1 << 20;

  /** Writes a tar; must not close {@code out}. */
  @FunctionalInterface
  interface Producer {
    void write(OutputStream out) throws IOException;
  }

  private final PipedInputStream in;
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private TarPipe(Producer producer) throws IOException {
    in = new PipedInputStream(BUFFER);
    PipedOutputStream out = new PipedOutputStream(in);
    thread =
        Thread.ofVirtual()
            .name("tar-producer")
            .start(
                () -> {
                  try (out) {
                    producer.write(out);
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
  }

  static TarPipe start(Producer producer) throws IOException {
    return new TarPipe(producer);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      checkProducer();
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      checkProducer();
    }
    return n;
  }

  private void checkProducer() throws IOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the tar producer", e);
    }
    Throwable t = failure.get();
    switch (t) {
      case null -> {}
      case RuntimeException r -> throw r;
      case IOException io -> throw new IOException(io.getMessage(), io);
      case Error err -> throw err;
      default -> throw new IOException(t.getMessage(), t);
    }
  }

  /** Stops a producer that is still running, so that it does not outlive its consumer. */
  @Override
  public void close() throws IOException {
    in.close();
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
