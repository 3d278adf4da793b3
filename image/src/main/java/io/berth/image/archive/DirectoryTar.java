package io.berth.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a directory tree as a layer tar: names relative to the tree ({@code bin/sh}), owners,
 * modes and mtimes preserved, symlinks stored as links (never followed), files with several links
 * stored once and then as hard links, FIFOs and device nodes as such. Overlay's own markings
 * become the layer format's: a 0:0 character device (a whiteout) is written as {@code .wh.name}
 * and an opaque directory gets a {@code .wh..wh..opq} entry, as Docker writes layers from
 * overlay. Sockets are left out, as Docker leaves them.
 */
public final class DirectoryTar {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final String OPAQUE_XATTR = "trusted.overlay.opaque";

  private final Path top;
  private final Set<String> emptied;
  private final TarArchiveOutputStream out;
  private final Map<Object, String> inodes = new HashMap<>();
  /** Put before every entry's name: the resource's own name and a slash, for {@code docker cp}. */
  private String prefix = "";

  private DirectoryTar(Path top, Set<String> emptied, TarArchiveOutputStream out) {
    this.top = top;
    this.emptied = emptied;
    this.out = out;
  }

  /**
   * Writes one resource as dockerd's archive of a container path does: a file (or link, or node)
   * as a single entry called {@code name}; a directory as {@code name/} followed by its tree
   * under that name ({@code .} and {@code /} give {@code ./...} and {@code /...}). Links are
   * archived, never followed.
   */
  public static void writeResource(Path source, String name, OutputStream sink) throws IOException {
    TarArchiveOutputStream tar = open(sink);
    DirectoryTar t = new DirectoryTar(source, Set.of(), tar);
    BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isDirectory()) {
      t.prefix = name.endsWith("/") ? name : name + "/";
      t.add(source, t.prefix, TarConstants.LF_DIR, null);
      t.walk();
    } else {
      t.visitAs(source, a, name);
    }
    tar.finish();
    tar.flush();
  }

  /**
   * Writes {@code dir} to {@code sink} and finishes the archive without closing {@code sink}.
   *
   * @param emptied relative directory names whose contents are left out ({@code dev}, {@code
   *     proc}); the directories themselves are kept
   */
  public static void write(Path dir, Set<String> emptied, OutputStream sink) throws IOException {
    TarArchiveOutputStream tar = open(sink);
    new DirectoryTar(dir, emptied, tar).walk();
    tar.finish();
    tar.flush();
  }

  /** A PAX tar writer: long names, big ids and non-ASCII names are all representable. */
  public static TarArchiveOutputStream open(OutputStream sink) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(sink);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }

  private void walk() throws IOException {
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a)
              throws IOException {
            if (d.equals(top)) {
              return FileVisitResult.CONTINUE;
            }
            String rel = top.relativize(d).toString();
            add(d, prefix + rel + "/", TarConstants.LF_DIR, null);
            if ("y".equals(xattr(d, OPAQUE_XATTR))) {
              whiteout(prefix + rel + "/" + OPAQUE, d);
            }
            return emptied.contains(rel) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            visit(f, a);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void visit(Path f, BasicFileAttributes a) throws IOException {
    visitAs(f, a, prefix + top.relativize(f).toString());
  }

  private void visitAs(Path f, BasicFileAttributes a, String rel) throws IOException {
    if (a.isSymbolicLink()) {
      add(f, rel, TarConstants.LF_SYMLINK, Files.readSymbolicLink(f).toString());
    } else if (a.isRegularFile()) {
      Map<String, Object> unix =
          Files.readAttributes(f, "unix:nlink,ino,dev", LinkOption.NOFOLLOW_LINKS);
      if ((Integer) unix.get("nlink") > 1) {
        Object key = unix.get("dev") + ":" + unix.get("ino");
        String first = inodes.putIfAbsent(key, rel);
        if (first != null) {
          add(f, rel, TarConstants.LF_LINK, first);
          return;
        }
      }
      add(f, rel, TarConstants.LF_NORMAL, null);
    } else if (a.isOther()) {
      Map<String, Object> unix = Files.readAttributes(f, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
      int format = (Integer) unix.get("mode") & S_IFMT;
      long rdev = (Long) unix.get("rdev");
      if (format == S_IFCHR && rdev == 0) {
        int slash = rel.lastIndexOf('/');
        whiteout(rel.substring(0, slash + 1) + WHITEOUT + rel.substring(slash + 1), f);
      } else if (format == S_IFCHR || format == S_IFBLK) {
        TarArchiveEntry e = entry(f, rel, format == S_IFCHR ? TarConstants.LF_CHR : TarConstants.LF_BLK);
        // the kernel's encoding of dev_t: 12 bits of major and 20 of minor, split
        e.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
        e.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
        out.putArchiveEntry(e);
        out.closeArchiveEntry();
      } else if (format == S_IFIFO) {
        out.putArchiveEntry(entry(f, rel, TarConstants.LF_FIFO));
        out.closeArchiveEntry();
      }
    }
  }

  /** An empty regular file named as a whiteout, with the owner and time of what it stands for. */
  private void whiteout(String name, Path from) throws IOException {
    TarArchiveEntry e = entry(from, name, TarConstants.LF_NORMAL);
    e.setMode(0);
    e.setSize(0);
    out.putArchiveEntry(e);
    out.closeArchiveEntry();
  }

  private static String xattr(Path p, String name) {
    byte[] v = io.berth.linux.Fs.getXattr(p, name);
    return v == null ? null : new String(v, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A header with the path's owner, mode and time (read without following or opening it). */
  private static TarArchiveEntry entry(Path p, String name, byte type) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    Map<String, Object> a =
        Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    e.setMode((Integer) a.get("mode") & 07777);
    e.setUserId(((Integer) a.get("uid")).longValue() & 0xffffffffL);
    e.setGroupId(((Integer) a.get("gid")).longValue() & 0xffffffffL);
    e.setModTime((FileTime) a.get("lastModifiedTime"));
    return e;
  }

  private void add(Path p, String name, byte type, String link) throws IOException {
    TarArchiveEntry e = entry(p, name, type);
    Map<String, Object> a = Files.readAttributes(p, "size", LinkOption.NOFOLLOW_LINKS);
    if (link != null) {
      e.setLinkName(link);
    }
    boolean content = type == TarConstants.LF_NORMAL;
    if (content) {
      e.setSize((Long) a.get("size"));
    }
    out.putArchiveEntry(e);
    if (content) {
      try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
        copyExactly(in, e.getSize());
      }
    }
    out.closeArchiveEntry();
  }

  /** The header promised {@code size} bytes; a file that changed meanwhile must not break it. */
  private void copyExactly(InputStream in, long size) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("file shrank while being archived");
      }
      out.write(buf, 0, n);
      left -= n;
    }
  }
}
