package io.berth.daemon.volume;

import io.berth.common.error.SystemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tmpfs option string as dockerd merges it over its defaults: the mount flags grouped by the
 * flag each one sets or clears, the data keys the kernel takes.
 */
final class TmpfsFlags {
  private static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev", "rprivate");
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

  /** dockerd's MergeTmpfsOptions over its defaults: the last of each kind wins, data keys checked. */
  static List<String> merge(String data) {
    List<String> all = new ArrayList<>(DEFAULTS);
    if (data != null && !data.isEmpty()) {
      all.addAll(List.of(data.split(",", -1)));
    }
    List<String> out = new ArrayList<>();
    Set<String> flagsSeen = new HashSet<>();
    Set<String> dataSeen = new HashSet<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      String o = all.get(i);
      if (o.equals("defaults")) {
        continue;
      }
      String flagKey = key(o);
      if (flagKey != null) {
        if (flagsSeen.add(flagKey)) {
          out.addFirst(o);
        }
        continue;
      }
      int eq = o.indexOf('=');
      if (eq < 0 || !DATA.contains(o.substring(0, eq))) {
        throw new SystemException("invalid tmpfs option " + goQuoted(o));
      }
      if (dataSeen.add(o.substring(0, eq))) {
        out.addFirst(o);
      }
    }
    return out;
  }

  private static String goQuoted(String option) {
    int eq = option.indexOf('=');
    List<String> parts = eq < 0 ? List.of(option) : List.of(option.substring(0, eq), option.substring(eq + 1));
    return "[" + String.join(" ", parts.stream().map(s -> "\"" + s + "\"").toList()) + "]";
  }
}
