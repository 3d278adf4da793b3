package io.berth.linux;

import static io.berth.linux.Native.INT;
import static io.berth.linux.Native.LONG;
import static io.berth.linux.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A connected AF_UNIX SOCK_SEQPACKET socket (conmon's attach socket; JDK channels speak only
 * SOCK_STREAM). {@link #receive} blocks natively: call it from a platform thread.
 */
public final class SeqPacketSocket implements AutoCloseable {
  private static final int AF_UNIX = 1;
  private static final int SOCK_SEQPACKET = 5;
  private static final int SOCK_CLOEXEC = 02000000;
  private static final int MSG_NOSIGNAL = 0x4000;
  private static final MethodHandle SOCKET =
      Native.errnoHandle("socket", FunctionDescriptor.of(INT, INT, INT, INT));
  private static final MethodHandle CONNECT =
      Native.errnoHandle("connect", FunctionDescriptor.of(INT, INT, PTR, INT));
  private static final MethodHandle RECV =
      Native.errnoHandle("recv", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT));
  private static final MethodHandle SEND =
      Native.errnoHandle("send", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT));
  private static final MethodHandle SHUTDOWN =
      Native.errnoHandle("shutdown", FunctionDescriptor.of(INT, INT, INT));

  private final int fd;
  private volatile boolean closed;

  private SeqPacketSocket(int fd) {
    this.fd = fd;
  }

  public static SeqPacketSocket connect(Path path) {
    byte[] p = path.toString().getBytes(StandardCharsets.UTF_8);
    if (p.length >= 108) {
      throw new NativeException("socket path too long: " + path, NativeException.EINVAL);
    }
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      int fd = (int) SOCKET.invokeExact(err, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
      if (fd < 0) {
        throw Native.fail("socket", path.toString(), err);
      }
      MemorySegment addr = a.allocate(110);
      addr.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
      addr.asSlice(2, p.length).copyFrom(MemorySegment.ofArray(p));
      int rc = (int) CONNECT.invokeExact(err, fd, addr, 2 + p.length + 1);
      if (rc != 0) {
        NativeException e = Native.fail("connect", path.toString(), err);
        Fd.close(fd);
        throw e;
      }
      return new SeqPacketSocket(fd);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** One packet, or an empty array at end of stream (or once closed: the number may be reused). */
  public byte[] receive() {
    if (closed) {
      return new byte[0];
    }
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment recvBuf = a.allocate(65536);
      while (true) {
        long n = (long) RECV.invokeExact(err, fd, recvBuf, recvBuf.byteSize(), 0);
        if (n >= 0) {
          return recvBuf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
        if (Native.errno(err) != NativeException.EINTR) {
          if (closed) {
            return new byte[0];
          }
          throw Native.fail("recv", "attach socket", err);
        }
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  public void send(byte[] data, int off, int len) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment buf = a.allocate(Math.max(1, len));
      buf.copyFrom(MemorySegment.ofArray(data).asSlice(off, len));
      long n = (long) SEND.invokeExact(err, fd, buf, (long) len, MSG_NOSIGNAL);
      if (n < 0) {
        throw Native.fail("send", "attach socket", err);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** Half-closes: conmon then closes the container's stdin. */
  public void shutdownOutput() {
    shutdown(1);
  }

  /** Wakes a blocked {@link #receive} with end of stream. */
  public void shutdownInput() {
    shutdown(0);
  }

  private void shutdown(int how) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      int unused = (int) SHUTDOWN.invokeExact(err, fd, how);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    shutdown(2);
    Fd.close(fd);
  }
}
