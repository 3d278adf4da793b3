package io.berth.image.archive;

import static io.berth.image.archive.EntryNames.quote;

import io.berth.common.error.InvalidParameterException;
import io.berth.common.error.SystemException;
import io.berth.common.io.MoreFiles;
import io.berth.linux.Fs;
import io.berth.linux.NativeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks an untrusted tar (a layer or an import) into a directory, refusing anything that could
 * touch files outside it: entry names that climb out with {@code ..}, writes through a symlink (a
 * parent that is a symlink is an error, never followed), hard links to anything but a regular entry
 * already extracted inside the root, and device or FIFO entries. AUFS-style whiteouts are converted
 * to the overlayfs form: {@code .wh.name} becomes a 0:0 character device {@code name} and {@code
 * .wh..wh..opq} marks its directory opaque.
 *
 * <p>Violations raise {@link InvalidParameterException} naming the entry; the caller removes the
 * partially extracted directory. The stream is read to the end of the tar archive only, so a caller
 * that digests the whole stream must drain it afterwards.
 */
public final class SafeExtractor {
  public static final String WHITEOUT_PREFIX = ".wh.";
  public static final String OPAQUE = ".wh..wh..opq";
  public static final String OPAQUE_XATTR = "trusted.overlay.opaque";
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final int EPERM = 1;
  private static final int ENOTSUP = 95;

  private final Path root;
  private final List<Map.Entry<Path, FileTime>> dirTimes = new ArrayList<>();
  /** Whether the root was empty: then only {@link #made} paths exist. */
  private boolean fresh;
  /** Relative paths known to be real directories. */
  private final java.util.Set<String> dirs = new java.util.HashSet<>();
  /** Relative paths this extraction created. */
  private final java.util.Set<String> made = new java.util.HashSet<>();
  private final byte[] buffer = new byte[128 * 1024];
  private long size;

  /** Keeps the tar's skeleton for {@code save}; null when nobody wants it. */
  private final TarSplit.Recorder recorder;
  private final Budget budget;

  /**
   * Told of the bytes written to files so far: the tar's length does not bound them, since a
   * sparse entry's holes come out of the reader as zeros that the tar never held.
   */
  @FunctionalInterface
  public interface Budget {
    Budget NONE = (total, previous) -> { };

    void written(long total, long previous) throws IOException;
  }

  /**
   * How an extraction into a container's files ({@code docker cp}) differs from a layer's:
   * {@code .wh.} entries are ordinary files, a directory and a non-directory may be kept from
   * replacing each other, and every entry may be given one owner.
   *
   * @param owner uid and gid for every entry, or null for the tar's own
   * @param shownRoot the extraction directory as errors name it (the container's path)
   */
  public record Options(boolean whiteouts, boolean noOverwriteDirNonDir, int[] owner, String shownRoot) {
    public static final Options LAYER = new Options(true, false, null, null);
  }

  private String shown(Path target) {
    String rel = root.relativize(target).toString();
    String top = options.shownRoot() == null ? root.toString() : options.shownRoot();
    return rel.isEmpty() ? top : top.endsWith("/") ? top + rel : top + "/" + rel;
  }

  private Options options = Options.LAYER;

  private SafeExtractor(Path root, TarSplit.Recorder recorder, Budget budget) {
    this.root = root;
    this.recorder = recorder;
    this.budget = budget;
  }

  /** Extracts {@code tar} into the existing directory {@code root}, as {@code options} say. */
  public static long extract(InputStream tar, Path root, Options options) throws IOException {
    SafeExtractor x = new SafeExtractor(root, null, Budget.NONE);
    x.options = options;
    return x.run(tar);
  }

  /**
   * Extracts {@code tar} into the existing directory {@code root}.
   *
   * @return the number of bytes of regular file content written
   */
  public static long extract(InputStream tar, Path root) throws IOException {
    return extract(tar, root, null, Budget.NONE);
  }

