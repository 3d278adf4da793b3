package io.berth.cli.command.container;

import io.berth.cli.command.container.ContainerOptions.Invalid;
import io.berth.cli.flags.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flags of {@code run}, {@code create} and {@code update} for resources, security and
 * isolation, parsed and checked as docker's client does before any request: limits, ulimits,
 * health checks, devices, sysctls and security options.
 */
final class ResourceFlags {
  private ResourceFlags() {}

  /**
   * The resource limits given, as HostConfig members, parsed as docker's flags parse them
   * ({@code --cpus} a rational number of CPUs, {@code --memory-swap} bytes or -1).
   */
  static Map<String, Object> limits(Parsed p) throws Invalid {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    if (p.changed("cpu-shares")) {
      m.put("CpuShares", p.int64("cpu-shares", 0));
    }
    if (p.changed("memory")) {
      m.put("Memory", p.bytes("memory", 0));
    }
    if (p.changed("cpus")) {
      String v = p.string("cpus", "");
      java.math.BigDecimal nano;
      try {
        nano = new java.math.BigDecimal(v.strip()).movePointRight(9);
      } catch (NumberFormatException e) {
        throw new Invalid("invalid argument \"" + v + "\" for \"--cpus\" flag: failed to parse " + v
            + " as a rational number");
      }
      if (nano.stripTrailingZeros().scale() > 0) {
        throw new Invalid("invalid argument \"" + v + "\" for \"--cpus\" flag: value is too precise");
      }
      m.put("NanoCpus", nano.longValueExact());
    }
    if (p.changed("cpu-period")) {
      m.put("CpuPeriod", p.int64("cpu-period", 0));
    }
    if (p.changed("cpu-quota")) {
      m.put("CpuQuota", p.int64("cpu-quota", 0));
    }
    if (p.changed("cpuset-cpus")) {
      m.put("CpusetCpus", p.string("cpuset-cpus", ""));
    }
    if (p.changed("cpuset-mems")) {
      m.put("CpusetMems", p.string("cpuset-mems", ""));
    }
    if (p.changed("memory-reservation")) {
      m.put("MemoryReservation", p.bytes("memory-reservation", 0));
    }
    if (p.changed("memory-swap")) {
      String v = p.string("memory-swap", "");
      m.put("MemorySwap", v.strip().equals("-1") ? -1L : p.bytes("memory-swap", 0));
    }
    if (p.changed("memory-swappiness")) {
      m.put("MemorySwappiness", p.int64("memory-swappiness", -1));
    }
    if (p.bool("oom-kill-disable")) {
      m.put("OomKillDisable", true);
    }
    if (p.changed("pids-limit")) {
      m.put("PidsLimit", p.int64("pids-limit", 0));
    }
    if (p.changed("oom-score-adj")) {
      m.put("OomScoreAdj", p.int64("oom-score-adj", 0));
    }
    return m;
  }

