package io.berth.image.layer;

import io.berth.linux.Fs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a container changed, read from its overlay upper directory against the image's layers, as
 * {@code docker diff} lists it: a whiteout is a deletion, an entry the layers lack an addition, one
 * they have a change. The mount points runc makes for the container's own files are left out, as
 * Docker keeps them in an init layer below the container's; a directory that was only copied up
 * to hold them is not a change either.
 */
public final class LayerChanges {
  /** A changed path; {@code kind} 0 modified, 1 added, 2 deleted, as the API numbers them. */
  public record Change(String path, int kind) {}

  private static final Set<String> INIT_PATHS = Set.of("/dev", "/dev/pts", "/dev/shm", "/dev/console",
      "/dev/mqueue", "/proc", "/sys", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/etc/mtab",
      "/.dockerenv");

  private LayerChanges() {}

  /** @param lowers the image's layer directories, top first */
  public static List<Change> of(Path upper, List<Path> lowers) throws IOException {
    List<Change> out = new ArrayList<>();
    if (!Files.isDirectory(upper, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    walk(upper, "", lowers, out);
    out.sort(Comparator.comparing(Change::path));
    return out;
  }

  /** Adds the changes under {@code dir}; true when it added any. */
  private static boolean walk(Path dir, String rel, List<Path> lowers, List<Change> out) throws IOException {
    boolean any = false;
    List<Path> children;
    try (var s = Files.list(dir)) {
      children = s.sorted().toList();
    }
    for (Path child : children) {
      String path = rel + "/" + child.getFileName();
      if (INIT_PATHS.contains(path)) {
        continue;
      }
      BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isOther() && whiteout(child)) {
        out.add(new Change(path, 2));
        any = true;
        continue;
      }
      boolean inLower = inLower(path, lowers);
      if (a.isDirectory() && !a.isSymbolicLink()) {
        int mark = out.size();
        boolean below = walk(child, path, lowers, out);
        boolean opaque = "y".equals(xattr(child, "trusted.overlay.opaque"));
        if (!inLower || below || opaque) {
          out.add(mark, new Change(path, inLower ? 0 : 1));
          any = true;
        }
      } else {
        out.add(new Change(path, inLower ? 0 : 1));
        any = true;
      }
    }
    return any;
  }

  private static boolean whiteout(Path p) throws IOException {
    Object rdev = Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & 0170000) == 0020000 && Long.valueOf(0).equals(rdev);
  }

  private static boolean inLower(String path, List<Path> lowers) {
    String rel = path.substring(1);
    for (Path lower : lowers) {
      Path p = lower.resolve(rel);
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  private static String xattr(Path p, String name) {
    byte[] v = Fs.getXattr(p, name);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }
}
