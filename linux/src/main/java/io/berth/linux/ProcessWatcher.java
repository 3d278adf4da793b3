package io.berth.linux;

import static io.berth.linux.Native.INT;
import static io.berth.linux.Native.LONG;
import static io.berth.linux.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells when processes that are not our children end (conmon double-forks, so it can't be
 * waited for). Each watched process gets a pidfd, which becomes readable when the process exits;
 * one platform thread waits on all of them with epoll, so a thousand monitors cost one thread.
 * A pidfd names one process for good: a recycled pid is never mistaken for the old one.
 */
public final class ProcessWatcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("berth.linux");
  private static final long SYS_PIDFD_OPEN = 434;
  private static final int ESRCH = 3;
  private static final int EPOLL_CLOEXEC = 02000000;
  private static final int EPOLL_CTL_ADD = 1;
  private static final int EPOLL_CTL_DEL = 2;
  private static final int EPOLLIN = 0x1;
  // one report per pidfd: a level-triggered fd would be reported again until it is gone
  private static final int EPOLLONESHOT = 1 << 30;
  // struct epoll_event is packed on x86-64: u32 events, then u64 data at offset 4
  private static final int EVENT_SIZE = 12;
  private static final int BATCH = 64;

  private static final MethodHandle SYSCALL =
      Native.errnoHandle("syscall", FunctionDescriptor.of(LONG, LONG, INT, INT));
  private static final MethodHandle EPOLL_CREATE1 =
      Native.errnoHandle("epoll_create1", FunctionDescriptor.of(INT, INT));
  private static final MethodHandle EPOLL_CTL =
      Native.errnoHandle("epoll_ctl", FunctionDescriptor.of(INT, INT, INT, INT, PTR));
  private static final MethodHandle EPOLL_WAIT =
      Native.errnoHandle("epoll_wait", FunctionDescriptor.of(INT, INT, PTR, INT, INT));
  private static final MethodHandle CLOSE = Native.handle("close", FunctionDescriptor.of(INT, INT));

  private final int epfd;
  private final Map<Integer, Runnable> watched = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  public ProcessWatcher() {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      int fd = (int) EPOLL_CREATE1.invokeExact(err, EPOLL_CLOEXEC);
      if (fd < 0) {
        throw Native.fail("epoll_create1", "", err);
      }
      this.epfd = fd;
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
    this.thread = Thread.ofPlatform().daemon().name("process-watcher").start(this::loop);
  }

  /**
   * Calls {@code onExit} (on a virtual thread) once {@code pid} has ended. Returns false, calling
   * nothing, when there is no such process now.
   */
  public boolean watch(long pid, Runnable onExit) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      int fd = (int) (long) SYSCALL.invokeExact(err, SYS_PIDFD_OPEN, (int) pid, 0);
      if (fd < 0) {
        if (Native.errno(err) == ESRCH) {
          return false;
        }
        throw Native.fail("pidfd_open", "pid " + pid, err);
      }
      watched.put(fd, onExit);
      MemorySegment ev = a.allocate(EVENT_SIZE);
      ev.set(ValueLayout.JAVA_INT_UNALIGNED, 0, EPOLLIN | EPOLLONESHOT);
      ev.set(ValueLayout.JAVA_LONG_UNALIGNED, 4, fd);
      int rc = (int) EPOLL_CTL.invokeExact(err, epfd, EPOLL_CTL_ADD, fd, ev);
      if (rc != 0) {
        watched.remove(fd);
        int ignored = (int) CLOSE.invokeExact(fd);
        throw Native.fail("epoll_ctl", "pidfd of " + pid, err);
      }
      return true;
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  private void loop() {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment events = a.allocate((long) EVENT_SIZE * BATCH);
      while (!closed) {
        int n = (int) EPOLL_WAIT.invokeExact(err, epfd, events, BATCH, 1000);
        if (n < 0) {
          if (Native.errno(err) == NativeException.EINTR) {
            continue;
          }
          if (closed) {
            return;
          }
          throw Native.fail("epoll_wait", "", err);
        }
        for (int i = 0; i < n; i++) {
          int fd = (int) events.get(ValueLayout.JAVA_LONG_UNALIGNED, (long) i * EVENT_SIZE + 4);
          Runnable r = watched.remove(fd);
          if (r == null) {
            continue; // not ours (any more): never close a number that may name another file now
          }
          // A close alone leaves the pidfd in the epoll set while a child being spawned still
          // shares the descriptor table: take it out first.
          int del = (int) EPOLL_CTL.invokeExact(err, epfd, EPOLL_CTL_DEL, fd, MemorySegment.NULL);
          int ignored = (int) CLOSE.invokeExact(fd);
          Thread.ofVirtual().name("process-exit-" + fd).start(() -> {
            try {
              r.run();
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "handling a process exit: " + e, e);
            }
          });
        }
      }
    } catch (Throwable t) {
      if (!closed) {
        LOG.log(System.Logger.Level.ERROR, "process watcher stopped: " + t, t);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(2000);
      for (int fd : watched.keySet()) {
        int ignored = (int) CLOSE.invokeExact(fd);
      }
      watched.clear();
      int ignored = (int) CLOSE.invokeExact(epfd);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }
}
