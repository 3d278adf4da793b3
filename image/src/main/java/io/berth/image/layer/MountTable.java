package io.berth.image.layer;

import io.berth.linux.Fs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The mount points of this process's mount namespace, from {@code /proc/self/mounts}. */
public final class MountTable {
  private static final Path MOUNTS = Path.of("/proc/self/mounts");

  private MountTable() {}

  /** Mount points at or below {@code dir}, in mount order. */
  public static List<Path> under(Path dir) throws IOException {
    Path base = dir.toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    for (String line : Files.readAllLines(MOUNTS)) {
      String[] f = line.split(" ");
      if (f.length > 1) {
        Path mp = Path.of(unescape(f[1]));
        if (mp.startsWith(base)) {
          out.add(mp);
        }
      }
    }
    return out;
  }

  /** Lazily unmounts everything at or below {@code dir}, deepest and newest first. */
  public static void unmountUnder(Path dir) throws IOException {
    for (Path mp : under(dir).reversed()) {
      try {
        Fs.umount(mp, Fs.MNT_DETACH);
      } catch (RuntimeException e) {
        throw new IOException("cannot unmount " + mp + ": " + e.getMessage(), e);
      }
    }
  }

  /** The kernel writes space, tab, newline and backslash in mount paths as octal escapes. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1)) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
