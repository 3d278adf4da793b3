package io.berth.runtime.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Reads conmon's k8s-file log ({@code <RFC3339Nano> stdout|stderr F|P <bytes>}), whole or
 * followed. Lines are split on '\n' as bytes, so content that is not UTF-8 survives.
 */
public final class LogReader {
  /** Receives entries; returning false stops the read. */
  @FunctionalInterface
  public interface Consumer {
    boolean accept(LogEntry entry) throws IOException;
  }

  private LogReader() {}

  public static LogEntry parse(byte[] line) {
    int a = indexOf(line, (byte) ' ', 0);
    int b = a < 0 ? -1 : indexOf(line, (byte) ' ', a + 1);
    int c = b < 0 ? -1 : indexOf(line, (byte) ' ', b + 1);
    if (c < 0) {
      return null;
    }
    Instant t;
    try {
      t = OffsetDateTime.parse(new String(line, 0, a, StandardCharsets.US_ASCII)).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
    boolean stderr = new String(line, a + 1, b - a - 1, StandardCharsets.US_ASCII).equals("stderr");
    boolean partial = line[b + 1] == 'P';
    byte[] content = java.util.Arrays.copyOfRange(line, c + 1, line.length);
    return new LogEntry(t, stderr, partial, content);
  }

  /** The last {@code n} entries (all when n < 0). */
  public static List<LogEntry> tail(Path log, int n) throws IOException {
    Deque<LogEntry> out = new ArrayDeque<>();
    read(log, 0, e -> {
      out.addLast(e);
      if (n >= 0 && out.size() > n) {
        out.removeFirst();
      }
      return true;
    }, () -> true);
    return new ArrayList<>(out);
  }

  /**
   * Reads from {@code offset}; at end of file, polls for more until {@code stop} holds, then
   * reads what is left and returns. Returns the offset after the last complete line.
   */
  public static long read(Path log, long offset, Consumer consumer, BooleanSupplier stop)
      throws IOException {
    return read(log, offset, consumer, stop, () -> {});
  }

  /** As {@link #read(Path, long, Consumer, BooleanSupplier)}, telling {@code caughtUp} each time it has read all there is. */
  public static long read(Path log, long offset, Consumer consumer, BooleanSupplier stop,
      CaughtUp caughtUp) throws IOException {
    return follow(log, offset, consumer, stop, () -> Thread.sleep(20), caughtUp);
  }

  /**
   * Follows the log until {@code done} completes, then reads what is left, telling
   * {@code caughtUp} each time it has read all there is: a writer that buffers flushes then, so
   * a client gets whole chunks at speed and every line as soon as it is written. Between reads
   * it sleeps until {@code watch} sees the file change or {@code done} completes.
   */
  public static long follow(Path log, long offset, Consumer consumer, Future<?> done,
      CaughtUp caughtUp, LogWatch watch) throws IOException {
    try (LogWatch.Follower f = watch.follow(log)) {
      if (done instanceof java.util.concurrent.CompletableFuture<?> cf) {
        cf.whenComplete((v, e) -> f.wake());
      }
      return follow(log, offset, consumer, done::isDone, () -> f.await(done), caughtUp);
    }
  }

  /** Called when the reader has consumed everything written so far. */
  public interface CaughtUp {
    void caughtUp() throws IOException;
  }

  private interface Pause {
    void pause() throws InterruptedException;
  }

  private static long follow(Path log, long offset, Consumer consumer, BooleanSupplier stop,
      Pause pause, CaughtUp caughtUp) throws IOException {
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    long pos = offset;
    byte[] buf = new byte[64 * 1024];
    RandomAccessFile f = null;
    try {
      while (true) {
        boolean stopping = stop.getAsBoolean();
        // kept open once found: a container removed right after its exit still reads to the end
        if (f == null && Files.exists(log)) {
          f = new RandomAccessFile(log.toFile(), "r");
        }
        if (f != null) {
          f.seek(pos + pending.size());
          int n;
          while ((n = f.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
              if (buf[i] == '\n') {
                pending.write(buf, start, i - start);
                byte[] line = pending.toByteArray();
                pos += line.length + 1;
                pending.reset();
                start = i + 1;
                LogEntry e = parse(line);
                if (e != null && !consumer.accept(e)) {
                  return pos;
                }
              }
            }
            pending.write(buf, start, n - start);
          }
        }
        caughtUp.caughtUp();
        if (stopping) {
          return pos;
        }
        pending.reset();
        try {
          pause.pause();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return pos;
        }
      }
    } finally {
      if (f != null) {
        f.close();
      }
    }
  }

  private static int indexOf(byte[] b, byte x, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }
}
