package io.berth.linux;

import static io.berth.linux.Native.INT;
import static io.berth.linux.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mounts an overlay whose options may not fit in what mount(2) copies from user space: one page,
 * its last byte forced to NUL, so anything past 4095 bytes is silently cut. Kernels before 6.8 have
 * no {@code lowerdir+} to add layers one at a time, and fsconfig(2) caps a string at 256 bytes, so
 * a deep image (about 40 layers of {@code <root>/layers/<64 hex>/diff}) cannot be described in full.
 *
 * <p>When the options are too long, each lower directory is opened with {@code O_PATH} and named
 * as {@code /proc/self/fd/<n>} (about 19 bytes, against about 90): the kernel resolves every lower
 * directory once, at mount time, so the descriptors can be closed right after. This keeps nothing
 * on disk (no link farm to repair after a crash) and needs no child process for a private working
 * directory. About 200 layers fit; the kernel's own limit is 500 and Docker's overlay2 stops at 128.
 * Short option strings go to mount(2) unchanged, so the common case and /proc/self/mountinfo look
 * exactly as before.
 */
public final class OverlayMount {
  /** The page mount(2) copies, less the NUL it writes into the last byte. */
  public static final int MAX_DATA = 4095;

  private static final int O_PATH = 010000000;
  private static final int O_CLOEXEC = 02000000;
  private static final int E2BIG = 7;
  private static final String LOWERDIR = "lowerdir=";
  private static final MethodHandle OPEN =
      Native.errnoHandle("open", FunctionDescriptor.of(INT, PTR, INT));

  private OverlayMount() {}

  /** Mounts {@code overlay} at {@code target} with {@code options}, however many lower layers. */
  public static void mount(String source, Path target, List<String> options) {
    String data = String.join(",", options);
    if (length(data) <= MAX_DATA) {
      Fs.mount(source, target, "overlay", 0, data);
      return;
    }
    List<Integer> fds = new ArrayList<>();
    try {
      List<String> shortened = new ArrayList<>(options.size());
      for (String o : options) {
        shortened.add(o.startsWith(LOWERDIR) ? LOWERDIR + viaDescriptors(o, fds) : o);
      }
      data = String.join(",", shortened);
      if (length(data) > MAX_DATA) {
        throw new NativeException(
            "mount "
                + target
                + ": "
                + fds.size()
                + " overlay layers need "
                + length(data)
                + " bytes of options, more than the kernel's "
                + MAX_DATA,
            E2BIG);
      }
      Fs.mount(source, target, "overlay", 0, data);
    } finally {
      for (int fd : fds) {
        Fd.close(fd);
      }
    }
  }

  private static int length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Opens every directory of a lowerdir list, adding each descriptor to {@code fds}. */
  private static String viaDescriptors(String option, List<Integer> fds) {
    List<String> names = new ArrayList<>();
    for (String dir : split(option.substring(LOWERDIR.length()))) {
      int fd = openPath(dir);
      fds.add(fd);
      names.add("/proc/self/fd/" + fd);
    }
    return String.join(":", names);
  }

  /** Overlay's lowerdir list: ':' separates, a backslash escapes the next character. */
  static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '\\' && i + 1 < list.length()) {
        cur.append(list.charAt(++i));
      } else if (c == ':') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** O_DIRECTORY differs between x86-64 and arm64; overlay refuses a non-directory anyway. */
  private static int openPath(String dir) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      int fd = (int) OPEN.invokeExact(err, a.allocateFrom(dir), O_PATH | O_CLOEXEC);
      if (fd < 0) {
        throw Native.fail("open", dir, err);
      }
      return fd;
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }
}
