package io.berth.daemon.volume;

import java.util.Map;
import java.util.Set;

/** The mount flags a tmpfs option string may hold, grouped as the flag each one sets or clears. */
final class TmpfsFlags {
  static final Set<String> DATA = Set.of("", "size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");

  private static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry("ro", "rdonly"), Map.entry("rw", "rdonly"),
      Map.entry("suid", "nosuid"), Map.entry("nosuid", "nosuid"),
      Map.entry("dev", "nodev"), Map.entry("nodev", "nodev"),
      Map.entry("exec", "noexec"), Map.entry("noexec", "noexec"),
      Map.entry("sync", "sync"), Map.entry("async", "sync"),
      Map.entry("dirsync", "dirsync"), Map.entry("remount", "remount"),
      Map.entry("mand", "mand"), Map.entry("nomand", "mand"),
      Map.entry("atime", "noatime"), Map.entry("noatime", "noatime"),
      Map.entry("diratime", "nodiratime"), Map.entry("nodiratime", "nodiratime"),
      Map.entry("relatime", "relatime"), Map.entry("norelatime", "relatime"),
      Map.entry("strictatime", "strictatime"), Map.entry("nostrictatime", "strictatime"),
      Map.entry("bind", "propagation"), Map.entry("rbind", "propagation"),
      Map.entry("unbindable", "propagation"), Map.entry("runbindable", "propagation"),
      Map.entry("private", "propagation"), Map.entry("rprivate", "propagation"),
      Map.entry("shared", "propagation"), Map.entry("rshared", "propagation"),
      Map.entry("slave", "propagation"), Map.entry("rslave", "propagation"));

  private TmpfsFlags() {}

  /** The flag an option sets or clears (options of one flag override each other), or null for data. */
  static String key(String option) {
    return KEYS.get(option);
  }
}