  /**
   * As {@link #extract(InputStream, Path)}, reading the tar through {@code recorder}, which is
   * told where each regular file's contents are.
   */
  public static long extract(TarSplit.Recorder recorder, Path root, Budget budget) throws IOException {
    return extract(recorder, root, recorder, budget);
  }

  private static long extract(InputStream tar, Path root, TarSplit.Recorder recorder, Budget budget)
      throws IOException {
    return new SafeExtractor(root, recorder, budget).run(tar);
  }

  private long run(InputStream tar) throws IOException {
    try (var listing = Files.list(root)) {
      // into an empty directory, what exists is what this extraction made: no need to ask the disk
      fresh = listing.findAny().isEmpty();
    }
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    TarArchiveEntry e;
    while ((e = in.getNextEntry()) != null) {
      if (options.owner() != null) {
        e.setUserId(options.owner()[0]);
        e.setGroupId(options.owner()[1]);
      }
      entry(in, e);
    }
    for (Map.Entry<Path, FileTime> d : dirTimes.reversed()) {
      setTimes(d.getKey(), d.getValue());
    }
    return size;
  }

  private void entry(InputStream in, TarArchiveEntry e) throws IOException {
    String rel = EntryNames.normalize(e.getName());
    if (rel.isEmpty()) {
      return;
    }
    int slash = rel.lastIndexOf('/');
    String base = rel.substring(slash + 1);
    Path parent = slash < 0 ? root : safeParents(rel.substring(0, slash), e.getName(), true);
    if (options.whiteouts() && base.startsWith(WHITEOUT_PREFIX)) {
      whiteout(e, parent, base);
      return;
    }
    Path target = parent.resolve(base);
    if (options.noOverwriteDirNonDir()) {
      BasicFileAttributes a = existing(target);
      if (a != null && a.isDirectory() && !e.isDirectory()) {
        throw new SystemException("cannot overwrite directory " + quote(shown(target)) + " with non-directory "
            + quote(shown(root)));
      }
      if (a != null && !a.isDirectory() && e.isDirectory()) {
        throw new SystemException("cannot overwrite non-directory " + quote(shown(target)) + " with directory "
            + quote(shown(root)));
      }
    }
    entryBody(in, e, target, rel);
    made.add(rel);
  }

  private void entryBody(InputStream in, TarArchiveEntry e, Path target, String rel) throws IOException {
    if (e.isDirectory()) {
      directory(e, target);
    } else if (e.isSymbolicLink()) {
      symlink(e, target);
    } else if (e.isLink()) {
      hardlink(e, target);
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      node(e, target);
    } else if (e.isFile() || e.isSparse()) {
      regularFile(in, e, target, rel);
    } else {
      throw new InvalidParameterException(
          "unsupported tar entry type '" + (char) e.getLinkFlag() + "': " + quote(e.getName()));
    }
  }

  /** Walks (creating as needed) the parent directories, refusing to pass through a symlink. */
  private Path safeParents(String relParent, String entryName, boolean create) throws IOException {
    if (fresh && dirs.contains(relParent)) {
      return root.resolve(relParent);
    }
    Path cur = root;
    StringBuilder walked = new StringBuilder();
    for (String part : relParent.split("/")) {
      cur = cur.resolve(part);
      if (!walked.isEmpty()) {
        walked.append('/');
      }
      walked.append(part);
      if (fresh && dirs.contains(walked.toString())) {
        continue;
      }
      BasicFileAttributes a = attrs(cur);
      if (a == null && !create) {
        return null;
      } else if (a == null) {
        Files.createDirectory(cur);
        Files.setAttribute(cur, "unix:mode", 0755, NOFOLLOW);
        made.add(walked.toString());
        dirs.add(walked.toString());
      } else if (a.isSymbolicLink()) {
        throw new InvalidParameterException(
            "invalid tar entry "
                + quote(entryName)
                + ": path escapes through symlink "
                + quote(root.relativize(cur).toString()));
      } else if (!a.isDirectory()) {
        throw new InvalidParameterException(
            "invalid tar entry "
                + quote(entryName)
                + ": parent "
                + quote(root.relativize(cur).toString())
                + " is not a directory");
      } else {
        dirs.add(walked.toString());
      }
    }
    return cur;
  }

