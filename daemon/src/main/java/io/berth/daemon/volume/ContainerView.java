package io.berth.daemon.volume;

import io.berth.linux.Fs;
import io.berth.linux.NativeException;
import java.nio.file.Path;
import java.util.List;

/**
 * A container's files as its processes see them, for {@code docker cp}: a running container's
 * through its own mount namespace ({@code /proc/<pid>/root}); a stopped one's as its root with
 * its volumes, binds and /etc files mounted over it for the while, as dockerd's view has them.
 */
public final class ContainerView implements AutoCloseable {
  private final Path root;
  private final List<Path> mounted;
  private final Runnable after;

  ContainerView(Path root, List<Path> mounted, Runnable after) {
    this.root = root;
    this.mounted = List.copyOf(mounted);
    this.after = after;
  }

  /**
   * A running container's view: nothing to mount, nothing to undo. {@code /proc/<pid>/root} is a
   * link to the container's root; the {@code .} after it makes the path the directory itself, so
   * that the root reads as a directory when it is the path asked for ({@code docker cp f c:/}).
   */
  public static ContainerView running(long pid) {
    return new ContainerView(Path.of("/proc", Long.toString(pid), "root", "."), List.of(), () -> { });
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() {
    for (Path p : mounted.reversed()) {
      try {
        Fs.umount(p, Fs.MNT_DETACH);
      } catch (NativeException e) {
        // gone already; the root's own unmount takes what is under it anyway
      }
    }
    after.run();
  }
}
