package io.berth.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands a stream from a producing thread to a consuming one in large chunks, so that unpacking a
 * layer (file system calls, one core) overlaps decompressing and hashing it (the other core). A
 * producer's failure is the consumer's error at the end, never a short stream.
 */
public final class ChunkPipe {
  private static final byte[] END = new byte[0];
  private static final int CHUNK = 256 * 1024;
  private static final int DEPTH = 8;
  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(DEPTH + 1);
  /** Chunks the reader is done with, reused: a pull then allocates a few MiB, not one per chunk. */
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 2);
  private volatile IOException failed;
  private volatile boolean closed;
  private final java.util.concurrent.CountDownLatch produced = new java.util.concurrent.CountDownLatch(1);

  /** Reads {@code source} to its end on a new virtual thread, into the pipe. */
  public static ChunkPipe from(String name, SourceTask source) {
    ChunkPipe p = new ChunkPipe();
    Thread.ofVirtual().name(name).start(() -> p.fill(source));
    return p;
  }

  /** What the producing thread runs: it opens and reads the source into the given sink. */
  @FunctionalInterface
  public interface SourceTask {
    void run(Sink sink) throws IOException;
  }

  /** Where a producer writes. */
  public interface Sink {
    void write(byte[] b, int off, int len) throws IOException;
  }

  private void fill(SourceTask source) {
    byte[][] current = {new byte[CHUNK]};
    int[] used = {0};
    try {
      source.run((b, off, len) -> {
        while (len > 0) {
          int n = Math.min(len, CHUNK - used[0]);
          System.arraycopy(b, off, current[0], used[0], n);
          used[0] += n;
          off += n;
          len -= n;
          if (used[0] == CHUNK) {
            put(current[0]);
            byte[] recycled = free.poll();
            current[0] = recycled != null ? recycled : new byte[CHUNK];
            used[0] = 0;
          }
        }
      });
      if (used[0] > 0) {
        try {
          put(java.util.Arrays.copyOf(current[0], used[0]));
        } catch (IOException e) {
          if (!closed) {
            throw e;
          }
          // the consumer stopped reading: that is its business, not a failure of the source
        }
      }
    } catch (IOException | RuntimeException e) {
      failed = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    } finally {
      try {
        put(END);
      } catch (IOException e) {
        // the consumer is gone
      } finally {
        produced.countDown();
      }
    }
  }

  /**
   * Waits until the producer has run to its end, as a consumer that stopped reading early must
   * before it touches the producer's source again; throws the producer's failure, if any.
   */
  public void awaitProducer() throws IOException {
    try {
      produced.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the producer");
    }
    if (failed != null) {
      throw failed;
    }
  }

  private void put(byte[] chunk) throws IOException {
    try {
      while (!closed) {
        if (chunks.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return;
        }
      }
      throw new IOException("pipe closed by its reader");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing data over");
    }
  }

  /** The consuming side; closing it stops the producer at its next write. */
  public InputStream input() {
    return new InputStream() {
      private byte[] chunk;
      private int pos;
      private boolean ended;

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
        while (chunk == null || pos == chunk.length) {
          if (ended) {
            return -1;
          }
          if (chunk != null && chunk.length == CHUNK) {
            free.offer(chunk);
          }
          chunk = null;
          try {
            // a reader of a closed pipe (one that gave up on it from another thread, as a
            // decompressing thread whose unpacker failed) must not wait for chunks that never come
            while (chunk == null) {
              if (closed) {
                throw new IOException("pipe closed");
              }
              chunk = chunks.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for data");
          }
          pos = 0;
          if (chunk == END) {
            ended = true;
            if (failed != null) {
              throw failed;
            }
            return -1;
          }
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
      }

      @Override
      public void close() {
        closed = true;
        chunks.clear();
      }
    };
  }
}
