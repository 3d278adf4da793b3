package io.berth.image.bootstrap;

import io.berth.common.error.InvalidParameterException;
import io.berth.common.io.MoreFiles;
import io.berth.image.archive.DirectoryTar;
import io.berth.image.layer.MountTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A minimal Debian root filesystem built with {@code debootstrap --variant=minbase}. The kernel
 * filesystems' mount points are kept empty, and the work directory is always unmounted and deleted
 * afterwards, because a failed debootstrap can leave {@code /proc} mounted inside it.
 */
final class DebianRootfs {
  static final String FALLBACK_MIRROR = "http://deb.debian.org/debian";
  private static final Pattern SUITE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final Set<String> EMPTIED = Set.of("dev", "proc", "sys", "run");
  private static final List<String> CACHES =
      List.of("var/cache/apt/archives", "var/cache/apt", "var/lib/apt/lists");
  private static final System.Logger LOG = System.getLogger(DebianRootfs.class.getName());

  private DebianRootfs() {}

  static void write(
      String suite, String mirror, Path workDir, OutputStream tar, Consumer<String> progress)
      throws IOException {
    if (suite == null || !SUITE.matcher(suite).matches()) {
      throw new InvalidParameterException("invalid Debian suite: " + suite);
    }
    String source = mirror == null || mirror.isBlank() ? defaultMirror() : mirror;
    Path rootfs = workDir.resolve("rootfs");
    try {
      Files.createDirectories(workDir);
      progress.accept("debootstrap " + suite + " from " + source);
      Commands.run(
          List.of("debootstrap", "--variant=minbase", suite, rootfs.toString(), source), progress);
      MountTable.unmountUnder(rootfs);
      dropPackageCaches(rootfs);
      progress.accept("packing root filesystem");
      DirectoryTar.write(rootfs, EMPTIED, tar);
    } finally {
      cleanUp(workDir);
    }
  }

  /**
   * Downloaded packages and package indexes are stale the moment the image exists and would double
   * its size; images run {@code apt-get update} before installing anything anyway.
   */
  private static void dropPackageCaches(Path rootfs) throws IOException {
    for (String dir : CACHES) {
      Path d = rootfs.resolve(dir);
      if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
        for (Path p : ds) {
          String name = p.getFileName().toString();
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !name.equals("lock")) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /** Never deletes while something is still mounted inside; startup retries what is left. */
  private static void cleanUp(Path workDir) {
    try {
      MountTable.unmountUnder(workDir);
      MoreFiles.deleteRecursively(workDir);
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING, "cannot clean up " + workDir + "; retried at startup", e);
    }
  }

  /** The host's own Debian mirror, so that bootstrapping works where the host's apt works. */
  static String defaultMirror() {
    return mirrorFrom(
            Path.of("/etc/apt/sources.list.d/debian.sources"), Path.of("/etc/apt/sources.list"))
        .orElse(FALLBACK_MIRROR);
  }

  static Optional<String> mirrorFrom(Path deb822, Path sourcesList) {
    for (String line : lines(deb822)) {
      String t = line.strip();
      if (t.regionMatches(true, 0, "URIs:", 0, 5)) {
        String[] uris = t.substring(5).strip().split("\\s+");
        if (!uris[0].isEmpty()) {
          return Optional.of(uris[0]);
        }
      }
    }
    for (String line : lines(sourcesList)) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 2 && f[0].equals("deb")) {
        int i = 1;
        if (f[i].startsWith("[")) {
          while (i < f.length && !f[i].endsWith("]")) {
            i++;
          }
          i++;
        }
        if (i < f.length) {
          return Optional.of(f[i]);
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> lines(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readAllLines(p) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
