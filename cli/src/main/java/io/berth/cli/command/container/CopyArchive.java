package io.berth.cli.command.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The client's half of {@code docker cp}, by docker's rules: local paths as docker's client
 * resolves them, the tar of a local source (named, and renamed, as docker names it), the renaming
 * that makes the daemon's extraction land where the user asked, and the extraction of what a
 * container sends. What comes from a container is untrusted: nothing is written outside the
 * destination, through a link, or over a directory with a file.
 */
final class CopyArchive {
  private CopyArchive() {}

  /** A failure in docker's words. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message);
    }
  }

  /** What docker's CopyInfo says of a source or destination. */
  record Info(String path, boolean exists, boolean dir, String rebaseName) {}

  // --- paths, as docker's archive package treats them ----------------------------------------

  static boolean hasTrailingSeparator(String p) {
    return !p.isEmpty() && p.endsWith("/");
  }

  static boolean specifiesCurrentDir(String p) {
    return base(p).equals(".");
  }

  /** Go's filepath.Base of a slash path ("." for empty, "/" for root). */
  static String base(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    String s = p;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.equals("/")) {
      return "/";
    }
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /** Go's filepath.Clean of a slash path. */
  static String clean(String p) {
    return io.berth.common.io.GoPaths.clean(p);
  }


  /** Go's filepath.Dir: all before the last separator, cleaned. */
  static String dir(String p) {
    int i = p.lastIndexOf('/');
    return clean(i < 0 ? "" : p.substring(0, i + 1));
  }

  /** docker's PreserveTrailingDotOrSeparator: a cleaned path keeps what said "a directory". */
  static String preserveTrailing(String cleaned, String original) {
    String c = cleaned;
    if (!specifiesCurrentDir(c) && specifiesCurrentDir(original)) {
      if (!hasTrailingSeparator(c)) {
        c += "/";
      }
      c += ".";
    }
    if (!hasTrailingSeparator(c) && hasTrailingSeparator(original)) {
      c += "/";
    }
    return c;
  }

  /** docker's SplitPathDirEntry: the parent, and the entry ("." kept for "dir/."). */
  static String[] splitDirEntry(String p) {
    String c = clean(p);
    if (specifiesCurrentDir(p)) {
      c += "/.";
    }
    return new String[] {dir(c), base(c)};
  }

  /** docker's resolveLocalPath: absolute, with a trailing "/" or "/." kept. */
  static String absolute(String local) {
    String abs = clean(Path.of(local).toAbsolutePath().toString());
    return preserveTrailing(abs, local);
  }

  /** docker's GetRebaseName: the followed path, and the name it is to take. */
  static String[] rebaseName(String path, String resolved) {
    String r = resolved;
    if (specifiesCurrentDir(path) && !specifiesCurrentDir(r)) {
      r += "/.";
    }
    if (hasTrailingSeparator(path) && !hasTrailingSeparator(r)) {
      r += "/";
    }
    return new String[] {r, base(path).equals(base(r)) ? "" : base(path)};
  }

  static boolean assertsDirectory(String p) {
    return hasTrailingSeparator(p) || specifiesCurrentDir(p);
  }

  // --- a local source -----------------------------------------------------------------------

