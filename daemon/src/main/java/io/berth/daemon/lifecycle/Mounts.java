package io.berth.daemon.lifecycle;

import io.berth.common.Mount;
import io.berth.linux.Fs;
import io.berth.linux.NativeException;
import io.berth.linux.OverlayMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Performs the mounts that storage describes, idempotently. */
final class Mounts {
  private Mounts() {}

  static void mount(ImageAccess.Rootfs rootfs) {
    if (isMounted(rootfs.merged())) {
      return;
    }
    try {
      Files.createDirectories(rootfs.merged());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Mount m : rootfs.mounts()) {
      if (m.type().equals("overlay")) {
        OverlayMount.mount(m.source(), rootfs.merged(), m.options());
      } else {
        Fs.mount(m.source(), rootfs.merged(), m.type(), 0, String.join(",", m.options()));
      }
    }
  }

  static void unmount(Path merged) {
    while (isMounted(merged)) {
      try {
        Fs.umount(merged, Fs.MNT_DETACH);
      } catch (NativeException e) {
        if (e.errno() == NativeException.EINVAL || e.errno() == NativeException.ENOENT) {
          return;
        }
        throw e;
      }
    }
  }

  /** A mount point sits on another device than its parent: one stat each, no mount table scan. */
  static boolean isMounted(Path dir) {
    try {
      Path d = dir.toAbsolutePath().normalize();
      if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      Object self = Files.getAttribute(d, "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS);
      Object parent = Files.getAttribute(d.getParent(), "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS);
      return !self.equals(parent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