  private void whiteout(TarArchiveEntry e, Path parent, String base) throws IOException {
    if (base.equals(OPAQUE)) {
      Fs.setXattr(parent, OPAQUE_XATTR, "y".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
      return; // other AUFS bookkeeping entries carry no content
    }
    String hidden = base.substring(WHITEOUT_PREFIX.length());
    if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
      throw new InvalidParameterException("invalid whiteout entry " + quote(e.getName()));
    }
    Path target = parent.resolve(hidden);
    removeExisting(target);
    try {
      Fs.mknodChar(target, 0, 0, 0);
    } catch (NativeException ex) {
      throw new SystemException("cannot create whiteout for " + quote(e.getName()), ex);
    }
    chown(target, e);
  }

  private void directory(TarArchiveEntry e, Path target) throws IOException {
    String rel = root.relativize(target).toString();
    if (!(fresh && dirs.contains(rel))) {
      BasicFileAttributes a = existing(target);
      if (a == null || !a.isDirectory()) {
        removeExisting(target);
        Files.createDirectory(target);
      }
      dirs.add(rel);
    }
    applyMetadata(target, e);
    dirTimes.add(Map.entry(target, e.getLastModifiedTime()));
  }

  /**
   * Device nodes and FIFOs are kept, as Docker keeps them (rootfs tarballs carry /dev entries);
   * the container's device cgroup leaves such nodes unusable unless Berth allows them.
   */
  private void node(TarArchiveEntry e, Path target) throws IOException {
    removeExisting(target);
    int type = e.isFIFO() ? Fs.S_IFIFO : e.isBlockDevice() ? Fs.S_IFBLK : Fs.S_IFCHR;
    try {
      Fs.mknod(target, type, e.getMode() & 07777, e.getDevMajor(), e.getDevMinor());
    } catch (NativeException ex) {
      throw new SystemException("cannot create " + quote(e.getName()) + ": " + ex.getMessage(), ex);
    }
    // by path: the JDK's no-follow variants open the file, which fails on a device without a
    // driver and blocks on a FIFO; the node was just made here, so the path is no symlink
    Files.setAttribute(target, "unix:uid", (int) e.getLongUserId());
    Files.setAttribute(target, "unix:gid", (int) e.getLongGroupId());
    Files.setAttribute(target, "unix:mode", e.getMode() & 07777);
    xattrs(target, e);
    Fs.setTimes(target, e.getLastModifiedTime().toInstant());
  }

  private void symlink(TarArchiveEntry e, Path target) throws IOException {
    if (e.getLinkName().isEmpty()) {
      throw new InvalidParameterException("symlink without target: " + quote(e.getName()));
    }
    removeExisting(target);
    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
    chown(target, e);
    xattrs(target, e);
    setTimes(target, e.getLastModifiedTime());
  }

  private void hardlink(TarArchiveEntry e, Path target) throws IOException {
    String link = e.getLinkName();
    if (link.startsWith("/")) {
      throw new InvalidParameterException(
          "invalid hardlink " + quote(e.getName()) + ": absolute target " + quote(link));
    }
    String rel = EntryNames.normalize(link);
    int slash = rel.lastIndexOf('/');
    Path dir = slash < 0 ? root : safeParents(rel.substring(0, slash), e.getName(), false);
    Path source = dir == null ? null : dir.resolve(rel.substring(slash + 1));
    BasicFileAttributes a = rel.isEmpty() || source == null ? null : attrs(source);
    if (a == null || a.isSymbolicLink() || a.isDirectory()) {
      throw new InvalidParameterException(
          "invalid hardlink "
              + quote(e.getName())
              + ": target "
              + quote(link)
              + " is not a file extracted earlier");
    }
    if (source.equals(target)) {
      return;
    }
    removeExisting(target);
    Files.createLink(target, source);
  }

