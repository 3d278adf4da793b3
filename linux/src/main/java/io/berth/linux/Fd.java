package io.berth.linux;

import static io.berth.linux.Native.INT;
import static io.berth.linux.Native.LONG;
import static io.berth.linux.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Raw file descriptors for what the JDK cannot express: pipes handed to a child at fixed numbers.
 * Blocking reads pin the carrier thread, so callers wait on platform threads.
 */
public final class Fd {
  private static final int O_CLOEXEC = 02000000;
  private static final MethodHandle PIPE2 =
      Native.errnoHandle("pipe2", FunctionDescriptor.of(INT, PTR, INT));
  private static final MethodHandle READ =
      Native.errnoHandle("read", FunctionDescriptor.of(LONG, INT, PTR, LONG));
  private static final MethodHandle WRITE =
      Native.errnoHandle("write", FunctionDescriptor.of(LONG, INT, PTR, LONG));
  private static final MethodHandle CLOSE = Native.handle("close", FunctionDescriptor.of(INT, INT));
  private static final MethodHandle OPEN =
      Native.errnoHandle("open", FunctionDescriptor.of(INT, PTR, INT));
  private static final int O_WRONLY = 01;
  private static final int O_NONBLOCK = 04000;

  private Fd() {}

  /** A close-on-exec pipe: {@code [read end, write end]}. */
  public static int[] pipe() {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment fds = a.allocate(ValueLayout.JAVA_INT, 2);
      int rc = (int) PIPE2.invokeExact(err, fds, O_CLOEXEC);
      if (rc != 0) {
        throw Native.fail("pipe2", "", err);
      }
      return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** Reads up to {@code max} bytes; an empty array means end of file. */
  public static byte[] read(int fd, int max) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment buf = a.allocate(max);
      while (true) {
        long n = (long) READ.invokeExact(err, fd, buf, (long) max);
        if (n >= 0) {
          return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
        if (Native.errno(err) != NativeException.EINTR) {
          throw Native.fail("read", "fd " + fd, err);
        }
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** Reads until end of file. */
  public static byte[] readAll(int fd) {
    var out = new java.io.ByteArrayOutputStream();
    while (true) {
      byte[] b = read(fd, 4096);
      if (b.length == 0) {
        return out.toByteArray();
      }
      out.writeBytes(b);
    }
  }

  public static void write(int fd, byte[] data) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment buf = a.allocate(Math.max(1, data.length));
      buf.copyFrom(MemorySegment.ofArray(data));
      long off = 0;
      while (off < data.length) {
        long n = (long) WRITE.invokeExact(err, fd, buf.asSlice(off), data.length - off);
        if (n < 0) {
          if (Native.errno(err) == NativeException.EINTR) {
            continue;
          }
          throw Native.fail("write", "fd " + fd, err);
        }
        off += n;
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /**
   * Writes one message to a FIFO that someone reads, never waiting: without a reader the open
   * fails (ENXIO) instead of blocking the calling carrier thread.
   */
  public static void writeFifo(java.nio.file.Path fifo, byte[] message) {
    int fd;
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      fd = (int) OPEN.invokeExact(err, a.allocateFrom(fifo.toString()), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0) {
        throw Native.fail("open", fifo.toString(), err);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
    try {
      write(fd, message);
    } finally {
      close(fd);
    }
  }

  public static void close(int fd) {
    if (fd < 0) {
      return;
    }
    try {
      int unused = (int) CLOSE.invokeExact(fd);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }
}
