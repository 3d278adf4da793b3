package io.berth.runtime.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker's ulimit names, their OCI rlimit types, and what this host lets a container have: runc
 * sets a container's rlimits from berthd's own, and without CAP_SYS_RESOURCE no hard limit can
 * go above berthd's.
 */
public final class Rlimits {
  /** Docker's names (go-units), each with its line in /proc/self/limits. */
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("core", "Max core file size");
    LABELS.put("cpu", "Max cpu time");
    LABELS.put("data", "Max data size");
    LABELS.put("fsize", "Max file size");
    LABELS.put("locks", "Max file locks");
    LABELS.put("memlock", "Max locked memory");
    LABELS.put("msgqueue", "Max msgqueue size");
    LABELS.put("nice", "Max nice priority");
    LABELS.put("nofile", "Max open files");
    LABELS.put("nproc", "Max processes");
    LABELS.put("rss", "Max resident set");
    LABELS.put("rtprio", "Max realtime priority");
    LABELS.put("rttime", "Max realtime timeout");
    LABELS.put("sigpending", "Max pending signals");
    LABELS.put("stack", "Max stack size");
  }

  private static final Pattern LINE = Pattern.compile("^(Max [a-z ]+?)\\s{2,}(\\S+)\\s+(\\S+)");
  private static final int CAP_SYS_RESOURCE = 24;

  private Rlimits() {}

  public static boolean known(String name) {
    return LABELS.containsKey(name);
  }

  /** The OCI type of a Docker name: {@code nofile} is {@code RLIMIT_NOFILE}. */
  public static String type(String name) {
    return "RLIMIT_" + name.toUpperCase(Locale.ROOT);
  }

  /** berthd's hard limits by Docker name (-1: unlimited), and whether it may raise them. */
  public record Host(Map<String, Long> hard, boolean canRaise) {
    /** The hard limit a container may have for {@code name}, -1 for unlimited. */
    public long max(String name) {
      return hard.getOrDefault(name, -1L);
    }

    /** Whether a hard limit of {@code asked} (-1: unlimited) is within what runc can set here. */
    public boolean allows(String name, long asked) {
      long max = max(name);
      return canRaise || max == -1 || (asked != -1 && asked <= max);
    }
  }

  private static volatile Host self;

  /** This process's, read once. */
  public static Host host() {
    Host h = self;
    if (h == null) {
      h = read(Path.of("/proc/self/limits"), Path.of("/proc/self/status"));
      self = h;
    }
    return h;
  }

  static Host read(Path limits, Path status) {
    Map<String, Long> hard = new LinkedHashMap<>();
    try {
      Map<String, String> byLabel = new LinkedHashMap<>();
      LABELS.forEach((k, v) -> byLabel.put(v, k));
      for (String line : Files.readAllLines(limits)) {
        Matcher m = LINE.matcher(line);
        if (m.find() && byLabel.containsKey(m.group(1))) {
          hard.put(byLabel.get(m.group(1)), m.group(3).equals("unlimited") ? -1L : Long.parseLong(m.group(3)));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // nothing known: runc's own error will say what failed
    }
    boolean canRaise = false;
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("CapEff:")) {
          canRaise = (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << CAP_SYS_RESOURCE)) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // taken as without
    }
    return new Host(Map.copyOf(hard), canRaise);
  }
}
