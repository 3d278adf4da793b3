package io.berth.volume;

import io.berth.linux.Fs;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills a new volume from the image's content at its mount point, as dockerd does on first use:
 * owners, modes, times and extended attributes kept, links copied as links (never followed),
 * hard links kept as links, device nodes and fifos made anew. The volume's own directory takes
 * the owner and mode of the image's.
 */
public final class TreeCopy {
  private static final int S_IFMT = 0170000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFSOCK = 0140000;

  private TreeCopy() {}

  /** Copies what is under {@code from} into {@code to}, an existing directory. */
  public static void copy(Path from, Path to) throws IOException {
    Map<Object, Path> linked = new HashMap<>();
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path target = to.resolve(from.relativize(dir).toString());
        if (!dir.equals(from)) {
          Files.createDirectory(target);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path target = to.resolve(from.relativize(file).toString());
        Map<String, Object> unix = Files.readAttributes(file, "unix:mode,nlink,rdev", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        int type = mode & S_IFMT;
        if (type == S_IFREG && (Integer) unix.get("nlink") > 1) {
          Path first = linked.putIfAbsent(attrs.fileKey(), target);
          if (first != null) {
            Files.createLink(target, first);
            return FileVisitResult.CONTINUE;
          }
        }
        switch (type) {
          case S_IFREG -> Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
          case S_IFLNK -> Files.createSymbolicLink(target, Files.readSymbolicLink(file));
          case S_IFSOCK -> {
            return FileVisitResult.CONTINUE;
          }
          default -> {
            long rdev = (Long) unix.get("rdev");
            Fs.mknod(target, type, mode & 07777, major(rdev), minor(rdev));
          }
        }
        attributes(file, target);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        attributes(dir, to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void attributes(Path from, Path to) throws IOException {
    Map<String, Object> a = Files.readAttributes(from, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    boolean link = (mode & S_IFMT) == S_IFLNK;
    Fs.setOwnerModeTime(to, (Integer) a.get("uid"), (Integer) a.get("gid"), mode & 07777, link,
        ((FileTime) a.get("lastModifiedTime")).toInstant());
    // after the owner: a chown clears file capabilities
    for (String name : Fs.listXattrs(from)) {
      // overlay's own bookkeeping is not content
      if (!name.startsWith("trusted.overlay.")) {
        byte[] value = Fs.getXattr(from, name);
        if (value != null) {
          Fs.setXattr(to, name, value);
        }
      }
    }
  }

  private static int major(long rdev) {
    return (int) (((rdev >>> 32) & 0xfffff000L) | ((rdev >>> 8) & 0xfffL));
  }

  private static int minor(long rdev) {
    return (int) (((rdev >>> 12) & 0xffffff00L) | (rdev & 0xffL));
  }
}