  private void regularFile(InputStream in, TarArchiveEntry e, Path target, String rel) throws IOException {
    removeExisting(target);
    // a sparse file's tar holds its data runs only: it cannot be read back from the file whole
    boolean payload = recorder != null && !e.isSparse();
    if (recorder != null && e.isSparse()) {
      recorder.invalidate();
    }
    if (payload) {
      recorder.beginPayload(rel);
    }
    try (OutputStream out =
        Files.newOutputStream(
            target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW)) {
      while (true) {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        budget.written(size + n, size);
        size += n;
      }
    }
    if (payload) {
      recorder.endPayload();
    }
    // the file was made here, by this thread, in a private directory: no link can stand in for it
    Fs.setOwnerModeTime(target, (int) e.getLongUserId(), (int) e.getLongGroupId(), e.getMode() & 07777,
        false, e.getLastModifiedTime().toInstant());
    xattrs(target, e);
  }

  /** What is at {@code target}; in a fresh root, nothing unless this extraction made it. */
  private BasicFileAttributes existing(Path target) throws IOException {
    if (fresh && !made.contains(root.relativize(target).toString())) {
      return null;
    }
    return attrs(target);
  }

  /** Removes whatever an earlier entry put at {@code target}, never following a symlink. */
  private void removeExisting(Path target) throws IOException {
    BasicFileAttributes a = existing(target);
    if (a == null) {
      return;
    }
    if (recorder != null) {
      // what an earlier entry wrote is gone: its contents can no longer be read back
      recorder.invalidate();
    }
    if (a.isDirectory()) {
      MoreFiles.deleteRecursively(target);
      String rel = root.relativize(target).toString();
      dirs.removeIf(d -> d.equals(rel) || d.startsWith(rel + "/"));
      made.removeIf(d -> d.startsWith(rel + "/"));
    } else {
      Files.delete(target);
    }
  }

  /** Owner before mode, because chown clears the setuid and setgid bits. */
  private void applyMetadata(Path p, TarArchiveEntry e) throws IOException {
    Fs.setOwnerModeTime(p, (int) e.getLongUserId(), (int) e.getLongGroupId(), e.getMode() & 07777, false, null);
    xattrs(p, e);
  }

  private static void chown(Path p, TarArchiveEntry e) throws IOException {
    Files.setAttribute(p, "unix:uid", (int) e.getLongUserId(), NOFOLLOW);
    Files.setAttribute(p, "unix:gid", (int) e.getLongGroupId(), NOFOLLOW);
  }

  private static void xattrs(Path p, TarArchiveEntry e) {
    for (Map.Entry<String, String> h : e.getExtraPaxHeaders().entrySet()) {
      String key = h.getKey();
      if (key.startsWith("SCHILY.xattr.")) {
        byte[] value = h.getValue().getBytes(StandardCharsets.UTF_8);
        setXattr(p, key.substring("SCHILY.xattr.".length()), value, e);
      } else if (key.startsWith("LIBARCHIVE.xattr.")) {
        String name =
            java.net.URLDecoder.decode(
                key.substring("LIBARCHIVE.xattr.".length()), StandardCharsets.UTF_8);
        setXattr(p, name, Base64.getDecoder().decode(h.getValue().strip()), e);
      }
    }
  }

  /** Filesystems without xattr support, or namespaces the kernel refuses, are skipped. */
  private static void setXattr(Path p, String name, byte[] value, TarArchiveEntry e) {
    try {
      Fs.setXattr(p, name, value);
    } catch (NativeException ex) {
      if (ex.errno() != ENOTSUP && ex.errno() != EPERM) {
        throw new SystemException("cannot set xattr " + name + " on " + quote(e.getName()), ex);
      }
    }
  }

  private static void setTimes(Path p, FileTime mtime) throws IOException {
    Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW)
        .setTimes(mtime, mtime, null);
  }

  private static BasicFileAttributes attrs(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }
}