  private static final java.util.Set<String> ULIMITS = java.util.Set.of("core", "cpu", "data", "fsize", "locks",
      "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

  /** {@code --ulimit name=soft[:hard]} as go-units parses it: by name, soft then hard; the last of a name wins. */
  static Map<String, long[]> ulimits(Parsed p) throws Invalid {
    Map<String, long[]> out = new java.util.LinkedHashMap<>();
    for (String v : p.list("ulimit")) {
      String prefix = "invalid argument \"" + v + "\" for \"--ulimit\" flag: ";
      int eq = v.indexOf('=');
      if (eq < 0) {
        throw new Invalid(prefix + "invalid ulimit argument: " + v);
      }
      String name = v.substring(0, eq);
      if (!ULIMITS.contains(name)) {
        throw new Invalid(prefix + "invalid ulimit type: " + name);
      }
      String[] vals = v.substring(eq + 1).split(":", -1);
      if (vals.length > 2) {
        throw new Invalid(prefix + "too many limit value arguments - " + v.substring(eq + 1)
            + ", can only have up to two, `soft[:hard]`");
      }
      long soft;
      long hard;
      try {
        soft = Long.parseLong(vals[0]);
        hard = vals.length == 2 ? Long.parseLong(vals[1]) : soft;
      } catch (NumberFormatException e) {
        throw new Invalid(prefix + "strconv.ParseInt: parsing \"" + (vals.length == 2 && !vals[1].matches("-?\\d+")
            ? vals[1] : vals[0]) + "\": invalid syntax");
      }
      if (hard != -1 && (soft == -1 || soft > hard)) {
        throw new Invalid(prefix + "ulimit soft limit must be less than or equal to hard limit: "
            + (soft == -1 ? "soft: -1 (unlimited), hard: " + hard : soft + " > " + hard));
      }
      out.put(name, new long[] {soft, hard});
    }
    return out;
  }

  /**
   * docker's health flags: interval, timeout, start period, start interval (nanoseconds) and
   * retries; null when none is given. Its words for negative values and for --no-healthcheck
   * beside them.
   */
  static long[] health(Parsed p) throws Invalid {
    boolean any = !p.string("health-cmd", "").isEmpty();
    long[] v = new long[5];
    String[] names = {"health-interval", "health-timeout", "health-start-period", "health-start-interval"};
    for (int i = 0; i < names.length; i++) {
      if (p.changed(names[i])) {
        String raw = p.string(names[i], "0");
        try {
          v[i] = io.berth.cli.flags.GoParse.duration(raw);
        } catch (IllegalArgumentException e) {
          throw new Invalid("invalid argument \"" + raw + "\" for \"--" + names[i] + "\" flag: " + e.getMessage());
        }
        any |= v[i] != 0;
      }
    }
    v[4] = p.int64("health-retries", 0);
    any |= v[4] != 0;
    if (!any) {
      return null;
    }
    if (p.bool("no-healthcheck")) {
      throw new Invalid("--no-healthcheck conflicts with --health-* options");
    }
    String[] words = {"--health-interval", "--health-timeout", "--health-start-period", "--health-start-interval",
        "--health-retries"};
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0) {
        throw new Invalid(words[i] + " cannot be negative");
      }
    }
    return v;
  }

  /** {@code --device host[:container][:rwm]} as docker's client splits it; and the cgroup rules' format. */
  static List<String[]> devices(Parsed p) throws Invalid {
    List<String[]> out = new ArrayList<>();
    for (String v : p.list("device")) {
      String[] a = v.split(":", 4);
      String perms = "rwm";
      String dst = "";
      if (a.length > 3) {
        throw new Invalid("invalid argument \"" + v + "\" for \"--device\" flag: invalid device specification: " + v);
      }
      if (a.length == 3) {
        perms = a[2];
      }
      if (a.length >= 2) {
        if (a[1].matches("[rwm]{1,3}")) {
          perms = a[1];
        } else {
          dst = a[1];
        }
      }
      if (!perms.matches("[rwm]{1,3}")) {
        throw new Invalid("invalid argument \"" + v + "\" for \"--device\" flag: bad mode specified: " + perms);
      }
      out.add(new String[] {a[0], dst.isEmpty() ? a[0] : dst, perms});
    }
    for (String r : p.list("device-cgroup-rule")) {
      if (!r.matches("^[acb] ([0-9]+|\\*):([0-9]+|\\*) [rwm]{1,3}$")) {
        throw new Invalid("invalid argument \"" + r + "\" for \"--device-cgroup-rule\" flag: invalid device cgroup"
            + " format '" + r + "'");
      }
    }
    return out;
  }

  private static final java.util.Set<String> IPC_SYSCTLS = java.util.Set.of("kernel.msgmax", "kernel.msgmnb",
      "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

  /** {@code --sysctl}: docker's client lets through only namespaced ones (IPC's, net.*, fs.mqueue.*). */
  static Map<String, String> sysctls(Parsed p) throws Invalid {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String v : p.list("sysctl")) {
      int eq = v.indexOf('=');
      String key = eq < 0 ? v : v.substring(0, eq);
      if (eq < 0 || !(IPC_SYSCTLS.contains(key) || key.startsWith("net.") || key.startsWith("fs.mqueue."))) {
        throw new Invalid("invalid argument \"" + v + "\" for \"--sysctl\" flag: sysctl '" + v + "' is not allowed");
      }
      out.put(key, v.substring(eq + 1));
    }
    return out;
  }

  /** Valid JSON without the whitespace between its tokens. */
  private static String compact(String json) {
    StringBuilder b = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        b.append(c);
        if (c == '\\') {
          b.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        b.append(c);
      } else if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** As docker's client: a seccomp profile named by its file is sent as the file's JSON, compacted. */
  static List<String> securityOpts(Parsed p) throws Invalid {
    List<String> out = new ArrayList<>();
    for (String o : p.list("security-opt")) {
      if ((o.startsWith("seccomp=") || o.startsWith("seccomp:")) && !o.substring(8).equals("unconfined")) {
        String file = o.substring(8);
        byte[] raw;
        try {
          raw = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
          throw new Invalid("opening seccomp profile (" + file + ") failed: open " + file
              + ": no such file or directory");
        }
        try {
          io.berth.client.json.JsonReader.parse(raw);
        } catch (RuntimeException e) {
          throw new Invalid("compacting json for seccomp profile (" + file + ") failed: " + e.getMessage());
        }
        out.add("seccomp=" + compact(new String(raw, java.nio.charset.StandardCharsets.UTF_8)));
      } else {
        out.add(o);
      }
    }
    return out;
  }

}
