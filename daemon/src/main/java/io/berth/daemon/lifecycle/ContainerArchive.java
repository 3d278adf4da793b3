package io.berth.daemon.lifecycle;

import io.berth.api.model.container.PathStat;
import io.berth.api.server.backend.ArchiveBackend;
import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.NotFoundException;
import io.berth.common.error.SystemException;
import io.berth.daemon.container.Container;
import io.berth.daemon.container.MountPoint;
import io.berth.daemon.volume.MountRequests;
import io.berth.daemon.volume.ScopedPath;
import io.berth.image.archive.Decompression;
import io.berth.image.archive.DirectoryTar;
import io.berth.image.archive.SafeExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code docker cp}'s three calls: a path's stat, its tar, and a tar extracted into a directory,
 * all in the container's own view of its files (volumes and binds included), links resolved
 * inside the container and never followed while writing.
 */
public final class ContainerArchive implements ArchiveBackend {
  private static final int S_IFMT = 0170000;
  private final Runner runner;

  public ContainerArchive(Runner runner) {
    this.runner = runner;
  }

  @Override
  public PathStat containerStatPath(String ref, String path) {
    return runner.inView(ref, (c, root) -> stat(root, locate(root, path, ref, path), base(path)));
  }

  @Override
  public Archive containerArchive(String ref, String path) {
    String abs = preserveTrailing(MountRequests.clean("/" + path), path);
    PathStat st = runner.inView(ref, (c, root) -> stat(root, locate(root, abs, ref, path), base(abs)));
    String name = base(abs);
    return new Archive(st, out -> runner.inView(ref, (c, root) -> {
      DirectoryTar.writeResource(locate(root, abs, ref, path), name, out);
      return null;
    }));
  }

  @Override
  public void containerExtract(String ref, String path, boolean noOverwriteDirNonDir, boolean copyUidGid,
      InputStream tar) {
    runner.inView(ref, (c, root) -> {
      Path dir = ScopedPath.resolve(root, path, true);
      if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw notFound(path, ref);
      }
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new InvalidParameterException("extraction point is not a directory");
      }
      String inside = ScopedPath.inside(root, dir);
      checkWritable(c, inside);
      int[] owner = null;
      String user = c.config().user();
      if (copyUidGid && user != null && !user.isEmpty()) {
        var u = lookUp(root, user);
        owner = new int[] {(int) u.uid(), (int) u.gid()};
      }
      SafeExtractor.extract(Decompression.decompress(tar), dir,
          new SafeExtractor.Options(false, noOverwriteDirNonDir, owner, inside));
      return null;
    });
  }

  /** The container's user for {@code cp -a}, found in the container's own passwd and group files. */
  private static io.berth.runtime.spec.Spec.User lookUp(Path root, String user) {
    try {
      return UserResolver.resolve(root, user);
    } catch (InvalidParameterException e) {
      String m = e.getMessage();
      if (m.startsWith("unable to find user ")) {
        String name = m.substring("unable to find user ".length(), m.indexOf(':'));
        throw new InvalidParameterException("failed to look up user \"" + name
            + "\" in container: no matching entries in passwd file");
      }
      if (m.startsWith("unable to find group ")) {
        String name = m.substring("unable to find group ".length(), m.indexOf(':'));
        throw new InvalidParameterException("failed to look up group \"" + name
            + "\" in container: no matching entries in group file");
      }
      throw e;
    }
  }

  /** The mount the path is on decides; else the root file system. */
  private static void checkWritable(Container c, String inside) {
    MountPoint on = null;
    for (MountPoint m : c.mounts()) {
      String d = m.destination();
      if ((inside.equals(d) || inside.startsWith(d.endsWith("/") ? d : d + "/"))
          && (on == null || d.length() > on.destination().length())) {
        on = m;
      }
    }
    if (on != null && !on.rw()) {
      throw new InvalidParameterException("mounted volume is marked read-only");
    }
    if (on == null && c.hostConfig().readonlyRootfs()) {
      throw new InvalidParameterException("container rootfs is marked read-only");
    }
  }

  /**
   * The host path of a container path, as dockerd's lstat sees it: links in the parents
   * followed, the last one not, unless the path ends in {@code /} or {@code /.}.
   */
  private static Path locate(Path root, String path, String ref, String asked) throws IOException {
    boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.equals(".");
    Path p = ScopedPath.resolve(root, path, trailing);
    if (p == null) {
      throw new SystemException("evalSymlinksInScope: too many links in " + path);
    }
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      // a file where a directory is asked for is not a missing path, in dockerd's words too
      Path parent = p.getParent();
      while (parent != null && parent.startsWith(root) && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
        parent = parent.getParent();
      }
      if (parent != null && parent.startsWith(root) && !parent.equals(root)
          && !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
        throw new SystemException("lstat " + path + ": not a directory");
      }
      throw notFound(asked, ref);
    }
    if (trailing && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new SystemException("lstat " + path + ": not a directory");
    }
    return p;
  }

  private static NotFoundException notFound(String path, String ref) {
    return new NotFoundException("Could not find the file " + path + " in container " + ref);
  }

  private static PathStat stat(Path root, Path p, String name) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(p, "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new NotFoundException("Could not find the file " + name);
    }
    int mode = (Integer) a.get("mode");
    long goMode = mode & 0777;
    switch (mode & S_IFMT) {
      case 0040000 -> goMode |= PathStat.MODE_DIR;
      case 0120000 -> goMode |= PathStat.MODE_SYMLINK;
      case 0060000 -> goMode |= PathStat.MODE_DEVICE;
      case 0020000 -> goMode |= PathStat.MODE_DEVICE | PathStat.MODE_CHAR_DEVICE;
      case 0010000 -> goMode |= PathStat.MODE_NAMED_PIPE;
      case 0140000 -> goMode |= PathStat.MODE_SOCKET;
      default -> { }
    }
    if ((mode & 04000) != 0) {
      goMode |= PathStat.MODE_SETUID;
    }
    if ((mode & 02000) != 0) {
      goMode |= PathStat.MODE_SETGID;
    }
    if ((mode & 01000) != 0) {
      goMode |= PathStat.MODE_STICKY;
    }
    String link = "";
    if ((mode & S_IFMT) == 0120000) {
      Path target = ScopedPath.resolve(root, ScopedPath.inside(root, p), true);
      link = target == null ? "" : ScopedPath.inside(root, target);
    }
    String mtime = ((FileTime) a.get("lastModifiedTime")).toInstant().atZone(ZoneId.systemDefault())
        .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return new PathStat(name, (Long) a.get("size"), goMode, mtime, link);
  }

  /** Go's filepath.Base. */
  static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String p = path.replaceAll("/+$", "");
    if (p.isEmpty()) {
      return "/";
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** go-archive's PreserveTrailingDotOrSeparator: the cleaned path keeps a trailing {@code /.} or {@code /}. */
  static String preserveTrailing(String cleaned, String original) {
    String out = cleaned;
    if ((original.equals(".") || original.endsWith("/.")) && !out.endsWith("/.") && !out.equals(".")) {
      out = out.endsWith("/") ? out + "." : out + "/.";
    }
    if (original.endsWith("/") && !out.endsWith("/")) {
      out = out + "/";
    }
    return out;
  }
}
