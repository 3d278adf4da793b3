package io.berth.network;

import io.berth.common.error.SystemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces kept as files ({@code <dir>/<container id>}), so that the network can be set
 * up before runc starts the container and torn down after it ends, a berthd restart included. The
 * namespace is made by util-linux's {@code unshare --net=FILE}: a JVM thread must not change its
 * own namespace.
 */
public final class Netns {
  private final Path dir;

  public Netns(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path path(String containerId) {
    return dir.resolve(containerId);
  }

  /** A new, empty network namespace for the container; an existing one is kept. */
  public Path create(String containerId) {
    Path p = path(containerId);
    try {
      if (isMounted(p)) {
        return p;
      }
      Files.createDirectories(dir);
      if (!Files.exists(p)) {
        Files.createFile(p);
      }
      run(List.of("unshare", "--net=" + p, "true"));
      return p;
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the error below says what failed
      }
      throw e instanceof SystemException s ? s
          : new SystemException("cannot create the network namespace of " + containerId + ": " + e.getMessage(), e);
    }
  }

  /** Unmounts and removes the container's namespace; one already gone is no error. */
  public void remove(String containerId) {
    Path p = path(containerId);
    try {
      if (isMounted(p)) {
        run(List.of("umount", p.toString()));
      }
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new SystemException("cannot remove the network namespace of " + containerId + ": " + e.getMessage(), e);
    }
  }

  private static boolean isMounted(Path p) throws IOException {
    String target = p.toAbsolutePath().toString();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
      String[] f = line.split(" ");
      if (f.length > 4 && f[4].equals(target)) {
        return true;
      }
    }
    return false;
  }

  private static void run(List<String> argv) throws IOException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(argv.getFirst() + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + argv.getFirst());
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", argv) + ": " + out);
    }
  }
}
