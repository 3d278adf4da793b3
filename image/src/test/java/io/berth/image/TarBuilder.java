package io.berth.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small tar archives in memory for tests. */
public final class TarBuilder {
  public static final FileTime MTIME = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  public TarBuilder() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public TarBuilder dir(String name, int mode) {
    return add(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode), null);
  }

  public TarBuilder file(String name, String content) {
    return file(name, content, 0644, 0, 0);
  }

  public TarBuilder file(String name, String content, int mode, int uid, int gid) {
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, mode);
    e.setUserId(uid);
    e.setGroupId(gid);
    return add(e, content.getBytes(StandardCharsets.UTF_8));
  }

  public TarBuilder fileWithXattrs(String name, String content, Map<String, String> xattrs) {
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, 0644);
    xattrs.forEach((k, v) -> e.addPaxHeader("SCHILY.xattr." + k, v));
    return add(e, content.getBytes(StandardCharsets.UTF_8));
  }

  public TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0777);
    e.setLinkName(target);
    return add(e, null);
  }

  public TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_LINK, 0644);
    e.setLinkName(target);
    return add(e, null);
  }

  public TarBuilder charDevice(String name, int major, int minor) {
    TarArchiveEntry e = entry(name, TarConstants.LF_CHR, 0666);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    return add(e, null);
  }

  public TarBuilder fifo(String name) {
    return add(entry(name, TarConstants.LF_FIFO, 0644), null);
  }

  public byte[] build() {
    try {
      tar.finish();
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static TarArchiveEntry entry(String name, byte type, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setMode(mode);
    e.setModTime(MTIME);
    return e;
  }

  private TarBuilder add(TarArchiveEntry e, byte[] content) {
    try {
      if (content != null) {
        e.setSize(content.length);
      }
      tar.putArchiveEntry(e);
      if (content != null) {
        tar.write(content);
      }
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
