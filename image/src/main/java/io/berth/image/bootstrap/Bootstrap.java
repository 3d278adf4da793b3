package io.berth.image.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Root filesystem tars built from the host. */
public final class Bootstrap {
  public static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

  private final Path busybox;

  public Bootstrap() {
    this(HOST_BUSYBOX);
  }

  /** Uses the static busybox binary at {@code busybox}. */
  public Bootstrap(Path busybox) {
    this.busybox = busybox;
  }

  /**
   * Writes a busybox root filesystem tar to {@code tar} (not closed).
   *
   * @throws io.berth.common.error.SystemException when the host has no static busybox
   */
  public void busyboxRootfs(OutputStream tar) throws IOException {
    new BusyboxRootfs(busybox).write(tar);
  }

  /**
   * Runs {@code debootstrap --variant=minbase} into {@code workDir} and writes the result as a tar
   * to {@code tar} (not closed). {@code workDir} is deleted afterwards, also on failure.
   *
   * @param mirror the Debian mirror URL, or null for the host's own (see {@link #defaultMirror})
   * @param progress receives debootstrap's output lines
   */
  public void debianRootfs(
      String suite, String mirror, Path workDir, OutputStream tar, Consumer<String> progress)
      throws IOException {
    DebianRootfs.write(suite, mirror, workDir, tar, progress);
  }

  /**
   * The first {@code URIs:} of {@code /etc/apt/sources.list.d/debian.sources}, else the first
   * {@code deb} line of {@code /etc/apt/sources.list}, else {@code http://deb.debian.org/debian}.
   */
  public static String defaultMirror() {
    return DebianRootfs.defaultMirror();
  }
}
