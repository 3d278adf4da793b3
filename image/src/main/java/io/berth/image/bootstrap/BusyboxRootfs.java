package io.berth.image.bootstrap;

import io.berth.common.error.SystemException;
import io.berth.image.archive.DirectoryTar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A root filesystem like the official busybox image: the static binary, one {@code /bin} link per
 * applet, the usual top-level directories and the passwd and group files. Every entry gets the
 * binary's mtime so that the same host binary always yields the same layer.
 */
final class BusyboxRootfs {
  private static final List<String> DIRS =
      List.of(
          "dev",
          "etc",
          "home",
          "proc",
          "sys",
          "usr",
          "usr/sbin",
          "var",
          "var/spool",
          "var/spool/mail",
          "var/www");
  static final String PASSWD =
      """
      root:x:0:0:root:/root:/bin/sh
      daemon:x:1:1:daemon:/usr/sbin:/bin/false
      bin:x:2:2:bin:/bin:/bin/false
      sys:x:3:3:sys:/dev:/bin/false
      sync:x:4:100:sync:/bin:/bin/sync
      mail:x:8:8:mail:/var/spool/mail:/bin/false
      www-data:x:33:33:www-data:/var/www:/bin/false
      operator:x:37:37:Operator:/var:/bin/false
      nobody:x:65534:65534:nobody:/home:/bin/false
      """;
  static final String GROUP =
      """
      root:x:0:
      daemon:x:1:
      bin:x:2:
      sys:x:3:
      adm:x:4:
      tty:x:5:
      disk:x:6:
      lp:x:7:
      mail:x:8:
      kmem:x:9:
      wheel:x:10:root
      cdrom:x:11:
      dialout:x:18:
      floppy:x:19:
      video:x:28:
      audio:x:29:
      tape:x:32:
      www-data:x:33:
      operator:x:37:
      utmp:x:43:
      plugdev:x:46:
      staff:x:50:
      lock:x:54:
      netdev:x:82:
      users:x:100:
      nogroup:x:65534:
      """;

  private final Path busybox;

  BusyboxRootfs(Path busybox) {
    this.busybox = busybox;
  }

  void write(OutputStream sink) throws IOException {
    if (!Files.isRegularFile(busybox) || !Files.isExecutable(busybox)) {
      throw new SystemException(
          "cannot bootstrap busybox: " + busybox + " not found (install busybox-static)");
    }
    FileTime mtime = Files.getLastModifiedTime(busybox);
    List<String> applets = applets();
    TarArchiveOutputStream tar = DirectoryTar.open(sink);
    dir(tar, "bin", 0755, mtime);
    try (InputStream in = Files.newInputStream(busybox)) {
      TarArchiveEntry e = entry("bin/busybox", TarConstants.LF_NORMAL, 0755, mtime);
      e.setSize(Files.size(busybox));
      tar.putArchiveEntry(e);
      in.transferTo(tar);
      tar.closeArchiveEntry();
    }
    for (String applet : applets) {
      TarArchiveEntry e = entry("bin/" + applet, TarConstants.LF_SYMLINK, 0777, mtime);
      e.setLinkName("busybox");
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    }
    for (String d : DIRS) {
      dir(tar, d, 0755, mtime);
    }
    dir(tar, "root", 0700, mtime);
    dir(tar, "tmp", 01777, mtime);
    file(tar, "etc/passwd", PASSWD, mtime);
    file(tar, "etc/group", GROUP, mtime);
    tar.finish();
    tar.flush();
  }

  /** {@code busybox --list}: the applets compiled into this binary. */
  private List<String> applets() {
    List<String> out = new ArrayList<>();
    Commands.run(
        List.of(busybox.toString(), "--list"),
        line -> {
          String a = line.strip();
          if (!a.isEmpty() && !a.equals("busybox") && a.indexOf('/') < 0 && !a.startsWith(".")) {
            out.add(a);
          }
        });
    if (!out.contains("sh")) {
      throw new SystemException(busybox + " --list does not include sh");
    }
    return out;
  }

  private static void dir(TarArchiveOutputStream tar, String name, int mode, FileTime t)
      throws IOException {
    tar.putArchiveEntry(entry(name + "/", TarConstants.LF_DIR, mode, t));
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, String text, FileTime t)
      throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, 0644, t);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry entry(String name, byte type, int mode, FileTime t) {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setMode(mode);
    e.setUserId(0);
    e.setGroupId(0);
    e.setModTime(t);
    return e;
  }
}
