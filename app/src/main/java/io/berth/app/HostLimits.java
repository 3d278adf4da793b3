package io.berth.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What this host lets the daemon hand out: its capability bounding set and hard open-files limit.
 * Containers never get more (a sandbox without CAP_SYS_RESOURCE can't raise a hard limit).
 */
final class HostLimits {
  private static final List<String> CAPS = List.of("CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH",
      "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE",
      "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
      "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT",
      "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE",
      "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
      "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

  private HostLimits() {}

  static Set<String> boundingCaps() {
    long bits = -1;
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("CapBnd:")) {
          bits = Long.parseUnsignedLong(l.substring(7).strip(), 16);
        }
      }
    } catch (IOException e) {
      // assume everything; runc will refuse what the host lacks
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < CAPS.size(); i++) {
      if ((bits & (1L << i)) != 0) {
        out.add("CAP_" + CAPS.get(i));
      }
    }
    return out;
  }

  static long nofileHard() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (l.startsWith("Max open files")) {
          String[] f = l.substring(26).trim().split("\\s+");
          return f[1].equals("unlimited") ? 1048576 : Long.parseLong(f[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return 1024;
  }
}