  /** docker's CopyInfoSourcePath: the source, its links resolved as {@code -L} asks. */
  static Info sourceInfo(String path, boolean followLink) throws IOException {
    String resolved;
    String rebase = "";
    if (followLink) {
      String real = Path.of(path).toRealPath().toString();
      String[] r = rebaseName(path, real);
      resolved = r[0];
      rebase = r[1];
    } else {
      int slash = path.lastIndexOf('/');
      String dirPart = path.substring(0, slash + 1);
      String basePart = path.substring(slash + 1);
      String realDir = Path.of(dirPart.isEmpty() ? "." : dirPart).toRealPath().toString();
      resolved = (realDir.equals("/") ? "" : realDir) + "/" + basePart;
      if (hasTrailingSeparator(path) && !base(path).equals(base(resolved))) {
        rebase = base(path);
      }
    }
    Path p = Path.of(resolved.isEmpty() ? "/" : resolved);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new Failure("lstat " + resolved + ": no such file or directory");
    }
    return new Info(resolved, true, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS), rebase);
  }

  /**
   * The tar of a local source as docker's TarResource makes it: entries named from the source's
   * base (or {@code rebaseName}), directories with a trailing slash, hard links kept as links,
   * links never followed. Written on a thread of its own into the returned stream.
   */
  static InputStream tarSource(Info src) throws IOException {
    String[] split = splitDirEntry(src.path());
    Path dirPath = Path.of(split[0]);
    String include = split[1];
    Path root = include.equals(".") ? dirPath : dirPath.resolve(include);
    PipedInputStream in = new PipedInputStream(64 * 1024);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread.ofPlatform().daemon().name("berth-cp-tar").start(() -> {
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        Map<Object, String> seen = new HashMap<>();
        List<Path> all;
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
          try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted().toList();
          }
        } else {
          all = List.of(root);
        }
        for (Path f : all) {
          String rel = dirPath.relativize(f).toString();
          if (rel.isEmpty()) {
            rel = ".";
          } else if (include.equals(".")) {
            rel = "./" + rel;
          }
          if (!src.rebaseName().isEmpty()) {
            rel = rel.replaceFirst(java.util.regex.Pattern.quote(include), java.util.regex.Matcher.quoteReplacement(
                src.rebaseName().equals("/") ? "" : src.rebaseName()));
          }
          addEntry(tar, f, rel, seen);
        }
        tar.finish();
      } catch (IOException | UncheckedIOException e) {
        try {
          out.close();
        } catch (IOException ignored) {
          // the reader sees a short archive, and the daemon refuses it
        }
      }
    });
    return in;
  }

  private static void addEntry(TarArchiveOutputStream tar, Path f, String name, Map<Object, String> seen)
      throws IOException {
    Map<String, Object> a = Files.readAttributes(f, "unix:mode,uid,gid,ino,dev,nlink,size,lastModifiedTime",
        LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    int type = mode & 0170000;
    TarArchiveEntry e;
    if (type == 0120000) {
      e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(f).toString());
    } else if (type == 0040000) {
      e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    } else if (type == 0100000) {
      Object key = List.of(a.get("dev"), a.get("ino"));
      String first = (Integer) a.get("nlink") > 1 ? seen.putIfAbsent(key, name) : null;
      if (first != null) {
        e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
        e.setLinkName(first);
      } else {
        e = new TarArchiveEntry(name);
        e.setSize((Long) a.get("size"));
      }
    } else if (type == 0010000) {
      e = new TarArchiveEntry(name, TarArchiveEntry.LF_FIFO);
    } else {
      return; // sockets and devices: docker's tar skips sockets, and devices need no copy here
    }
    e.setMode(mode & 07777);
    e.setIds((Integer) a.get("uid"), (Integer) a.get("gid"));
    e.setModTime(((FileTime) a.get("lastModifiedTime")).toMillis());
    tar.putArchiveEntry(e);
    if (e.isFile() && e.getSize() > 0) {
      try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
  }

  /**
   * docker's PrepareArchiveCopy: the directory to extract into, and the archive renamed so that
   * its root lands on the destination's name.
   */
  static Prepared prepare(InputStream content, Info src, Info dst) {
    String[] d = splitDirEntry(dst.path());
    String srcBase = splitDirEntry(src.path())[1];
    if (!src.rebaseName().isEmpty()) {
      srcBase = src.rebaseName();
    }
    if (dst.exists() && dst.dir()) {
      return new Prepared(dst.path(), content);
    }
    if (dst.exists() && src.dir()) {
      throw new Failure("cannot copy directory");
    }
    if (!dst.exists() && !src.dir() && assertsDirectory(dst.path())) {
      throw new Failure("no such directory");
    }
    return new Prepared(d[0], rebase(content, srcBase, d[1]));
  }

  record Prepared(String dir, InputStream content) {}

  /** docker's RebaseArchiveEntries: the first {@code oldBase} of each name becomes {@code newBase}. */
  static InputStream rebase(InputStream content, String oldBase, String newBase) {
    String from = oldBase.equals("/") ? "" : oldBase;
    PipedInputStream in = new PipedInputStream(64 * 1024);
    PipedOutputStream pipe;
    try {
      pipe = new PipedOutputStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofPlatform().daemon().name("berth-cp-rebase").start(() -> {
      try (TarArchiveInputStream tin = new TarArchiveInputStream(content);
          TarArchiveOutputStream tout = new TarArchiveOutputStream(pipe)) {
        tout.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tout.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        TarArchiveEntry e;
        while ((e = tin.getNextEntry()) != null) {
          e.setName(replaceFirst(e.getName(), from, newBase));
          if (e.isLink()) {
            e.setLinkName(replaceFirst(e.getLinkName(), from, newBase));
          }
          tout.putArchiveEntry(e);
          if (e.isFile() && !e.isLink()) {
            tin.transferTo(tout);
          }
          tout.closeArchiveEntry();
        }
        tout.finish();
      } catch (IOException e) {
        try {
          pipe.close();
        } catch (IOException ignored) {
          // the reader sees the archive end early
        }
      }
    });
    return in;
  }

  private static String replaceFirst(String s, String from, String to) {
    int i = s.indexOf(from);
    return i < 0 ? s : s.substring(0, i) + to + s.substring(i + from.length());
  }

  // --- a local destination --------------------------------------------------------------------

  /** docker's CopyInfoDestinationPath: links on the path followed (at most 10), the parent checked. */
  static Info destinationInfo(String path) {
    String p = path;
    for (int n = 0; ; n++) {
      Path fp = Path.of(p);
      if (!Files.isSymbolicLink(fp)) {
        break;
      }
      if (n >= 10) {
        throw new Failure("too many symlinks in " + path);
      }
      try {
        String target = Files.readSymbolicLink(fp).toString();
        p = target.startsWith("/") ? target : clean(splitDirEntry(p)[0] + "/" + target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path fp = Path.of(p);
    if (Files.exists(fp, LinkOption.NOFOLLOW_LINKS)) {
      return new Info(p, true, Files.isDirectory(fp, LinkOption.NOFOLLOW_LINKS), "");
    }
    String parent = splitDirEntry(p)[0];
    if (!Files.exists(Path.of(parent))) {
      throw new Failure("stat " + parent + ": no such file or directory");
    }
    if (!Files.isDirectory(Path.of(parent))) {
      throw new Failure("not a directory");
    }
    return new Info(p, false, false, "");
  }

  /**
   * Extracts a container's tar into {@code dir}: names cleaned and kept inside, no path through a
   * link (an entry's parents must be real directories under {@code dir}), links that would
   * point out refused as docker's client refuses them, no directory replaced by a file or the
   * other way round, modes and times kept, owners not (docker's client does not chown).
   */
  static void untar(InputStream content, Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    List<TarArchiveEntry> dirs = new ArrayList<>();
    List<Path> dirPaths = new ArrayList<>();
    try (TarArchiveInputStream tin = new TarArchiveInputStream(content)) {
      TarArchiveEntry e;
      while ((e = tin.getNextEntry()) != null) {
        String name = clean(e.getName());
        if (name.equals(".") || name.equals("/")) {
          continue;
        }
        Path target = root.resolve(name.startsWith("/") ? name.substring(1) : name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new Failure("invalid archive path: " + e.getName() + " is outside of " + root);
        }
        ensureParents(root, target.getParent());
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
          boolean isDir = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
          if (isDir && !e.isDirectory()) {
            throw new Failure("cannot overwrite directory \"" + target + "\" with non-directory \"" + name + "\"");
          }
          if (!isDir && e.isDirectory()) {
            throw new Failure("cannot overwrite non-directory \"" + target + "\" with directory \"" + name + "\"");
          }
          if (!isDir) {
            Files.delete(target);
          }
        }
        if (e.isDirectory()) {
          if (!exists) {
            Files.createDirectory(target);
          }
          dirs.add(e);
          dirPaths.add(target);
          continue;
        }
        if (e.isSymbolicLink()) {
          Path resolved = target.getParent().resolve(e.getLinkName()).normalize();
          if (!e.getLinkName().startsWith("/") && !resolved.startsWith(root)) {
            throw new Failure("invalid symlink \"" + target + "\" -> \"" + e.getLinkName() + "\"");
          }
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
          continue;
        }
        if (e.isLink()) {
          Path linked = root.resolve(e.getLinkName().startsWith("/") ? e.getLinkName().substring(1)
              : e.getLinkName()).normalize();
          if (!linked.startsWith(root) || Files.isSymbolicLink(linked)) {
            throw new Failure("invalid hardlink \"" + target + "\" -> \"" + e.getLinkName() + "\"");
          }
          Files.createLink(target, linked);
          continue;
        }
        if (e.isFIFO() || e.isCharacterDevice() || e.isBlockDevice()) {
          throw new Failure("berth cp does not create special files yet: " + name);
        }
        try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
          tin.transferTo(out);
        }
        Files.setPosixFilePermissions(target, permissions(e.getMode()));
        Files.setLastModifiedTime(target, FileTime.from(e.getLastModifiedDate().toInstant()));
      }
    }
    // directories last, deepest first: their files would change their times, a read-only one would refuse them
    for (int i = dirs.size() - 1; i >= 0; i--) {
      Files.setPosixFilePermissions(dirPaths.get(i), permissions(dirs.get(i).getMode()));
      Files.setLastModifiedTime(dirPaths.get(i), FileTime.from(dirs.get(i).getLastModifiedDate().toInstant()));
    }
  }

  /** Every parent from {@code root} down must be a real directory; missing ones are made. */
  private static void ensureParents(Path root, Path parent) throws IOException {
    Path rel = root.relativize(parent);
    Path p = root;
    for (Path part : rel) {
      if (part.toString().isEmpty()) {
        continue;
      }
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        throw new Failure("invalid archive path: " + p + " is a link, which berth cp never writes through");
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(p);
        } catch (FileAlreadyExistsException e) {
          // made meanwhile
        }
      } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new Failure("not a directory: " + p);
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        s.add(order[i]);
      }
    }
    return s;
  }
}
