package io.berth.linux;

import static io.berth.linux.Native.INT;
import static io.berth.linux.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;

/**
 * Starts a child with extra inherited descriptors at fixed numbers ({@code ProcessBuilder} passes
 * only 0–2), as conmon's sync and start pipes need. Every other descriptor is closed in the child.
 */
public final class Spawn {
  private static final MethodHandle FA_INIT =
      Native.handle("posix_spawn_file_actions_init", FunctionDescriptor.of(INT, PTR));
  private static final MethodHandle FA_DESTROY =
      Native.handle("posix_spawn_file_actions_destroy", FunctionDescriptor.of(INT, PTR));
  private static final MethodHandle FA_DUP2 =
      Native.handle("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(INT, PTR, INT, INT));
  private static final MethodHandle FA_OPEN =
      Native.handle(
          "posix_spawn_file_actions_addopen", FunctionDescriptor.of(INT, PTR, INT, PTR, INT, INT));
  private static final MethodHandle FA_CLOSEFROM =
      Native.handle("posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(INT, PTR, INT));
  private static final MethodHandle FA_CHDIR =
      Native.handle("posix_spawn_file_actions_addchdir_np", FunctionDescriptor.of(INT, PTR, PTR));
  private static final MethodHandle ATTR_INIT =
      Native.handle("posix_spawnattr_init", FunctionDescriptor.of(INT, PTR));
  private static final MethodHandle ATTR_DESTROY =
      Native.handle("posix_spawnattr_destroy", FunctionDescriptor.of(INT, PTR));
  private static final MethodHandle ATTR_FLAGS =
      Native.handle("posix_spawnattr_setflags", FunctionDescriptor.of(INT, PTR, ValueLayout.JAVA_SHORT));
  private static final MethodHandle ATTR_SIGMASK =
      Native.handle("posix_spawnattr_setsigmask", FunctionDescriptor.of(INT, PTR, PTR));
  private static final MethodHandle ATTR_SIGDEFAULT =
      Native.handle("posix_spawnattr_setsigdefault", FunctionDescriptor.of(INT, PTR, PTR));
  private static final MethodHandle SIGEMPTYSET = Native.handle("sigemptyset", FunctionDescriptor.of(INT, PTR));
  private static final MethodHandle SIGFILLSET = Native.handle("sigfillset", FunctionDescriptor.of(INT, PTR));
  private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  private static final MethodHandle SPAWN =
      Native.handle("posix_spawn", FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR, PTR));
  private static final MethodHandle WAITPID =
      Native.errnoHandle("waitpid", FunctionDescriptor.of(INT, INT, PTR, INT));
  private static final int O_RDWR = 2;

  private Spawn() {}

  /**
   * Spawns {@code argv} with stdio on /dev/null unless mapped, and {@code fds} (child fd → parent
   * fd) dup'ed in. Returns the child's pid.
   */
  public static int spawn(List<String> argv, Map<String, String> env, Map<Integer, Integer> fds) {
    return spawn(argv, env, fds, null);
  }

  /** As above, the child in {@code cwd} (null: this process's): what it writes by relative name lands there. */
  public static int spawn(List<String> argv, Map<String, String> env, Map<Integer, Integer> fds, java.nio.file.Path cwd) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment fa = a.allocate(256, 16);
      check("file_actions_init", (int) FA_INIT.invokeExact(fa));
      try {
        MemorySegment devnull = a.allocateFrom("/dev/null");
        for (int std = 0; std <= 2; std++) {
          if (!fds.containsKey(std)) {
            check("addopen", (int) FA_OPEN.invokeExact(fa, std, devnull, O_RDWR, 0));
          }
        }
        int top = 2;
        for (var e : fds.entrySet()) {
          check("adddup2", (int) FA_DUP2.invokeExact(fa, (int) e.getValue(), (int) e.getKey()));
          top = Math.max(top, e.getKey());
        }
        check("addclosefrom", (int) FA_CLOSEFROM.invokeExact(fa, top + 1));
        if (cwd != null) {
          check("addchdir", (int) FA_CHDIR.invokeExact(fa, a.allocateFrom(cwd.toString())));
        }
        MemorySegment attr = signalDefaults(a);
        MemorySegment pid = a.allocate(ValueLayout.JAVA_INT);
        MemorySegment argvSeg = strings(a, argv);
        MemorySegment envSeg =
            strings(a, env.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList());
        int rc =
            (int)
                SPAWN.invokeExact(
                    pid, a.allocateFrom(argv.getFirst()), fa, attr, argvSeg, envSeg);
        int unused = (int) ATTR_DESTROY.invokeExact(attr);
        if (rc != 0) {
          throw new NativeException("spawn " + argv.getFirst() + ": " + Native.strerror(rc), rc);
        }
        return pid.get(ValueLayout.JAVA_INT, 0);
      } finally {
        int unused = (int) FA_DESTROY.invokeExact(fa);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /**
   * The JVM blocks and ignores signals on its threads; a child must start with none blocked and
   * every handler at its default, as ProcessBuilder's children do.
   */
  private static MemorySegment signalDefaults(Arena a) throws Throwable {
    MemorySegment attr = a.allocate(512, 16);
    check("spawnattr_init", (int) ATTR_INIT.invokeExact(attr));
    MemorySegment none = a.allocate(128, 8);
    MemorySegment all = a.allocate(128, 8);
    int unused = (int) SIGEMPTYSET.invokeExact(none);
    unused = (int) SIGFILLSET.invokeExact(all);
    check("setsigmask", (int) ATTR_SIGMASK.invokeExact(attr, none));
    check("setsigdefault", (int) ATTR_SIGDEFAULT.invokeExact(attr, all));
    check("setflags", (int) ATTR_FLAGS.invokeExact(attr, (short) (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)));
    return attr;
  }

  /** Waits for a spawned child and returns its exit status (128+signal when killed). */
  public static int waitFor(int pid) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment status = a.allocate(ValueLayout.JAVA_INT);
      while (true) {
        int rc = (int) WAITPID.invokeExact(err, pid, status, 0);
        if (rc == pid) {
          int s = status.get(ValueLayout.JAVA_INT, 0);
          return (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
        }
        if (Native.errno(err) != NativeException.EINTR) {
          throw Native.fail("waitpid", String.valueOf(pid), err);
        }
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  private static MemorySegment strings(Arena a, List<String> list) {
    MemorySegment arr = a.allocate(ValueLayout.ADDRESS, list.size() + 1);
    for (int i = 0; i < list.size(); i++) {
      arr.setAtIndex(ValueLayout.ADDRESS, i, a.allocateFrom(list.get(i)));
    }
    arr.setAtIndex(ValueLayout.ADDRESS, list.size(), MemorySegment.NULL);
    return arr;
  }

  private static void check(String what, int rc) {
    if (rc != 0) {
      throw new NativeException("posix_spawn " + what + ": " + Native.strerror(rc), rc);
    }
  }
}
