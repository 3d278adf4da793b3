package io.berth.volume;

import io.berth.linux.Fs;
import io.berth.linux.NativeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local driver's mounts of volumes made with options ({@code type}, {@code device},
 * {@code o}): mounted on the volume's data directory when its first user starts and unmounted
 * when its last one is gone, as dockerd's local driver counts them. Users are named, so a
 * second mount or unmount by the same user changes nothing.
 */
public final class LocalMounts {
  private static final Map<String, long[]> FLAGS = new HashMap<>();

  static {
    // option → {flag, 1 to set or 0 to clear}, as mount(8) reads them
    FLAGS.put("ro", new long[] {Fs.MS_RDONLY, 1});
    FLAGS.put("rw", new long[] {Fs.MS_RDONLY, 0});
    FLAGS.put("nosuid", new long[] {Fs.MS_NOSUID, 1});
    FLAGS.put("suid", new long[] {Fs.MS_NOSUID, 0});
    FLAGS.put("nodev", new long[] {Fs.MS_NODEV, 1});
    FLAGS.put("dev", new long[] {Fs.MS_NODEV, 0});
    FLAGS.put("noexec", new long[] {Fs.MS_NOEXEC, 1});
    FLAGS.put("exec", new long[] {Fs.MS_NOEXEC, 0});
    FLAGS.put("bind", new long[] {Fs.MS_BIND, 1});
    FLAGS.put("rbind", new long[] {Fs.MS_BIND | Fs.MS_REC, 1});
    FLAGS.put("noatime", new long[] {1024, 1});
    FLAGS.put("atime", new long[] {1024, 0});
    FLAGS.put("nodiratime", new long[] {2048, 1});
    FLAGS.put("diratime", new long[] {2048, 0});
    FLAGS.put("sync", new long[] {16, 1});
    FLAGS.put("async", new long[] {16, 0});
  }

  private static final long MS_REMOUNT = 32;

  private final Map<String, Set<String>> users = new HashMap<>();

  /** The mount system call's flags and data for an {@code o} option string. */
  record Parsed(long flags, String data) {}

  static Parsed parse(String o) {
    long flags = 0;
    List<String> data = new ArrayList<>();
    for (String opt : o == null || o.isEmpty() ? new String[0] : o.split(",")) {
      long[] f = FLAGS.get(opt);
      if (f == null) {
        data.add(opt);
      } else if (f[1] == 1) {
        flags |= f[0];
      } else {
        flags &= ~f[0];
      }
    }
    return new Parsed(flags, String.join(",", data));
  }

  /** Mounts the volume for {@code user} unless it already is; a volume without options needs nothing. */
  public synchronized void mount(Volume v, String user) {
    if (!v.hasOptions()) {
      return;
    }
    Set<String> u = users.computeIfAbsent(v.name(), k -> new HashSet<>());
    if (u.isEmpty() && !isMountPoint(v.mountpoint())) {
      String type = v.options().getOrDefault("type", "");
      String device = v.options().getOrDefault("device", "");
      Parsed p = parse(v.options().get("o"));
      try {
        Fs.mount(device, v.mountpoint(), type.isEmpty() || type.equals("none") ? null : type, p.flags(),
            p.data().isEmpty() ? null : p.data());
        if ((p.flags() & Fs.MS_BIND) != 0 && (p.flags() & ~(Fs.MS_BIND | Fs.MS_REC)) != 0) {
          // a bind takes its other flags only from a remount
          Fs.mount("", v.mountpoint(), null, p.flags() | MS_REMOUNT, null);
        }
      } catch (NativeException e) {
        if (u.isEmpty()) {
          users.remove(v.name());
        }
        String reason = e.getMessage().substring(e.getMessage().lastIndexOf(": ") + 2);
        throw new MountException("error while mounting volume '" + v.mountpoint() + "': failed to mount local volume: mount "
            + (device.isEmpty() ? "" : device + ":") + v.mountpoint()
            + (p.flags() == 0 ? "" : ", flags: 0x" + Long.toHexString(p.flags()))
            + (p.data().isEmpty() ? "" : ", data: " + p.data()) + ": " + reason.toLowerCase(java.util.Locale.ROOT));
      }
    }
    u.add(user);
  }

  /** The user is done with the volume; its last user unmounts it. */
  public synchronized void unmount(Volume v, String user) {
    Set<String> u = users.get(v.name());
    if (u == null || !u.remove(user) || !u.isEmpty()) {
      return;
    }
    users.remove(v.name());
    while (isMountPoint(v.mountpoint())) {
      try {
        Fs.umount(v.mountpoint(), Fs.MNT_DETACH);
      } catch (NativeException e) {
        if (e.errno() == NativeException.EINVAL || e.errno() == NativeException.ENOENT) {
          return;
        }
        throw e;
      }
    }
  }

  /** Whether anyone uses the volume's mount now. */
  public synchronized boolean active(String name) {
    Set<String> u = users.get(name);
    return u != null && !u.isEmpty();
  }

  /** Unmounts whatever is left mounted on the volume's data directory (before it is removed). */
  public synchronized void clear(Volume v) {
    users.remove(v.name());
    while (v.hasOptions() && isMountPoint(v.mountpoint())) {
      try {
        Fs.umount(v.mountpoint(), Fs.MNT_DETACH);
      } catch (NativeException e) {
        return;
      }
    }
  }

  /** A failed mount, in dockerd's words. */
  public static final class MountException extends RuntimeException {
    MountException(String message) {
      super(message);
    }
  }

  /** The mount table knows the path as a mount point (a bind on the same file system too). */
  public static boolean isMountPoint(Path p) {
    String target = p.toAbsolutePath().normalize().toString();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
        String[] f = line.split(" ");
        if (f.length > 4 && f[4].replace("\\040", " ").equals(target)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
