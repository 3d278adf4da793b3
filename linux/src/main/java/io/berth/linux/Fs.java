package io.berth.linux;

import static io.berth.linux.Native.INT;
import static io.berth.linux.Native.LONG;
import static io.berth.linux.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** Filesystem calls the JDK lacks: mount, umount2, mknod, extended attributes in any namespace. */
public final class Fs {
  public static final long MS_RDONLY = 1;
  public static final long MS_NOSUID = 2;
  public static final long MS_NODEV = 4;
  public static final long MS_NOEXEC = 8;
  public static final long MS_BIND = 4096;
  public static final long MS_REC = 16384;
  public static final long MS_PRIVATE = 1 << 18;
  public static final int MNT_DETACH = 2;
  public static final int S_IFCHR = 0020000;
  public static final int S_IFBLK = 0060000;
  public static final int S_IFIFO = 0010000;

  private static final MethodHandle MOUNT =
      Native.errnoHandle("mount", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, PTR));
  private static final MethodHandle UMOUNT2 =
      Native.errnoHandle("umount2", FunctionDescriptor.of(INT, PTR, INT));
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final MethodHandle UTIMENSAT =
      Native.errnoHandle("utimensat", FunctionDescriptor.of(INT, INT, PTR, PTR, INT));
  private static final MethodHandle LCHOWN =
      Native.errnoHandle("lchown", FunctionDescriptor.of(INT, PTR, INT, INT));
  private static final MethodHandle FCHMODAT =
      Native.errnoHandle("fchmodat", FunctionDescriptor.of(INT, INT, PTR, INT, INT));
  private static final MethodHandle MKNOD =
      Native.errnoHandle("mknod", FunctionDescriptor.of(INT, PTR, INT, LONG));
  private static final MethodHandle LSETXATTR =
      Native.errnoHandle("lsetxattr", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, INT));
  private static final MethodHandle LGETXATTR =
      Native.errnoHandle("lgetxattr", FunctionDescriptor.of(LONG, PTR, PTR, PTR, LONG));
  private static final MethodHandle LLISTXATTR =
      Native.errnoHandle("llistxattr", FunctionDescriptor.of(LONG, PTR, PTR, LONG));

  private Fs() {}

  public static void mount(String source, Path target, String fstype, long flags, String data) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment type = fstype == null ? MemorySegment.NULL : a.allocateFrom(fstype);
      MemorySegment options = data == null ? MemorySegment.NULL : a.allocateFrom(data);
      int rc =
          (int)
              MOUNT.invokeExact(
                  err, a.allocateFrom(source), a.allocateFrom(target.toString()), type, flags, options);
      if (rc != 0) {
        throw Native.fail("mount", target.toString(), err);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  public static void umount(Path target, int flags) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      int rc = (int) UMOUNT2.invokeExact(err, a.allocateFrom(target.toString()), flags);
      if (rc != 0) {
        throw Native.fail("umount", target.toString(), err);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** Creates a character device; {@code mknodChar(p, 0, 0)} is an overlayfs whiteout. */
  public static void mknodChar(Path path, int perm, int major, int minor) {
    mknod(path, S_IFCHR, perm, major, minor);
  }

  /**
   * Creates a node of {@code type} ({@link #S_IFCHR}, {@link #S_IFBLK} or {@link #S_IFIFO}); an
   * existing entry, a symlink included, makes it fail rather than be followed.
   */
  public static void mknod(Path path, int type, int perm, int major, int minor) {
    long dev = ((long) (major & 0xfff) << 8) | (minor & 0xff) | ((long) (minor & ~0xff) << 12);
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      int rc = (int) MKNOD.invokeExact(err, a.allocateFrom(path.toString()), type | (perm & 07777), dev);
      if (rc != 0) {
        throw Native.fail("mknod", path.toString(), err);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /**
   * Sets access and modification time of the path itself, never opening it: the JDK's views
   * open the file, which blocks on a FIFO and fails on a device without a driver.
   */
  public static void setTimes(Path path, java.time.Instant time) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment ts = a.allocate(ValueLayout.JAVA_LONG, 4);
      for (int i = 0; i < 2; i++) {
        ts.setAtIndex(ValueLayout.JAVA_LONG, 2L * i, time.getEpochSecond());
        ts.setAtIndex(ValueLayout.JAVA_LONG, 2L * i + 1, time.getNano());
      }
      int rc = (int) UTIMENSAT.invokeExact(err, AT_FDCWD, a.allocateFrom(path.toString()), ts,
          AT_SYMLINK_NOFOLLOW);
      if (rc != 0) {
        throw Native.fail("utimensat", path.toString(), err);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /**
   * Owner, then mode (unless {@code symlink}: a link has none), then the modification time when
   * not null, of the path itself, in three system calls: what unpacking a layer does for every
   * file, where the JDK's attribute views open each file once per attribute.
   */
  public static void setOwnerModeTime(Path path, int uid, int gid, int mode, boolean symlink,
      java.time.Instant mtime) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment p = a.allocateFrom(path.toString());
      int rc = (int) LCHOWN.invokeExact(err, p, uid, gid);
      if (rc != 0) {
        throw Native.fail("lchown", path.toString(), err);
      }
      if (!symlink) {
        rc = (int) FCHMODAT.invokeExact(err, AT_FDCWD, p, mode, 0);
        if (rc != 0) {
          throw Native.fail("chmod", path.toString(), err);
        }
      }
      if (mtime != null) {
        MemorySegment ts = a.allocate(ValueLayout.JAVA_LONG, 4);
        for (int i = 0; i < 2; i++) {
          ts.setAtIndex(ValueLayout.JAVA_LONG, 2L * i, mtime.getEpochSecond());
          ts.setAtIndex(ValueLayout.JAVA_LONG, 2L * i + 1, mtime.getNano());
        }
        rc = (int) UTIMENSAT.invokeExact(err, AT_FDCWD, p, ts, AT_SYMLINK_NOFOLLOW);
        if (rc != 0) {
          throw Native.fail("utimensat", path.toString(), err);
        }
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** Sets an extended attribute on the path itself (not a symlink target). */
  public static void setXattr(Path path, String name, byte[] value) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment v = a.allocate(Math.max(1, value.length));
      v.copyFrom(MemorySegment.ofArray(value));
      int rc =
          (int)
              LSETXATTR.invokeExact(
                  err, a.allocateFrom(path.toString()), a.allocateFrom(name), v, (long) value.length, 0);
      if (rc != 0) {
        throw Native.fail("setxattr " + name, path.toString(), err);
      }
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** The attribute's value, or null when it is not set. */
  public static byte[] getXattr(Path path, String name) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment buf = a.allocate(4096);
      long n =
          (long)
              LGETXATTR.invokeExact(
                  err, a.allocateFrom(path.toString()), a.allocateFrom(name), buf, 4096L);
      if (n < 0) {
        return null;
      }
      return buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** The names of the path's own extended attributes (not a symlink target's); none where unsupported. */
  public static java.util.List<String> listXattrs(Path path) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment err = Native.errnoSegment(a);
      MemorySegment p = a.allocateFrom(path.toString());
      long size = (long) LLISTXATTR.invokeExact(err, p, MemorySegment.NULL, 0L);
      if (size <= 0) {
        return java.util.List.of();
      }
      MemorySegment buf = a.allocate(size);
      long n = (long) LLISTXATTR.invokeExact(err, p, buf, size);
      if (n < 0) {
        throw Native.fail("listxattr", path.toString(), err);
      }
      String all = new String(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), java.nio.charset.StandardCharsets.UTF_8);
      return java.util.Arrays.stream(all.split("\0")).filter(x -> !x.isEmpty()).toList();
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }
}
