package io.berth.daemon.volume;

import io.berth.common.error.EngineException;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.MountPoint;
import io.berth.linux.Fs;
import io.berth.volume.TreeCopy;
import io.berth.volume.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container's mounts through its life: at create the volumes are made or found and referenced,
 * and new ones filled from the image; at each start the OCI mounts are made of them (binds'
 * sources made or checked, propagation checked against the host's mounts); at removal the
 * references go, with the anonymous volumes if asked.
 */
public final class ContainerMounts {

  private final VolumeService volumes;
  private final MountRequests requests;

  public ContainerMounts(VolumeService volumes, MountRequests requests) {
    this.volumes = volumes;
    this.requests = requests;
  }

  public MountRequests requests() {
    return requests;
  }

  /**
   * Containers that exist hold their volumes (at start-up, from their records); running ones
   * hold their volumes' mounts too, until their end is seen.
   */
  public void restore(List<Container> containers) {
    for (Container c : containers) {
      volumes.referenced(c.id(), c.mounts().stream().filter(MountPoint::isVolume).map(MountPoint::name).toList());
      if (c.state().running()) {
        for (MountPoint m : c.mounts()) {
          if (m.isVolume()) {
            try {
              volumes.mountFor(m.name(), c.id());
            } catch (RuntimeException e) {
              // its next start says why
            }
          }
        }
      }
    }
  }

  /** The container has stopped (or never started): its volumes' mounts are free of it. */
  public void stopped(Container c) {
    for (MountPoint m : c.mounts()) {
      if (m.isVolume()) {
        volumes.unmountFor(m.name(), c.id());
      }
    }
  }

  /**
   * Makes or finds each planned volume, referenced by {@code containerId}, and fills the new ones
   * from the image's content at their destination ({@code rootfs}: the container's mounted
   * root, or null when nothing needs it). On failure, whatever this made is undone.
   */
  public List<MountPoint> acquire(String containerId, List<MountRequests.Planned> plan, RootfsView rootfs) {
    List<MountPoint> out = new ArrayList<>();
    try {
      for (MountRequests.Planned p : plan) {
        MountPoint m = p.point();
        if (m.isVolume()) {
          Volume v = volumes.acquire(m.name(), p.labels(), p.options(), containerId);
          m = new MountPoint(m.type(), v.name(), v.mountpoint().toString(), m.destination(), m.driver(), m.mode(),
              m.rw(), m.propagation(), m.anonymous(), m.createSource(), m.nonRecursive(), m.tmpfsData());
          if (p.copyData() || p.fromConfig()) {
            String user = "create-" + containerId;
            volumes.mountFor(v.name(), user);
            try {
              populate(m, v, p, rootfs);
            } finally {
              volumes.unmountFor(v.name(), user);
            }
          }
        }
        out.add(m);
      }
      return out;
    } catch (RuntimeException e) {
      release(containerId, out, true);
      throw e;
    }
  }

  /** The container's root as create sees it: mounted only if some volume needs filling. */
  public interface RootfsView {
    /** The mounted root; the caller unmounts it after. */
    Path root();
  }

  private static void populate(MountPoint m, Volume v, MountRequests.Planned p, RootfsView rootfs) {
    Path data = v.mountpoint();
    try {
      boolean empty;
      try (var entries = Files.list(data)) {
        empty = entries.findAny().isEmpty();
      }
      if (rootfs == null) {
        return;
      }
      Path src = ScopedPath.resolve(rootfs.root(), m.destination());
      if (src == null || !Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      if (!Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
        if (p.fromConfig()) {
          throw new SystemException("cannot mount volume over existing file, file exists " + src);
        }
        if (empty && p.copyData()) {
          throw new SystemException("source " + src + " is not directory");
        }
        return;
      }
      if (empty && p.copyData()) {
        TreeCopy.copy(src, data);
      }
    } catch (IOException e) {
      throw new SystemException("copy of " + m.destination() + " into volume " + v.name() + ": " + e.getMessage(), e);
    }
  }

  /** Whether creating these mounts needs the container's root: a volume that may be filled from it. */
  public static boolean needsRootfs(List<MountRequests.Planned> plan) {
    return plan.stream().anyMatch(p -> p.point().isVolume() && (p.copyData() || p.fromConfig()));
  }

  /** The container is removed: its references go, and its anonymous volumes too if {@code removeAnonymous}. */
  public void release(String containerId, List<MountPoint> mounts, boolean removeAnonymous) {
    volumes.release(containerId);
    if (removeAnonymous) {
      for (MountPoint m : mounts) {
        if (m.isVolume() && m.anonymous()) {
          try {
            volumes.volumeRemove(m.name(), true);
          } catch (EngineException inUse) {
            // another container (--volumes-from) still has it, as dockerd leaves it then
          }
        }
      }
    }
  }

  /** What a start mounts: each entry an OCI mount, and the propagation the root needs. */
  public record Prepared(List<Oci> mounts, String rootfsPropagation) {}

  public record Oci(String destination, String type, String source, List<String> options) {}

  /**
   * The OCI mounts of a start: binds' sources made ({@code -v}) or checked ({@code --mount}),
   * {@code --tmpfs} and tmpfs mounts with dockerd's default options, propagation checked.
   */
  public Prepared prepare(Container c) {
    Map<String, String> tmpfs = c.hostConfig().tmpfs() == null ? Map.of() : c.hostConfig().tmpfs();
    List<Oci> out = new ArrayList<>();
    String rootfsPropagation = null;
    for (MountPoint m : c.mounts()) {
      if (tmpfs.containsKey(m.destination())) {
        continue; // the --tmpfs of the same destination wins, as in dockerd
      }
      switch (m.type()) {
        case "tmpfs" -> out.add(new Oci(m.destination(), "tmpfs", "tmpfs", TmpfsFlags.merge(m.tmpfsData())));
        case "bind" -> {
          bindSource(m);
          List<String> o = new ArrayList<>(List.of(m.nonRecursive() ? "bind" : "rbind"));
          if (!m.rw()) {
            o.add("ro");
          }
          o.add(m.propagation());
          rootfsPropagation = propagation(m, rootfsPropagation, !asked(c, m) && requests.inDaemonRoot(m.source()));
          out.add(new Oci(m.destination(), "bind", m.source(), o));
        }
        default -> {
          String source = volumes.mountFor(m.name(), c.id()).toString();
          out.add(new Oci(m.destination(), "bind", source, m.rw() ? List.of("rbind") : List.of("rbind", "ro")));
        }
      }
    }
    for (Map.Entry<String, String> t : tmpfs.entrySet()) {
      out.add(new Oci(MountRequests.clean(t.getKey()), "tmpfs", "tmpfs", TmpfsFlags.merge(t.getValue())));
    }
    return new Prepared(out, rootfsPropagation);
  }

  private static void bindSource(MountPoint m) {
    Path src = Path.of(m.source());
    if (!m.createSource()) {
      MountRequests.checkBindSource(m.source());
      return;
    }
    if (!Files.exists(src)) {
      try {
        Files.createDirectories(src, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      } catch (java.nio.file.FileSystemException e) {
        if (!(e.getReason() != null && e.getReason().contains("Not a directory"))) {
          throw new SystemException("error while creating mount source path '" + m.source() + "': mkdir "
              + e.getFile() + ": " + e.getReason());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Whether the bind's propagation was asked for ({@code -v}'s mode, {@code --mount}'s bind-propagation). */
  private static boolean asked(Container c, MountPoint m) {
    if (!m.mode().isEmpty() && java.util.Arrays.stream(m.mode().split(",")).anyMatch(MountRequests.PROPAGATION::contains)) {
      return true;
    }
    var specs = c.hostConfig().mounts();
    return specs != null && specs.stream().anyMatch(s -> s.target() != null
        && MountRequests.clean(s.target()).equals(m.destination()) && s.bindOptions() != null
        && s.bindOptions().propagation() != null && !s.bindOptions().propagation().isEmpty());
  }

  /**
   * A shared or slave bind needs a source on a mount that propagates, and a root that passes it
   * on. A bind of the daemon's root (or above it) that was made rslave without being asked falls
   * back to private propagation on a host where it cannot be, as dockerd's does.
   */
  private static String propagation(MountPoint m, String current, boolean fallback) {
    String p = m.propagation();
    boolean shared = p.equals("shared") || p.equals("rshared");
    boolean slave = p.equals("slave") || p.equals("rslave");
    if (!shared && !slave) {
      return current;
    }
    MountInfo mi = MountInfo.of(Path.of(m.source()));
    if (shared && !mi.shared()) {
      throw new SystemException("path " + m.source() + " is mounted on " + mi.mountPoint() + " but it is not a shared mount");
    }
    if (slave && !mi.shared() && !mi.slave()) {
      if (fallback) {
        return current;
      }
      throw new SystemException("path " + m.source() + " is mounted on " + mi.mountPoint()
          + " but it is not a shared or slave mount");
    }
    if (shared) {
      return current != null && current.endsWith("shared") ? current : "shared";
    }
    return current != null ? current : "rslave";
  }

  /** The mount a path is on, as /proc/self/mountinfo says, and how it propagates. */
  record MountInfo(String mountPoint, boolean shared, boolean slave) {
    static MountInfo of(Path path) {
      Path real;
      try {
        real = path.toRealPath();
      } catch (IOException e) {
        throw new SystemException("error evaluating symlinks from mount source \"" + path + "\": " + e.getMessage());
      }
      MountInfo best = null;
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
          String[] f = line.split(" ");
          String mp = f[4].replace("\\040", " ");
          if (real.startsWith(mp) && (best == null || mp.length() >= best.mountPoint().length())) {
            boolean shared = false;
            boolean slave = false;
            for (int i = 6; i < f.length && !f[i].equals("-"); i++) {
              shared |= f[i].startsWith("shared:");
              slave |= f[i].startsWith("master:");
            }
            best = new MountInfo(mp, shared, slave);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (best == null) {
        throw new SystemException("Can't find mount point of " + path);
      }
      return best;
    }
  }

  /**
   * A stopped container's view over its mounted root: volumes and binds (read-only ones
   * read-only) and the /etc files mounted at their places, parents first; tmpfs mounts are not
   * (dockerd's view shows the directory beneath them). Closing it undoes all of it.
   */
  public ContainerView view(Container c, Path merged) {
    String user = "cp-" + c.id();
    List<Path> done = new ArrayList<>();
    Runnable after = () -> stoppedFor(c, user);
    try {
      List<MountPoint> ordered = new ArrayList<>(c.mounts());
      ordered.sort(java.util.Comparator.comparingLong(m -> m.destination().chars().filter(ch -> ch == '/').count()));
      Set<String> own = new java.util.HashSet<>();
      for (MountPoint m : ordered) {
        own.add(m.destination());
        if (m.type().equals("tmpfs")) {
          continue;
        }
        Path source;
        if (m.isBind()) {
          bindSource(m);
          source = Path.of(m.source());
        } else {
          source = volumes.mountFor(m.name(), user);
        }
        bindInto(merged, m.destination(), source, m.rw(), !m.nonRecursive(), done);
      }
      for (String f : List.of("hostname", "hosts", "resolv.conf")) {
        Path source = c.dir().resolve(f);
        if (!own.contains("/etc/" + f) && Files.exists(source)) {
          bindInto(merged, "/etc/" + f, source, true, false, done);
        }
      }
      return new ContainerView(merged, done, after);
    } catch (IOException | RuntimeException e) {
      new ContainerView(merged, done, after).close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  private void stoppedFor(Container c, String user) {
    for (MountPoint m : c.mounts()) {
      if (m.isVolume()) {
        volumes.unmountFor(m.name(), user);
      }
    }
  }

  private static final long MS_REMOUNT = 32;

  /** Mounts {@code source} at {@code destination} inside the root, making the mount point as runc would. */
  private static void bindInto(Path root, String destination, Path source, boolean rw, boolean recursive,
      List<Path> done) throws IOException {
    Path target = ScopedPath.resolve(root, destination, true);
    if (target == null) {
      return;
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.createDirectories(target.getParent());
        Files.createFile(target);
      }
    }
    long flags = Fs.MS_BIND | (recursive ? Fs.MS_REC : 0);
    Fs.mount(source.toString(), target, null, flags, null);
    done.add(target);
    Fs.mount("", target, null, Fs.MS_PRIVATE, null);
    if (!rw) {
      Fs.mount("", target, null, MS_REMOUNT | Fs.MS_BIND | Fs.MS_RDONLY, null);
    }
  }
}
