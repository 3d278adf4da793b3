package io.berth.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/** Walks of a volume's tree that never follow a link and never cross into another mount. */
final class Trees {
  private Trees() {}

  /**
   * Deletes the tree. A directory on another file system (something mounted inside) is left,
   * with what is above it: deleting through a mount would reach data that is not the volume's.
   */
  static void delete(Path top) throws IOException {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Object dev = Files.getAttribute(top, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        return dev.equals(Files.getAttribute(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS))
            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isDirectory()) {
          Files.deleteIfExists(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null && !(e instanceof NoSuchFileException)) {
          throw e;
        }
        try {
          Files.deleteIfExists(dir);
        } catch (java.nio.file.FileSystemException busy) {
          // a mount point, or above one: kept
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Bytes in regular files, each hard-linked file counted once, as {@code du} counts apparent size. */
  static long size(Path top) throws IOException {
    long[] total = {0};
    Set<Object> seen = new HashSet<>();
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && seen.add(attrs.fileKey())) {
          total[0] += attrs.size();
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }
}
